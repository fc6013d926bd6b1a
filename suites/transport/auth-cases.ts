import type { CaseDefinition } from '../../src/runner/define-case.js';
import { authCase } from './auth-case.js';

/** Every functional module refuses a request without a token, with a token it never issued, and with Token A. */
export const AUTH_CASES: readonly CaseDefinition[] = [
  authCase({
    id: 'AUTH-01',
    title: 'Every functional module refuses a request without Authorization header with 401',
    check: 'auth.missing-token-refused',
    rule: 'Every request carries an Authorization header; one without is answered with HTTP 401.',
    token: () => null,
    because: 'a request without credentials must be refused',
  }),
  authCase({
    id: 'AUTH-02',
    title: 'Every functional module refuses an unknown credentials token with 401',
    check: 'auth.unknown-token-refused',
    rule: 'When the credentials token matches no known party, the server answers HTTP 401.',
    token: (t) => t.newToken(),
    because: 'a token the target never issued must be refused',
  }),
  authCase({
    id: 'AUTH-03',
    title: 'Every functional module refuses Token A after the registration with 401',
    check: 'auth.token-a-refused',
    rule: 'Token A only serves the registration (versions and credentials); used on any other module it is answered with HTTP 401.',
    token: (t) => {
      const tokenA = t.get('target').token;
      // When the target handed Token A back as Token C, CRED-02 fails for it; here it would only be the same failure.
      return t.get('session').token.equals(tokenA.reveal()) ? t.skip('the target issued Token A as Token C (see CRED-02)') : tokenA;
    },
    because: 'Token A only opens the versions and credentials modules',
    skipWhen: (s) => (s.handshake === 'register' ? undefined : `--handshake ${s.handshake}: the tester holds no Token A of the target`),
  }),
];
