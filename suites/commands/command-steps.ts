import { randomUUID } from 'node:crypto';
import type { CaseContext } from '../../src/runner/case-context.js';
import type { CaseSettings } from '../../src/runner/define-case.js';
import { crawlList } from '../../src/runner/crawl-list.js';
import { moduleUrl, type ModuleRequest } from '../../src/runner/module-request.js';
import { responseData } from '../../src/checks/response-data.js';
import { isValidAs } from '../../src/checks/schema.js';
import { nextLink } from '../../src/transport/next-link.js';
import { withQuery } from '../../src/transport/with-query.js';
import { sameOrigin } from '../../src/model/same-origin.js';
import { ocpiNow } from '../../src/schemas/ocpi-datetime.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';
import type { AsyncOutcome } from '../common/async-request.js';
import { ownedKey } from '../sender-lists/list-module.js';

/** Cases that act on a real charger run only when the user allows it. */
export function unlessCommandsAllowed(settings: CaseSettings): string | undefined {
  return settings.allowCommands ? undefined : 'acts on a real charger: run with --allow-commands to include it';
}

/** The URL of one command at the target's commands Receiver. */
export function commandUrl(t: CaseContext, command: string): string {
  return endpointUrl(moduleUrl(t, 'commands', 'RECEIVER'), command);
}

/** The object a command's asynchronous result is: a CommandResult from 2.2 on; in 2.1.1 a second CommandResponse. */
export function commandResultObject(t: Pick<CaseContext, 'version'>): 'CommandResult' | 'CommandResponse' {
  return t.version === '2.1.1' ? 'CommandResponse' : 'CommandResult';
}

/** A reference the tester sets on what it starts or reserves, so it can find the session afterwards. */
export function newReference(prefix: string): string {
  return `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}`;
}

/**
 * Ends the case as skipped (its findings kept) when the target did not accept the command, since what should follow
 * cannot be checked: a charger may be busy or offline, which is not a conformance failure.
 */
export function continueIfAccepted(t: CaseContext, outcome: AsyncOutcome, command: string): void {
  if (outcome.failed) return;
  if (outcome.answer !== 'ACCEPTED') t.skip(`the target answered ${command} with ${outcome.answer ?? 'no result'}; choose an available EVSE with --test-location/--test-evse`);
  const result = outcome.result?.['result'];
  if (result === 'ACCEPTED') return;
  // A result that is no CommandResultType at all ("accepted") is the target's fault, which schema.request reports.
  const type = `${commandResultObject(t)}Type`;
  if (!isValidAs(t.version, type, result)) t.skip(`the ${command} result ${JSON.stringify(result ?? null)} is not a ${type} (schema.request says why), so what should follow it could not be checked`);
  t.skip(`the ${command} result was ${String(result)}; choose an available EVSE with --test-location/--test-evse`);
}

/** Looks the target's Sessions list through for one session (changed since `since`); undefined when absent. */
export async function findSession(t: CaseContext, since: Date, match: (session: Record<string, unknown>) => boolean): Promise<Record<string, unknown> | undefined> {
  let found: Record<string, unknown> | undefined;
  await crawlList(t, {
    url: moduleUrl(t, 'sessions', 'SENDER'),
    filters: { date_from: ocpiNow(new Date(since.getTime() - 60_000)) },
    mode: 'follow',
    report: false,
    keyOf: ownedKey,
    onItem: (item) => {
      if (item !== null && typeof item === 'object' && match(item as Record<string, unknown>)) found = item as Record<string, unknown>;
    },
  });
  return found;
}

/** The compensation keys of what the command cases start on a charger. */
export const STARTED = { session: 'charging-session', reservation: 'reservation', profile: 'charging-profile' } as const;

// How far a teardown looks through the Sessions list for the session it must stop.
const TEARDOWN_PAGES = 20;

/**
 * Registers the STOP_SESSION of a session START_SESSION began: the session is looked up in the Sessions list by the
 * reference the tester set (or its token), unless its id is known by then. Settled by CMD-02 once it has stopped it.
 */
export function stopAtTeardown(t: CaseContext, started: { readonly reference: string; readonly tokenUid: string; readonly since: Date; readonly sessionId: () => string | undefined }): void {
  const commands = commandUrl(t, 'STOP_SESSION');
  const sessions = t.get('endpoints').find((e) => e.identifier === 'sessions' && (e.role ?? '').toUpperCase() === 'SENDER')?.url;
  const responseUrl = t.peer.resultUrl('CommandResult');
  t.compensate(STARTED.session, `STOP_SESSION for the session ${t.id} started`, async (sender) => {
    let sessionId = started.sessionId();
    let url: string | undefined = sessions ? withQuery(sessions, { date_from: ocpiNow(new Date(started.since.getTime() - 60_000)) }) : undefined;
    for (let page = 0; sessionId === undefined && url !== undefined && page < TEARDOWN_PAGES; page += 1) {
      const response = await sender.send({ method: 'GET', url });
      const found = responseData(response.exchange, response.body, 'list');
      if (!found.usable) break;
      const match = found.data.find((s) => {
        const session = (s ?? {}) as { authorization_reference?: unknown; cdr_token?: { uid?: unknown } };
        return session.authorization_reference === started.reference || session.cdr_token?.uid === started.tokenUid;
      }) as { id?: unknown } | undefined;
      if (typeof match?.id === 'string') sessionId = match.id;
      const next = nextLink(response.headers['link'], url);
      url = next.kind === 'next' && sameOrigin(next.url, url) ? next.url : undefined;
    }
    if (sessionId === undefined) throw new Error(`no session with authorization_reference ${started.reference} was found to stop; check the charger`);
    const stop = await sender.send({ method: 'POST', url: commands, body: { response_url: responseUrl, session_id: sessionId } });
    return `STOP_SESSION for session ${sessionId}: HTTP ${stop.status}, ${answerOf(stop.body)}`;
  });
}

/** Registers a request that undoes something at teardown, reporting the CPO's answer (CANCEL_RESERVATION, clearing a profile). */
export function undoAtTeardown(t: CaseContext, key: string, what: string, request: ModuleRequest): void {
  t.compensate(key, what, async (sender) => {
    const response = await sender.send(request);
    return `HTTP ${response.status}, ${answerOf(response.body)}`;
  });
}

/**
 * Records, for a 2.1.1 reservation (2.1.1 has no CANCEL_RESERVATION), that the teardown leaves it to lapse at its
 * expiry_date instead of cancelling it.
 */
export function lapseAtTeardown(t: CaseContext, reservationId: number, expiry: Date): void {
  t.compensate(STARTED.reservation, `the reservation ${t.id} made is left to lapse (OCPI 2.1.1 has no CANCEL_RESERVATION)`, async () => `reservation ${reservationId} lapses at its expiry_date ${ocpiNow(expiry)}`);
}

function answerOf(body: unknown): string {
  const { status_code: code, data } = (body ?? {}) as { status_code?: unknown; data?: { result?: unknown } };
  return `status_code ${String(code)}, result ${String(data?.result)}`;
}
