import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import { isOcpiDateTime211, isOcpiDateTime22, ocpiNow } from '../schemas/ocpi-datetime.js';
import { ocpiType } from '../schemas/ocpi-type.js';
import { EmspStore, type PushedObject } from './emsp-store.js';
import type { ModuleRoute } from './functional-endpoint.js';
import { asPushedObject, invalidPush, sameCi, unknownObject } from './owned-object-push.js';
import type { PartyContext } from './party-context.js';
import { readBack } from './read-back.js';
import { knownFieldsOnly, listedValues, unknownFields } from './known-fields.js';

/** The three objects the Receiver URL can address, from the Location down. */
type Level = 'Location' | 'EVSE' | 'Connector';

// The fields of cardinality 1 (or +) of each object; a PUT carries the full object, nested ones included.
const REQUIRED: Readonly<Record<Level, readonly string[]>> = {
  Location: ['country_code', 'party_id', 'id', 'publish', 'address', 'city', 'country', 'coordinates', 'time_zone', 'last_updated'],
  EVSE: ['uid', 'status', 'connectors', 'last_updated'],
  Connector: ['id', 'standard', 'format', 'power_type', 'max_voltage', 'max_amperage', 'last_updated'],
};

// OCPI 2.1.1: a Location without owner fields but with its type and postal code; a Connector's voltage and amperage.
const REQUIRED_211: Readonly<Record<Level, readonly string[]>> = {
  Location: ['id', 'type', 'address', 'city', 'postal_code', 'country', 'coordinates', 'last_updated'],
  EVSE: REQUIRED.EVSE,
  Connector: ['id', 'standard', 'format', 'power_type', 'voltage', 'amperage', 'last_updated'],
};

/** Whether `value` is a DateTime of the version the party speaks (2.1.1 allows an offset, 2.2 not). */
const isDateTime = (party: PartyContext, value: unknown): boolean => typeof value === 'string' && (party.version === '2.1.1' ? isOcpiDateTime211(value) : isOcpiDateTime22(value));

// Where each object keeps the objects one level down.
const CHILDREN: Readonly<Partial<Record<Level, { readonly field: string; readonly level: Level }>>> = {
  Location: { field: 'evses', level: 'EVSE' },
  EVSE: { field: 'connectors', level: 'Connector' },
};

/** What a Receiver URL names: the owner, the Location, and optionally an EVSE and one of its Connectors. */
interface LocationAddress {
  readonly countryCode: string;
  readonly partyId: string;
  readonly locationId: string;
  readonly evseUid?: string;
  readonly connectorId?: string;
}

/** The stored objects along an address, as far as they exist. */
interface Found {
  readonly location?: PushedObject;
  readonly evse?: PushedObject;
  readonly connector?: PushedObject;
}

function addressOf({ params }: ServerRequest): LocationAddress {
  return {
    countryCode: params['country_code'] ?? '',
    partyId: params['party_id'] ?? '',
    locationId: params['location_id'] ?? '',
    ...(params['evse_uid'] === undefined ? {} : { evseUid: params['evse_uid'] }),
    ...(params['connector_id'] === undefined ? {} : { connectorId: params['connector_id'] }),
  };
}

const requiredIn = (party: PartyContext): Readonly<Record<Level, readonly string[]>> => (party.version === '2.1.1' ? REQUIRED_211 : REQUIRED);

const levelOf = (address: LocationAddress): Level => (address.connectorId !== undefined ? 'Connector' : address.evseUid !== undefined ? 'EVSE' : 'Location');
const keyOf = (address: LocationAddress): string => EmspStore.key(address.countryCode, address.partyId, address.locationId);

function records(value: unknown): PushedObject[] {
  return Array.isArray(value) ? value.filter((item): item is PushedObject => asPushedObject(item) !== undefined) : [];
}

const ok = (status: number): ServerResponseSpec => ({ status, body: envelope(undefined) });
// 2003 is OCPI's "unknown Location"; an unknown EVSE or Connector is a Location the eMSP does not know as addressed.
const unknown = (level: Level): ServerResponseSpec => unknownObject(level, 2003);

