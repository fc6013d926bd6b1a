import type { TokenRef } from '../../src/runner/run-state.js';

/** Picks, from Tokens as they stream by, one valid and one invalid token for the authorization cases. */
export interface TokenSampler {
  consider(token: unknown): void;
  chosen(): { valid?: TokenRef; invalid?: TokenRef };
}

export function sampleTokens(): TokenSampler {
  let valid: TokenRef | undefined;
  let invalid: TokenRef | undefined;
  return {
    consider(token) {
      const { uid, type, valid: isValid, whitelist } = (token ?? {}) as { uid?: unknown; type?: unknown; valid?: unknown; whitelist?: unknown };
      if (typeof uid !== 'string' || typeof type !== 'string' || typeof isValid !== 'boolean') return;
      // A token whitelisted ALWAYS is never authorized in real time (Tokens module, WhitelistType): not a sample.
      if (whitelist === 'ALWAYS') return;
      if (isValid) valid ??= { uid, type };
      else invalid ??= { uid, type };
    },
    chosen: () => ({ ...(valid ? { valid } : {}), ...(invalid ? { invalid } : {}) }),
  };
}
