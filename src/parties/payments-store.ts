import type { PushedObject } from './emsp-store.js';

/** What the reference CPO's Payments Receiver holds: the Terminals and Financial Advice Confirmations PTPs POSTed. */
export class PaymentsStore {
  readonly #objects = new Map<string, PushedObject>();

  /** Stores (or replaces) an object of a collection under its id; ids are CiStrings, so their case does not count. */
  put(collection: string, id: string, object: PushedObject): void {
    this.#objects.set(PaymentsStore.#key(collection, id), object);
  }

  get(collection: string, id: string): PushedObject | undefined {
    return this.#objects.get(PaymentsStore.#key(collection, id));
  }

  static #key(collection: string, id: string): string {
    return `${collection}/${id.toUpperCase()}`;
  }
}
