import { CALLER_WORDS, carriesGivenToken, checkBase64Authorization } from '../../src/checks/credentials.js';
import { fail, pass, warn } from '../../src/checks/finding.js';
import { carriesOcpiHeaders } from '../../src/model/ocpi-version.js';
import { checkRequestRouting } from '../../src/checks/request-routing.js';
import { TESTER_IDENTITY } from '../../src/model/tester-identity.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { checkRequestBody } from '../../src/checks/schema.js';
import { DeadlineExceededError, type CaseContext } from '../../src/runner/case-context.js';
import { moduleRequest, type ModuleRequest } from '../../src/runner/module-request.js';

/** The checks a request with an asynchronous result reports. */
export const ASYNC_REQUEST_CHECKS = [...OCPI_RESPONSE_CHECKS, 'async.result-received', 'schema.request', 'auth.token-base64-encoded', 'headers.request-routing'] as const;

/** How much later than the announced timeout a result may arrive: network and clock slack, not a second chance. */
export const RESULT_MARGIN_MS = 5_000;

/** A request whose outcome the target POSTs later to the `response_url` the tester gives. */
export interface AsyncRequest {
  /** Builds the request around the response_url the tester made for it. */
  readonly request: (responseUrl: string) => ModuleRequest;
  /** The synchronous answer's object: `CommandResponse`, `ChargingProfileResponse`. */
  readonly response: string;
  /** The asynchronous result's object: `CommandResult`, `ChargingProfileResult`, ... */
  readonly result: string;
  /** What the result is about, for messages: "the START_SESSION result". */
  readonly what: string;
  /** The request's name for a skip reason: "START_SESSION", "setting a charging profile". */
  readonly name: string;
  /**
   * Called as soon as the target answers ACCEPTED, before any check: the charger acts from then on, so this is where
   * a case registers the step that undoes it (`t.compensate`).
   */
  readonly onAccepted?: () => void;
}

/**
 * What came of it: the synchronous `result` value and, when one arrived, the result body. `failed` when the flow cannot
 * go on: the request was not answered with a usable result, or the asynchronous result did not arrive usable. A check
 * that failed on the form of an answer that is still usable (an envelope's timestamp, a missing timeout) fails the case
 * but does not stop what follows, so one root cause does not skip the cases that build on the command.
 */
export interface AsyncOutcome {
  readonly failed: boolean;
  readonly answer?: string;
  readonly result?: Record<string, unknown>;
}

/**
 * Sends the request and judges the synchronous answer (a valid response object, status 1000). An answer other than
 * ACCEPTED (a busy charger, a CPO that does not support it) ends the case as skipped with the reason, since the result
 * rule cannot be checked; the answer's own findings are kept. When it says ACCEPTED, even in an answer that failed a
 * check (the charger acts all the same), waits for the result at the response_url within the announced timeout plus a
 * margin (capped by --deadline), and validates its body. A result without the credentials token the tester gave the
 * target (when it gave one: not Token A, not a token of the target's own) does not count as received; one that came
 * is judged as every request to a functional module: the token Base64-encoded, the routing headers right.
 */
export async function sendWithResult(t: CaseContext, spec: AsyncRequest): Promise<AsyncOutcome> {
  const responseUrl = t.peer.resultUrl(spec.result);
  const after = t.peer.inbound.position;
  const response = await moduleRequest(t, spec.request(responseUrl));
  const findings = checkOcpiResponse(response.exchange, t.version, { data: spec.response });
  t.check(findings);
  const data = (response.body as { data?: { result?: unknown; timeout?: unknown } } | undefined)?.data;
  const answer = typeof data?.result === 'string' ? data.result : undefined;
  if (answer !== 'ACCEPTED') {
    if (findings.some((f) => f.status === 'fail')) return { failed: true, ...(answer ? { answer } : {}) };
    t.skip(`the target answered ${spec.name} with ${answer ?? 'no result'}, so whether its result arrives in time could not be checked (a charger may be busy or not support it; choose another with --test-location/--test-evse)`);
  }
  spec.onAccepted?.();
  // Without a usable timeout (the answer's schema check says so) the wait is the run's deadline.
  const announced = typeof data?.timeout === 'number' ? data.timeout : undefined;
  const path = new URL(responseUrl).pathname;
  const limit = announced === undefined ? t.deadlineMs : announced * 1000 + RESULT_MARGIN_MS;
  try {
    const record = await t.waitForRequest(spec.what, (r) => r.exchange.request.method === 'POST' && new URL(r.exchange.request.url).pathname === path, { after, timeoutMs: limit });
    // Without a registration in this run (--handshake none) the tester cannot know the target's token for it.
    const session = t.get('session');
    const known = session.ourToken !== undefined;
    if (record.caller === 'missing' || (known && !carriesGivenToken(record))) {
      t.check(fail('async.result-received', `${spec.what} came with ${CALLER_WORDS[record.caller] ?? record.caller}: a result is sent with the credentials token the receiver of the command gave at registration`, { exchangeId: record.exchange.id, expected: 'the token the tester gave the target', actual: CALLER_WORDS[record.caller] ?? record.caller }));
      return { failed: true, answer };
    }
    t.check(pass('async.result-received', `${spec.what} arrived at the response_url`, { exchangeId: record.exchange.id }));
    t.check(checkBase64Authorization([record], t.version));
    if (carriesOcpiHeaders(t.version)) t.check(checkRequestRouting(record.exchange, { tester: TESTER_IDENTITY, target: session.partner ?? [] }));
    const valid = checkRequestBody(record.exchange, t.version, spec.result);
    t.check(valid);
    const body = record.exchange.request.body as Record<string, unknown> | undefined;
    const usable = typeof body?.['result'] === 'string';
    return { failed: !usable, answer, ...(body ? { result: body } : {}) };
  } catch (error) {
    if (!(error instanceof DeadlineExceededError)) throw error;
    const waited = Math.min(limit, t.deadlineMs);
    // OCPI 2.1.1 gives the answer no timeout, so no result is late: one not seen within the tester's own wait warns.
    if (t.version === '2.1.1') {
      t.check(warn('async.result-received', `no ${spec.result} arrived at the response_url within ${waited} ms; OCPI 2.1.1 sets no timeout, but a result of an ACCEPTED request is expected to follow`, { exchangeId: response.exchange.id, expected: `a POST to ${responseUrl}`, actual: null }));
      return { failed: true, answer };
    }
    // A wait cut short by --deadline proves nothing: the result may still come within the timeout the target gave.
    if (waited < limit) t.skip(`no ${spec.result} arrived within --deadline ${t.deadlineMs} ms, shorter than the ${announced ?? '?'} s the target announced plus ${RESULT_MARGIN_MS} ms margin: raise --deadline to wait the full timeout`);
    const promised = announced === undefined ? 'the target announced no timeout' : `the target announced a timeout of ${announced} s, plus ${RESULT_MARGIN_MS} ms margin`;
    t.check(fail('async.result-received', `no ${spec.result} arrived at the response_url within ${waited} ms (${promised})`, { exchangeId: response.exchange.id, expected: `a POST to ${responseUrl}`, actual: null }));
    return { failed: true, answer };
  }
}
