import type { OcpiVersion } from '../model/ocpi-version.js';
import { cdr211 } from './cdr-211.js';
import { location211 } from './location-211.js';
import { location230 } from './location-230.js';
import type { Cdr, Location, Price, Session, Tariff, Token } from './ocpi-objects.js';
import { session211 } from './session-211.js';
import { tariff211 } from './tariff-211.js';
import { token211 } from './token-211.js';

/** The lists a party serves whose objects change shape between versions. */
export type ShapedModule = 'locations' | 'tariffs' | 'sessions' | 'cdrs' | 'tokens';

/** Every listed object has a last_updated, whatever its version. */
type Dated = { readonly last_updated: string };

/** An object written in another version's shape: a plain JSON object, its last_updated kept. */
export type ShapedObject = Readonly<Record<string, unknown>> & Dated;

/**
 * What a mapper may need besides the object: 2.1.1 Sessions and CDRs embed the Location they took place at, which
 * the 2.2.1 objects only name (`location_id`, `cdr_location.id`).
 */
export interface ShapeContext {
  readonly location: (id: string) => Location | undefined;
}

/**
 * An object of the reference parties' one model (held in its 2.2.1 form) as `version` writes it. 2.1.1: see shape211;
 * its Sessions and CDRs need `context` to find their Location. 2.2.1 is the object
 * itself, unchanged to the byte. 2.3.0 moves every Price to its before/after-taxes form (the VAT becomes one TaxAmount),
 * a Tariff's price limits to PriceLimit, and says that the Tariff's prices exclude taxes (`tax_included` NO, as the
 * generator's alt texts say); Locations gain their parking places (location230); Tokens need nothing.
 */
export function shapeForVersion<T extends Dated>(version: OcpiVersion, module: ShapedModule, object: T, context?: ShapeContext): T | ShapedObject {
  if (version === '2.2.1') return object;
  if (version === '2.1.1') return shape211(module, object, context);
  if (version !== '2.3.0') throw new Error(`no ${module} objects in OCPI ${version} yet`);
  if (module === 'tokens') return object;
  // A list is shaped again on every page request: each object once. The stores replace an object that changes, never
  // edit it, so an object's shape never goes stale.
  let shaped = SHAPED_230.get(object);
  if (!shaped) {
    shaped = module === 'locations' ? location230(object as unknown as Location) as unknown as ShapedObject
      : module === 'tariffs' ? tariff230(object as unknown as Tariff) : module === 'sessions' ? session230(object as unknown as Session) : cdr230(object as unknown as Cdr);
    SHAPED_230.set(object, shaped);
  }
  return shaped;
}

const SHAPED_230 = new WeakMap<object, ShapedObject>();

/**
 * 2.1.1 drops the owner fields of every object (X4) and reshapes the rest (one mapper per object, in its own file).
 * A Session is shaped again when the Location it embeds was replaced; the other objects once.
 */
function shape211(module: ShapedModule, object: Dated, context: ShapeContext | undefined): ShapedObject {
  const embedded = module === 'sessions' ? locationOf(context, (object as unknown as Session).location_id) : undefined;
  const known = SHAPED_211.get(object);
  if (known && known.location === embedded) return known.shaped;
  const shaped = map211(module, object, embedded, context);
  SHAPED_211.set(object, { location: embedded, shaped });
  return shaped;
}

const SHAPED_211 = new WeakMap<object, { readonly location: Location | undefined; readonly shaped: ShapedObject }>();

function map211(module: ShapedModule, object: Dated, embedded: Location | undefined, context: ShapeContext | undefined): ShapedObject {
  switch (module) {
    case 'locations':
      return location211(object as unknown as Location);
    case 'tariffs':
      return tariff211(object as unknown as Tariff);
    case 'tokens':
      return token211(object as unknown as Token);
    case 'sessions':
      return session211(object as unknown as Session, embedded ?? locationOf(context, (object as unknown as Session).location_id));
    case 'cdrs': {
      const cdr = object as unknown as Cdr;
      return cdr211(cdr, locationOf(context, (cdr.cdr_location as { readonly id: string }).id));
    }
  }
}

function locationOf(context: ShapeContext | undefined, id: string): Location {
  const location = context?.location(id);
  if (!location) throw new Error(`a 2.1.1 Session or CDR embeds its Location, and Location ${id} is not known here`);
  return location;
}

/** A 2.2.1 Price as a 2.3.0 Price: the amount before taxes, and the VAT, when known, as the one tax. */
function price230(price: Price): Record<string, unknown> {
  if (price.incl_vat === undefined) return { before_taxes: price.excl_vat };
  const amount = Math.round((price.incl_vat - price.excl_vat) * 10_000) / 10_000;
  return { before_taxes: price.excl_vat, taxes: [{ name: 'VAT', amount }] };
}

/** A 2.2.1 Price as a 2.3.0 PriceLimit (a Tariff's min_price or max_price). */
function priceLimit230(price: Price): Record<string, unknown> {
  return price.incl_vat === undefined ? { before_taxes: price.excl_vat } : { before_taxes: price.excl_vat, after_taxes: price.incl_vat };
}

/** Replaces the named Price fields of `object` that are set, leaving the field order as it was. */
function withPrices<T extends object>(object: T, fields: readonly string[], map: (price: Price) => Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) out[key] = fields.includes(key) && value !== undefined && value !== null ? map(value as Price) : value;
  return out;
}

function tariff230(tariff: Tariff): ShapedObject {
  const shaped = withPrices(tariff, ['min_price', 'max_price'], priceLimit230);
  // tax_included sits after currency, where the 2.3.0 object lists it.
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(shaped)) {
    out[key] = value;
    if (key === 'currency') out['tax_included'] = 'NO';
  }
  return out as ShapedObject;
}

function session230(session: Session): ShapedObject {
  return withPrices(session, ['total_cost'], price230) as ShapedObject;
}

function cdr230(cdr: Cdr): ShapedObject {
  const shaped = withPrices(cdr, ['total_cost', 'total_fixed_cost', 'total_energy_cost', 'total_time_cost', 'total_parking_cost', 'total_reservation_cost'], price230);
  if (cdr.tariffs) shaped['tariffs'] = cdr.tariffs.map(tariff230);
  return shaped as ShapedObject;
}
