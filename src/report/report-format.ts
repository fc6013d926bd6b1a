/**
 * The version of the JSON report's format, semver, written as `reportFormat` in every JSON report and checked by
 * `schemas/report/report.schema.json`. A consumer may rely on every field the schema names for as long as the major
 * number stays the same, and must ignore fields it does not know.
 * - major: a field removed, renamed, made optional or changed in type or meaning; a value added to a status enum;
 * - minor: a field or an optional object added (consumers of the same major keep working);
 * - patch: the schema's descriptions corrected, nothing a report holds changes.
 * The tool's own version (`tool.version`) says nothing about the format: read `reportFormat`.
 */
export const REPORT_FORMAT = '1.0.0';

/** How `target.role` is written when the run was not told the target's role (no `--role`, no `--embedded`). */
export const UNKNOWN_ROLE = 'unknown';
