import { writeFile } from 'node:fs/promises';
import type { RunResult } from '../model/case-result.js';

/**
 * The JSON report: the run result as it is (stable fields: tool, target, startedAt, durationMs, summary, cases with
 * findings and exchanges). Exchanges were redacted when recorded, so nothing here carries a token.
 */
export function toJsonReport(result: RunResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export async function writeJsonReport(result: RunResult, path: string): Promise<void> {
  await writeFile(path, toJsonReport(result), 'utf8');
}
