import { writeFile } from 'node:fs/promises';
import junitModule, { type Builder } from 'junit-report-builder';
import type { CaseResult, RunResult } from '../model/case-result.js';
import { renderFailureAnatomy, type TextStyle } from './failure-anatomy.js';
import { renderTranscript } from './transcript.js';

// The package is CommonJS whose module.exports is the builder itself; its types describe it as an ES default export.
const junit = junitModule as unknown as Builder;

const PLAIN: TextStyle = { bad: (t) => t, warn: (t) => t, dim: (t) => t, strong: (t) => t, added: (t) => t, removed: (t) => t };

// XML 1.0 cannot carry most control characters, and a target's body may hold any: they become U+FFFD.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlSafe = (text: string): string => text.replace(NOT_XML, '\uFFFD');

/** The failure text of a case: its anatomy (failed checks, diffs, curl, spec rule), then the transcript of its exchanges. */
function failureText(result: CaseResult): string {
  const cited = new Set(result.findings.filter((f) => f.status !== 'pass').map((f) => f.exchangeId));
  const exchanges = result.exchanges.filter((e) => cited.has(e.id));
  const shown = exchanges.length > 0 ? exchanges : result.exchanges.slice(-1);
  const transcript = shown.flatMap((exchange) => ['', ...renderTranscript(exchange)]);
  return xmlSafe([...renderFailureAnatomy(result, PLAIN), ...(transcript.length > 0 ? ['', 'transcript:', ...transcript] : [])].join('\n'));
}

/** The one-line failure message: which checks failed. */
function failureMessage(result: CaseResult): string {
  const failed = [...new Set(result.findings.filter((f) => f.status === 'fail').map((f) => f.check))];
  return xmlSafe(failed.length > 0 ? `failed: ${failed.join(', ')}` : 'failed');
}

/**
 * The JUnit XML report, as Jenkins, GitLab and GitHub read it: one testsuite per module (in the order modules first
 * appear), one testcase per case named `<id> <title>` with classname `ocpi-conformance.<module>`. A failed case
 * carries a <failure> with the failed checks and their diffs and the request and response; an errored case an
 * <error>; a skipped one <skipped> with its reason in <system-out>; a known failure (baseline) <skipped> with its
 * failure text in <system-out>; warnings of a passed case go to <system-out>. A run of several OCPI versions has a
 * testsuite per version and module (`OCPI 2.3.0 locations`, classname `ocpi-conformance.2_3_0.locations`).
 * Built with junit-report-builder (xmlbuilder underneath): no XML is written by hand.
 */
export function toJunitReport(result: RunResult): string {
  const report = junit.newBuilder().name('ocpi-conformance');
  const several = result.target.testedVersions.length > 1;
  const groups = [...new Set(result.cases.map((c) => `${c.ocpiVersion} ${c.module}`))];
  for (const group of groups) {
    const [version = '', module = ''] = group.split(' ');
    const suite = report.testSuite().name(several ? `OCPI ${group}` : module).timestamp(new Date(result.startedAt));
    const className = several ? `ocpi-conformance.${version.replaceAll('.', '_')}.${module}` : `ocpi-conformance.${module}`;
    for (const c of result.cases.filter((each) => each.ocpiVersion === version && each.module === module)) {
      const testCase = suite.testCase().className(className).name(xmlSafe(`${c.id} ${c.title}`)).time(c.durationMs / 1000);
      const warnings = c.findings.filter((f) => f.status === 'warn').map((f) => `warning ${f.check}: ${f.message}`);
      if (c.status === 'failed') testCase.failure(failureMessage(c), 'conformance').stacktrace(failureText(c));
      else if (c.status === 'errored') testCase.error(xmlSafe(c.reason ?? 'tester error'), 'tester-error', failureText(c));
      else if (c.status === 'skipped') testCase.skipped().standardOutput(xmlSafe(`skipped: ${c.reason ?? ''}`));
      // A known failure must not fail the CI job, yet stay visible: JUnit has no such outcome, so it is a skip that says why.
      else if (c.status === 'known-failure') testCase.skipped().standardOutput(`known failure (in the baseline): ${(c.knownFailures ?? []).join(', ')}\n\n${failureText(c)}`);
      if (c.status !== 'skipped' && c.status !== 'known-failure' && warnings.length > 0) testCase.standardOutput(xmlSafe(warnings.join('\n')));
    }
  }
  return report.build();
}

export async function writeJunitReport(result: RunResult, path: string): Promise<void> {
  await writeFile(path, toJunitReport(result), 'utf8');
}
