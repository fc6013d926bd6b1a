import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { ConfigError } from '../../src/config/config-error.js';
import { readBaselineFile, toBaselineFile } from '../../src/config/baseline-file.js';
import { reportPath } from '../helpers/run-cli.js';

const fileWith = (text: string): string => {
  const path = reportPath('baseline.json');
  writeFileSync(path, text);
  return path;
};

describe('the baseline file', () => {
  it('reads back what --write-baseline writes, notes included.', () => {
    const baseline = { knownFailures: [{ case: 'LOC-01', check: 'schema.response', note: 'ticket 12' }, { case: 'CRED-05', check: 'auth.old-token-refused' }] };
    assert.deepEqual(readBaselineFile(fileWith(toBaselineFile(baseline))).knownFailures, baseline.knownFailures);
  });

  it('refuses a file that is missing, not JSON, or names no case or check, in one line each.', () => {
    assert.throws(() => readBaselineFile('/nonexistent/baseline.json'), (error: Error) => error instanceof ConfigError && /cannot read the baseline \/nonexistent\/baseline\.json: ENOENT/.test(error.message));
    assert.throws(() => readBaselineFile(fileWith('{ nope')), (error: Error) => error instanceof ConfigError && /is not valid JSON/.test(error.message));
    assert.throws(() => readBaselineFile(fileWith('{"knownFailures":[{"case":"loc one","check":"schema.response"}]}')), /invalid at \/knownFailures\/0\/case: is not a case id \(like LOC-01\)/);
    assert.throws(() => readBaselineFile(fileWith('{"knownFailures":[{"case":"LOC-01","check":"schema"}]}')), /invalid at \/knownFailures\/0\/check: is not a check id/);
    assert.throws(() => readBaselineFile(fileWith('{"knownFailures":[],"extra":1}')), /unknown field "extra"/);
    assert.throws(() => readBaselineFile(fileWith('[]')), /invalid at \//);
  });
});
