import type { CaseContext, InboundRecord } from '../../src/runner/case-context.js';

/**
 * Asks the eMSP's operator, through the trigger, to send a START_SESSION for one of the tester's own EVSEs (so no
 * charger is involved and nothing starts), and waits, within --deadline, for a POST under the tester's Commands
 * Receiver (or at any URL ending in START_SESSION, so a command sent elsewhere is found and judged). The tester's
 * endpoint answers it with a CommandResponse ACCEPTED.
 */
export async function awaitStartSession(t: CaseContext): Promise<InboundRecord> {
  const site = t.peer.firstEvse ?? t.skip('the tester has no EVSE of its own to ask for a session on');
  const before = t.peer.inbound.since(0).at(-1)?.seq ?? 0;
  await t.trigger({ action: 'send-command', params: { command: 'START_SESSION', location_id: site.locationId, evse_uid: site.evseUid, receiver_url: t.peer.versionsUrl } });
  return t.waitForRequest('the target to send a command to the tester', (r) => r.exchange.request.method === 'POST' && /\/commands(\/|$)|\/START_SESSION\/*$/i.test(new URL(r.exchange.request.url).pathname), { after: before });
}

/** The response_url a command carried, when it is a URL. */
export function responseUrlOf(record: InboundRecord): string | undefined {
  const url = (record.exchange.request.body as { response_url?: unknown } | undefined)?.response_url;
  return typeof url === 'string' && URL.canParse(url) ? url : undefined;
}
