import { writeFile } from 'node:fs/promises';
import { foldedLine, foldFindings } from './fold-findings.js';
import { tallyChecks, type CheckTally } from './tally-checks.js';
import type { Finding } from '../model/finding.js';
import { nothingChecked } from '../model/nothing-checked.js';
import type { CaseResult, CaseStatus, RunResult } from '../model/case-result.js';
import type { Exchange } from '../model/exchange.js';
import { toCurl } from './curl.js';
import { baselineLines } from './baseline-lines.js';
import { findingDiff } from './finding-diff.js';
import { hollowRunWarnings } from './hollow-run-warnings.js';
import { html, type SafeHtml } from './html.js';
import { HTML_REPORT_STYLE } from './html-report-style.js';
import { DIFF_LEGEND } from './render-diff.js';
import { exchangeDirection, exchangeOutcome, renderTranscript } from './transcript.js';

const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = { passed: 'passed', failed: 'failed', 'known-failure': 'known failure', errored: 'error', skipped: 'skipped' };

const duration = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const isProblem = (c: CaseResult): boolean => c.status === 'failed' || c.status === 'errored';
// The curl line of a request that carried a token reads it from $OCPI_TOKEN (see toCurl).
const authorized = (exchange: Exchange): boolean => exchange.request.headers['authorization'] !== undefined;
// Exchange ids repeat across cases (a case may cite another's exchange), so an anchor names its case too.
const exchangeAnchor = (scope: string, exchangeId: string): string => `exchange-${scope}-${exchangeId}`;
const verdictOf = (result: RunResult): 'passed' | 'failed' | 'not tested' | 'nothing checked' =>
  result.untested !== undefined ? 'not tested' : result.summary.failed + result.summary.errored > 0 ? 'failed' : nothingChecked(result) ? 'nothing checked' : 'passed';

/** Lines as block spans of a `pre`, each with the class its marker asks for. */
function lines(all: readonly string[], classOf: (line: string) => string): SafeHtml {
  return html`${all.map((line) => html`<span class="line ${classOf(line)}">${line === '' ? ' ' : line}</span>`)}`;
}

const diffClass = (line: string): string => (line.startsWith('+ ') ? 'add' : line.startsWith('- ') && line !== DIFF_LEGEND ? 'del' : line.startsWith('@ ') ? 'hunk' : line.startsWith('  ') ? 'context' : 'legend');
const transcriptClass = (line: string): string => (line.startsWith('> ') || line === '>' ? 'request' : line.startsWith('< no response') ? 'none' : line.startsWith('< ') || line === '<' ? 'response' : 'head');

function header(result: RunResult): SafeHtml {
  const { tool, target } = result;
  return html`<header data-testid="header">
<h1>${tool.name} <span class="sub">${tool.version} · OCPI conformance report</span></h1>
<dl>
<dt>Target versions URL</dt><dd data-testid="target-url"><code>${target.versionsUrl ?? 'not given'}</code></dd>
<dt>Target role</dt><dd data-testid="target-role">${target.role?.toUpperCase() ?? 'not known'}</dd>
<dt>OCPI version</dt><dd data-testid="ocpi-version">${target.testedVersions.length > 0 ? target.testedVersions.join(', ') : 'none tested'}</dd>
<dt>Offered by the target</dt><dd data-testid="offered-versions">${target.offeredVersions ? target.offeredVersions.join(', ') || 'none' : 'not read'}</dd>
<dt>Started at</dt><dd data-testid="started-at"><time datetime="${result.startedAt}">${result.startedAt}</time></dd>
<dt>Duration</dt><dd data-testid="duration">${duration(result.durationMs)}</dd>
</dl>
</header>`;
}

function count(testId: string, className: string, n: number, label: string): SafeHtml {
  return html`<li class="${className}"><span class="n" data-testid="${testId}">${n}</span> ${label}</li>`;
}

/** A case as a link names it: its id, and its version when the run tested several. */
const caseLabel = (result: RunResult, c: CaseResult): string => (result.target.testedVersions.length > 1 ? `${c.id} (${c.ocpiVersion})` : c.id);

/** Each failing (or warning) check once, with the cases it failed in linked and its first message as an example. */
function checkList(result: RunResult, tallies: readonly CheckTally[], how: { title: string; testId: string; verb: string }): SafeHtml | false {
  if (tallies.length === 0) return false;
  return html`<h3>${how.title} <span class="muted">(${plural(tallies.length, 'check')})</span></h3>
<ul class="attention" data-testid="${how.testId}s">${tallies.map((t) => html`<li data-testid="${how.testId}" data-check="${t.check}"><code>${t.check}</code> ${how.verb} in ${plural(t.cases.length, 'case')}${t.places > t.cases.length ? ` (${t.places} places)` : ''}: ${t.cases.map((c, i) => html`${i > 0 ? ', ' : ''}<a href="#${caseAnchor(result, c)}">${caseLabel(result, c)}</a>`)}<br><span class="muted">${t.message}</span></li>`)}</ul>`;
}

