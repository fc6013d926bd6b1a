import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { ocpiNow } from '../../src/schemas/ocpi-datetime.js';
import { ASYNC_REQUEST_CHECKS, sendWithResult } from '../common/async-request.js';
import { testTokenIn } from '../tokens/test-token.js';
import { commandResultObject, commandUrl, continueIfAccepted, lapseAtTeardown, newReference, STARTED, undoAtTeardown, unlessCommandsAllowed } from './command-steps.js';

// How long a 2.1.1 reservation lasts: it cannot be cancelled, so it is kept short.
const RESERVATION_211_MS = 2 * 60_000;

// Steps: (1) tester POSTs RESERVE_NOW on the charge site for 15 minutes; (2) the target answers and POSTs the
// CommandResult. Validated: the CommandResponse, and the CommandResult in time and valid.
export default defineCase({
  id: 'CMD-03',
  title: 'RESERVE_NOW is answered and its result arrives in time',
  module: 'commands',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'commands', role: 'RECEIVER' },
  requires: ['session', 'endpoints', 'chargeSite'],
  provides: ['reservation'],
  // The lists are crawled first: a command changes the data they are judged on.
  after: ['LOC-04', 'SES-01', 'SES-02', 'SES-03', 'CDR-01', 'CDR-02', 'CDR-03'],
  skipWhen: unlessCommandsAllowed,
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Commands module, RESERVE_NOW',
    rule: 'A CPO answers RESERVE_NOW with a CommandResponse and POSTs the CommandResult to the response_url within the timeout it gave.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_commands.md: CPO Interface, POST Method; ReserveNow Object',
    rule: 'A CPO answers RESERVE_NOW with a CommandResponse and POSTs the Charge Point\'s CommandResponse to the response_url when it has it.',
  }],
  severity: 'required',
  checks: [...ASYNC_REQUEST_CHECKS],
  async run(t) {
    const site = t.get('chargeSite');
    const v211 = t.version === '2.1.1';
    // 2.1.1 numbers reservations with an int and cannot cancel one: its reservation is short and lapses by itself.
    const reservationId = v211 ? Math.floor(Date.now() / 1000) % 2_000_000_000 : newReference('OCT-RES');
    const expiry = new Date(Date.now() + (v211 ? RESERVATION_211_MS : 15 * 60_000));
    const outcome = await sendWithResult(t, {
      request: (responseUrl) => ({
        method: 'POST',
        url: commandUrl(t, 'RESERVE_NOW'),
        body: { response_url: responseUrl, token: testTokenIn(t.version, { type: 'APP_USER', whitelist: 'NEVER' }), expiry_date: ocpiNow(expiry), reservation_id: reservationId, location_id: site.locationId, evse_uid: site.evseUid },
      }),
      response: 'CommandResponse',
      result: commandResultObject(t),
      what: `the RESERVE_NOW result (a ${commandResultObject(t)} POSTed to the response_url)`,
      name: 'RESERVE_NOW',
      onAccepted: () => typeof reservationId === 'number' ? lapseAtTeardown(t, reservationId, expiry) : undoAtTeardown(t, STARTED.reservation, `CANCEL_RESERVATION of the reservation ${t.id} made`, {
        method: 'POST',
        url: commandUrl(t, 'CANCEL_RESERVATION'),
        body: { response_url: t.peer.resultUrl('CommandResult'), reservation_id: reservationId },
      }),
    });
    continueIfAccepted(t, outcome, 'RESERVE_NOW');
    t.provide('reservation', { reservationId: String(reservationId) });
  },
});
