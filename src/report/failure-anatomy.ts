import type { Finding } from '../model/finding.js';
import type { CaseResult } from '../model/case-result.js';
import type { Exchange } from '../model/exchange.js';
import { toCurl } from './curl.js';
import { findingDiff } from './finding-diff.js';
import { foldedLine, foldFindings } from './fold-findings.js';
import { exchangeDirection, exchangeOutcome } from './transcript.js';

/** The styles a text rendering may use; identity functions when colour is off. */
export interface TextStyle {
  readonly bad: (text: string) => string;
  readonly warn: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly strong: (text: string) => string;
  readonly added: (text: string) => string;
  readonly removed: (text: string) => string;
}

function describeExchange(exchange: Exchange): string {
  const { request, timings, direction } = exchange;
  const who = direction === 'inbound' ? `${exchangeDirection(exchange)}: ` : '';
  return `${who}${request.method} ${request.url} -> ${exchangeOutcome(exchange)} (${timings.durationMs} ms)`;
}

function renderFinding(finding: Finding, style: TextStyle, known: boolean): string[] {
  const mark = finding.status === 'warn' || known ? style.warn('! ') : style.bad('x ');
  const lines = [`${mark}${style.strong(finding.check)}${known ? style.warn(' (known failure, in the baseline)') : ''}: ${finding.message}`];
  for (const line of findingDiff(finding)) lines.push(`    ${line.startsWith('+ ') ? style.added(line) : line.startsWith('- ') ? style.removed(line) : style.dim(line)}`);
  return lines;
}

/**
 * One failure, told the same way everywhere: case id and title; per exchange, the request and what came back; each
 * failed check with its message and a labelled expected/actual diff; the spec rule; a curl line to reproduce it.
 */
export function renderFailureAnatomy(result: CaseResult, style: TextStyle): string[] {
  const lines = [style.strong(`${result.id} ${result.title}`) + style.dim(` [${result.status}, ${result.severity}]`)];
  if (result.status === 'errored') lines.push(`  ${style.bad('error')}: ${result.reason ?? 'unknown error'}`);
  const { shown: problems, folded } = foldFindings(result.findings.filter((f) => f.status !== 'pass'));
  const byExchange = new Map<string | undefined, Finding[]>();
  for (const finding of problems) byExchange.set(finding.exchangeId, [...(byExchange.get(finding.exchangeId) ?? []), finding]);
  const shown = new Set<string>();
  for (const [exchangeId, findings] of byExchange) {
    const exchange = result.exchanges.find((e) => e.id === exchangeId);
    if (exchange) {
      lines.push(`  ${describeExchange(exchange)}`);
      shown.add(exchange.id);
    }
    for (const finding of findings) lines.push(...renderFinding(finding, style, finding.status === 'fail' && (result.knownFailures ?? []).includes(finding.check)).map((line) => `    ${line}`));
    if (exchange?.direction === 'outbound') lines.push(`    ${style.dim('reproduce:')} ${toCurl(exchange)}`);
  }
  for (const [check, count] of folded) lines.push(`    ${style.dim(foldedLine(check, count))}`);
  if (result.status === 'errored') {
    const last = result.exchanges.at(-1);
    if (last && !shown.has(last.id)) {
      lines.push(`  ${describeExchange(last)}`);
      if (last.direction === 'outbound') lines.push(`    ${style.dim('reproduce:')} ${toCurl(last)}`);
    }
  }
  lines.push(`  ${style.dim('spec:')} OCPI ${result.spec.version}, ${result.spec.section}: ${result.spec.rule}`);
  return lines;
}