function find(store: EmspStore, address: LocationAddress): Found {
  const location = store.locations.get(keyOf(address));
  const evse = address.evseUid === undefined ? undefined : records(location?.['evses']).find((e) => sameCi(e['uid'], address.evseUid as string));
  const connector = address.connectorId === undefined ? undefined : records(evse?.['connectors']).find((c) => sameCi(c['id'], address.connectorId as string));
  return { ...(location ? { location } : {}), ...(evse ? { evse } : {}), ...(connector ? { connector } : {}) };
}

/** The first level on the way to the addressed object that is not stored, or undefined when all are. */
function missingLevel(found: Found, level: Level): Level | undefined {
  if (!found.location) return 'Location';
  if (level !== 'Location' && !found.evse) return 'EVSE';
  if (level === 'Connector' && !found.connector) return 'Connector';
  return undefined;
}

/** The paths of the full objects nested in `object` (its EVSEs, their Connectors) that lack required fields. */
function nestedMissing(required: Readonly<Record<Level, readonly string[]>>, object: PushedObject, level: Level, path = ''): string[] {
  const child = CHILDREN[level];
  const list = child ? object[child.field] : undefined;
  if (!child || list === undefined || list === null) return [];
  // An EVSE has at least one Connector.
  if (!Array.isArray(list) || (level === 'EVSE' && list.length === 0)) return [`${path}${child.field}`];
  return list.flatMap((item: unknown, index) => {
    const at = `${path}${child.field}[${index}]`;
    const nested = asPushedObject(item);
    return nested ? missingFields(required, nested, child.level, `${at}.`) : [at];
  });
}

/** The paths of the required fields a full object lacks, its nested objects included. */
function missingFields(required: Readonly<Record<Level, readonly string[]>>, object: PushedObject, level: Level, path = ''): string[] {
  const own = required[level].filter((field) => object[field] === undefined || object[field] === null).map((field) => `${path}${field}`);
  return [...own, ...nestedMissing(required, object, level, path)];
}

/** Why a pushed object does not belong at its URL, or undefined when it does; identity fields a PATCH leaves out are fine. */
function identityMismatch(body: PushedObject, address: LocationAddress, level: Level): string | undefined {
  const identity: Array<[string, string]> =
    level === 'Location' ? [['country_code', address.countryCode], ['party_id', address.partyId], ['id', address.locationId]]
    : level === 'EVSE' ? [['uid', address.evseUid ?? '']]
    : [['id', address.connectorId ?? '']];
  const wrong = identity.find(([field, expected]) => body[field] !== undefined && !sameCi(body[field], expected));
  return wrong ? `the ${level}'s ${wrong[0]} ${JSON.stringify(body[wrong[0]])} differs from the URL's ${wrong[1]}` : undefined;
}

/** Puts `child` in its parent's list in place of the one with that id, or appends it; true when it replaced one. */
function setChild(parent: PushedObject, field: string, idField: string, id: string, child: PushedObject): boolean {
  const list = records(parent[field]);
  const index = list.findIndex((item) => sameCi(item[idField], id));
  parent[field] = index < 0 ? [...list, child] : list.map((item, i) => (i === index ? child : item));
  return index >= 0;
}

function removeChild(parent: PushedObject, field: string, idField: string, id: string): void {
  parent[field] = records(parent[field]).filter((item) => !sameCi(item[idField], id));
}

// The fault: the Location is stored without the max_electric_power of its Connectors (2.1.1, which has no such field: their tariff_id).
function withoutConnectorPower(party: PartyContext, location: PushedObject): PushedObject {
  if (!Array.isArray(location['evses'])) return location;
  const field = party.version === '2.1.1' ? 'tariff_id' : 'max_electric_power';
  const evses = records(location['evses']).map((evse) => ({ ...evse, connectors: records(evse['connectors']).map(({ [field]: _dropped, ...connector }) => connector) }));
  return { ...location, evses };
}

