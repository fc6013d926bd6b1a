import { randomUUID } from 'node:crypto';
import type { CaseContext } from '../../../src/runner/case-context.js';
import type { CaseSettings } from '../../../src/runner/define-case.js';
import { crawlList } from '../../../src/runner/crawl-list.js';
import { moduleUrl } from '../../../src/runner/module-request.js';
import { ocpiNow } from '../../../src/schemas/ocpi-datetime.js';
import type { AsyncOutcome } from '../common/async-request.js';
import { ownedKey } from '../sender-lists/list-module.js';

/** Cases that act on a real charger run only when the user allows it. */
export function unlessCommandsAllowed(settings: CaseSettings): string | undefined {
  return settings.allowCommands ? undefined : 'acts on a real charger: run with --allow-commands to include it';
}

/** The URL of one command at the target's commands Receiver. */
export function commandUrl(t: CaseContext, command: string): string {
  return `${moduleUrl(t, 'commands', 'RECEIVER')}/${command}`;
}

/** A reference the tester sets on what it starts or reserves, so it can find the session afterwards. */
export function newReference(prefix: string): string {
  return `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}`;
}

/**
 * Ends the case as skipped (its findings kept) when the target did not accept the command, since what should follow
 * cannot be checked: a charger may be busy or offline, which is not a conformance failure.
 */
export function continueIfAccepted(t: CaseContext, outcome: AsyncOutcome, command: string): void {
  if (outcome.failed) return;
  if (outcome.answer !== 'ACCEPTED') t.skip(`the target answered ${command} with ${outcome.answer ?? 'no result'}; choose an available EVSE with --test-location/--test-evse`);
  const result = outcome.result?.['result'];
  if (result !== 'ACCEPTED') t.skip(`the ${command} result was ${String(result)}; choose an available EVSE with --test-location/--test-evse`);
}

/** Looks the target's Sessions list through for one session (changed since `since`); undefined when absent. */
export async function findSession(t: CaseContext, since: Date, match: (session: Record<string, unknown>) => boolean): Promise<Record<string, unknown> | undefined> {
  let found: Record<string, unknown> | undefined;
  await crawlList(t, {
    url: moduleUrl(t, 'sessions', 'SENDER'),
    filters: { date_from: ocpiNow(new Date(since.getTime() - 60_000)) },
    mode: 'follow',
    report: false,
    keyOf: ownedKey,
    onItem: (item) => {
      if (item !== null && typeof item === 'object' && match(item as Record<string, unknown>)) found = item as Record<string, unknown>;
    },
  });
  return found;
}
