import type { RunResult } from '../model/case-result.js';
import type { Exchange } from '../model/exchange.js';
import { renderTranscript } from './transcript.js';

const exchangeNumber = (exchange: Exchange): number => Number(exchange.id.replace(/\D/g, '')) || 0;

/**
 * Every exchange of a run, both directions, in the order they started, each headed by its id and the cases that
 * cite it (or "no case" for a request the target made to the tester outside any case). Redacted when recorded.
 */
export function toRunTranscript(result: RunResult): string {
  const citedBy = new Map<string, { exchange: Exchange; cases: string[] }>();
  for (const c of result.cases) {
    for (const exchange of c.exchanges) {
      const entry = citedBy.get(exchange.id) ?? { exchange, cases: [] };
      entry.cases.push(c.id);
      citedBy.set(exchange.id, entry);
    }
  }
  for (const exchange of result.peerInbound) if (!citedBy.has(exchange.id)) citedBy.set(exchange.id, { exchange, cases: [] });
  const ordered = [...citedBy.values()].sort((a, b) => a.exchange.timings.startedAt.localeCompare(b.exchange.timings.startedAt) || exchangeNumber(a.exchange) - exchangeNumber(b.exchange));
  const lines = [
    `ocpi-conformance ${result.tool.version} transcript, run started ${result.startedAt}`,
    `target: ${result.target.versionsUrl ?? '(registered with the tester)'}${result.target.role ? `, ${result.target.role}` : ''}${result.target.testedVersions.length > 0 ? `, OCPI ${result.target.testedVersions.join(' and ')}` : ', no OCPI version tested'}`,
    `${ordered.length} exchanges. Tokens are redacted; the report keeps the first page of each crawled list and the failing ones.`,
  ];
  for (const { exchange, cases } of ordered) lines.push('', `--- ${exchange.id} (${cases.length > 0 ? cases.join(', ') : 'no case'}) ---`, ...renderTranscript(exchange));
  return `${lines.join('\n')}\n`;
}
