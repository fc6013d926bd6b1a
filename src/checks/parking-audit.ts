import { fail, pass } from './finding.js';
import type { Finding } from '../model/finding.js';

/** Vehicle types for which OCPI 2.3.0 asks for no limits or dimensions. */
const SMALL_VEHICLES: ReadonlySet<string> = new Set(['PERSONAL_VEHICLE', 'MOTORCYCLE']);
/** The Parking fields "a value should be provided" for unless the vehicle types are only cars and motorcycles. */
const LARGE_VEHICLE_FIELDS = ['max_vehicle_weight', 'max_vehicle_height', 'max_vehicle_length', 'max_vehicle_width', 'parking_space_length', 'parking_space_width', 'dangerous_goods_allowed'] as const;
/** At most this many places are named per problem; the rest are counted (the crawl's memory stays flat). */
const NAMED = 10;

/** One kind of problem: how many places have it, and the first few, in words. */
class Tally {
  count = 0;
  readonly named: string[] = [];
  add(what: string): void {
    this.count += 1;
    if (this.named.length < NAMED) this.named.push(what);
  }
  get words(): string {
    return `${this.named.join('; ')}${this.count > this.named.length ? `; and ${this.count - this.named.length} more` : ''}`;
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const present = (value: unknown): boolean => value !== undefined && value !== null;

/**
 * What OCPI 2.3.0 says of a Location's parking places, judged on Locations as they stream by in a crawl (only tallies
 * are kept): Parking ids unique within their Location (MUST), an EVSE's `parking` naming Parking of its own Location
 * (the field is defined as such a reference), and, as recommendations, the limits and dimensions of a place for other
 * vehicles than cars and motorcycles and a photo of a place for disabled drivers. Ids are CiStrings: compared without case.
 */
export class ParkingAudit {
  #withParking = 0;
  #places = 0;
  #references = 0;
  readonly #duplicates = new Tally();
  readonly #dangling = new Tally();
  readonly #undimensioned = new Tally();
  readonly #unphotographed = new Tally();

  consider(location: unknown): void {
    const { id, parking_places: placesField, evses } = (location ?? {}) as { id?: unknown; parking_places?: unknown; evses?: unknown };
    const where = `Location ${text(id) ?? '(no id)'}`;
    const places = list(placesField).filter((place): place is Record<string, unknown> => place !== null && typeof place === 'object');
    const ids = new Set<string>();
    for (const place of places) {
      const placeId = text(place['id']);
      if (placeId === undefined) continue;
      if (ids.has(placeId.toUpperCase())) this.#duplicates.add(`${where} has Parking id ${placeId} twice`);
      ids.add(placeId.toUpperCase());
      const types = list(place['vehicle_types']).filter((type): type is string => typeof type === 'string');
      const large = types.filter((type) => !SMALL_VEHICLES.has(type));
      const missing = LARGE_VEHICLE_FIELDS.filter((field) => !present(place[field]));
      if (large.length > 0 && missing.length > 0) this.#undimensioned.add(`${where}, Parking ${placeId} (for ${large.join(', ')}) gives no ${missing.join(', ')}`);
      if (types.includes('DISABLED') && list(place['images']).length === 0) this.#unphotographed.add(`${where}, Parking ${placeId} (for DISABLED) has no photo`);
    }
    if (places.length > 0) this.#withParking += 1;
    this.#places += places.length;
    for (const evse of list(evses) as Array<{ uid?: unknown; parking?: unknown } | null>) {
      for (const reference of list(evse?.parking) as Array<{ parking_id?: unknown } | null>) {
        const parkingId = text(reference?.parking_id);
        if (parkingId === undefined) continue;
        this.#references += 1;
        if (!ids.has(parkingId.toUpperCase())) this.#dangling.add(`${where}, EVSE ${text(evse?.uid) ?? '(no uid)'} names Parking ${parkingId}, which the Location does not list`);
      }
    }
  }

  /** Whether any Location listed a parking place or any EVSE named one: else the rules had nothing to judge. */
  get judged(): boolean {
    return this.#places > 0 || this.#references > 0;
  }

  /** LOC-06: ids unique within their Location, and EVSE references that resolve. */
  references(): Finding[] {
    return [
      this.#duplicates.count === 0
        ? pass('locations.parking-id-unique', `the ${this.#places} parking places of ${this.#withParking} Locations have ids unique within their Location`)
        : fail('locations.parking-id-unique', `${this.#duplicates.words}: a Parking id must be unique among the parking places of its Location`),
      this.#dangling.count === 0
        ? pass('locations.evse-parking-resolves', `each of ${this.#references} EVSE parking references names a parking place of its own Location`)
        : fail('locations.evse-parking-resolves', `${this.#dangling.words}: an EVSE's parking_id refers to a Parking in the parking_places of the Location that contains it`),
    ];
  }

  /** LOC-07: what should be given of places for larger vehicles and for disabled drivers (a recommended case: its failures warn). */
  details(): Finding[] {
    return [
      this.#undimensioned.count === 0
        ? pass('locations.parking-dimensions', 'every parking place for other vehicles than cars and motorcycles gives its limits and dimensions')
        : fail('locations.parking-dimensions', `${this.#undimensioned.words}: these values should be given unless the vehicle types are only PERSONAL_VEHICLE or MOTORCYCLE`),
      this.#unphotographed.count === 0
        ? pass('locations.parking-disabled-photo', 'every parking place for disabled drivers has a photo')
        : fail('locations.parking-disabled-photo', `${this.#unphotographed.words}: at least one photo should be given of a parking place for DISABLED vehicles`),
    ];
  }
}
