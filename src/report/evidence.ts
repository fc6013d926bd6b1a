import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../model/case-result.js';
import { toHtmlReport } from './html-report.js';
import { toJsonReport } from './json-report.js';
import { toJunitReport } from './junit-report.js';
import { REPORT_FORMAT, UNKNOWN_ROLE } from './report-format.js';
import { toRunTranscript } from './run-transcript.js';

/** What the manifest says about a run beyond its result: how it was chosen and judged. */
export interface EvidenceContext {
  readonly profile: string;
  readonly only: readonly string[];
  readonly grep?: string;
  readonly baseline?: string;
  /** The schema pack of each version tested, in the order tested. */
  readonly schemaPacks: ReadonlyArray<{ readonly version: string; readonly files: number; readonly sha256: string }>;
  readonly exitCode: number;
}

/** The files of an evidence folder, in the order the manifest lists them. */
export const EVIDENCE_FILES = Object.freeze({ json: 'report.json', junit: 'report.junit.xml', html: 'report.html', transcript: 'transcript.txt', manifest: 'manifest.json' });

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The manifest: who tested what, when, under which rules, with the hash of every file beside it. */
export function evidenceManifest(result: RunResult, context: EvidenceContext, files: Readonly<Record<string, string>>): string {
  const endedAt = new Date(Date.parse(result.startedAt) + result.durationMs).toISOString();
  return `${JSON.stringify({
    tool: result.tool,
    // The format of report.json, so that a reader of the folder knows which schema describes it.
    reportFormat: REPORT_FORMAT,
    schemaPacks: context.schemaPacks,
    ocpiVersion: result.target.ocpiVersion ?? null,
    testedVersions: result.target.testedVersions,
    offeredVersions: result.target.offeredVersions ?? null,
    target: { versionsUrl: result.target.versionsUrl ?? null, role: result.target.role ?? UNKNOWN_ROLE },
    profile: context.profile,
    selection: { only: context.only, grep: context.grep ?? null },
    baseline: context.baseline ?? null,
    startedAt: result.startedAt,
    endedAt,
    interrupted: result.interrupted,
    summary: result.summary,
    exitCode: context.exitCode,
    files: Object.entries(files).map(([name, content]) => ({ name, bytes: Buffer.byteLength(content, 'utf8'), sha256: sha256(content) })),
  }, null, 2)}\n`;
}

/**
 * Writes an evidence folder for a partner: the JSON, JUnit and HTML reports, the transcript of every exchange, and a
 * manifest naming the tool, the schema pack, the target, the profile and the times, with each file's hash. Creates the
 * folder; overwrites these files only. Returns the paths written.
 */
export async function writeEvidence(result: RunResult, dir: string, context: EvidenceContext): Promise<string[]> {
  const files: Record<string, string> = {
    [EVIDENCE_FILES.json]: toJsonReport(result),
    [EVIDENCE_FILES.junit]: toJunitReport(result),
    [EVIDENCE_FILES.html]: toHtmlReport(result),
    [EVIDENCE_FILES.transcript]: toRunTranscript(result),
  };
  files[EVIDENCE_FILES.manifest] = evidenceManifest(result, context, files);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    await writeFile(path, content, 'utf8');
    written.push(path);
  }
  return written;
}
