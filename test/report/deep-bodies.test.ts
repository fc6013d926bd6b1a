import assert from 'node:assert/strict';
import { fail } from '../../src/checks/finding.js';
import { toHtmlReport } from '../../src/report/html-report.js';
import { toJsonReport } from '../../src/report/json-report.js';
import { toJunitReport } from '../../src/report/junit-report.js';
import { toRunTranscript } from '../../src/report/run-transcript.js';
import { parseBody } from '../../src/transport/body.js';
import { MAX_JSON_DEPTH } from '../../src/transport/json-depth.js';
import { deepJson } from '../helpers/raw-request.js';
import { exchange } from '../helpers/exchange.js';
import { caseResult, runResult } from '../helpers/run-result.js';

describe('the reports, given the deepest bodies a run can record', () => {
  it('render a body parsed at the depth bound, and one kept as text past it, in every format', () => {
    const atBound = parseBody(deepJson(MAX_JSON_DEPTH));
    const pastBound = parseBody(deepJson(100_000));
    assert.equal(atBound.json, true);
    const deepDiff = fail('envelope.json-body', 'deep', { exchangeId: 'x1', expected: atBound.value, actual: atBound.value });
    const result = runResult([caseResult({
      id: 'VER-01',
      status: 'failed',
      findings: [deepDiff],
      exchanges: [{ ...exchange({ status: 200, body: atBound.value }), id: 'x1' }, { ...exchange({ status: 200, rawBody: pastBound.text }), id: 'x2' }],
    })]);
    for (const render of [toJsonReport, toJunitReport, toHtmlReport, toRunTranscript]) assert.doesNotThrow(() => render(result), render.name);
  });
});
