import { ConfigError } from '../config/config-error.js';

/** Thrown when a variant name is not in the catalogue, or not for the party's role: a usage error (exit code 2). */
export class UnknownVariantError extends ConfigError {
  override readonly name: string = 'UnknownVariantError';
}
