import { dateTimeMs, fieldsInRange } from '../schemas/ocpi-datetime.js';
import { grown, KeyArena } from './key-arena.js';

// How a last_updated is written back from its instant, by the code kept for it; 0: kept as text beside (any other form).
const FORMS: ReadonlyArray<(iso: string) => string> = [
  () => '',
  (iso) => iso, // 2026-01-01T00:00:00.000Z
  (iso) => `${iso.slice(0, 19)}Z`, // 2026-01-01T00:00:00Z
  (iso) => iso.slice(0, 23), // 2026-01-01T00:00:00.000
  (iso) => iso.slice(0, 19), // 2026-01-01T00:00:00
];
// The text each form writes, by code: what a last_updated must look like to be written back by that form.
const SHAPES: readonly RegExp[] = [
  /$^/,
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/,
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/,
];

/**
 * Every object a crawl received, in order (a key seen twice is there twice): its key and its last_updated, held
 * compactly so that 100,000 of them stay under 3 MB. Keys go to a KeyArena; a last_updated is kept as its instant
 * plus the code of the form that writes it back character for character, or as text when no form does. What a
 * reader gets back is exactly what the target sent.
 */
export class ListEntries {
  readonly #keys = new KeyArena();
  #instants = new Float64Array(1024);
  #forms = new Uint8Array(1024);
  // Values of last_updated written in no form of FORMS (an offset, a 2.1.1 form, no date at all), by entry.
  readonly #texts = new Map<number, string>();

  /** How many objects were recorded. */
  get size(): number {
    return this.#keys.size;
  }

  /** Records one object received; `instant` is its last_updated's (dateTimeMs), when the caller has it already. */
  record(key: string, lastUpdated: string, instant: number = dateTimeMs(lastUpdated)): void {
    const entry = this.#keys.append(key);
    if (entry >= this.#instants.length) {
      this.#instants = grown(this.#instants, new Float64Array(this.#instants.length * 2));
      this.#forms = grown(this.#forms, new Uint8Array(this.#forms.length * 2));
    }
    this.#instants[entry] = instant;
    const form = Number.isNaN(instant) ? 0 : formOf(lastUpdated);
    if (form > 0) this.#forms[entry] = form;
    else this.#texts.set(entry, lastUpdated);
  }

  /** The key of the object recorded as number `entry`. */
  keyAt(entry: number): string {
    return this.#keys.at(entry);
  }

  /** Its last_updated, as the target wrote it. */
  lastUpdatedAt(entry: number): string {
    return this.#texts.get(entry) ?? (FORMS[this.#forms[entry] as number] as (iso: string) => string)(isoOf(this.#instants[entry] as number));
  }

  /** The instant of its last_updated; NaN when that is no DateTime. */
  instantAt(entry: number): number {
    return this.#instants[entry] as number;
  }

  /** `[key, last_updated]` of every object, in the order received. */
  *[Symbol.iterator](): IterableIterator<readonly [string, string]> {
    for (let entry = 0; entry < this.size; entry += 1) yield [this.keyAt(entry), this.lastUpdatedAt(entry)];
  }
}

/**
 * The code of the form in FORMS that writes a last_updated back from its instant; 0 when none does. Read from the
 * text, without writing the instant out: a form writes back exactly the texts of its shape whose fields are in the
 * ranges toISOString writes (no leap second, no 24:00, a day the month has).
 */
function formOf(lastUpdated: string): number {
  // Each form writes a text of its own length: one shape to test, not one per form.
  const code = FORM_BY_LENGTH.get(lastUpdated.length) ?? 0;
  return code > 0 && (SHAPES[code] as RegExp).test(lastUpdated) && fieldsInRange(lastUpdated, 59) ? code : 0;
}

const FORM_BY_LENGTH = new Map(FORMS.map((write, code) => [write('2026-01-01T00:00:00.000Z').length, code] as const).filter(([, code]) => code > 0));

/** An instant in the form toISOString writes. */
function isoOf(instant: number): string {
  return new Date(instant).toISOString();
}
