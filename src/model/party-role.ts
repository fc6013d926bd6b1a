/** A party's role as the tool names it: a CPO or an eMSP (the reference parties, the target of a run). */
export type PartyRole = 'cpo' | 'emsp';
