import assert from 'node:assert/strict';
import { defineCase, type CaseDefinition } from '../../src/runner/define-case.js';
import { chainWeights, rankByChain } from '../../src/runner/rank-by-chain.js';
import type { StateKey } from '../../src/runner/run-state.js';

const testCase = (id: string, order: { requires?: StateKey[]; provides?: StateKey[]; after?: string[]; roundTrips?: number } = {}): CaseDefinition => defineCase({
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

describe('rankByChain', () => {
  it('counts the whole chain of a stage whose cases renew one key in turn, and starts its head first', () => {
    const weights = chainWeights([move, rotate, check]);
    assert.deepEqual(Object.fromEntries(weights), { 'VER-07': 1, 'CRED-05': 2, 'CRED-09': 3 });
    assert.deepEqual(rankByChain([move, rotate, check]).map((c) => c.id), ['CRED-09', 'CRED-05', 'VER-07']);
  });

  it('weighs a chain by the round trips of its cases: of two cases a third waits on, the one of two round trips starts first', () => {
    const byId = testCase('SES-02', { after: ['SES-01'] });
    const limit = testCase('SES-03', { after: ['SES-01'], roundTrips: 2 });
    const command = testCase('CMD-03', { after: ['SES-02', 'SES-03'] });
    const filler = testCase('AUTH-01', { roundTrips: 2 });
    assert.deepEqual(Object.fromEntries(chainWeights([byId, limit, command, filler])), { 'SES-02': 2, 'SES-03': 3, 'CMD-03': 1, 'AUTH-01': 2 });
    assert.deepEqual(rankByChain([byId, limit, command, filler]).map((d) => d.id), ['SES-03', 'SES-02', 'AUTH-01', 'CMD-03']);
  });

  it('keeps the declaration order between cases of chains of one length', () => {
    const a = testCase('A-01');
    const b = testCase('B-01');
    const c = testCase('C-01', { after: ['B-01'] });
    assert.deepEqual(rankByChain([a, b, c]).map((d) => d.id), ['B-01', 'A-01', 'C-01']);
  });
});
