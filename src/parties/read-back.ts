import type { PushedObject } from './emsp-store.js';
import type { PartyContext } from './party-context.js';
import { withNullOptionals } from './with-null-optionals.js';

// CiString identity fields, at any depth: their case carries no meaning, so a Receiver may store them lower-cased.
const CI_FIELDS: ReadonlySet<string> = new Set(['country_code', 'party_id', 'id', 'uid', 'location_id', 'evse_uid', 'connector_id']);

type Json = unknown;

function mapObjects(value: Json, each: (object: PushedObject) => PushedObject): Json {
  if (Array.isArray(value)) return value.map((item) => mapObjects(item, each));
  if (value === null || typeof value !== 'object') return value;
  const mapped = Object.fromEntries(Object.entries(value).map(([key, member]) => [key, mapObjects(member, each)]));
  return each(mapped);
}

function lowerCaseIds(object: PushedObject): PushedObject {
  return Object.fromEntries(Object.entries(object).map(([key, member]) => [key, CI_FIELDS.has(key) && typeof member === 'string' ? member.toLowerCase() : member]));
}

function reversed(object: PushedObject): PushedObject {
  const reorder = (field: string): Partial<PushedObject> => (Array.isArray(object[field]) ? { [field]: [...(object[field] as unknown[])].reverse() } : {});
  return { ...object, ...reorder('evses'), ...reorder('connectors') };
}

/**
 * An object a CPO pushed, as the eMSP's GET returns it under the read-back variants: the same object as OCPI sees it,
 * written differently (lists in another order, CiStrings lower-cased, fields it does not define, null optionals).
 */
export function readBack(party: PartyContext, object: PushedObject): PushedObject {
  const { variants } = party;
  let result: Json = object;
  if (variants.has('readback-reordered')) result = mapObjects(result, reversed);
  if (variants.has('readback-lowercase-ids')) result = mapObjects(result, lowerCaseIds);
  if (variants.has('readback-null-optionals')) result = withNullOptionals(result);
  if (variants.has('readback-extra-fields')) result = mapObjects(result, (each) => ({ ...each, x_receiver_note: 'stored by the reference eMSP' }));
  return result as PushedObject;
}
