import assert from 'node:assert/strict';
import { chargerReceiverAt } from '../../src/runner/charger-receiver.js';

const BASE = 'http://127.0.0.1:9/ocpi/cpo/2.2.1';
const ENDPOINTS = [
  { identifier: 'locations', role: 'SENDER', url: `${BASE}/locations` },
  { identifier: 'commands', role: 'RECEIVER', url: `${BASE}/commands/` },
  { identifier: 'chargingprofiles', role: 'receiver', url: `${BASE}/chargingprofiles` },
];

describe('chargerReceiverAt', () => {
  it('names the charger Receiver a URL is at or under, with or without the declared trailing slash.', () => {
    assert.equal(chargerReceiverAt(`${BASE}/commands/START_SESSION`, ENDPOINTS), 'commands');
    assert.equal(chargerReceiverAt(`${BASE}/commands`, ENDPOINTS), 'commands');
    assert.equal(chargerReceiverAt(`${BASE}/chargingprofiles/S1?duration=60`, ENDPOINTS), 'chargingprofiles');
  });

  it('leaves other modules, look-alike paths and other origins alone.', () => {
    assert.equal(chargerReceiverAt(`${BASE}/locations/L1`, ENDPOINTS), undefined);
    assert.equal(chargerReceiverAt(`${BASE}/commandsX/START_SESSION`, ENDPOINTS), undefined);
    assert.equal(chargerReceiverAt('http://127.0.0.1:10/ocpi/cpo/2.2.1/commands/START_SESSION', ENDPOINTS), undefined);
  });
});
