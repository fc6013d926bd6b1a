import type { OcpiVersion } from '../model/ocpi-version.js';
import type { Cdr, Price, Session, Tariff } from './ocpi-objects.js';

/** The lists a party serves whose objects change shape between versions. */
export type ShapedModule = 'locations' | 'tariffs' | 'sessions' | 'cdrs' | 'tokens';

/** Every listed object has a last_updated, whatever its version. */
type Dated = { readonly last_updated: string };

/** An object written in another version's shape: a plain JSON object, its last_updated kept. */
export type ShapedObject = Readonly<Record<string, unknown>> & Dated;

/** The versions whose objects the mappers below can produce from the generated (2.2.1) model. */
export const SHAPED_VERSIONS: readonly OcpiVersion[] = ['2.2.1', '2.3.0'];

/**
 * An object of the reference parties' one model (held in its 2.2.1 form) as `version` writes it. 2.2.1 is the object
 * itself, unchanged to the byte. 2.3.0 moves every Price to its before/after-taxes form (the VAT becomes one TaxAmount),
 * a Tariff's price limits to PriceLimit, and says that the Tariff's prices exclude taxes (`tax_included` NO, as the
 * generator's alt texts say); Locations and Tokens need nothing (their 2.3.0 additions are optional).
 */
export function shapeForVersion<T extends Dated>(version: OcpiVersion, module: ShapedModule, object: T): T | ShapedObject {
  if (version === '2.2.1') return object;
  if (version !== '2.3.0') throw new Error(`no ${module} objects in OCPI ${version} yet`);
  if (module !== 'tariffs' && module !== 'sessions' && module !== 'cdrs') return object;
  // A list is shaped again on every page request: each object once. The stores replace an object that changes, never
  // edit it, so an object's shape never goes stale.
  let shaped = SHAPED_230.get(object);
  if (!shaped) {
    shaped = module === 'tariffs' ? tariff230(object as unknown as Tariff) : module === 'sessions' ? session230(object as unknown as Session) : cdr230(object as unknown as Cdr);
    SHAPED_230.set(object, shaped);
  }
  return shaped;
}

const SHAPED_230 = new WeakMap<object, ShapedObject>();

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
