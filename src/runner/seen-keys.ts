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
 * The keys a crawl received, each with the instant of its last_updated (NaN for none), held compactly so that a crawl
 * of 100,000 objects stays flat in memory: the keys' characters side by side in one byte array (Latin-1, which is
 * what OCPI ids are; any other key is kept as a string beside it), their hashes, offsets and instants in typed arrays,
 * and an open-addressing table of entry numbers. A lookup compares the key character by character on a hash hit, so a
 * collision never makes a new key a duplicate: the answer is exact.
 */
export class SeenKeys {
  readonly #hash: KeyHash;
  #chars = new Uint8Array(4096);
  #used = 0;
  // Per entry: where its characters start (the end is the next entry's start), its hash, its instant.
  #starts = new Uint32Array(1024);
  #hashes = new Uint32Array(1024);
  #instants = new Float64Array(1024);
  // Entry number + 1 per slot, EMPTY for none; a power of two, at most half full.
  #slots = new Uint32Array(2048);
  #size = 0;
  // Keys that do not fit in Latin-1, by entry number (rare: OCPI ids are ASCII).
  readonly #wide = new Map<number, string>();

  /** `hash` is for tests that force collisions; the default is FNV-1a. */
  constructor({ hash = fnv1a }: { hash?: KeyHash } = {}) {
    this.#hash = hash;
  }

  /** How many distinct keys were recorded. */
  get size(): number {
    return this.#size;
  }

  /** The instant recorded with a key (NaN when it had none), or undefined when the key was never recorded. */
  instantOf(key: string): number | undefined {
    const entry = this.#find(key, this.#hash(key) >>> 0).entry;
    return entry === undefined ? undefined : (this.#instants[entry] as number);
  }

  /** Records a key with the instant of its last_updated, replacing the instant of a key already recorded. */
  record(key: string, instant: number): void {
    const hash = this.#hash(key) >>> 0;
    const found = this.#find(key, hash);
    if (found.entry !== undefined) {
      this.#instants[found.entry] = instant;
      return;
    }
    const entry = this.#size;
    this.#ensureEntries(entry + 1);
    this.#starts[entry] = this.#used;
    this.#hashes[entry] = hash;
    this.#instants[entry] = instant;
    if (isLatin1(key)) {
      this.#ensureChars(this.#used + key.length);
      for (let index = 0; index < key.length; index += 1) this.#chars[this.#used + index] = key.charCodeAt(index);
      this.#used += key.length;
    } else this.#wide.set(entry, key);
    this.#starts[entry + 1] = this.#used;
    this.#slots[found.slot] = entry + 1;
    this.#size += 1;
    if (this.#size * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
  }

  /** The entry of a key, or the empty slot where it would go. */
  #find(key: string, hash: number): { entry?: number; slot: number } {
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.#slots[slot] as number;
      if (held === EMPTY) return { slot };
      const entry = held - 1;
      if (this.#hashes[entry] === hash && this.#equals(entry, key)) return { entry, slot };
    }
  }

  #equals(entry: number, key: string): boolean {
    const wide = this.#wide.get(entry);
    if (wide !== undefined) return wide === key;
    const start = this.#starts[entry] as number;
    if ((this.#starts[entry + 1] as number) - start !== key.length) return false;
    for (let index = 0; index < key.length; index += 1) if (this.#chars[start + index] !== key.charCodeAt(index)) return false;
    return true;
  }

  #ensureEntries(count: number): void {
    // One more start than entries: the end of the last one.
    if (count + 1 <= this.#starts.length) return;
    const capacity = this.#starts.length * 2;
    this.#starts = grown(this.#starts, new Uint32Array(capacity));
    this.#hashes = grown(this.#hashes, new Uint32Array(capacity));
    this.#instants = grown(this.#instants, new Float64Array(capacity));
  }

  #ensureChars(length: number): void {
    if (length <= this.#chars.length) return;
    let capacity = this.#chars.length * 2;
    while (capacity < length) capacity *= 2;
    this.#chars = grown(this.#chars, new Uint8Array(capacity));
  }

  #rehash(capacity: number): void {
    const slots = new Uint32Array(capacity);
    const mask = capacity - 1;
    for (let entry = 0; entry < this.#size; entry += 1) {
      let slot = (this.#hashes[entry] as number) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.#slots = slots;
  }
}

function isLatin1(key: string): boolean {
  for (let index = 0; index < key.length; index += 1) if (key.charCodeAt(index) > 0xff) return false;
  return true;
}

function grown<T extends Uint8Array | Uint32Array | Float64Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
