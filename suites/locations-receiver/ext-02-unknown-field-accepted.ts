import { pass } from '../../src/checks/finding.js';
import { defineCase } from '../../src/runner/define-case.js';
import { pushExtended } from '../common/extended-push.js';
import { receiverUrl } from '../common/round-trip.js';
import { testLocation, type TesterObject } from '../common/tester-objects.js';
import { UNKNOWN_FIELD, UNKNOWN_FIELD_VALUE } from '../common/tester-extensions.js';

/** A new test Location carrying the unknown field on itself and on its first EVSE. */
function locationWithUnknownField(version: Parameters<typeof testLocation>[0]): TesterObject {
  const location = testLocation(version);
  const [first, ...rest] = (location['evses'] as TesterObject[] | undefined) ?? [];
  return { ...location, [UNKNOWN_FIELD]: UNKNOWN_FIELD_VALUE, ...(first ? { evses: [{ ...first, [UNKNOWN_FIELD]: UNKNOWN_FIELD_VALUE }, ...rest] } : {}) };
}

// Steps: (1) tester, as the CPO, PUTs a new Location of its own carrying one field the spec does not define, on the
// Location and on its first EVSE; when it is refused, (1b) a control PUT of another Location without the field:
// refused too, the refusal is not the field's and the case skips; (2) GETs the Location back. Validated: the PUT is
// accepted (HTTP 2xx, status_code 1000) and the Location can be read back by its id. How it was stored, field by field,
// is LOC-PUSH-01's to judge; the extra field need not come back (spec-notes N6).
export default defineCase({
  id: 'EXT-02',
  title: 'A Locations Receiver accepts a Location carrying a field the specification does not define',
  module: 'locations',
  versions: ['2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'locations', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.3.0',
    section: 'Transport and format, Non-specified JSON fields; Locations module, Receiver interface, PUT',
    rule: 'A platform shall not reject a request because it carries JSON fields the specification does not define.',
  },
  severity: 'required',
  checks: ['extensions.unknown-field-accepted'],
  async run(t) {
    const read = await pushExtended(t, {
      object: 'Location',
      carrying: `the field ${UNKNOWN_FIELD} (not defined by the specification) on it and on an EVSE`,
      probe: locationWithUnknownField(t.version),
      control: () => testLocation(t.version),
      urlOf: (location) => receiverUrl(t, 'locations', String(location['id'])),
      idField: 'id',
      reportedBy: 'LOC-PUSH-01',
      check: 'extensions.unknown-field-accepted',
      severity: 'required',
      because: 'a field a Receiver does not know must not make it reject the request',
    });
    if (read) t.check(pass('extensions.unknown-field-accepted', `the Location with the field ${UNKNOWN_FIELD} was accepted and reads back`, { exchangeId: read.exchangeId }));
  },
});
