import assert from 'node:assert/strict';
import { generateTokens } from '../../src/ocpi-data/generate-tokens.js';
import type { Token } from '../../src/ocpi-data/ocpi-objects.js';
import { EmspStore } from '../../src/parties/emsp-store.js';
import type { ModuleRoute } from '../../src/parties/functional-endpoint.js';
import { authorizeRoutes } from '../../src/parties/tokens-authorize.js';
import { schemaRegistry } from '../../src/schemas/schema-registry.js';
import { testParty } from '../helpers/test-party.js';
import { callRoute, envelopeOf, type RequestParts } from '../helpers/server-request.js';

const LOCATION = { location_id: 'LOC0001', evse_uids: ['LOC0001-1'] };

describe('real-time authorization on the tokens sender of the reference eMSP', () => {
  let tokens: Token[];
  let routes: ModuleRoute[];
  const start = (faults: readonly string[] = []): void => {
    tokens = generateTokens({ countryCode: 'NL', partyId: 'REM', now: new Date('2026-05-01T10:00:00Z') });
    routes = authorizeRoutes(testParty(faults, 'emsp'), new EmspStore(tokens));
  };
  const valid = (): Token => tokens.find((token) => token.valid && token.type === 'RFID') as Token;
  const invalid = (): Token => tokens.find((token) => !token.valid) as Token;
  const authorize = (token: Pick<Token, 'uid' | 'type'>, parts: RequestParts = {}) => callRoute(routes, 'POST', { params: { token_uid: token.uid }, query: { type: token.type }, ...parts });
  const schemaFailures = (data: unknown): string[] =>
    schemaRegistry().validate('2.2.1', 'AuthorizationInfo', data, { check: 'schema' }).filter((finding) => finding.status === 'fail').map((finding) => `${finding.at ?? ''} ${finding.message}`);
  beforeEach(() => start());

  it('routes POST {token_uid}/authorize.', () => {
    assert.deepEqual(routes.map((route) => [route.method, route.path]), [['POST', '/:token_uid/authorize']]);
  });

  it('allows a valid token at a Location with a valid AuthorizationInfo that carries the full token and echoes the location.', async () => {
    const response = await authorize(valid(), { body: LOCATION });
    assert.equal(response.status, 200);
    const { status_code: statusCode, data } = envelopeOf(response);
    assert.equal(statusCode, 1000);
    assert.deepEqual(schemaFailures(data), []);
    assert.equal(data?.['allowed'], 'ALLOWED');
    assert.deepEqual(data?.['token'], valid());
    assert.deepEqual(data?.['location'], LOCATION);
    assert.equal(typeof data?.['authorization_reference'], 'string');
  });

  it('gives each authorization a new authorization_reference.', async () => {
    const first = envelopeOf(await authorize(valid(), { body: LOCATION })).data?.['authorization_reference'];
    const second = envelopeOf(await authorize(valid(), { body: LOCATION })).data?.['authorization_reference'];
    assert.notEqual(first, second);
  });

  it('allows a valid token without LocationReferences, and echoes no location.', async () => {
    const response = await authorize(valid());
    assert.equal(envelopeOf(response).status_code, 1000);
    assert.equal(envelopeOf(response).data?.['allowed'], 'ALLOWED');
    assert.equal(envelopeOf(response).data?.['location'], undefined);
  });

  it('blocks a token that is not valid, with a valid AuthorizationInfo and no location.', async () => {
    const response = await authorize(invalid(), { body: LOCATION });
    assert.equal(response.status, 200);
    const { data } = envelopeOf(response);
    assert.deepEqual(schemaFailures(data), []);
    assert.equal(data?.['allowed'], 'BLOCKED');
    assert.equal(data?.['location'], undefined);
  });

  it('finds the token case-insensitively by uid and by the type of the query, RFID when the query names none.', async () => {
    const app = tokens.find((token) => token.type === 'APP_USER') as Token;
    assert.equal((await authorize({ uid: valid().uid.toLowerCase(), type: 'RFID' })).status, 200);
    assert.equal((await callRoute(routes, 'POST', { params: { token_uid: valid().uid } })).status, 200);
    assert.equal((await callRoute(routes, 'POST', { params: { token_uid: app.uid } })).status, 404);
    assert.equal((await authorize(app)).status, 200);
  });

  it('answers an unknown token with HTTP 404 and status_code 2004, without data.', async () => {
    const response = await authorize({ uid: 'NEVER-ISSUED', type: 'RFID' }, { body: LOCATION });
    assert.equal(response.status, 404);
    assert.equal(envelopeOf(response).status_code, 2004);
    assert.equal(envelopeOf(response).data, undefined);
  });

  it('refuses a body that is not a LocationReferences with status_code 2001.', async () => {
    for (const body of [null, [], 'LOC0001', {}, { location_id: 7 }, { location_id: 'X'.repeat(37) }, { location_id: 'LOC0001', evse_uids: 'LOC0001-1' }, { location_id: 'LOC0001', evse_uids: [1] }]) {
      assert.equal(envelopeOf(await authorize(valid(), { body })).status_code, 2001, JSON.stringify(body));
    }
  });

  describe('with faults', () => {
    it('authorize-valid-token-not-allowed: answers NOT_ALLOWED for a valid token at a Location, ALLOWED without one.', async () => {
      start(['authorize-valid-token-not-allowed']);
      assert.equal(envelopeOf(await authorize(valid(), { body: LOCATION })).data?.['allowed'], 'NOT_ALLOWED');
      assert.equal(envelopeOf(await authorize(valid())).data?.['allowed'], 'ALLOWED');
    });

    it('authorize-without-location-2001: answers status_code 2001 without LocationReferences, ALLOWED with them.', async () => {
      start(['authorize-without-location-2001']);
      assert.equal(envelopeOf(await authorize(valid())).status_code, 2001);
      assert.equal(envelopeOf(await authorize(valid(), { body: LOCATION })).data?.['allowed'], 'ALLOWED');
    });

    it('authorize-ignores-validity: answers ALLOWED for a token that is not valid.', async () => {
      start(['authorize-ignores-validity']);
      assert.equal(envelopeOf(await authorize(invalid(), { body: LOCATION })).data?.['allowed'], 'ALLOWED');
    });

    it('authorize-unknown-token-answered: answers an unknown token with HTTP 200, status_code 1000 and NOT_ALLOWED.', async () => {
      start(['authorize-unknown-token-answered']);
      const response = await authorize({ uid: 'NEVER-ISSUED', type: 'RFID' }, { body: LOCATION });
      assert.equal(response.status, 200);
      assert.equal(envelopeOf(response).status_code, 1000);
      assert.equal(envelopeOf(response).data?.['allowed'], 'NOT_ALLOWED');
      assert.deepEqual(schemaFailures(envelopeOf(response).data), []);
    });
  });
});