function getObject(party: PartyContext, store: EmspStore, request: ServerRequest): ServerResponseSpec {
  const address = addressOf(request);
  const level = levelOf(address);
  const found = find(store, address);
  const missing = missingLevel(found, level);
  if (missing) return unknown(missing);
  // A real deviation seen in the field: one object served wrapped in a list.
  if (level === 'Connector' && party.faults.has('connector-get-wrapped-in-list')) return { status: 200, body: envelope([readBack(party, found.connector as PushedObject)]) };
  return { status: 200, body: envelope(readBack(party, (level === 'Location' ? found.location : level === 'EVSE' ? found.evse : found.connector) as PushedObject)) };
}

/** Keeps only the EVSE capabilities the version lists, in the pushed Location's EVSEs or the pushed EVSE. */
function withListedCapabilities(party: PartyContext, object: PushedObject, level: Level): void {
  const listed = listedValues(party.version, 'Capability');
  const evses = level === 'Location' ? (Array.isArray(object['evses']) ? (object['evses'] as PushedObject[]) : []) : level === 'EVSE' ? [object] : [];
  for (const evse of evses) if (Array.isArray(evse['capabilities'])) evse['capabilities'] = (evse['capabilities'] as unknown[]).filter((c) => listed.has(String(c)));
}

function putObject(party: PartyContext, store: EmspStore, request: ServerRequest): ServerResponseSpec {
  const address = addressOf(request);
  const level = levelOf(address);
  const body = asPushedObject(request.body);
  if (!body) return invalidPush(`the body must be a ${level} object`);
  const missing = missingFields(requiredIn(party), body, level);
  if (missing.length > 0) return invalidPush(`the ${level} lacks required fields: ${missing.join(', ')}`);
  if (!isDateTime(party, body['last_updated'])) return invalidPush('last_updated must be a DateTime');
  const mismatch = identityMismatch(body, address, level);
  if (mismatch && !(level === 'Location' && party.faults.has('location-url-body-mismatch-accepted'))) return invalidPush(mismatch);
  // A Receiver whose model refuses fields it does not know (a strict deserializer), which 2.3.0 forbids (EXT-02).
  if (party.faults.has('locations-unknown-field-refused')) {
    const unknownAt = unknownFields(ocpiType(party.version, level), body);
    if (unknownAt.length > 0) return invalidPush(`unknown field ${unknownAt.join(', ')}`);
  }
  const object = party.variants.has('unknown-fields-dropped') ? (knownFieldsOnly(ocpiType(party.version, level), body) as PushedObject) : structuredClone(body);
  // A Receiver whose model has Capability as a closed enum: capabilities the spec does not list are dropped (EXT-04).
  if (party.faults.has('locations-unlisted-capability-dropped')) withListedCapabilities(party, object, level);
  const lastUpdated = body['last_updated'];
  if (level === 'Location') {
    const existed = store.locations.has(keyOf(address));
    store.locations.set(keyOf(address), party.faults.has('location-put-drops-field') ? withoutConnectorPower(party, object) : object);
    return ok(existed ? 200 : 201);
  }
  const found = find(store, address);
  const parentMissing = missingLevel(found, level === 'EVSE' ? 'Location' : 'EVSE');
  if (parentMissing || !found.location) return unknown(parentMissing ?? 'Location');
  // A pushed EVSE or Connector stamps its parents with its own last_updated.
  found.location['last_updated'] = lastUpdated;
  if (level === 'EVSE') {
    const uid = address.evseUid ?? '';
    if (object['status'] === 'REMOVED' && party.faults.has('removed-evse-deleted')) {
      removeChild(found.location, 'evses', 'uid', uid);
      return ok(200);
    }
    return ok(setChild(found.location, 'evses', 'uid', uid, object) ? 200 : 201);
  }
  const evse = found.evse as PushedObject;
  evse['last_updated'] = lastUpdated;
  return ok(setChild(evse, 'connectors', 'id', address.connectorId ?? '', object) ? 200 : 201);
}

