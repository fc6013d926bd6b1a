import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from './config-error.js';
import type { RunConfig } from './run-config.js';

/** The path that means standard output for `--report-json`. */
export const STDOUT_PATH = '-';

/** The file's status, undefined when nothing is there (or a part of the path is a file, which folderProblem says). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Whether a file can be created or replaced at `path`: its folder exists and is writable, and it is no folder. */
function fileProblem(path: string): string | undefined {
  const full = resolve(path);
  const stat = statOf(full);
  if (stat?.isDirectory()) return `${path} is a folder`;
  if (stat) {
    try {
      accessSync(full, constants.W_OK);
      return undefined;
    } catch {
      return `${path} cannot be written`;
    }
  }
  return folderProblem(dirname(full), path);
}

function folderProblem(folder: string, path: string): string | undefined {
  const stat = statOf(folder);
  if (!stat) return statOf(dirname(folder))?.isFile() || isUnderFile(folder) ? `${dirname(folder)} is not a folder` : `the folder of ${path} does not exist`;
  if (!stat.isDirectory()) return `${folder} is not a folder`;
  try {
    accessSync(folder, constants.W_OK);
    return undefined;
  } catch {
    return `the folder of ${path} cannot be written`;
  }
}

/** Whether some folder above `path` is in fact a file. */
function isUnderFile(path: string): boolean {
  for (let at = dirname(path); at !== dirname(at); at = dirname(at)) {
    const stat = statOf(at);
    if (stat) return stat.isFile();
  }
  return false;
}

/** The evidence folder is created with its missing parents: the nearest one that exists must be a writable folder. */
function evidenceProblem(path: string): string | undefined {
  for (let at = resolve(path); ; at = dirname(at)) {
    const stat = statOf(at);
    if (stat) {
      if (!stat.isDirectory()) return `${at} is a file, not a folder`;
      try {
        accessSync(at, constants.W_OK);
        return undefined;
      } catch {
        return `${at} cannot be written`;
      }
    }
    if (at === dirname(at)) return `no folder of ${path} exists`;
  }
}

/**
 * Refuses, before the run sends anything, report and evidence paths that cannot be written, so a long run is not lost
 * at its end for a typo in a path.
 */
export function checkOutputPaths(config: Pick<RunConfig, 'reportJson' | 'reportJunit' | 'reportHtml' | 'writeBaseline' | 'evidence'>): void {
  const files: ReadonlyArray<[string, string | undefined]> = [
    ['--report-json', config.reportJson === STDOUT_PATH ? undefined : config.reportJson],
    ['--report-junit', config.reportJunit],
    ['--report-html', config.reportHtml],
    ['--write-baseline', config.writeBaseline],
  ];
  for (const [flag, path] of files) {
    const problem = path === undefined ? undefined : fileProblem(path);
    if (problem) throw new ConfigError(`${flag}: ${problem}`);
  }
  const problem = config.evidence === undefined ? undefined : evidenceProblem(config.evidence);
  if (problem) throw new ConfigError(`--evidence: ${problem}`);
}
