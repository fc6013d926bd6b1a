import assert from 'node:assert/strict';
import { toRunTranscript } from '../../src/report/run-transcript.js';
import type { Exchange } from '../../src/model/exchange.js';
import { exchange } from '../helpers/exchange.js';
import { caseResult, runResult } from '../helpers/run-result.js';

const at = (id: string, startedAt: string, extra: Partial<Exchange> = {}): Exchange => ({ ...exchange({ status: 200 }), id, timings: { startedAt, durationMs: 1 }, ...extra });

describe('the run transcript', () => {
  it('lists every exchange once, in the order they started, with the cases citing it and the peer\'s inbound ones.', () => {
    const shared = at('x2', '2026-01-01T00:00:02.000Z');
    const inbound = at('x3', '2026-01-01T00:00:01.500Z', { direction: 'inbound', request: { method: 'GET', url: 'http://127.0.0.1:2/ocpi/2.2.1/locations', headers: {} } });
    const text = toRunTranscript(runResult([
      caseResult({ id: 'VER-01', status: 'passed', exchanges: [at('x1', '2026-01-01T00:00:01.000Z'), shared] }),
      caseResult({ id: 'VER-02', status: 'passed', exchanges: [shared] }),
    ], { peerInbound: [inbound] }));
    const headings = text.split('\n').filter((line) => line.startsWith('--- '));
    assert.deepEqual(headings, ['--- x1 (VER-01) ---', '--- x3 (no case) ---', '--- x2 (VER-01, VER-02) ---']);
    assert.match(text, /the target called the tester, 2026-01-01T00:00:01\.500Z\n> GET http:\/\/127\.0\.0\.1:2\/ocpi\/2\.2\.1\/locations/);
    assert.match(text, /^3 exchanges\./m);
  });
});
