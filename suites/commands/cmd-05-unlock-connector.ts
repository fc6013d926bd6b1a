import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { ASYNC_REQUEST_CHECKS, sendWithResult } from '../common/async-request.js';
import { commandResultObject, commandUrl, unlessCommandsAllowed } from './command-steps.js';

// Steps: (1) tester POSTs UNLOCK_CONNECTOR for the charge site's connector, after the session there stopped;
// (2) the target answers and POSTs the CommandResult. Validated: the CommandResponse, and the CommandResult in time and valid.
export default defineCase({
  id: 'CMD-05',
  title: 'UNLOCK_CONNECTOR is answered and its result arrives in time',
  module: 'commands',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'commands', role: 'RECEIVER' },
  requires: ['session', 'endpoints', 'chargeSite'],
  after: ['CMD-02'],
  skipWhen: unlessCommandsAllowed,
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Commands module, UNLOCK_CONNECTOR',
    rule: 'A CPO answers UNLOCK_CONNECTOR with a CommandResponse and POSTs the CommandResult to the response_url within the timeout it gave.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_commands.md: CPO Interface, POST Method; UnlockConnector Object',
    rule: 'A CPO answers UNLOCK_CONNECTOR with a CommandResponse and POSTs the Charge Point\'s CommandResponse to the response_url when it has it.',
  }],
  severity: 'required',
  checks: [...ASYNC_REQUEST_CHECKS],
  async run(t) {
    const site = t.get('chargeSite');
    await sendWithResult(t, {
      request: (responseUrl) => ({
        method: 'POST',
        url: commandUrl(t, 'UNLOCK_CONNECTOR'),
        body: { response_url: responseUrl, location_id: site.locationId, evse_uid: site.evseUid, connector_id: site.connectorId },
      }),
      response: 'CommandResponse',
      result: commandResultObject(t),
      what: `the UNLOCK_CONNECTOR result (a ${commandResultObject(t)} POSTed to the response_url)`,
      name: 'UNLOCK_CONNECTOR',
    });
  },
});
