import assert from 'node:assert/strict';
import { defineCase, type CaseDefinition } from '../../src/runner/define-case.js';
import { providesFor, waitsOn } from '../../src/runner/waits-on.js';
import type { StateKey } from '../../src/runner/run-state.js';

const testCase = (id: string, order: { requires?: StateKey[]; provides?: StateKey[]; after?: string[] } = {}): CaseDefinition => defineCase({
  id,
  title: id,
  module: 'credentials',
  versions: ['2.2.1'],
  stage: 'rotate',
  spec: { version: '2.2.1', section: 's', rule: 'r' },
  severity: 'required',
  checks: ['c'],
  ...order,
  run: async () => undefined,
});

// Two cases that both renew the session, the second declared to run after the first (as CRED-05 and VER-07 do).
const rotate = testCase('CRED-05', { requires: ['session'], provides: ['session'], after: ['CRED-09'] });
const move = testCase('VER-07', { requires: ['session'], provides: ['session'], after: ['CRED-05'] });
const check = testCase('CRED-09');

describe('waitsOn', () => {
  it('makes a case wait for the cases it runs after and for those providing what it requires', () => {
    const reader = testCase('LOC-02', { requires: ['session'] });
    assert.equal(waitsOn(rotate, check), true);
    assert.equal(waitsOn(reader, rotate), true);
    assert.equal(waitsOn(rotate, reader), false);
  });

  it('does not make a provider wait for one declared to run after it, so two cases renewing one key do not wait on each other', () => {
    assert.equal(waitsOn(move, rotate), true);
    assert.equal(waitsOn(rotate, move), false);
    assert.equal(providesFor(move, 'session', rotate), false);
    assert.equal(providesFor(rotate, 'session', move), true);
  });

  it('never makes a case wait for itself', () => {
    assert.equal(waitsOn(rotate, rotate), false);
    assert.equal(providesFor(rotate, 'session', rotate), false);
  });
});
