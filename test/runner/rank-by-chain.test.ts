import assert from 'node:assert/strict';
import { chainWeights, rankByChain } from '../../src/runner/rank-by-chain.js';
import { orderingCase, ROTATION } from '../helpers/ordering-case.js';

const { rotate, move, check } = ROTATION;

describe('rankByChain', () => {
  it('counts the whole chain of a stage whose cases renew one key in turn, and starts its head first', () => {
    const weights = chainWeights([move, rotate, check]);
    assert.deepEqual(Object.fromEntries(weights), { 'VER-07': 1, 'CRED-05': 2, 'CRED-09': 3 });
    assert.deepEqual(rankByChain([move, rotate, check]).map((c) => c.id), ['CRED-09', 'CRED-05', 'VER-07']);
  });

  it('weighs a chain by the round trips of its cases: of two cases a third waits on, the one of two round trips starts first', () => {
    const byId = orderingCase('SES-02', { after: ['SES-01'] });
    const limit = orderingCase('SES-03', { after: ['SES-01'], roundTrips: 2 });
    const command = orderingCase('CMD-03', { after: ['SES-02', 'SES-03'] });
    const filler = orderingCase('AUTH-01', { roundTrips: 2 });
    assert.deepEqual(Object.fromEntries(chainWeights([byId, limit, command, filler])), { 'SES-02': 2, 'SES-03': 3, 'CMD-03': 1, 'AUTH-01': 2 });
    assert.deepEqual(rankByChain([byId, limit, command, filler]).map((d) => d.id), ['SES-03', 'SES-02', 'AUTH-01', 'CMD-03']);
  });

  it('keeps the declaration order between cases of chains of one length', () => {
    const a = orderingCase('A-01');
    const b = orderingCase('B-01');
    const c = orderingCase('C-01', { after: ['B-01'] });
    assert.deepEqual(rankByChain([a, b, c]).map((d) => d.id), ['B-01', 'A-01', 'C-01']);
  });
});
