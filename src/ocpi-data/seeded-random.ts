/**
 * A small deterministic pseudo-random generator (mulberry32): the same seed gives the same sequence on every
 * platform and Node version, so generated data can be reproduced from its seed. Not for anything secret.
 */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    // Scramble the seed so that neighbouring seeds (1, 2, 3…) do not start with similar sequences.
    this.#state = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A number in [min, max) rounded to `decimals` places, e.g. a price. */
  between(min: number, max: number, decimals: number): number {
    const factor = 10 ** decimals;
    return Math.round((min + this.next() * (max - min)) * factor) / factor;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One item of a non-empty list, each equally likely. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick needs a non-empty list');
    return item;
  }

  /** One item of a non-empty list of `[item, weight]` pairs, chosen in proportion to the weights. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    const last = choices.at(-1);
    if (last === undefined) throw new RangeError('weighted needs a non-empty list');
    let left = this.next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [item, weight] of choices) {
      left -= weight;
      if (left < 0) return item;
    }
    // Reached only through floating-point rounding: the last choice owns the remainder.
    return last[0];
  }

  /** `count` distinct items of `items` (all of them when it holds fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const size = Math.min(count, pool.length);
    // A partial Fisher–Yates shuffle: only the first `size` places are drawn.
    for (let i = 0; i < size; i += 1) {
      const j = this.int(i, pool.length - 1);
      [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
    }
    return pool.slice(0, size);
  }

  /**
   * `count` strictly increasing integers in [min, max): one in each of `count` equal strides, so they are spread over
   * the whole range. Throws a RangeError when the range is too short to hold them.
   */
  ascending(count: number, min: number, max: number): number[] {
    if (count === 0) return [];
    const stride = Math.floor((max - min) / count);
    if (stride < 1) throw new RangeError(`cannot spread ${count} distinct integers over [${min}, ${max})`);
    return Array.from({ length: count }, (_, i) => min + i * stride + this.int(0, stride - 1));
  }
}
