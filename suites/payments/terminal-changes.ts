import { compareByType } from '../../src/checks/compare-by-type.js';
import type { CaseContext } from '../../src/runner/case-context.js';
import type { CaseSettings } from '../../src/runner/define-case.js';
import { moduleUrl } from '../../src/runner/module-request.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';
import { storedCopy, topField } from '../common/round-trip.js';

/** Why a case that reconfigures a PTP's terminals does not run (spec-notes P4), when it does not. */
export function terminalChangesRefused(settings: CaseSettings): string | undefined {
  if (settings.handshake === 'none') return '--handshake none: the tester changes nothing at the target with a token it did not register';
  return settings.allowTerminalChanges ? undefined : 'reconfigures a real payment terminal: run with --allow-terminal-changes to include it';
}

/** The first Terminal the crawl of the PTP's list saw (TERM-01), with its id and URL at the PTP's Payments Sender. */
export function crawledTerminal(t: CaseContext): { readonly terminal: Record<string, unknown>; readonly id: string; readonly url: string } {
  const terminal = (t.get('terminalsList').sample as Record<string, unknown> | undefined) ?? t.skip('the Terminals list served no Terminal to change');
  const id = terminal['terminal_id'];
  if (typeof id !== 'string' || id === '') return t.skip('the first Terminal of the list has no terminal_id');
  return { terminal, id, url: endpointUrl(moduleUrl(t, 'payments', 'SENDER'), 'terminals', id) };
}

/**
 * The Terminal as the PTP's own GET serves it before a change: what the change is judged against, so that a field its
 * GET already served otherwise than its list (PAY-05's failure) does not fail the change too. `stale` names those
 * top-level fields (last_updated aside).
 */
export async function servedBefore(t: CaseContext, url: string, crawled: Record<string, unknown>): Promise<{ readonly served: Record<string, unknown>; readonly stale: ReadonlySet<string> }> {
  const served = await storedCopy(t, url, crawled);
  const differing = compareByType({ version: t.version, object: 'Terminal', expected: crawled, actual: served, mode: 'same' }).map(topField);
  return { served, stale: new Set(differing.filter((field) => field !== 'last_updated')) };
}
