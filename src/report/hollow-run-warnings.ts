import type { RunResult } from '../model/case-result.js';
import { nothingChecked } from '../model/nothing-checked.js';

/** A Hub's own interfaces: a CPO or eMSP that does not declare them lacks nothing, so their skips leave no hole. */
const HUB_INTERFACES: ReadonlySet<string> = new Set(['hubclientinfo SENDER']);

/**
 * What makes a run's verdict mean less than it says, in one sentence each: every case skipped, every request refused
 * with 401, every list empty, interfaces the target does not declare. A run can pass and still have proved nothing;
 * every report shows these before the verdict.
 */
export function hollowRunWarnings(result: RunResult): readonly string[] {
  const warnings: string[] = [];
  const { cases } = result;
  if (result.untested !== undefined) warnings.push(result.untested);
  if (result.roleConflict !== undefined) warnings.push(`${result.roleConflict}; the cases of the role given were skipped`);
  const skipped = cases.filter((c) => c.status === 'skipped');
  if (cases.length > 0 && skipped.length === cases.length) warnings.push('every case was skipped, so this run checked nothing');
  else if (nothingChecked(result)) {
    const selected = cases.filter((c) => !(result.pulledIn ?? []).includes(c.id));
    warnings.push(`every selected case was skipped (${selected.map((c) => `${c.id}: ${c.reason ?? 'skipped'}`).join('; ')}), so this run checked nothing it was asked to`);
  }
  else if (skipped.length * 2 > cases.length) warnings.push(`${skipped.length} of ${cases.length} cases were skipped, so this verdict rests on the ${cases.length - skipped.length} that ran (see each skip's reason)`);

  const answered = cases.flatMap((c) => c.exchanges).filter((e) => e.direction === 'outbound' && e.response !== undefined);
  if (answered.length > 0 && answered.every((e) => e.response?.status === 401)) {
    warnings.push(`every request the tester made (${answered.length}) was answered with HTTP 401: the token is probably wrong, so nothing past authorization was checked`);
  }

  // A list that answered an error is not an empty list: say what each one answered.
  const unusable = cases.filter((c) => c.listProblem !== undefined);
  const crawls = cases.filter((c) => c.objectsReceived !== undefined);
  if (unusable.length > 0 && crawls.every((c) => c.objectsReceived === 0)) {
    warnings.push(`no list the tester crawled gave a page of objects: ${unusable.map((c) => `${c.id} answered ${c.listProblem ?? ''}`).join(', ')}${crawls.length > 0 ? `; ${crawls.map((c) => c.id).join(', ')} empty` : ''}: no object was validated against its schema`);
  } else if (crawls.length > 0 && crawls.every((c) => c.objectsReceived === 0)) {
    warnings.push(`every list the tester crawled was empty (${crawls.map((c) => c.id).join(', ')}): no object was validated against its schema`);
  }

  if (result.revocation) {
    const skipped = cases.filter((c) => c.status === 'skipped' && c.reason?.includes(`during ${result.revocation?.caseId ?? ''} (`)).length;
    warnings.push(`the target stopped accepting the credentials token during ${result.revocation.caseId}: ${skipped} case${skipped === 1 ? ' was' : 's were'} skipped, not passed`);
  }

  const missing = cases.filter((c) => c.undeclared && !HUB_INTERFACES.has(`${c.undeclared.module} ${c.undeclared.role}`));
  const undeclared = [...new Set(missing.flatMap((c) => (c.undeclared ? [`${c.undeclared.module} ${c.undeclared.role}`] : [])))];
  if (undeclared.length > 0) {
    const skipped = missing.length;
    warnings.push(`the target does not declare ${undeclared.join(', ')}: ${skipped} case${skipped === 1 ? ' was' : 's were'} skipped, not passed`);
  }
  return warnings;
}
