import { defineCase, type CaseDefinition } from '../../src/runner/define-case.js';
import type { StateKey } from '../../src/runner/run-state.js';

/** A case of the rotate stage that does nothing, with the ordering given: for tests of how the runner orders cases. */
export function orderingCase(id: string, order: { requires?: StateKey[]; provides?: StateKey[]; after?: string[]; roundTrips?: number } = {}): CaseDefinition {
  return defineCase({
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
}

/** Three cases of the rotate stage as the catalogue orders them: CRED-09, then CRED-05 and VER-07, both renewing the session. */
export const ROTATION = {
  check: orderingCase('CRED-09'),
  rotate: orderingCase('CRED-05', { requires: ['session'], provides: ['session'], after: ['CRED-09'] }),
  move: orderingCase('VER-07', { requires: ['session'], provides: ['session'], after: ['CRED-05'] }),
} as const;