/** The first thing a reader sees: the verdict, the counts, what makes the verdict mean less, and where the failures are. */
function summary(result: RunResult): SafeHtml {
  const { passed, failed, errored, skipped, warnings, knownFailures } = result.summary;
  const verdict = verdictOf(result);
  const hollow = hollowRunWarnings(result);
  // Errors are not checks: each errored case is listed, and a failed case with no failed check to list (none known).
  const attention = result.cases.filter((c) => c.status === 'errored' || (c.status === 'failed' && !c.findings.some((f) => f.status === 'fail')));
  const { baseline } = result;
  return html`<section class="summary verdict-${verdict.replace(' ', '-')}${hollow.length > 0 ? ' hollow' : ''}" data-testid="summary">
<p class="verdict" data-testid="verdict">${verdict.toUpperCase()}</p>
<p class="muted"><span data-testid="summary-total">${result.cases.length}</span> ${result.cases.length === 1 ? 'case' : 'cases'}</p>
<ul class="counts">
${count('summary-passed', 'passed', passed, 'passed')}
${count('summary-failed', 'failed', failed, 'failed')}
${count('summary-errored', 'errored', errored, 'errored')}
${count('summary-skipped', 'skipped', skipped, 'skipped')}
${count('summary-warnings', 'warnings', warnings, 'warnings')}
${knownFailures > 0 || baseline ? count('summary-known-failures', 'known', knownFailures, 'known failures (baseline)') : false}
</ul>
${result.interrupted ? html`<div class="notice" role="alert" data-testid="interrupted"><strong>Interrupted:</strong> the run was stopped before it ended, so this report is partial.</div>` : false}
${hollow.length > 0 ? html`<div class="notice" role="alert" data-testid="hollow-warnings">
<h3>This verdict proves less than it says</h3>
<ul>${hollow.map((warning) => html`<li data-testid="hollow-warning">${warning}</li>`)}</ul>
</div>` : false}
${checkList(result, tallyChecks(result.cases, 'fail'), { title: 'Failing checks', testId: 'failing-check', verb: 'failed' })}
${attention.length > 0 ? html`<h3>Errored cases</h3>
<ul class="attention" data-testid="errored-cases">${attention.map((c) => html`<li data-testid="errored-case"><a href="#${caseAnchor(result, c)}">${caseLabel(result, c)}</a> ${c.title}: ${c.status === 'errored' ? 'error' : 'failed'}: ${c.reason ?? 'no reason given'}</li>`)}</ul>` : false}
${checkList(result, tallyChecks(result.cases, 'warn'), { title: 'Warnings', testId: 'warning-check', verb: 'warned' })}
${result.teardown.length > 0 ? html`<h3>Teardown</h3>
<ul class="teardown" data-testid="teardown">${result.teardown.map((step) => html`<li class="${step.status}">${step.what} (${step.caseId}): ${step.detail}</li>`)}</ul>` : false}
${baseline ? html`<ul class="baseline" data-testid="baseline">${baselineLines(baseline).map((line) => html`<li>${line}</li>`)}</ul>` : false}
</section>`;
}

/** One non-passing finding: its check, message and diff; a failure the baseline lists is marked as known. */
function finding(f: Finding, c: CaseResult): SafeHtml {
  const diff = findingDiff(f);
  const known = f.status === 'fail' && (c.knownFailures ?? []).includes(f.check);
  return html`<div class="finding finding-${known ? 'known' : f.status}" data-testid="finding" data-check="${f.check}">
<p><span class="badge finding-${known ? 'known' : f.status}">${known ? 'known' : f.status}</span> <code>${f.check}</code>${known ? html` <span class="muted">(known failure, in the baseline)</span>` : false} ${f.message}${f.at ? html` <span class="muted">at <code>${f.at}</code></span>` : false}${f.exchangeId ? html` <a class="muted" href="#${exchangeAnchor(c.id, f.exchangeId)}">exchange ${f.exchangeId}</a>` : false}</p>
${diff.length > 0 ? html`<pre class="diff" data-testid="diff">${lines(diff, diffClass)}</pre>` : false}
</div>`;
}

