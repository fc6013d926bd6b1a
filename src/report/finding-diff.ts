import type { Finding } from '../model/finding.js';
import { renderDiff, renderDiffEntries } from './render-diff.js';

/**
 * The diff of a finding as lines under the `- expected  + actual` legend: a round trip's differences addressed by
 * path (below `at`) when it has them, otherwise its one expected value against its actual one; none when it has neither.
 */
export function findingDiff(finding: Finding): string[] {
  return finding.diff && finding.diff.length > 0 ? renderDiffEntries(finding.diff, finding.at ?? '') : renderDiff(finding.expected, finding.actual);
}
