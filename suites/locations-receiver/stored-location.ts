import type { CaseContext } from '../../src/runner/case-context.js';
import { pushForCase, receiverUrl } from '../common/round-trip.js';
import { testLocation, type TesterObject } from '../common/tester-objects.js';

/** A Location the tester PUT to the target, with its first EVSE and that EVSE's first Connector, and their URLs. */
export interface StoredLocation {
  readonly location: TesterObject;
  readonly url: string;
  readonly evse: TesterObject;
  readonly evseUrl: string;
  readonly connector: TesterObject;
  readonly connectorUrl: string;
}

const first = (list: unknown): TesterObject => (Array.isArray(list) ? (list[0] as TesterObject) : {});

/**
 * PUTs a new test Location as the first step of a case that judges something else; a PUT that fails skips the case,
 * since LOC-PUSH-01 reports why.
 */
export async function storeTestLocation(t: CaseContext): Promise<StoredLocation> {
  const location = testLocation(t.version);
  const id = String(location['id']);
  const evse = first(location['evses']);
  const connector = first(evse['connectors']);
  const url = receiverUrl(t, 'locations', id);
  await pushForCase(t, { method: 'PUT', url, body: location }, 'LOC-PUSH-01');
  return {
    location,
    url,
    evse,
    evseUrl: receiverUrl(t, 'locations', id, String(evse['uid'])),
    connector,
    connectorUrl: receiverUrl(t, 'locations', id, String(evse['uid']), String(connector['id'])),
  };
}
