/** Thrown when a variant name is not in the catalogue, or not for the party's role: a usage error (exit code 2). */
export class UnknownVariantError extends Error {
  override readonly name = 'UnknownVariantError';
}
