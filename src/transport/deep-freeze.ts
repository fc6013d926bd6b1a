/**
 * Freezes a parsed JSON value all the way down, so recorded evidence cannot be mutated. A loop over a stack, not a
 * recursion: a value of any depth is safe.
 */
export function deepFreeze<T>(value: T): T {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item === null || typeof item !== 'object' || Object.isFrozen(item)) continue;
    Object.freeze(item);
    for (const child of Object.values(item)) pending.push(child);
  }
  return value;
}
