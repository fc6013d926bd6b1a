import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { ASYNC_REQUEST_CHECKS, sendWithResult } from '../common/async-request.js';
import { commandUrl, STARTED, unlessCommandsAllowed } from './command-steps.js';

// Steps: (1) tester POSTs CANCEL_RESERVATION for the reservation CMD-03 made; (2) the target answers and POSTs the
// CommandResult. Validated: the CommandResponse, and the CommandResult in time and valid.
export default defineCase({
  id: 'CMD-04',
  title: 'CANCEL_RESERVATION is answered and its result arrives in time',
  module: 'commands',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'commands', role: 'RECEIVER' },
  requires: ['session', 'endpoints', 'reservation'],
  skipWhen: unlessCommandsAllowed,
  spec: citedAlike({
    version: '2.2.1',
    section: 'Commands module, CANCEL_RESERVATION',
    rule: 'A CPO answers CANCEL_RESERVATION with a CommandResponse and POSTs the CommandResult to the response_url within the timeout it gave.',
  }, '2.3.0'),
  severity: 'required',
  checks: [...ASYNC_REQUEST_CHECKS],
  async run(t) {
    const { reservationId } = t.get('reservation');
    const outcome = await sendWithResult(t, {
      request: (responseUrl) => ({ method: 'POST', url: commandUrl(t, 'CANCEL_RESERVATION'), body: { response_url: responseUrl, reservation_id: reservationId } }),
      response: 'CommandResponse',
      result: 'CommandResult',
      what: 'the CANCEL_RESERVATION result (a CommandResult POSTed to the response_url)',
      name: 'CANCEL_RESERVATION',
    });
    if (outcome.result?.['result'] === 'ACCEPTED' || outcome.result?.['result'] === 'CANCELED_RESERVATION') t.settle(STARTED.reservation);
  },
});
