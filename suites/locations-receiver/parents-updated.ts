import { asWarning, fail, pass } from '../../src/checks/finding.js';
import type { OcpiVersion } from '../../src/model/ocpi-version.js';
import type { DiffEntry, Finding } from '../../src/model/finding.js';
import { dateTimeMs, sameInstant } from '../../src/schemas/ocpi-datetime.js';
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


/** Whether a parent's last_updated is not older than the PATCH's (2.1.1 names no value for it). */
function notOlder(value: unknown, lastUpdated: string): boolean {
  return typeof value === 'string' && dateTimeMs(value) >= dateTimeMs(lastUpdated);
}

/**
 * Judges that each parent read back carries the last_updated of the PATCH made below it. In OCPI 2.1.1, which says
 * only that a Location's last_updated covers its EVSEs and Connectors, a parent not older than the PATCH passes, and
 * an older one warns (spec-notes, Locations, LOC-PUSH-03).
 */
export function parentsUpdated(check: string, lastUpdated: string, parents: readonly Parent[], read: ReadBack, version: OcpiVersion = '2.2.1'): Finding {
  if (version === '2.1.1') return asWarning(parentsNotOlder(check, lastUpdated, parents, read));
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

function parentsNotOlder(check: string, lastUpdated: string, parents: readonly Parent[], read: ReadBack): Finding {
  const stale = parents.filter((parent) => !notOlder(parent.lastUpdated, lastUpdated));
  const names = (list: readonly Parent[]): string => list.map((parent) => `the ${parent.what}`).join(' and ');
  if (stale.length === 0) return pass(check, `${names(parents)} read back carry a last_updated not older than the PATCH's`, { exchangeId: read.exchangeId });
  const diff = stale.map((parent): DiffEntry => ({ path: parent.path, kind: parent.lastUpdated === undefined ? 'missing' : 'changed', expected: `${lastUpdated} or later`, actual: parent.lastUpdated }));
  return fail(check, `${names(stale)} read back ${stale.length === 1 ? 'has' : 'have'} a last_updated older than the PATCH's: a Location's last_updated covers its EVSEs and Connectors`, {
    exchangeId: read.exchangeId,
    at: '/data',
    diff,
  });
}
