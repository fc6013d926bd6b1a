import { grown, KeyArena } from './key-arena.js';

/** A hash of a key: 32 bits, the same for equal keys. */
export type KeyHash = (key: string) => number;

// FNV-1a over the UTF-16 code units: quick, and spreads keys that differ in one character (LOC0001, LOC0002).
const fnv1a: KeyHash = (key) => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  return hash >>> 0;
};

const EMPTY = 0;

/**
 * The distinct keys a crawl received, each with the instant of its last_updated (NaN for none), held compactly so
 * that a crawl of 100,000 objects stays flat in memory: the keys in a KeyArena, their hashes and instants in typed
 * arrays, and an open-addressing table of entry numbers. A lookup compares the key itself on a hash hit, so a
 * collision never makes a new key a duplicate: the answer is exact.
 */
export class SeenKeys {
  readonly #hash: KeyHash;
  readonly #keys = new KeyArena();
  #hashes = new Uint32Array(1024);
  #instants = new Float64Array(1024);
  // Entry number + 1 per slot, EMPTY for none; a power of two, at most half full.
  #slots = new Uint32Array(2048);

  /** `hash` is for tests that force collisions; the default is FNV-1a. */
  constructor({ hash = fnv1a }: { hash?: KeyHash } = {}) {
    this.#hash = hash;
  }

  /** How many distinct keys were recorded. */
  get size(): number {
    return this.#keys.size;
  }

  /**
   * Records a key with the instant of its last_updated, replacing the instant of a key already recorded; returns the
   * instant it replaced (undefined for a new key), so that a crawl looks each key up once.
   */
  record(key: string, instant: number): number | undefined {
    const hash = this.#hash(key) >>> 0;
    const slot = this.#slotOf(key, hash);
    const held = this.#slots[slot] as number;
    if (held !== EMPTY) {
      const before = this.#instants[held - 1] as number;
      this.#instants[held - 1] = instant;
      return before;
    }
    const entry = this.#keys.append(key);
    if (entry >= this.#hashes.length) {
      this.#hashes = grown(this.#hashes, new Uint32Array(this.#hashes.length * 2));
      this.#instants = grown(this.#instants, new Float64Array(this.#instants.length * 2));
    }
    this.#hashes[entry] = hash;
    this.#instants[entry] = instant;
    this.#slots[slot] = entry + 1;
    if (this.#keys.size * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    return undefined;
  }

  /** The slot that holds a key, or the empty one where it would go. */
  #slotOf(key: string, hash: number): number {
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.#slots[slot] as number;
      if (held === EMPTY || (this.#hashes[held - 1] === hash && this.#keys.equals(held - 1, key))) return slot;
    }
  }

  #rehash(capacity: number): void {
    const slots = new Uint32Array(capacity);
    const mask = capacity - 1;
    for (let entry = 0; entry < this.#keys.size; entry += 1) {
      let slot = (this.#hashes[entry] as number) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.#slots = slots;
  }
}
