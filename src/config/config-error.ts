/** A usage or configuration mistake: reported as one line, exit code 2. */
export class ConfigError extends Error {
  override readonly name: string = 'ConfigError';
  readonly code = 'ECONFIG';
}
