import assert from 'node:assert/strict';
import type { CaseSettings } from '../../src/runner/define-case.js';
import { selectCases } from '../../src/runner/select-cases.js';
import { withRequirements } from '../../src/runner/with-requirements.js';
import { ALL_CASES } from '../../suites/index.js';

const settings = (handshake: CaseSettings['handshake']): CaseSettings => ({ handshake, keepRegistration: false, allowCommands: true, targetRole: 'cpo' });
const eligible = selectCases(ALL_CASES, { version: '2.2.1', role: 'cpo', only: [] });
const complete = (only: string[], handshake: CaseSettings['handshake'] = 'register', excluded: string[] = []) => {
  const selected = selectCases(ALL_CASES, { version: '2.2.1', role: 'cpo', only });
  const { cases, pulledIn } = withRequirements(selected, eligible, settings(handshake), new Set(excluded));
  return { cases: cases.map((c) => c.id), pulledIn: pulledIn.map((c) => c.id) };
};

describe('a selection completed with what its cases need', () => {
  it('pulls in the crawl, the registration and the version details a single-object case needs, in catalogue order', () => {
    const { cases, pulledIn } = complete(['LOC-04']);
    assert.deepEqual(new Set(pulledIn), new Set(['VER-01', 'VER-02', 'CRED-02', 'LOC-01']));
    assert.deepEqual(cases, eligible.map((c) => c.id).filter((id) => [...pulledIn, 'LOC-04'].includes(id)));
  });

  it('pulls in the registration of the handshake in use, not the ones that would skip', () => {
    assert.ok(complete(['LOC-01'], 'register').pulledIn.includes('CRED-02'));
    assert.deepEqual(complete(['LOC-01'], 'await').pulledIn.filter((id) => id.startsWith('CRED')), ['CRED-07']);
    assert.deepEqual(complete(['LOC-01'], 'none').pulledIn.filter((id) => id.startsWith('CRED')), ['CRED-08']);
  });

  it('follows needs through the cases it adds: a stopped session needs a started one, which needs a charge site', () => {
    const { pulledIn } = complete(['CMD-02']);
    for (const id of ['CMD-01', 'LOC-01', 'CRED-02']) assert.ok(pulledIn.includes(id), `${id} in ${pulledIn.join(',')}`);
  });

  it('does not count a case that renews what it needs as establishing it', () => {
    assert.ok(complete(['CRED-05']).pulledIn.includes('CRED-02'));
  });

  it('never pulls in an excluded case, and adds nothing to a selection that needs nothing more', () => {
    assert.equal(complete(['LOC-01'], 'register', ['CRED-02']).pulledIn.includes('CRED-02'), false);
    assert.deepEqual(complete(['VER-01']).pulledIn, []);
  });
});
