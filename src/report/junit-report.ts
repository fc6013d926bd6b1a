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

// CI servers show the message attribute as the failure's title, on one line: it is kept short, the body has it all.
const MESSAGE_LIMIT = 200;
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
const shorten = (text: string, limit: number): string => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

/**
 * The one-line failure message: the case id, its first failed check (one the baseline does not list, if any) and that
 * check's text, shortened, and how many other checks failed; e.g. `LOC-PUSH-01 locations.stored-as-put: the Location
 * read back differs (+1 more failed check)`.
 */
export function failureMessage(result: CaseResult): string {
  const failed = result.findings.filter((f) => f.status === 'fail');
  const known = new Set(result.knownFailures ?? []);
  const first = failed.find((f) => !known.has(f.check)) ?? failed[0];
  if (!first) return xmlSafe(shorten(oneLine(`${result.id}: ${result.reason ?? 'failed'}`), MESSAGE_LIMIT));
  const others = new Set(failed.map((f) => f.check)).size - 1;
  const more = others > 0 ? ` (+${others} more failed check${others === 1 ? '' : 's'})` : '';
  const head = `${result.id} ${first.check}: `;
  return xmlSafe(`${head}${shorten(oneLine(first.message), Math.max(MESSAGE_LIMIT - head.length - more.length, 20))}${more}`);
}

/** The one-line error message: the case id and what went wrong, shortened (the body has the whole reason). */
function errorMessage(result: CaseResult): string {
  return xmlSafe(shorten(oneLine(`${result.id} tester error: ${result.reason ?? 'unknown error'}`), MESSAGE_LIMIT));
}

// Seconds, as JUnit writes them, from whole milliseconds (no 0.30000000000000004).
const seconds = (ms: number): number => Math.round(ms) / 1000;

/**
 * The JUnit XML report, as Jenkins, GitLab and GitHub read it: one testsuite per module (in the order modules first
 * appear), one testcase per case named `<id> <title>` with classname `ocpi-conformance.<module>`. A failed case
 * carries a <failure> whose `message` says in one line what failed (see `failureMessage`) and whose text holds the failed
 * checks, their diffs, the spec rule and the request and response; an errored case an <error> likewise; a skipped one <skipped> with its reason in <system-out>; a known failure (baseline) <skipped> with its
 * failure text in <system-out>; warnings of a passed case go to <system-out>. A run of several OCPI versions has a
 * testsuite per version and module (`OCPI 2.3.0 locations`, classname `ocpi-conformance.2_3_0.locations`).
 * Every testsuite and testcase has a `time` in seconds: a case's own duration, a suite's the sum of its cases' (cases
 * run concurrently, so the sum may exceed the wall time). Built with junit-report-builder (xmlbuilder underneath): no XML is written by hand.
 */
export function toJunitReport(result: RunResult): string {
  const report = junit.newBuilder().name('ocpi-conformance');
  const several = result.target.testedVersions.length > 1;
  const groups = [...new Set(result.cases.map((c) => `${c.ocpiVersion} ${c.module}`))];
  for (const group of groups) {
    const [version = '', module = ''] = group.split(' ');
    const cases = result.cases.filter((each) => each.ocpiVersion === version && each.module === module);
    const suiteMs = cases.reduce((sum, c) => sum + Math.round(c.durationMs), 0);
    const suite = report.testSuite().name(several ? `OCPI ${group}` : module).timestamp(new Date(result.startedAt)).time(seconds(suiteMs));
    const className = several ? `ocpi-conformance.${version.replaceAll('.', '_')}.${module}` : `ocpi-conformance.${module}`;
    for (const c of cases) {
      const testCase = suite.testCase().className(className).name(xmlSafe(`${c.id} ${c.title}`)).time(seconds(c.durationMs));
      const warnings = c.findings.filter((f) => f.status === 'warn').map((f) => `warning ${f.check}: ${f.message}`);
      if (c.status === 'failed') testCase.failure(failureMessage(c), 'conformance').stacktrace(failureText(c));
      else if (c.status === 'errored') testCase.error(errorMessage(c), 'tester-error', failureText(c));
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
