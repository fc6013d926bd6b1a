import type { PartyRole } from '../model/party-role.js';
import type { PartyIdentity } from '../model/party-identity.js';

/**
 * Why `--role` contradicts the roles the target's credentials name, or undefined when it does not (or they name none,
 * as in OCPI 2.1.1). A Hub reaches parties of every role, so a target naming HUB contradicts no role. Cases of the
 * other role would only skip, one by one, and a run of them would pass having checked nothing of the target.
 */
export function roleConflict(partner: readonly PartyIdentity[] | undefined, role: PartyRole | undefined): string | undefined {
  // OCPI 2.3.0 has no PTP Role: a PTP names OTHER, or what its platform also is (spec-notes P2), so nothing contradicts it.
  if (!role || !partner || role === 'ptp') return undefined;
  const named = [...new Set(partner.map((p) => (p.role ?? '').toUpperCase()).filter(Boolean))];
  if (named.length === 0 || named.includes('HUB') || named.includes(role.toUpperCase())) return undefined;
  const other = named.includes('CPO') ? 'cpo' : named.includes('EMSP') ? 'emsp' : undefined;
  return `--role ${role} contradicts the target's credentials, which name its role${named.length === 1 ? '' : 's'} ${named.join(', ')}${other ? `: run with --role ${other}` : ''}`;
}
