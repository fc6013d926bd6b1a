import { Chalk } from 'chalk';
import ora, { type Ora } from 'ora';
import type { CaseResult, RunResult } from '../runner/case-result.js';
import type { RunEvent, RunEventListener } from '../runner/events.js';
import { renderFailureAnatomy, type TextStyle } from './failure-anatomy.js';

/** A writable the reporter prints to (process.stdout / stderr, or a test's buffer). */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** How the console reporter behaves. */
export interface ConsoleReporterOptions {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly color: boolean;
  /** Only the summary (and notices the person must act on). */
  readonly quiet: boolean;
}

const MARKS: Record<CaseResult['status'], string> = { passed: 'ok', failed: 'FAIL', errored: 'ERROR', skipped: 'skip' };

/**
 * The human report: a line per case as it ends, then every failure with its anatomy and a summary line. Progress
 * (the spinner during waits) goes to stderr and only in a terminal; stdout carries no escape codes unless colour is on.
 */
export class ConsoleReporter {
  readonly #options: ConsoleReporterOptions;
  readonly #style: TextStyle;
  #spinner: Ora | undefined;
  // The id column is as wide as the longest id of the run (LOC-01 and LOC-PUSH-01 line up).
  #idWidth = 8;

  constructor(options: ConsoleReporterOptions) {
    this.#options = options;
    const chalk = new Chalk({ level: options.color ? 1 : 0 });
    this.#style = { bad: chalk.red, warn: chalk.yellow, dim: chalk.dim, strong: chalk.bold, added: chalk.green, removed: chalk.red };
  }

  readonly listener: RunEventListener = (event: RunEvent) => {
    switch (event.type) {
      case 'run-start':
        this.#idWidth = Math.max(8, ...event.cases.map((c) => c.id.length));
        break;
      case 'notice':
        this.#stopSpinner();
        this.#options.stderr.write(`${event.message}\n`);
        break;
      case 'wait-start':
        if (this.#options.stderr.isTTY && !this.#options.quiet) {
          this.#spinner = ora({ text: `${event.caseId}: waiting for ${event.what} (up to ${Math.round(event.timeoutMs / 1000)} s)`, stream: process.stderr }).start();
        }
        break;
      case 'wait-end':
        this.#stopSpinner();
        break;
      case 'case-end':
        if (!this.#options.quiet) this.#options.stdout.write(`${this.#caseLine(event.result)}\n`);
        break;
      case 'run-end':
        this.#stopSpinner();
        this.#options.stdout.write(this.#summary(event.result));
        break;
      default:
        break;
    }
  };

  #stopSpinner(): void {
    this.#spinner?.stop();
    this.#spinner = undefined;
  }

  #caseLine(result: CaseResult): string {
    const s = this.#style;
    const warnings = result.findings.filter((f) => f.status === 'warn').length;
    const mark = { passed: warnings > 0 ? s.warn('ok!') : 'ok', failed: s.bad(MARKS.failed), errored: s.bad(MARKS.errored), skipped: s.dim(MARKS.skipped) }[result.status];
    const detail = result.status === 'skipped' ? s.dim(` (${result.reason ?? ''})`) : s.dim(` ${result.durationMs} ms`) + (warnings > 0 ? s.warn(` ${warnings} warning(s)`) : '');
    return `  ${mark.padEnd(5)} ${result.id.padEnd(this.#idWidth)} ${result.title}${detail}`;
  }

  #summary(result: RunResult): string {
    const s = this.#style;
    const lines: string[] = [''];
    const attention = result.cases.filter((c) => c.status === 'failed' || c.status === 'errored' || c.findings.some((f) => f.status === 'warn'));
    if (!this.#options.quiet) {
      for (const c of attention) lines.push(...renderFailureAnatomy(c, s), '');
    }
    const { passed, failed, errored, skipped, warnings } = result.summary;
    const total = result.cases.length;
    const verdict = failed + errored > 0 ? s.bad('FAILED') : s.strong('PASSED');
    lines.push(`${verdict} ${total} cases: ${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped, ${warnings} warnings (${(result.durationMs / 1000).toFixed(1)} s)`);
    if (result.interrupted) lines.push(s.warn('interrupted: the report is partial'));
    const firstError = result.cases.find((c) => c.status === 'errored');
    if (firstError) lines.push(`${s.bad('error')}: ${firstError.id}: ${firstError.reason ?? ''}`);
    if (total > 0 && skipped === total) lines.push(s.warn('warning: every case was skipped, so this run checked nothing'));
    return `${lines.join('\n')}\n`;
  }
}
