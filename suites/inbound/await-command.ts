import type { CaseContext, InboundRecord } from '../../src/runner/case-context.js';

/** Asks for the action through the trigger and waits, within --deadline, for the first request after it that matches. */
export async function awaitTriggered(t: CaseContext, request: Parameters<CaseContext['trigger']>[0], what: string, match: (record: InboundRecord) => boolean): Promise<InboundRecord> {
  const before = t.peer.inbound.since(0).at(-1)?.seq ?? 0;
  await t.trigger(request);
  return t.waitForRequest(what, match, { after: before });
}

/**
 * Asks the eMSP's operator, through the trigger, to send a START_SESSION for one of the tester's own EVSEs (so no
 * charger is involved and nothing starts), and waits, within --deadline, for a POST under the tester's Commands
 * Receiver (or at any URL ending in START_SESSION, so a command sent elsewhere is found and judged). The tester's
 * endpoint answers it with a CommandResponse ACCEPTED.
 */
export async function awaitStartSession(t: CaseContext): Promise<InboundRecord> {
  const site = t.peer.firstEvse ?? t.skip('the tester has no EVSE of its own to ask for a session on');
  return awaitTriggered(t, { action: 'send-command', params: { command: 'START_SESSION', location_id: site.locationId, evse_uid: site.evseUid, receiver_url: t.peer.versionsUrl } },
    'the target to send a command to the tester', (r) => r.exchange.request.method === 'POST' && /\/commands(\/|$)|\/START_SESSION\/*$/i.test(new URL(r.exchange.request.url).pathname));
}

/** The response_url a request carried in its body, when it is a URL. */
export function responseUrlOf(record: InboundRecord): string | undefined {
  const url = (record.exchange.request.body as { response_url?: unknown } | undefined)?.response_url;
  return typeof url === 'string' && URL.canParse(url) ? url : undefined;
}
