import type { TokenRef } from '../../src/runner/run-state.js';

/** Picks, from Tokens as they stream by, one valid and one invalid token for the authorization cases. */
export interface TokenSampler {
  consider(token: unknown): void;
  chosen(): { valid?: TokenRef; invalid?: TokenRef };
}

/**
 * The sampler; with `preferred`, a token of that type replaces an earlier sample of another type (OCPI 2.1.1 is
 * authorized without a type parameter, whose default is RFID).
 */
export function sampleTokens(preferred?: string): TokenSampler {
  let valid: TokenRef | undefined;
  let invalid: TokenRef | undefined;
  return {
    consider(token) {
      const { uid, type, valid: isValid, whitelist } = (token ?? {}) as { uid?: unknown; type?: unknown; valid?: unknown; whitelist?: unknown };
      if (typeof uid !== 'string' || typeof type !== 'string' || typeof isValid !== 'boolean') return;
      // A token whitelisted ALWAYS is never authorized in real time (Tokens module, WhitelistType): not a sample.
      if (whitelist === 'ALWAYS') return;
      const better = (current: TokenRef | undefined): boolean => current === undefined || (preferred !== undefined && current.type !== preferred && type === preferred);
      if (isValid && better(valid)) valid = { uid, type };
      if (!isValid && better(invalid)) invalid = { uid, type };
    },
    chosen: () => ({ ...(valid ? { valid } : {}), ...(invalid ? { invalid } : {}) }),
  };
}
