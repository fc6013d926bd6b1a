import { pass, warn } from '../../src/checks/finding.js';
import { defineCase } from '../../src/runner/define-case.js';
import { pushExtended } from '../common/extended-push.js';
import { receiverUrl } from '../common/round-trip.js';
import { testLocation, type TesterObject } from '../common/tester-objects.js';
import { UNLISTED_ENUM_VALUE } from '../common/tester-extensions.js';

const list = (value: unknown): TesterObject[] => (Array.isArray(value) ? (value as TesterObject[]) : []);

/** A new test Location whose first EVSE has the unlisted value among its capabilities and as its first Connector's standard. */
function locationWithUnlistedValues(version: Parameters<typeof testLocation>[0]): TesterObject {
  const location = testLocation(version);
  const [evse, ...evses] = list(location['evses']);
  if (!evse) return location;
  const [connector, ...connectors] = list(evse['connectors']);
  const capabilities = [...(Array.isArray(evse['capabilities']) ? (evse['capabilities'] as unknown[]) : []), UNLISTED_ENUM_VALUE];
  return { ...location, evses: [{ ...evse, capabilities, connectors: connector ? [{ ...connector, standard: UNLISTED_ENUM_VALUE }, ...connectors] : connectors }, ...evses] };
}

/** Where the value read back lost or changed it, as JSON Pointers under /data with what came instead. */
function changedValues(sent: TesterObject, stored: TesterObject): Array<{ path: string; actual: unknown }> {
  const sentEvse = list(sent['evses'])[0] ?? {};
  const at = list(stored['evses']).findIndex((e) => String(e['uid']).toUpperCase() === String(sentEvse['uid']).toUpperCase());
  if (at < 0) return [{ path: '/data/evses', actual: `no EVSE ${String(sentEvse['uid'])}` }];
  const evse = list(stored['evses'])[at] ?? {};
  const changed: Array<{ path: string; actual: unknown }> = [];
  const capabilities = evse['capabilities'];
  if (!Array.isArray(capabilities) || !capabilities.includes(UNLISTED_ENUM_VALUE)) changed.push({ path: `/data/evses/${at}/capabilities`, actual: capabilities });
  const sentConnector = list(sentEvse['connectors'])[0] ?? {};
  const connectors = list(evse['connectors']);
  const c = connectors.findIndex((k) => String(k['id']).toUpperCase() === String(sentConnector['id']).toUpperCase());
  if (c < 0) changed.push({ path: `/data/evses/${at}/connectors`, actual: `no Connector ${String(sentConnector['id'])}` });
  else if (connectors[c]?.['standard'] !== UNLISTED_ENUM_VALUE) changed.push({ path: `/data/evses/${at}/connectors/${c}/standard`, actual: connectors[c]?.['standard'] });
  return changed;
}

// Steps: (1) tester, as the CPO, PUTs a new Location of its own whose first EVSE lists a capability of its own naming
// and whose first Connector has a standard of its own naming (both OpenEnums in 2.3.0); when it is refused, (1b) a
// control PUT of a plain Location: refused too, the refusal is not the values' and the case skips; (2) GETs the
// Location back. Validated: the PUT is accepted and both values read back as sent. Recommended: the values are valid
// by the OpenEnum type, no sentence binds a Receiver to store them (spec-notes N7). Other fields are LOC-PUSH-01's.
export default defineCase({
  id: 'EXT-04',
  title: 'A Locations Receiver accepts a Location with a Connector standard and an EVSE capability the specification does not list',
  module: 'locations',
  versions: ['2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'locations', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.3.0',
    section: 'Types, OpenEnum; Locations module, ConnectorType and Capability; Receiver interface, PUT',
    rule: 'An OpenEnum leaves room for values the specification does not list; such values are a valid ConnectorType and Capability.',
  },
  severity: 'recommended',
  checks: ['extensions.open-enum-accepted'],
  async run(t) {
    const probe = locationWithUnlistedValues(t.version);
    const read = await pushExtended(t, {
      object: 'Location',
      carrying: `the Connector standard and EVSE capability ${UNLISTED_ENUM_VALUE} (OpenEnum values the specification does not list)`,
      probe,
      control: () => testLocation(t.version),
      urlOf: (location) => receiverUrl(t, 'locations', String(location['id'])),
      idField: 'id',
      reportedBy: 'LOC-PUSH-01',
      check: 'extensions.open-enum-accepted',
      severity: 'recommended',
      because: 'ConnectorType and Capability are OpenEnums, whose values beyond the listed ones are valid',
    });
    if (!read) return;
    const changed = changedValues(probe, read.stored);
    const at = { exchangeId: read.exchangeId };
    t.check(changed.length === 0
      ? pass('extensions.open-enum-accepted', `the Location with the Connector standard and EVSE capability ${UNLISTED_ENUM_VALUE} was accepted and reads back with both`, at)
      : warn('extensions.open-enum-accepted', `the Location with the Connector standard and EVSE capability ${UNLISTED_ENUM_VALUE} was accepted but reads back without it at ${changed.map((c) => c.path).join(', ')}: an OpenEnum value beyond the listed ones is valid, and a Receiver should keep it`, { ...at, at: changed[0]?.path ?? '/data', expected: UNLISTED_ENUM_VALUE, actual: changed[0]?.actual }));
  },
});
