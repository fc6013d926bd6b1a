import { fail, pass } from '../../src/checks/finding.js';
import type { Finding } from '../../src/model/finding.js';
import { TESTER_IDENTITY } from '../../src/model/tester-identity.js';
import type { CaseContext } from '../../src/runner/case-context.js';
import { moduleRequest, moduleUrl } from '../../src/runner/module-request.js';
import { ocpiNow } from '../../src/schemas/ocpi-datetime.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';
import { differences, push, type ReadBack } from '../common/round-trip.js';
import type { TesterObject } from '../common/tester-objects.js';

/** A ClientInfo's connection status (ConnectionStatus, the same four values in 2.2.1 and 2.3.0). */
export type ConnectionStatus = 'CONNECTED' | 'OFFLINE' | 'PLANNED' | 'SUSPENDED';

/**
 * The parties the tester, as a Hub, reports on: made up, in the tester's user-assigned country ZZ, one per case, so
 * that cases running side by side never touch each other's ClientInfo and a rerun replaces its own instead of adding one.
 */
export const REPORTED_PARTY = Object.freeze({ 'HCI-01': 'OH1', 'HCI-02': 'OH2' });

/**
 * A ClientInfo about a made-up party `partyId`, last updated `ageSeconds` ago (a Hub pushes what it recorded earlier;
 * an age also tells the stored last_updated from the time the target received it). Its role is the one the target
 * talks to: an eMSP for a CPO, a CPO for anyone else.
 */
export function testClientInfo(t: CaseContext, partyId: string, status: ConnectionStatus, ageSeconds: number): TesterObject {
  return {
    country_code: TESTER_IDENTITY.countryCode,
    party_id: partyId,
    role: t.settings.targetRole === 'emsp' ? 'CPO' : 'EMSP',
    status,
    last_updated: ocpiNow(new Date(Date.now() - ageSeconds * 1000)),
  };
}

/** The target's Receiver URL of a ClientInfo: `{url}/{country_code}/{party_id}`. */
export function clientInfoUrl(t: CaseContext, clientInfo: TesterObject): string {
  return endpointUrl(moduleUrl(t, 'hubclientinfo', 'RECEIVER'), String(clientInfo['country_code']), String(clientInfo['party_id']));
}

/** A Receiver may take ClientInfo only from the Hub it is connected to, which the tester is not: such a refusal skips. */
const refusedFromNonHub = (code: number): string =>
  `the target refused the ClientInfo with status_code ${code}: a party may take ClientInfo only from the Hub it is connected to, and the tester is not that Hub`;

/** PUTs a ClientInfo and judges the OCPI response; `ok` when the target took it. */
export async function putClientInfo(t: CaseContext, clientInfo: TesterObject): Promise<boolean> {
  return (await push(t, { method: 'PUT', url: clientInfoUrl(t, clientInfo), body: clientInfo }, { refusalSkips: refusedFromNonHub })).ok;
}

/**
 * The cleanup: ClientInfo cannot be deleted, so the case ends as a Hub ends a party, with a PUT of status SUSPENDED
 * (the party will never connect). Its answer is not judged.
 */
export async function suspend(t: CaseContext, clientInfo: TesterObject): Promise<void> {
  const suspended = { ...clientInfo, status: 'SUSPENDED', last_updated: ocpiNow() };
  await moduleRequest(t, { method: 'PUT', url: clientInfoUrl(t, suspended), body: suspended });
}

/**
 * Judges a status change: the ClientInfo read back is the one PUT last, compared as OCPI types; a status still the
 * earlier one is named as such.
 */
export function updateApplied(t: CaseContext, check: string, { before, after }: { before: TesterObject; after: TesterObject }, read: ReadBack): Finding {
  const diff = differences(read, t.version, after, 'same');
  const at = { exchangeId: read.exchangeId };
  if (diff.length === 0) return pass(check, `the ClientInfo read back is the one PUT last, with status ${String(after['status'])}`, at);
  if (diff.some((entry) => entry.path === '/status')) {
    return fail(check, `the ClientInfo read back has status ${JSON.stringify(read.stored['status'])}, not ${String(after['status'])}: a PUT of a ClientInfo the Receiver holds replaces it (it was ${String(before['status'])})`, { ...at, at: '/data', diff });
  }
  return fail(check, `the ClientInfo read back differs from the one PUT last in ${diff.length} place${diff.length === 1 ? '' : 's'}: a Receiver stores the object as sent`, { ...at, at: '/data', diff });
}
