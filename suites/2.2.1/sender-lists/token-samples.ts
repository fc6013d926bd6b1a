import type { TokenRef } from '../../../src/runner/run-state.js';

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
      const { uid, type, valid: isValid } = (token ?? {}) as { uid?: unknown; type?: unknown; valid?: unknown };
      if (typeof uid !== 'string' || typeof type !== 'string' || typeof isValid !== 'boolean') return;
      if (isValid) valid ??= { uid, type };
      else invalid ??= { uid, type };
    },
    chosen: () => ({ ...(valid ? { valid } : {}), ...(invalid ? { invalid } : {}) }),
  };
}
