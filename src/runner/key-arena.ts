/**
 * Strings appended one after another and read back by number, held compactly: the characters of Latin-1 strings
 * (what OCPI ids and keys are) side by side in one byte array, where each starts in a typed array, any other string
 * kept as it is beside them. 100,000 keys of 15 characters take about 2 MB, where as many strings would take 5 or more.
 */
export class KeyArena {
  #chars = new Uint8Array(4096);
  #used = 0;
  // Where each string starts; one more than there are strings, the last being where the next one would start.
  #starts = new Uint32Array(1024);
  #size = 0;
  // Strings that do not fit in Latin-1, by number (rare: OCPI ids are ASCII).
  readonly #wide = new Map<number, string>();

  /** How many strings were appended. */
  get size(): number {
    return this.#size;
  }

  /** Appends a string; returns its number. */
  append(text: string): number {
    const index = this.#size;
    if (index + 2 > this.#starts.length) this.#starts = grown(this.#starts, new Uint32Array(this.#starts.length * 2));
    if (isLatin1(text)) {
      if (this.#used + text.length > this.#chars.length) {
        let capacity = this.#chars.length * 2;
        while (capacity < this.#used + text.length) capacity *= 2;
        this.#chars = grown(this.#chars, new Uint8Array(capacity));
      }
      for (let offset = 0; offset < text.length; offset += 1) this.#chars[this.#used + offset] = text.charCodeAt(offset);
      this.#used += text.length;
    } else this.#wide.set(index, text);
    this.#starts[index + 1] = this.#used;
    this.#size += 1;
    return index;
  }

  /** The string with that number. */
  at(index: number): string {
    const wide = this.#wide.get(index);
    if (wide !== undefined) return wide;
    const start = this.#starts[index] as number;
    // Node's latin1 is ISO-8859-1, byte for character (a TextDecoder's "latin1" is windows-1252).
    return Buffer.from(this.#chars.buffer, this.#chars.byteOffset + start, (this.#starts[index + 1] as number) - start).toString('latin1');
  }

  /** Whether the string with that number is `text`, compared character by character without building it. */
  equals(index: number, text: string): boolean {
    const wide = this.#wide.get(index);
    if (wide !== undefined) return wide === text;
    const start = this.#starts[index] as number;
    if ((this.#starts[index + 1] as number) - start !== text.length) return false;
    for (let offset = 0; offset < text.length; offset += 1) if (this.#chars[start + offset] !== text.charCodeAt(offset)) return false;
    return true;
  }
}

function isLatin1(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) > 0xff) return false;
  return true;
}

/** `into` holding `from` at its start. */
export function grown<T extends Uint8Array | Uint32Array | Float64Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
