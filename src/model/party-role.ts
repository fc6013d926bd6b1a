/**
 * A party's role as the tool names it: a CPO, an eMSP, or (OCPI 2.3.0 Payments only) a Payment Terminal Provider (the
 * reference parties, the target of a run).
 */
export type PartyRole = 'cpo' | 'emsp' | 'ptp';

/** The roles `--role`, `--embedded` and `mock --role` accept, in the order help text lists them. */
export const PARTY_ROLES: readonly PartyRole[] = ['cpo', 'emsp', 'ptp'];

/** How a sentence names a party of the role: "a CPO", "an eMSP", "a PTP". */
export function partyRoleNoun(role: PartyRole): string {
  return role === 'cpo' ? 'a CPO' : role === 'emsp' ? 'an eMSP' : 'a PTP';
}
