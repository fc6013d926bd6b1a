import { ConfigError } from '../config/config-error.js';

/** Thrown when a fault name is not in the catalogue: a usage error (exit code 2). */
export class UnknownFaultError extends ConfigError {
  override readonly name: string = 'UnknownFaultError';
}
