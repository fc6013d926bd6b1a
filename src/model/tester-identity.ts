/** Who the tester is in OCPI routing (a code reserved for user assignment, so it never clashes with a real party). */
export const TESTER_IDENTITY = Object.freeze({ countryCode: 'ZZ', partyId: 'OCT' });
