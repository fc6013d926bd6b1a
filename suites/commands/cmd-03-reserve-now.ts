import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { ocpiNow } from '../../src/schemas/ocpi-datetime.js';
import { ASYNC_REQUEST_CHECKS, sendWithResult } from '../common/async-request.js';
import { testToken } from '../tokens/test-token.js';
import { commandUrl, continueIfAccepted, newReference, STARTED, undoAtTeardown, unlessCommandsAllowed } from './command-steps.js';

// Steps: (1) tester POSTs RESERVE_NOW on the charge site for 15 minutes; (2) the target answers and POSTs the
// CommandResult. Validated: the CommandResponse, and the CommandResult in time and valid.
export default defineCase({
  id: 'CMD-03',
  title: 'RESERVE_NOW is answered and its result arrives in time',
  module: 'commands',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'commands', role: 'RECEIVER' },
  requires: ['session', 'endpoints', 'chargeSite'],
  provides: ['reservation'],
  // The lists are crawled first: a command changes the data they are judged on.
  after: ['LOC-04', 'SES-01', 'SES-02', 'SES-03', 'CDR-01', 'CDR-02', 'CDR-03'],
  skipWhen: unlessCommandsAllowed,
  spec: citedAlike({
    version: '2.2.1',
    section: 'Commands module, RESERVE_NOW',
    rule: 'A CPO answers RESERVE_NOW with a CommandResponse and POSTs the CommandResult to the response_url within the timeout it gave.',
  }, '2.3.0'),
  severity: 'required',
  checks: [...ASYNC_REQUEST_CHECKS],
  async run(t) {
    const site = t.get('chargeSite');
    const reservationId = newReference('OCT-RES');
    const outcome = await sendWithResult(t, {
      request: (responseUrl) => ({
        method: 'POST',
        url: commandUrl(t, 'RESERVE_NOW'),
        body: { response_url: responseUrl, token: testToken({ type: 'APP_USER', whitelist: 'NEVER' }), expiry_date: ocpiNow(new Date(Date.now() + 15 * 60_000)), reservation_id: reservationId, location_id: site.locationId, evse_uid: site.evseUid },
      }),
      response: 'CommandResponse',
      result: 'CommandResult',
      what: 'the RESERVE_NOW result (a CommandResult POSTed to the response_url)',
      name: 'RESERVE_NOW',
      onAccepted: () => undoAtTeardown(t, STARTED.reservation, `CANCEL_RESERVATION of the reservation ${t.id} made`, {
        method: 'POST',
        url: commandUrl(t, 'CANCEL_RESERVATION'),
        body: { response_url: t.peer.resultUrl('CommandResult'), reservation_id: reservationId },
      }),
    });
    continueIfAccepted(t, outcome, 'RESERVE_NOW');
    t.provide('reservation', { reservationId });
  },
});