/** The non-passing findings of a case, under the exchange each one judged (as the console's failure anatomy groups them). */
function problems(c: CaseResult): SafeHtml {
  const byExchange = new Map<string | undefined, Finding[]>();
  const { shown, folded } = foldFindings(c.findings.filter((each) => each.status !== 'pass'));
  for (const f of shown) byExchange.set(f.exchangeId, [...(byExchange.get(f.exchangeId) ?? []), f]);
  return html`${[...byExchange].map(([exchangeId, findings]) => {
    const exchange = c.exchanges.find((e) => e.id === exchangeId);
    return html`<div class="evidence">
${exchange ? html`<p class="muted">${exchange.direction === 'inbound' ? 'When the target called the tester: ' : 'On '}<code>${exchange.request.method} ${exchange.request.url}</code> → ${exchangeOutcome(exchange)}</p>` : false}
${findings.map((f) => finding(f, c))}
</div>`;
  })}${[...folded].map(([check, count]) => html`<p class="muted" data-testid="folded-findings">${foldedLine(check, count)}</p>`)}`;
}

/** The exchanges a failure rests on: those its non-passing findings cite, or the last one when an error cites none. */
function citedExchanges(c: CaseResult): readonly Exchange[] {
  const cited = new Set(c.findings.filter((f) => f.status !== 'pass').map((f) => f.exchangeId));
  const exchanges = c.exchanges.filter((e) => cited.has(e.id));
  const last = c.exchanges.at(-1);
  return exchanges.length === 0 && c.status === 'errored' && last ? [last] : exchanges;
}

/** How to send again what the tester sent: the curl lines of the cited outbound exchanges and what they need. */
function reproduce(c: CaseResult, cited: readonly Exchange[]): SafeHtml | false {
  const outbound = cited.filter((e) => e.direction === 'outbound');
  if (outbound.length === 0) return false;
  const firstIndex = c.exchanges.indexOf(outbound[0] as Exchange);
  const earlier = c.exchanges.slice(0, firstIndex).filter((e) => e.direction === 'outbound').length;
  return html`<div class="reproduce" data-testid="reproduce">
<h3>How to reproduce</h3>
${outbound.some(authorized) ? html`<p>Set <code>OCPI_TOKEN</code> to the token the tester used (the line Base64-encodes it into the Authorization header, as OCPI 2.2.1 requires; the token is never written into this report), then run:</p>` : html`<p>Run:</p>`}
${outbound.map((e) => html`<pre class="curl" data-testid="reproduce-curl">${toCurl(e)}</pre>`)}
${earlier > 0 ? html`<p class="muted">This case made ${plural(earlier, 'request')} before this one (a PUT before a GET, say); each exchange below has its own curl line, in the order they were made.</p>` : false}
</div>`;
}

/** One exchange: who called whom, the full transcript both ways, and a curl line when the tester made the request. */
function exchangeEntry(exchange: Exchange, scope: string, open: boolean): SafeHtml {
  const inbound = exchange.direction === 'inbound';
  return html`<details class="exchange ${exchange.direction}${open ? ' cited' : ''}" id="${exchangeAnchor(scope, exchange.id)}" data-testid="exchange" data-exchange="${exchange.id}" data-direction="${exchange.direction}"${open ? html` open` : false}>
<summary><span class="direction">${exchangeDirection(exchange)}</span> <code>${exchange.request.method} ${exchange.request.url}</code> → ${exchangeOutcome(exchange)} <span class="muted">${duration(exchange.timings.durationMs)}, ${exchange.id}</span></summary>
<pre class="transcript" data-testid="transcript">${lines(renderTranscript(exchange), transcriptClass)}</pre>
${inbound ? false : html`<p class="muted">curl${authorized(exchange) ? html` (needs <code>OCPI_TOKEN</code> set to the token)` : false}:</p><pre class="curl" data-testid="curl">${toCurl(exchange)}</pre>`}
</details>`;
}

/** A case's anchor: `case-<id>`, with the version in it when the run tested several (a case then runs in each). */
function caseAnchor(result: RunResult, c: CaseResult): string {
  return result.target.testedVersions.length > 1 ? `case-${c.ocpiVersion}-${c.id}` : `case-${c.id}`;
}

