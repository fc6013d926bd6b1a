/** A LocationReferences body, as the tester (a CPO) sends it with a real-time authorization request. */
export interface LocationReferences {
  readonly location_id: string;
  readonly evse_uids?: readonly string[];
}

/**
 * Where the tester asks to charge: a Location of its own (ZZ/OCT), in the id form its generated data uses (the first
 * location `LOC0001` and its first EVSE `LOC0001-1`). Kept here alone so it can follow the peer's Locations later.
 */
export function testerLocationReferences(): LocationReferences {
  return { location_id: 'LOC0001', evse_uids: ['LOC0001-1'] };
}
