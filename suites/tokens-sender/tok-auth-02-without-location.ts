import { checkEnvelopeSchema, checkJsonBody, checkStatusCode } from '../../src/checks/envelope.js';
import { pass } from '../../src/checks/finding.js';
import { expectStatus } from '../../src/checks/http-status.js';
import { checkOcpiLayerStatus, OCPI_LAYER_STATUS_CHECK } from '../../src/checks/ocpi-layer-status.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { judgeAuthorization, requestAuthorization, sampleToken } from './authorize-steps.js';

const CHECK = 'tokens.authorize-without-location';

// Steps: (1) tester POSTs a real-time authorization for a valid token of the eMSP's list, without a body.
// Validated: either status_code 2002 (the eMSP needs a Location to decide) without an HTTP error status (the request
// reached the OCPI layer), or HTTP 200, status_code 1000 and a valid AuthorizationInfo with allowed ALLOWED for the
// token asked for.
export default defineCase({
  id: 'TOK-AUTH-02',
  title: 'Real-time authorization without LocationReferences is ALLOWED or answered with 2002',
  module: 'tokens',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'tokens', role: 'SENDER' },
  requires: ['session', 'endpoints', 'tokenSamples'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Tokens module, Sender interface, POST (real-time authorization); Status codes, 2002',
    rule: 'LocationReferences are optional: without them the eMSP decides on the token alone, or, when it cannot, answers with status_code 2002 (not enough information).',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_tokens.md: eMSP Interface, POST Method; status_codes.md: 2xxx',
    rule: 'LocationReferences are optional: without them the eMSP decides on the token alone, or, when it needs them, should answer with status_code 2002; the request reached the OCPI layer, so it should get no HTTP error status.',
  }],
  // 2.1.1 words 2002 and the HTTP status rule as "should" (spec-notes X7, Tokens table).
  severity: { '2.1.1': 'recommended', '2.2.1': 'required', '2.3.0': 'required' },
  checks: [...OCPI_RESPONSE_CHECKS, OCPI_LAYER_STATUS_CHECK, CHECK],
  async run(t) {
    const token = sampleToken(t, 'valid');
    const response = await requestAuthorization(t, token);
    const statusCode = (response.body as { status_code?: unknown } | undefined)?.status_code;
    if (statusCode === 2002) {
      // A request about a token the eMSP knows, from its partner, reached the OCPI layer: 2002 comes with no HTTP error.
      t.check(checkOcpiLayerStatus(response.exchange, t.version), checkJsonBody(response.exchange), checkEnvelopeSchema(response.exchange, t.version));
      t.check(pass(CHECK, 'status_code 2002: the eMSP needs a Location to decide', { exchangeId: response.exchange.id, at: '/status_code' }));
      return;
    }
    if (statusCode !== 1000) {
      // The status_code is this case's verdict: judged once, as this rule words it, not again as "expected 1000".
      if (!response.json) {
        // No envelope (a path not served, say): the HTTP status is the whole answer, one root cause, one failure.
        const status = expectStatus({ exchange: response.exchange, expected: 200 });
        t.check(status);
        if (status.status === 'fail') return;
        t.check(checkJsonBody(response.exchange));
        return;
      }
      t.check(checkOcpiLayerStatus(response.exchange, t.version), checkJsonBody(response.exchange), checkEnvelopeSchema(response.exchange, t.version));
      t.check(checkStatusCode(response.exchange, { expected: [1000, 2002], check: CHECK, because: 'LocationReferences are optional: the eMSP decides on the token alone, or answers 2002 when it needs a Location' }));
      return;
    }
    t.check(checkOcpiResponse(response.exchange, t.version, { data: 'AuthorizationInfo' }));
    t.check(judgeAuthorization(response, token, { check: CHECK, accepts: (allowed) => allowed === 'ALLOWED', expected: 'ALLOWED', because: 'the token is valid in the eMSP\'s own Tokens list, and no Location restricts it (an eMSP may still refuse it, e.g. for credit, hence a warning)', soft: true }, t.version));
  },
});
