import { fail, pass } from '../../src/checks/finding.js';
import type { DiffEntry, Finding } from '../../src/model/finding.js';
import { sameInstant } from '../../src/schemas/ocpi-datetime.js';
import type { ReadBack } from '../common/round-trip.js';

/** A parent object whose last_updated a PATCH below it must have set: its name, and where it sits in the data read. */
export interface Parent {
  readonly what: string;
  /** JSON Pointer of its last_updated within the object read back. */
  readonly path: string;
  readonly lastUpdated: unknown;
}

/** The Location read back, as a parent. */
export function locationParent(read: ReadBack): Parent {
  return { what: 'Location', path: '/last_updated', lastUpdated: read.stored['last_updated'] };
}

/** The EVSE with that uid (a CiString) inside the Location read back, as a parent; its last_updated is missing when the EVSE is. */
export function evseParent(read: ReadBack, uid: string): Parent {
  const evses: unknown[] = Array.isArray(read.stored['evses']) ? read.stored['evses'] : [];
  const index = evses.findIndex((evse) => {
    const found = (evse as { uid?: unknown } | null)?.uid;
    return typeof found === 'string' && found.toUpperCase() === uid.toUpperCase();
  });
  if (index < 0) return { what: `EVSE ${uid}`, path: '/evses', lastUpdated: undefined };
  return { what: 'EVSE', path: `/evses/${index}/last_updated`, lastUpdated: (evses[index] as { last_updated?: unknown }).last_updated };
}


/** Judges that each parent read back carries the last_updated of the PATCH made below it. */
export function parentsUpdated(check: string, lastUpdated: string, parents: readonly Parent[], read: ReadBack): Finding {
  const stale = parents.filter((parent) => !sameInstant(parent.lastUpdated, lastUpdated));
  const names = (list: readonly Parent[]): string => list.map((parent) => `the ${parent.what}`).join(' and ');
  if (stale.length === 0) return pass(check, `${names(parents)} read back carry the PATCH's last_updated`, { exchangeId: read.exchangeId });
  const diff = stale.map((parent): DiffEntry => ({ path: parent.path, kind: parent.lastUpdated === undefined ? 'missing' : 'changed', expected: lastUpdated, actual: parent.lastUpdated }));
  return fail(check, `${names(stale)} read back ${stale.length === 1 ? 'does' : 'do'} not carry the PATCH's last_updated: a Receiver sets it on the parents of a patched EVSE or Connector`, {
    exchangeId: read.exchangeId,
    at: '/data',
    diff,
  });
}
