import { summarize } from '../../src/runner/summarize.js';
import type { CaseResult, RunResult } from '../../src/model/case-result.js';

/** A case result with plausible defaults; tests override what they look at. */
export function caseResult(overrides: Partial<CaseResult> & Pick<CaseResult, 'id' | 'status'>): CaseResult {
  return {
    title: 'a case',
    ocpiVersion: '2.2.1',
    module: 'versions',
    severity: 'required',
    spec: { version: '2.2.1', section: 'Versions §1', rule: 'the rule' },
    durationMs: 12,
    findings: [],
    exchanges: [],
    ...overrides,
  };
}

/** A finished run of these cases, summarized as the runner would. */
export function runResult(cases: readonly CaseResult[], overrides: Partial<RunResult> = {}): RunResult {
  return {
    tool: { name: 'ocpi-conformance', version: '0.0.0' },
    target: { versionsUrl: 'http://127.0.0.1:1/ocpi/versions', role: 'cpo', ocpiVersion: '2.2.1', testedVersions: ['2.2.1'] },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 10,
    interrupted: false,
    summary: summarize(cases),
    cases,
    teardown: [],
    peerInbound: [],
    ...overrides,
  };
}
