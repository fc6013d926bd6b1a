import type { Finding } from '../model/finding.js';
import { deepFreeze } from '../transport/deep-freeze.js';
import type { Redactor } from '../transport/redactor.js';

/**
 * A finding with every token taken out of what it quotes (message, place, expected and actual values, diff, repeats):
 * checks that judge a page as received (a crawl's, which never copies a page it drops) may quote a value that holds a
 * token. The finding itself when there was nothing to take out, which is nearly always.
 */
export function redactFinding(finding: Finding, redactor: Redactor): Finding {
  const redacted: Record<string, unknown> = { ...finding, message: redactor.text(finding.message) };
  if (finding.at !== undefined) redacted['at'] = redactor.text(finding.at);
  for (const field of ['expected', 'actual', 'diff'] as const) if (finding[field] !== undefined) redacted[field] = redactor.json(finding[field]);
  if (finding.repeats) redacted['repeats'] = redactor.json(finding.repeats);
  // Compared as JSON, the form every report writes: equal means no token was taken out.
  if (JSON.stringify(redacted) === JSON.stringify(finding)) return finding;
  return deepFreeze(redacted as unknown as Finding);
}
