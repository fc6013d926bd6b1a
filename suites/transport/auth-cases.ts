import type { CaseDefinition } from '../../src/runner/define-case.js';
import { authCase } from './auth-case.js';

/** Every functional module refuses a request without a token, with a token it never issued, and with Token A. */
export const AUTH_CASES: readonly CaseDefinition[] = [
  authCase({
    id: 'AUTH-01',
    title: 'Every functional module refuses a request without Authorization header with 401',
    check: 'auth.missing-token-refused',
    rule: 'Every request carries an Authorization header; one without is answered with HTTP 401.',
    in211: { section: 'transport_and_format.md, Request format', rule: 'Every request must carry an Authorization header; when it is missing, the server must answer HTTP 401.' },
    token: () => null,
    because: 'a request without credentials must be refused',
  }),
  authCase({
    id: 'AUTH-02',
    title: 'Every functional module refuses an unknown credentials token with 401',
    check: 'auth.unknown-token-refused',
    rule: 'When the credentials token matches no known party, the server answers HTTP 401.',
    in211: { section: 'transport_and_format.md, Request format', rule: 'When the token matches no known party, the server must answer HTTP 401.' },
    token: (t) => t.newToken(),
    because: 'a token the target never issued must be refused',
  }),
  authCase({
    id: 'AUTH-03',
    title: 'Every functional module refuses Token A after the registration with 401',
    check: 'auth.token-a-refused',
    rule: 'Token A only serves the registration (versions and credentials); used on any other module it is answered with HTTP 401.',
    in211: {
      section: 'credentials.md, Registration; transport_and_format.md, Request format',
      rule: 'The registration diagram notes that Token A is no longer valid once Token C is returned; a token that matches no known party gets HTTP 401.',
    },
    // 2.1.1 says it only in a note of its registration diagram (spec-notes X1); 2.2.1 and 2.3.0 in a SHALL.
    severity: { '2.1.1': 'recommended', '2.2.1': 'required', '2.3.0': 'required' },
    token: (t) => {
      const tokenA = t.get('target').token;
      // When the target handed Token A back as Token C, CRED-02 fails for it; here it would only be the same failure.
      return t.get('session').token.equals(tokenA.reveal()) ? t.skip('the target issued Token A as Token C (see CRED-02)') : tokenA;
    },
    because: 'Token A only opens the versions and credentials modules',
    skipWhen: (s) => (s.handshake === 'register' ? undefined : `--handshake ${s.handshake}: the tester holds no Token A of the target`),
  }),
];
