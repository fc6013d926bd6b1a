/**
 * Fields whose PATCH adds to the stored list instead of replacing it, by object: a Session PATCH's charging_periods
 * are added to the Session's (Sessions module, PATCH); every other field a PATCH carries replaces the stored one.
 */
const APPENDED_BY_PATCH: Readonly<Record<string, readonly string[]>> = { Session: ['charging_periods'] };

/**
 * The object a Receiver holds after a PATCH of the object PUT: every field the PATCH carries replaces the stored one
 * (a nested object whole), a list the module adds to is extended (an empty or absent one changes nothing), and every
 * field the PATCH leaves out stays as it was.
 */
export function applyPatch(object: string, put: Readonly<Record<string, unknown>>, patch: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const appended = APPENDED_BY_PATCH[object] ?? [];
  const result: Record<string, unknown> = { ...put };
  for (const [name, value] of Object.entries(patch)) {
    if (appended.includes(name)) {
      const stored = Array.isArray(put[name]) ? (put[name] as unknown[]) : [];
      result[name] = Array.isArray(value) ? [...stored, ...(value as unknown[])] : stored;
    } else result[name] = value;
  }
  return result;
}
