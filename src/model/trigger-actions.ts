/** One parameter a trigger action takes: its name and what it means, for the help and docs/triggers.md. */
export interface TriggerParameter {
  readonly name: string;
  readonly description: string;
}

/** An action the tester asks the target's operator (a script, a URL, a person) to perform on the target. */
export interface TriggerActionSpec {
  readonly name: string;
  /** What the target is expected to do, in a sentence. */
  readonly description: string;
  readonly parameters: readonly TriggerParameter[];
}

const LOCATION: TriggerParameter = { name: 'location_id', description: 'the id of the Location to act on' };
const EVSE: TriggerParameter = { name: 'evse_uid', description: 'the uid of the EVSE to act on' };
const PEER: TriggerParameter = { name: 'receiver_url', description: "the versions URL of the tester's own endpoint, which expects the push" };

/**
 * Every action a case may trigger, as data: adding one is adding an entry here (the CLI, the docs and the reference
 * parties read this list).
 */
export const TRIGGER_ACTIONS = [
  { name: 'push-location', description: 'push a Location (PUT) to the partner that registered (the tester)', parameters: [LOCATION, PEER] },
  { name: 'change-evse-status', description: "change an EVSE's status and PATCH it to the partner, with last_updated", parameters: [LOCATION, EVSE, { name: 'status', description: 'the new EVSE status, e.g. CHARGING' }, PEER] },
  { name: 'push-tariff', description: 'push a Tariff (PUT) to the partner', parameters: [{ name: 'tariff_id', description: 'the id of the Tariff to push' }, PEER] },
  { name: 'start-session', description: 'start a charging session on an EVSE and push the Session to the partner', parameters: [LOCATION, EVSE, { name: 'token_uid', description: 'the uid of the Token that authorises the session (a Token of the partner\'s)' }, { name: 'token_type', description: 'that Token\'s type, e.g. RFID or APP_USER' }, PEER] },
  { name: 'stop-session', description: 'stop a session, push the closed Session and POST its CDR to the partner', parameters: [{ name: 'session_id', description: 'the id of the Session to stop (empty when the tester never learned it: then the session on the EVSE)' }, LOCATION, EVSE, PEER] },
  { name: 'push-cdr', description: 'POST a CDR to the partner', parameters: [{ name: 'cdr_id', description: 'the id of the CDR to push' }, PEER] },
  { name: 'push-token', description: 'push a Token (PUT) to the partner (an eMSP target)', parameters: [{ name: 'token_uid', description: 'the uid of the Token to push' }, PEER] },
  { name: 'send-command', description: 'send a command (START_SESSION, STOP_SESSION...) to the partner (an eMSP target)', parameters: [{ name: 'command', description: 'the command type, e.g. START_SESSION' }, LOCATION, EVSE, PEER] },
  { name: 'send-charging-profile', description: 'send a ChargingProfile for a session (PUT) to the partner\'s ChargingProfiles Receiver (an eMSP or SCSP target)', parameters: [{ name: 'session_id', description: 'the id of the Session (one of the partner\'s) to set the profile on' }, PEER] },
] as const satisfies readonly TriggerActionSpec[];

/** The name of a trigger action. */
export type TriggerActionName = (typeof TRIGGER_ACTIONS)[number]['name'];
