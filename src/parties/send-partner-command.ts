import { randomUUID } from 'node:crypto';
import type { TriggerOutcome, TriggerRequest } from '../model/trigger-request.js';
import { shapeForVersion } from '../ocpi-data/shape-for-version.js';
import type { EmspStore } from './emsp-store.js';
import type { PartyContext } from './party-context.js';
import { pushToPartner } from './push-to-partner.js';

/**
 * The reference eMSP's in-process `send-command` trigger (2.2.1, 2.3.0): a driver of its own asks, in its app, to
 * start charging at the partner CPO's Location. It POSTs a StartSession to `{commands}/START_SESSION` of the
 * Commands Receiver its partner declared, with one of its Tokens, the Location and EVSE asked for, an authorization
 * reference, and a response_url of its own (`{commands}/START_SESSION/{uid}`), with the token the partner gave it and
 * routing headers (see pushToPartner). Another command is unavailable (the case skips, saying so).
 */
export async function sendPartnerCommand(party: PartyContext, store: EmspStore, request: TriggerRequest): Promise<TriggerOutcome> {
  const command = String(request.params['command'] ?? 'START_SESSION').toUpperCase();
  if (command !== 'START_SESSION') return { status: 'unavailable', reason: `the reference eMSP sends only START_SESSION, not ${command}` };
  const registration = party.state.registration;
  if (!registration) return { status: 'failed', reason: 'the reference eMSP is not registered with a partner' };
  const spoken = party.inVersion(registration.version);
  const stored = store.tokens.find((token) => token.valid) ?? store.tokens[0];
  if (!stored) return { status: 'failed', reason: 'the reference eMSP has no Token to start a session with' };
  const uid = randomUUID();
  store.commandsSent.set(uid, Date.now());
  const body: Record<string, unknown> = {
    response_url: party.variants.has('response-url-with-query') ? `${spoken.detailsUrl()}/commands/START_SESSION?request_id=${uid}` : `${spoken.detailsUrl()}/commands/START_SESSION/${uid}`,
    token: shapeForVersion(spoken.version, 'tokens', stored),
    location_id: String(request.params['location_id'] ?? ''),
    ...(request.params['evse_uid'] ? { evse_uid: String(request.params['evse_uid']) } : {}),
    authorization_reference: `${party.partyId}-${uid.slice(0, 8).toUpperCase()}`,
  };
  // Only the required fields: the EVSE and the authorization reference are optional.
  if (party.variants.has('command-required-fields-only')) {
    delete body['evse_uid'];
    delete body['authorization_reference'];
  }
  // An eMSP that leaves out where the result should go: the CPO has no way to answer it.
  if (party.faults.has('command-without-response-url')) delete body['response_url'];
  return pushToPartner(party, {
    module: 'commands',
    method: 'POST',
    ids: ['START_SESSION'],
    body,
    // An eMSP that builds the URL itself (a singular "command") instead of using the one its partner declared.
    ...(party.faults.has('command-to-undeclared-url') ? { rewrite: (url: string) => url.replace(/\/commands\/*$/, '/command') } : {}),
    // An eMSP that calls with the token it issued to its partner, not the one its partner gave it.
    ownToken: party.faults.has('command-with-own-token'),
  });
}
