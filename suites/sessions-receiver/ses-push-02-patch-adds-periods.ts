import { fail, pass } from '../../src/checks/finding.js';
import type { Finding } from '../../src/model/finding.js';
import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { differences, push, pushForCase, readBack, receiverUrl, storedCopy, topField, type ReadBack } from '../common/round-trip.js';
import { testSession, type TesterObject } from '../common/tester-objects.js';
import { laterThan } from '../tokens/test-token.js';
import type { OcpiVersion } from '../../src/model/ocpi-version.js';

const CHECK = 'sessions.charging-periods-appended';

/** A charging period after `first`: the same dimensions, starting a minute later, so that it is recognisably new. */
function nextPeriod(first: TesterObject): TesterObject {
  return { ...first, start_date_time: laterThan(first['start_date_time']) };
}

/**
 * Judges the Session after the PATCH, compared whole as OCPI types with the one stored before the PATCH, with the PATCH applied: its
 * periods the ones PUT, then the ones the PATCH added, in that order; the fields the PATCH set changed; the others as
 * they were.
 */
function periodsAppended(version: OcpiVersion, { put, patch }: { put: TesterObject; patch: TesterObject }, read: ReadBack): Finding {
  const actual = read.stored['charging_periods'];
  const diff = differences(read, version, put, 'patched', patch);
  const at = { exchangeId: read.exchangeId };
  const periods = diff.filter((entry) => topField(entry) === 'charging_periods').map((entry) => ({ ...entry, path: entry.path.replace(/^\/charging_periods/, '') }));
  const count = Array.isArray(actual) ? `${actual.length}` : 'no';
  if (periods.length > 0) return fail(CHECK, `the Session read back has ${count} charging periods instead of the ones stored before the PATCH followed by the one PATCHed: a PATCH adds its charging_periods to the stored list`, { ...at, at: '/data/charging_periods', diff: periods });
  if (diff.length > 0) return fail(CHECK, `the Session read back differs from the one stored before the PATCH, with the PATCH applied in ${diff.length} place${diff.length === 1 ? '' : 's'}: a PATCH changes the fields it carries and leaves the others as they were`, { ...at, at: '/data', diff });
  return pass(CHECK, `the Session read back is the one stored before the PATCH, with the PATCH applied: its ${count} charging periods those stored before, then the one PATCHed`, at);
}

// Steps: (1) tester PUTs a new Session with one charging period and GETs it as stored (set-up: SES-PUSH-01 judges
// both); (2) PATCHes it with one new charging period, a higher kwh and a later last_updated; (3) GETs it.
// Validated: the PATCH succeeds (HTTP 200, status_code 1000); the Session read back is the one stored with the PATCH
// applied: both periods, old then new, the higher kwh and the PATCH's last_updated, every other field as it was.
export default defineCase({
  id: 'SES-PUSH-02',
  title: 'A Session PATCH with charging_periods adds them to the stored ones',
  module: 'sessions',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'sessions', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: citedAlike({
    version: '2.2.1',
    section: 'Sessions module, Receiver interface, PATCH',
    rule: 'The charging_periods in a PATCH are added to those the Session already has; only a PUT replaces or removes periods.',
  }, '2.3.0'),
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, CHECK],
  async run(t) {
    const session = testSession(t.version);
    const url = receiverUrl(t, 'sessions', String(session['id']));
    await pushForCase(t, { method: 'PUT', url, body: session }, 'SES-PUSH-01');
    const [first] = session['charging_periods'] as TesterObject[];
    if (!first) throw new Error('the test Session has no charging period');
    const added = nextPeriod(first);
    const patch = { charging_periods: [added], kwh: Number(session['kwh']) + 1, last_updated: laterThan(session['last_updated']) };
    const stored = await storedCopy(t, url, session);
    if (!(await push(t, { method: 'PATCH', url, body: patch }, { status: [200] })).ok) return;
    const read = await readBack(t, url, 'Session');
    if (read) t.check(periodsAppended(t.version, { put: stored, patch }, read));
  },
});
