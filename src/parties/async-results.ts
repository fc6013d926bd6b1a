import type { ServerRequest } from '../server/ocpi-server.js';
import { TransportError } from '../transport/transport-error.js';
import type { PartyContext } from './party-context.js';

// Long enough for the synchronous answer to reach the partner first, as the spec's sequence diagrams show.
const RESULT_DELAY_MS = 20;

/** The party a result is addressed to, as far as the request that asked for it named it. */
export interface ResultRecipient {
  readonly countryCode?: string;
  readonly partyId?: string;
}

/** One asynchronous result to post: a bare CommandResult, ChargingProfileResult, … (no envelope). */
export interface AsyncResult {
  readonly responseUrl: string;
  readonly result: unknown;
  readonly to?: ResultRecipient;
  /** A fault's slip in how the result is sent: the token raw instead of Base64, or Token A instead of the partner's token. */
  readonly slip?: 'raw-token' | 'token-a';
}

/** The recipient of a result: whoever sent the request, by its OCPI-from routing headers. */
export function recipientOf(request: ServerRequest): ResultRecipient {
  const countryCode = request.headers['ocpi-from-country-code'];
  const partyId = request.headers['ocpi-from-party-id'];
  return { ...(countryCode ? { countryCode } : {}), ...(partyId ? { partyId } : {}) };
}

/**
 * Posts asynchronous results (CommandResult, ChargingProfileResult, …) to a partner's `response_url` a moment after
 * the synchronous answer, with the registration's outbound token. A partner that is gone is no error: results are
 * not retried. `settle()` waits for every post under way, so a party can stop cleanly.
 */
export class AsyncResults {
  readonly #party: PartyContext;
  readonly #pending = new Set<Promise<void>>();
  // Errors other than transport failures are bugs; kept for settle() so they are not lost in a timer.
  readonly #failures: unknown[] = [];

  constructor(party: PartyContext) {
    this.#party = party;
  }

  /** Schedules the post of one result; returns at once. */
  post(result: AsyncResult): void {
    if (this.#party.faults.has('results-never-sent')) return;
    const party = this.#party;
    // Faults of the one client a CPO posts every result with: the result in lower case, the token raw, addressed to itself.
    const sent: AsyncResult = {
      ...result,
      ...(party.faults.has('results-in-lowercase') ? { result: lowercaseResult(result.result) } : {}),
      ...(party.faults.has('results-raw-token') ? { slip: 'raw-token' as const } : {}),
      ...(party.faults.has('results-routed-to-itself') ? { to: { countryCode: party.countryCode, partyId: party.partyId } } : {}),
    };
    const pending = delay(RESULT_DELAY_MS)
      .then(() => this.#send(sent))
      .catch((error: unknown) => {
        if (!(error instanceof TransportError)) this.#failures.push(error);
      })
      .finally(() => this.#pending.delete(pending));
    this.#pending.add(pending);
  }

  /** Resolves once every scheduled post is done (posts scheduled meanwhile included); rejects on a non-transport error. */
  async settle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
    const failure = this.#failures.shift();
    if (failure !== undefined) throw failure;
  }

  async #send({ responseUrl, result, to, slip }: AsyncResult): Promise<void> {
    const party = this.#party;
    // Without a registration there is no token to present, so nothing may be posted.
    const registration = party.state.registration;
    if (!registration) return;
    // A 2.1.1 registration's partner gets the token as issued and no routing headers (they came with 2.2); under
    // results-base64-token it gets the token Base64-encoded, as 2.2 sends it.
    const v211 = registration.version === '2.1.1';
    const headers: Record<string, string> = v211 ? {} : {
      'ocpi-from-country-code': party.countryCode,
      'ocpi-from-party-id': party.partyId,
      ...(to?.countryCode ? { 'ocpi-to-country-code': to.countryCode } : {}),
      ...(to?.partyId ? { 'ocpi-to-party-id': to.partyId } : {}),
    };
    const token = slip === 'token-a' ? party.state.tokenA : registration.outbound;
    const encoding = slip === 'raw-token' || (v211 && !party.faults.has('results-base64-token')) ? 'raw' : 'base64';
    await party.client.send({ method: 'POST', url: responseUrl, token, body: result, headers, tokenEncoding: encoding });
  }
}

/** A result whose `result` value is written in lower case ("accepted"), as an enum serialized by its name would be. */
function lowercaseResult(result: unknown): unknown {
  if (result === null || typeof result !== 'object' || typeof (result as { result?: unknown }).result !== 'string') return result;
  return { ...result, result: (result as { result: string }).result.toLowerCase() };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
