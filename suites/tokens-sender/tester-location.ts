import type { CaseContext } from '../../src/runner/case-context.js';

/** A LocationReferences body, as the tester (a CPO) sends it with a real-time authorization request. */
export interface LocationReferences {
  readonly location_id: string;
  readonly evse_uids?: readonly string[];
}

/**
 * Where the tester asks to charge: the first EVSE of the Locations its endpoint serves as a CPO, so the target can
 * look it up there. When the tester plays no CPO (the target's role is not known), an id of the same form.
 */
export function testerLocationReferences(t: CaseContext): LocationReferences {
  const evse = t.peer.firstEvse;
  return evse ? { location_id: evse.locationId, evse_uids: [evse.evseUid] } : { location_id: 'LOC0001', evse_uids: ['LOC0001-1'] };
}
