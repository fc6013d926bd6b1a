import assert from 'node:assert/strict';
import { fail } from '../../src/checks/finding.js';
import { foldedLine, foldFindings } from '../../src/report/fold-findings.js';

describe('folding long lists of findings for people', () => {
  it('shows the first ten of each check and counts the rest, saying the JSON report has them all.', () => {
    const findings = [...Array.from({ length: 180 }, (_, i) => fail('schema.response', `/data/${i}`)), fail('headers.routing', 'none')];
    const { shown, folded } = foldFindings(findings);
    assert.equal(shown.length, 11);
    assert.deepEqual([...folded], [['schema.response', 170]]);
    assert.match(foldedLine('schema.response', 170), /^and 170 more of schema.response .*JSON report/);
  });
});
