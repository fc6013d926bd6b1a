import assert from 'node:assert/strict';
import { ConfigError } from '../../src/config/config-error.js';
import { Secret } from '../../src/config/secret.js';
import type { Exchange } from '../../src/model/exchange.js';
import { replayedRequest } from '../../src/cli/replayed-request.js';

const recorded = (request: Partial<Exchange['request']>): Exchange => ({
  id: 'x7',
  direction: 'outbound',
  request: { method: 'POST', url: 'https://ocpi.example.com/ocpi/2.2.1/credentials', headers: {}, ...request },
  timings: { startedAt: '2026-12-04T00:00:00Z', durationMs: 3 },
});

describe('a recorded request made ready to send again', () => {
  it('puts the given token where the body held one and leaves the client\'s own headers to the client.', () => {
    const { request, droppedHeaders } = replayedRequest(recorded({
      headers: { authorization: 'Token [redacted]', 'x-request-id': 'r1', 'content-type': 'application/json', 'ocpi-to-party-id': 'ABC', 'x-api-key': '[redacted]' },
      body: { token: '[redacted]', roles: [{ role: 'EMSP' }] },
    }), { token: new Secret('token-a-123456'), bodyToken: new Secret('token-b-654321') });
    assert.deepEqual(request.body, { token: 'token-b-654321', roles: [{ role: 'EMSP' }] });
    assert.deepEqual(request.headers, { 'ocpi-to-party-id': 'ABC' });
    assert.deepEqual(droppedHeaders, ['x-api-key']);
    assert.equal(request.token?.reveal(), 'token-a-123456');
  });

  it('refuses a request whose URL held a token, which no report holds.', () => {
    assert.throws(() => replayedRequest(recorded({ method: 'GET', url: 'https://ocpi.example.com/tokens/[redacted]' }), {}), ConfigError);
  });

  it('sends no Authorization header when the recorded request had none.', () => {
    const { request } = replayedRequest(recorded({ method: 'GET', url: 'https://ocpi.example.com/versions' }), {});
    assert.equal(request.token, null);
  });
});
