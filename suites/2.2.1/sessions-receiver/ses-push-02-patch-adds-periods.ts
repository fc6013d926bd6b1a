import { compareByType } from '../../../src/checks/compare-by-type.js';
import { fail, pass, type Finding } from '../../../src/checks/finding.js';
import { OCPI_RESPONSE_CHECKS } from '../../../src/checks/ocpi-response.js';
import { defineCase } from '../../../src/runner/define-case.js';
import { push, pushForCase, readBack, receiverUrl, type ReadBack } from '../common/round-trip.js';
import { testSession, type TesterObject } from '../common/tester-objects.js';
import { laterThan } from '../tokens/test-token.js';
import type { OcpiVersion } from '../../../src/schemas/ocpi-datetime.js';

const CHECK = 'sessions.charging-periods-appended';

/** A charging period after `first`: the same dimensions, starting a minute later, so that it is recognisably new. */
function nextPeriod(first: TesterObject): TesterObject {
  return { ...first, start_date_time: laterThan(first['start_date_time']) };
}

/** Judges the stored periods after the PATCH: the ones PUT, then the ones the PATCH added, in that order. */
function periodsAppended(version: OcpiVersion, expected: readonly unknown[], read: ReadBack): Finding {
  const actual = read.stored['charging_periods'];
  // Compared as OCPI types (instants, numbers by value), under /charging_periods.
  const diff = compareByType({ version, object: 'Session', expected: { charging_periods: expected }, actual: read.stored, mode: 'has' }).map((entry) => ({ ...entry, path: entry.path.replace(/^\/charging_periods/, '') }));
  const at = { exchangeId: read.exchangeId };
  const count = Array.isArray(actual) ? `${actual.length}` : 'no';
  return diff.length === 0
    ? pass(CHECK, `the Session read back has its ${expected.length} charging periods: the one PUT, then the one PATCHed`, at)
    : fail(CHECK, `the Session read back has ${count} charging periods instead of the one PUT followed by the one PATCHed: a PATCH adds its charging_periods to the stored list`, { ...at, at: '/data/charging_periods', diff });
}

// Steps: (1) tester PUTs a new Session with one charging period (set-up: SES-PUSH-01 judges it); (2) PATCHes it with
// one new charging period, a higher kwh and a later last_updated; (3) GETs it.
// Validated: the PATCH succeeds (HTTP 200, status_code 1000); the Session read back has both periods, old then new.
export default defineCase({
  id: 'SES-PUSH-02',
  title: 'A Session PATCH with charging_periods adds them to the stored ones',
  module: 'sessions',
  versions: ['2.2.1'],
  targetRole: 'emsp',
  endpoint: { module: 'sessions', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.2.1',
    section: 'Sessions module, Receiver interface, PATCH',
    rule: 'The charging_periods in a PATCH are added to those the Session already has; only a PUT replaces or removes periods.',
  },
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, CHECK],
  async run(t) {
    const session = testSession();
    const url = receiverUrl(t, 'sessions', String(session['id']));
    await pushForCase(t, { method: 'PUT', url, body: session }, 'SES-PUSH-01');
    const [first] = session['charging_periods'] as TesterObject[];
    if (!first) throw new Error('the test Session has no charging period');
    const added = nextPeriod(first);
    const patch = { charging_periods: [added], kwh: Number(session['kwh']) + 1, last_updated: laterThan(session['last_updated']) };
    if (!(await push(t, { method: 'PATCH', url, body: patch }, { status: [200] })).ok) return;
    const read = await readBack(t, url, 'Session');
    if (read) t.check(periodsAppended(t.version, [first, added], read));
  },
});
