import type { Finding } from '../model/finding.js';

/** How many findings of one check a person reads before the rest are folded into one line. */
export const SHOWN_PER_CHECK = 10;

/** The findings a person reads, and per check how many were folded away (the JSON report keeps them all). */
export interface FoldedFindings {
  readonly shown: readonly Finding[];
  readonly folded: ReadonlyMap<string, number>;
}

/** Keeps the first findings of each check and counts the rest, so a list of 170 alike failures reads as 10 and a count. */
export function foldFindings(findings: readonly Finding[], perCheck = SHOWN_PER_CHECK): FoldedFindings {
  const seen = new Map<string, number>();
  const folded = new Map<string, number>();
  const shown = findings.filter((finding) => {
    const count = (seen.get(finding.check) ?? 0) + 1;
    seen.set(finding.check, count);
    if (count <= perCheck) return true;
    folded.set(finding.check, (folded.get(finding.check) ?? 0) + 1);
    return false;
  });
  return { shown, folded };
}

/** The line that stands for folded findings, saying where the rest is. */
export function foldedLine(check: string, count: number): string {
  return `and ${count} more of ${check} like the ones above (every one is in the JSON report, --report-json)`;
}
