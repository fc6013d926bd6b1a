import { ocpiNow } from '../schemas/ocpi-datetime.js';
import { envelope } from '../server/envelope.js';
import type { ServerResponseSpec } from '../server/ocpi-server.js';
import { shapeForVersion } from '../ocpi-data/shape-for-version.js';
import { servedParking } from './served-parking.js';
import type { CpoStore } from './cpo-store.js';
import type { ModuleRoute } from './functional-endpoint.js';
import type { PartyContext } from './party-context.js';

const unknown = (party: PartyContext, what: string): ServerResponseSpec => {
  // A web framework's own not-found answer, as seen in the field, instead of the OCPI response format.
  if (party.faults.has('unknown-location-framework-404')) return { status: 404, body: { detail: 'Not found.' } };
  return {
    status: party.faults.has('unknown-location-200') ? 200 : 404,
    // unknown-location-2004: one "not found" code for every module, the Tokens' one.
    body: envelope(undefined, party.faults.has('unknown-location-2004') ? 2004 : 2003, `unknown ${what}`),
  };
};

/** A Location as served, in whichever version's shape: what the routes below read of it. */
type Served = { readonly evses?: ReadonlyArray<{ readonly uid: string; readonly status: string; readonly connectors: ReadonlyArray<{ readonly id: string }> }> };

const same = (a: string, b: string | undefined): boolean => b !== undefined && a.toUpperCase() === b.toUpperCase();

/** The Locations Sender's single-object routes: a Location, one of its EVSEs, one of that EVSE's Connectors. */
export function locationObjectRoutes(party: PartyContext, store: CpoStore): ModuleRoute[] {
  // Each object as the version spoken writes it (2.2.1 and 2.3.0: the stored objects themselves).
  const find = (params: Readonly<Record<string, string>>) => {
    const stored = store.locations.find((l) => same(l.id, params['location_id']));
    const location = stored === undefined ? undefined : (servedParking(party.faults, party.variants, shapeForVersion(party.version, 'locations', stored)) as Served);
    const evse = location?.evses?.find((e) => same(e.uid, params['evse_uid']));
    const connector = evse?.connectors.find((c) => same(c.id, params['connector_id']));
    return { location, evse, connector };
  };
  // Under the fault every object served on its own carries the moment it was served as its last_updated.
  const stamped = <T extends object>(object: T): T => (party.faults.has('location-detail-stamps-now') ? { ...object, last_updated: ocpiNow() } : object);
  return [
    { method: 'GET', path: '/:location_id', handler: ({ params }) => {
      const { location } = find(params);
      return location ? { status: 200, body: envelope(stamped(location)) } : unknown(party, 'Location');
    } },
    { method: 'GET', path: '/:location_id/:evse_uid', handler: ({ params }) => {
      const { evse } = find(params);
      if (!evse) return unknown(party, 'EVSE');
      // Under the fault the EVSE served on its own disagrees with the list, though its last_updated is the same.
      const differs = party.faults.has('location-detail-differs') || party.faults.has('location-detail-stamps-now');
      const served = differs ? { ...evse, status: evse.status === 'AVAILABLE' ? 'OUTOFORDER' : 'AVAILABLE' } : evse;
      return { status: 200, body: envelope(stamped(served)) };
    } },
    { method: 'GET', path: '/:location_id/:evse_uid/:connector_id', handler: ({ params }) => {
      const { connector } = find(params);
      return connector ? { status: 200, body: envelope(stamped(connector)) } : unknown(party, 'Connector');
    } },
  ];
}
