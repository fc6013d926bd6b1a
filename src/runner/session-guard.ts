import type { Secret } from '../config/secret.js';
import type { Revocation } from '../model/revocation.js';

/**
 * Watches the credentials token of the registration across the run. A token the target accepted and then refuses
 * with 401, without the tester having rotated or deleted it, has been revoked: that is said once, where it happened,
 * and every later request with it is skipped with that reason, instead of failing every case that still needed it.
 */
export class SessionGuard {
  readonly #accepted = new Map<Secret, string>();
  #revoked: { readonly token: Secret; readonly revocation: Revocation } | undefined;

  /** Notes a response to a request made with `token`; returns the revocation when this response is the first refusal. */
  observe(token: Secret, status: number, at: { readonly caseId: string; readonly request: string; readonly exchangeId: string }): Revocation | undefined {
    if (status !== 401) {
      if (!this.#revoked?.token.equals(token.reveal())) this.#accepted.set(token, at.caseId);
      return undefined;
    }
    const acceptedBy = this.#acceptedBy(token);
    if (acceptedBy === undefined || this.#revoked) return undefined;
    const revocation: Revocation = Object.freeze({ caseId: at.caseId, request: at.request, exchangeId: at.exchangeId, ...(acceptedBy === at.caseId ? {} : { lastAcceptedBy: acceptedBy }) });
    this.#revoked = { token, revocation };
    return revocation;
  }

  /** The revocation of this token, if the target revoked it. */
  revokedFor(token: Secret): Revocation | undefined {
    return this.#revoked?.token.equals(token.reveal()) ? this.#revoked.revocation : undefined;
  }

  /** Any revocation in this run. */
  get revocation(): Revocation | undefined {
    return this.#revoked?.revocation;
  }

  #acceptedBy(token: Secret): string | undefined {
    for (const [known, caseId] of this.#accepted) if (known.equals(token.reveal())) return caseId;
    return undefined;
  }
}

/** Why a case that needs the registration's token cannot run any more. */
export function revocationReason(revocation: Revocation): string {
  return `the target stopped accepting the credentials token during ${revocation.caseId} (${revocation.request} answered 401)`;
}
