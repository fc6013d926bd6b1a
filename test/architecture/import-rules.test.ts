import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IConfiguration, type IViolation } from 'dependency-cruiser';

// The compiled test runs from dist/test/architecture/; the rules and the TypeScript sources are read at the root.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = join(ROOT, 'test', 'fixtures', 'import-rules');
const RULES = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration;

/** Cruises the TypeScript sources under `baseDir` (type-only imports included) with the repository's rule set. */
async function violationsIn(baseDir: string, folders: string[]): Promise<readonly IViolation[]> {
  const { output } = await cruise(folders, { ...RULES.options, baseDir, validate: true, ruleSet: { forbidden: RULES.forbidden ?? [] } });
  return (output as ICruiseResult).summary.violations;
}

/** One line per violation: the rule, then the import (or the cycle) that breaks it. */
function violationLine(violation: IViolation): string {
  const path = violation.cycle ? [violation.from, ...violation.cycle.map((step) => step.name)].join(' -> ') : `${violation.from} -> ${violation.to}`;
  return `${violation.rule.name}: ${path}`;
}

describe('the import rules of DESIGN §1 (.dependency-cruiser.cjs)', function () {
  this.timeout(30_000);

  it('hold in src/ and suites/: no layer imports what the design keeps it from', async () => {
    const violations = await violationsIn(ROOT, ['src', 'suites']);
    assert.equal(violations.length, 0, `${violations.length} import(s) break the rules:\n  ${violations.map(violationLine).join('\n  ')}`);
  });

  it('catch a check that imports the transport, a reporter that names a runner type, and a loading cycle, but not a cycle of types', async () => {
    const violations = await violationsIn(FIXTURE, ['src']);
    assert.deepEqual(violations.map(violationLine).sort(), [
      'checks-judge-data-only: src/checks/status-check.ts -> src/transport/send.ts',
      'no-circular: src/runner/case-plan.ts -> src/runner/case-step.ts -> src/runner/case-plan.ts',
      'report-renders-results-only: src/report/console-report.ts -> src/runner/case-plan.ts',
    ]);
  });
});