function caseEntry(c: CaseResult, anchor: string): SafeHtml {
  const cited = citedExchanges(c);
  const warnings = c.findings.filter((f) => f.status === 'warn').length;
  const passing = c.findings.filter((f) => f.status === 'pass');
  const failing = c.status === 'failed' || c.status === 'errored' || c.status === 'known-failure';
  return html`<details class="case status-${c.status}" id="${anchor}" data-testid="case-${c.id}" data-status="${c.status}"${isProblem(c) ? html` open` : false}>
<summary><span class="badge status-${c.status}">${STATUS_LABELS[c.status]}</span> <code class="case-id">${c.id}</code> ${c.title} <span class="case-meta">${c.severity} · ${duration(c.durationMs)}${warnings > 0 ? ` · ${plural(warnings, 'warning')}` : ''}${c.status === 'skipped' && c.reason ? ` · ${c.reason}` : ''}</span></summary>
<div class="case-body">
<p class="spec" data-testid="spec"><span class="muted">Rule:</span> OCPI ${c.spec.version}, ${c.spec.section}: ${c.spec.rule}</p>
${c.reason ? html`<p class="reason ${c.status}" data-testid="reason"><strong>${c.status === 'errored' ? 'Error' : c.status === 'skipped' ? 'Skipped' : 'Note'}:</strong> ${c.reason}</p>` : false}
${c.knownFailures && c.knownFailures.length > 0 ? html`<p class="reason" data-testid="known-failures"><strong>Known failures (baseline):</strong> ${c.knownFailures.join(', ')}</p>` : false}
${problems(c)}
${failing ? reproduce(c, cited) : false}
${c.exchanges.length > 0 ? html`<h3>Exchanges (${c.exchanges.length})</h3>
${c.exchanges.map((e) => exchangeEntry(e, c.id, failing && cited.includes(e)))}` : false}
${passing.length > 0 ? html`<details class="passing" data-testid="passing-findings"><summary>${plural(passing.length, 'passing check')}</summary>
<ul>${passing.map((f) => html`<li><code>${f.check}</code> ${f.message}</li>`)}</ul>
</details>` : false}
</div>
</details>`;
}

function moduleSection(result: RunResult, version: string, module: string): SafeHtml {
  const cases = result.cases.filter((c) => c.ocpiVersion === version && c.module === module);
  const several = result.target.testedVersions.length > 1;
  const counts = (['failed', 'errored', 'known-failure', 'passed', 'skipped'] as const).flatMap((status) => {
    const n = cases.filter((c) => c.status === status).length;
    return n > 0 ? [`${n} ${STATUS_LABELS[status]}`] : [];
  });
  const id = several ? `module-${version}-${module}` : `module-${module}`;
  return html`<section class="module" id="${id}" data-testid="module-${module}" data-ocpi-version="${version}">
<h2>${several ? `OCPI ${version} · ` : ''}${module} <span class="module-counts">${counts.join(', ')}</span></h2>
${cases.map((c) => caseEntry(c, caseAnchor(result, c)))}
</section>`;
}

function peerInboundSection(exchanges: readonly Exchange[]): SafeHtml {
  return html`<section class="peer-inbound" id="peer-inbound" data-testid="peer-inbound">
<h2>Requests the target made to the tester outside any case <span class="module-counts">${exchanges.length}</span></h2>
${exchanges.length === 0 ? html`<p class="muted">None: every request the target made to the tester is shown with the case it belongs to.</p>` : html`<p class="muted">The target called the tester's own OCPI endpoint for these, but no case judged them; they are here so the transcript is whole.</p>
${exchanges.map((e) => exchangeEntry(e, 'peer', false))}`}
</section>`;
}

/**
 * The HTML report: one self-contained page that opens offline and loads nothing (a strict Content-Security-Policy,
 * inline CSS, no script: <details> open the failures and errors and keep the rest closed). It shows the verdict and
 * counts with the warnings that make a pass hollow, then per module and case the verdict, each failure's diff, every
 * exchange's transcript both ways with its curl line, and last the target's requests no case cites. Everything the
 * target sent is escaped; exchanges were redacted when recorded, so no token appears.
 */
export function toHtmlReport(result: RunResult): string {
  // Sections per module, per version in a run of several; in the order they first appear.
  const sections = [...new Map(result.cases.map((c) => [`${c.ocpiVersion} ${c.module}`, [c.ocpiVersion, c.module] as const])).values()];
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${verdictOf(result).toUpperCase()}: ${result.tool.name} report for ${result.target.versionsUrl ?? 'the target'}</title>
<style>${HTML_REPORT_STYLE}</style>
</head>
<body>
${header(result)}
<main>
${summary(result)}
${sections.map(([version, module]) => moduleSection(result, version, module))}
${peerInboundSection(result.peerInbound)}
</main>
<footer>Written by ${result.tool.name} ${result.tool.version}. What the target sent is shown as text, never run; tokens were redacted when the exchanges were recorded. The JSON report holds the same run in full.</footer>
</body>
</html>
`;
  return page.text;
}

export async function writeHtmlReport(result: RunResult, path: string): Promise<void> {
  await writeFile(path, toHtmlReport(result), 'utf8');
}