function patchObject(party: PartyContext, store: EmspStore, request: ServerRequest): ServerResponseSpec {
  const address = addressOf(request);
  const level = levelOf(address);
  const found = find(store, address);
  const missing = missingLevel(found, level);
  if (missing || !found.location) return unknown(missing ?? 'Location');
  const body = asPushedObject(request.body);
  if (!body) return invalidPush(`the body must be a partial ${level} object`);
  // OCPI 2.1.1 requires no last_updated in a PATCH (spec-notes X9): the parents of a patched object then take the time of the change.
  const v211 = party.version === '2.1.1';
  // location-patch-requires-last-updated: a 2.1.1 Receiver with the 2.2 habit of refusing a PATCH without last_updated.
  if (v211 && body['last_updated'] === undefined && party.faults.has('location-patch-requires-last-updated')) return invalidPush('PATCH must contain last_updated');
  const lastUpdated = body['last_updated'] ?? (v211 ? ocpiNow() : undefined);
  const lenient = level === 'Location' && party.faults.has('location-patch-without-last-updated-accepted');
  if (lastUpdated === undefined && !lenient) {
    // location-patch-without-last-updated-400: the refusal right, the HTTP status of a validation framework (400).
    const refusal = invalidPush('PATCH must contain last_updated');
    return party.faults.has('location-patch-without-last-updated-400') ? { ...refusal, status: 400 } : refusal;
  }
  if (lastUpdated !== undefined && !isDateTime(party, lastUpdated)) return invalidPush('last_updated must be a DateTime');
  // Ids never change; EVSEs and Connectors given inside a PATCH replace the whole list, so they must be complete.
  const mismatch = identityMismatch(body, address, level);
  if (mismatch) return invalidPush(mismatch);
  const incomplete = nestedMissing(requiredIn(party), body, level);
  if (incomplete.length > 0) return invalidPush(`the PATCH holds incomplete objects, lacking: ${incomplete.join(', ')}`);
  const patch = structuredClone(body);
  if (level === 'Location') {
    if (!party.faults.has('location-patch-ignored')) Object.assign(found.location, patch);
    // Under the fault the PATCH handler rebuilds the Location from the fields it knows, and opening_times is not one.
    if (party.faults.has('location-patch-drops-field')) delete found.location['opening_times'];
    return ok(200);
  }
  const evse = found.evse as PushedObject;
  if (level === 'EVSE') {
    if (!party.faults.has('evse-patch-keeps-location-last-updated')) found.location['last_updated'] = lastUpdated;
    if ((patch['status'] ?? evse['status']) === 'REMOVED' && party.faults.has('removed-evse-deleted')) removeChild(found.location, 'evses', 'uid', String(evse['uid']));
    else Object.assign(evse, patch);
    return ok(200);
  }
  if (party.faults.has('connector-patch-ignored')) return ok(200);
  Object.assign(found.connector as PushedObject, patch);
  evse['last_updated'] = lastUpdated;
  found.location['last_updated'] = lastUpdated;
  return ok(200);
}

/**
 * The eMSP's Locations Receiver interface: GET, PUT and PATCH of a Location, one of its EVSEs or one of their
 * Connectors at `{url}/{country_code}/{party_id}/{location_id}[/{evse_uid}[/{connector_id}]]`, stored in
 * `store.locations`. EVSEs are never deleted: REMOVED is a status like any other. Authorization and routing headers
 * are the caller's `functionalHandler`'s job.
 */
export function locationsReceiverRoutes(party: PartyContext, store: EmspStore): ModuleRoute[] {
  const paths = ['/:country_code/:party_id/:location_id', '/:country_code/:party_id/:location_id/:evse_uid', '/:country_code/:party_id/:location_id/:evse_uid/:connector_id'];
  return paths.flatMap((path): ModuleRoute[] => [
    { method: 'GET', path, handler: (request) => getObject(party, store, request) },
    { method: 'PUT', path, handler: (request) => putObject(party, store, request) },
    { method: 'PATCH', path, handler: (request) => patchObject(party, store, request) },
  ]);
}
