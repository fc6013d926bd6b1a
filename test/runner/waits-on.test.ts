import assert from 'node:assert/strict';
import { providesFor, waitsOn } from '../../src/runner/waits-on.js';
import { orderingCase, ROTATION } from '../helpers/ordering-case.js';

const { rotate, move, check } = ROTATION;

describe('waitsOn', () => {
  it('makes a case wait for the cases it runs after and for those providing what it requires', () => {
    const reader = orderingCase('LOC-02', { requires: ['session'] });
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
