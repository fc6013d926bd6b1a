import assert from 'node:assert/strict';
import { impliedInterfaces } from '../../src/runner/implied-interfaces.js';

const declared = ['credentials', 'locations', 'sessions', 'cdrs', 'tariffs', 'tokens', 'commands'].map((identifier) => ({ identifier, url: `https://t.example/${identifier}` }));
const roles = (entries: ReadonlyArray<{ identifier: string; role?: string }>): string[] => entries.map((e) => `${e.identifier}:${e.role ?? '-'}`);

describe('impliedInterfaces (2.1.1 endpoints)', () => {
  it('gives a CPO the Sender of the data it owns and the Receiver of Tokens and Commands.', () => {
    assert.deepEqual(roles(impliedInterfaces(declared, 'cpo')), ['credentials:-', 'locations:SENDER', 'sessions:SENDER', 'cdrs:SENDER', 'tariffs:SENDER', 'tokens:RECEIVER', 'commands:RECEIVER']);
  });

  it('gives an eMSP the Receiver of the CPO\'s data and the Sender of Tokens and Commands.', () => {
    assert.deepEqual(roles(impliedInterfaces(declared, 'emsp')), ['credentials:-', 'locations:RECEIVER', 'sessions:RECEIVER', 'cdrs:RECEIVER', 'tariffs:RECEIVER', 'tokens:SENDER', 'commands:SENDER']);
  });

  it('keeps a role an endpoint names, and leaves a module it does not know alone.', () => {
    assert.deepEqual(roles(impliedInterfaces([{ identifier: 'locations', role: 'RECEIVER', url: 'u' }, { identifier: 'nltnm-tokens', url: 'v' }], 'cpo')), ['locations:RECEIVER', 'nltnm-tokens:-']);
  });
});
