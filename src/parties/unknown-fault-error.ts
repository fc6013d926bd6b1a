/** Thrown when a fault name is not in the catalogue: a usage error (exit code 2). */
export class UnknownFaultError extends Error {
  override readonly name = 'UnknownFaultError';
}
