import { writeFile } from 'node:fs/promises';
import type { RunResult } from '../model/case-result.js';
import { REPORT_FORMAT, UNKNOWN_ROLE } from './report-format.js';

/** The JSON report: the run result with the version of its format first and the target's role always written. */
export type JsonReport = { readonly reportFormat: string } & Omit<RunResult, 'target'> & {
  readonly target: RunResult['target'] & { readonly role: string };
};

/** The run result as the JSON report writes it (see `REPORT_FORMAT` for what a consumer may rely on). */
export function jsonReportOf(result: RunResult): JsonReport {
  return { reportFormat: REPORT_FORMAT, ...result, target: { ...result.target, role: result.target.role ?? UNKNOWN_ROLE } };
}

/**
 * The JSON report: `reportFormat` (semver of the format), then the run result as it is (stable fields: tool, target,
 * startedAt, durationMs, summary, cases with findings and exchanges), described by `schemas/report/report.schema.json`.
 * Exchanges were redacted when recorded, so nothing here carries a token.
 */
export function toJsonReport(result: RunResult): string {
  return `${JSON.stringify(jsonReportOf(result), null, 2)}\n`;
}

export async function writeJsonReport(result: RunResult, path: string): Promise<void> {
  await writeFile(path, toJsonReport(result), 'utf8');
}
