import { Chalk } from 'chalk';
import ora, { type Ora } from 'ora';
import type { CaseResult, RunResult } from '../model/case-result.js';
import type { Exchange } from '../model/exchange.js';
import { baselineLines } from './baseline-lines.js';
import type { RunEvent, RunEventListener } from '../model/run-event.js';
import { renderFailureAnatomy, type TextStyle } from './failure-anatomy.js';
import { hollowRunWarnings } from './hollow-run-warnings.js';
import { nothingChecked } from '../model/nothing-checked.js';
import { TESTER_IDENTITY } from '../model/tester-identity.js';

/** A writable the reporter prints to (process.stdout / stderr, or a test's buffer). */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** What a terminal offers beyond writing: the cursor control a spinner redraws its line with. */
export interface Terminal extends Output {
  readonly isTTY: true;
  cursorTo(x: number): boolean;
  clearLine(dir: -1 | 0 | 1): boolean;
  moveCursor(dx: number, dy: number): boolean;
  readonly columns?: number;
}

/** Whether an output is a terminal a spinner can draw on (a pipe or a file is not). */
export function isTerminal(output: Output): output is Terminal {
  const candidate = output as Partial<Terminal>;
  return output.isTTY === true && typeof candidate.cursorTo === 'function' && typeof candidate.clearLine === 'function' && typeof candidate.moveCursor === 'function';
}

/** How the console reporter behaves. */
export interface ConsoleReporterOptions {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly color: boolean;
  /** Only the summary (and notices the person must act on). */
  readonly quiet: boolean;
  /** An HTTP trace on stderr: a line per exchange as it completes (`--verbose`), whether or not the run is quiet. */
  readonly verbose?: boolean;
}

const MARKS: Record<CaseResult['status'], string> = { passed: 'ok', failed: 'FAIL', 'known-failure': 'known', errored: 'ERROR', skipped: 'skip' };

/**
 * The human report: a line per case as it ends, then every failure with its anatomy and a summary line. Progress
 * (a spinner during discovery and during waits for the target) goes to stderr, only when stdout and stderr are both
 * terminals and the run is not quiet; stdout carries no escape codes unless colour is on.
 */
export class ConsoleReporter {
  readonly #options: ConsoleReporterOptions;
  readonly #style: TextStyle;
  readonly #terminal: Terminal | undefined;
  #spinner: Ora | undefined;
  // What the spinner shows: the connect stage's discovery, and each case waiting for the target (newest wins).
  #connecting: { readonly total: number; done: number } | undefined;
  readonly #waits = new Map<string, string>();
  // The crawls under way that said how far they came, by case and list, in the order they started.
  readonly #crawls = new Map<string, Extract<RunEvent, { type: 'crawl-progress' }>>();
  // The id column is as wide as the longest id of the run (LOC-01 and LOC-PUSH-01 line up).
  #idWidth = 8;
  // Per skip reason printed, the case it was printed for and the cases skipped since for it (see #caseEnded).
  readonly #skips = new Map<string, { readonly first: string; readonly more: string[] }>();

  constructor(options: ConsoleReporterOptions) {
    this.#options = options;
    const chalk = new Chalk({ level: options.color ? 1 : 0 });
    this.#style = { bad: chalk.red, warn: chalk.yellow, dim: chalk.dim, strong: chalk.bold, added: chalk.green, removed: chalk.red };
    // Progress only for a person watching: both streams on a terminal (output piped to a file or a CI log gets none).
    this.#terminal = !options.quiet && options.stdout.isTTY === true && isTerminal(options.stderr) ? options.stderr : undefined;
  }

  readonly listener: RunEventListener = (event: RunEvent) => {
    switch (event.type) {
      case 'run-start':
        this.#idWidth = Math.max(8, ...event.cases.map((c) => c.id.length));
        break;
      case 'version-start':
        this.#stopSpinner();
        if (!this.#options.quiet) this.#options.stdout.write(`${this.#style.strong(`OCPI ${event.version}`)} (${event.cases} cases)\n`);
        this.#progress();
        break;
      case 'stage-start':
        if (event.stage === 'connect') this.#connecting = { total: event.cases, done: 0 };
        this.#progress();
        break;
      case 'stage-end':
        if (event.stage === 'connect') this.#connecting = undefined;
        this.#progress();
        break;
      case 'notice':
        this.#printAboveSpinner(`${event.message}\n`);
        break;
      case 'wait-start':
        this.#waits.set(event.caseId, `${event.caseId}: waiting for ${event.what} (up to ${Math.round(event.timeoutMs / 1000)} s)`);
        this.#progress();
        break;
      case 'wait-end':
        this.#waits.delete(event.caseId);
        this.#progress();
        break;
      case 'crawl-progress':
        if (event.done) this.#crawls.delete(`${event.caseId} ${event.url}`);
        else this.#crawls.set(`${event.caseId} ${event.url}`, event);
        this.#progress();
        break;
      case 'exchange':
        if (this.#options.verbose) this.#printAboveSpinner(`${traceLine(event.exchange, event.by)}\n`, this.#style.dim);
        break;
      case 'case-end':
        for (const [key, crawl] of this.#crawls) if (crawl.caseId === event.result.id) this.#crawls.delete(key);
        if (this.#connecting) this.#connecting.done += 1;
        if (!this.#options.quiet) this.#caseEnded(event.result);
        this.#progress();
        break;
      case 'run-end':
        this.#flushSkips();
        this.#waits.clear();
        this.#crawls.clear();
        this.#connecting = undefined;
        this.#stopSpinner();
        this.#options.stdout.write(this.#summary(event.result));
        break;
      default:
        break;
    }
  };

  /** Shows what the run is waiting on, or nothing. ora keeps its line clear of what stdout prints meanwhile. */
  #progress(): void {
    if (!this.#terminal) return;
    const wait = [...this.#waits.values()].at(-1);
    const text = wait ?? crawlText([...this.#crawls.values()]) ?? (this.#connecting ? `connecting: discovering the target and exchanging credentials (${this.#connecting.done}/${this.#connecting.total} cases)` : undefined);
    if (text === undefined) {
      this.#stopSpinner();
      return;
    }
    // A new text is drawn at once, not at the next frame: the updates come a few times a second at most.
    if (this.#spinner) {
      if (this.#spinner.text !== text) this.#spinner.text = text;
      this.#spinner.render();
    }
    // The stream is a terminal (isTerminal checked its cursor methods), the only kind ora draws on; stdin is left alone
    // so Ctrl+C reaches the run's own interrupt handling.
    else this.#spinner = ora({ text, stream: spinnerStream(this.#terminal), isEnabled: true, discardStdin: false }).start();
  }

  /** Writes a line on stderr with the spinner out of its way: cleared first, drawn again below it. */
  #printAboveSpinner(text: string, style: (text: string) => string = (t) => t): void {
    this.#spinner?.clear();
    this.#options.stderr.write(style(text));
    this.#spinner?.render();
  }

  #stopSpinner(): void {
    this.#spinner?.stop();
    this.#spinner = undefined;
  }

  /**
   * Prints a case's line as it ends. A skip for a reason already printed (a refused token, an undeclared module, a
   * missing --allow-commands) is held, and the held ones are folded into one line per reason at the end, so that sixty
   * skips do not bury what caused them.
   */
  #caseEnded(result: CaseResult): void {
    const reason = result.reason ?? '';
    const seen = result.status === 'skipped' ? this.#skips.get(reason) : undefined;
    if (seen) {
      seen.more.push(result.id);
      return;
    }
    if (result.status === 'skipped') this.#skips.set(reason, { first: result.id, more: [] });
    this.#options.stdout.write(`${this.#caseLine(result)}\n`);
  }

  #flushSkips(): void {
    for (const { first, more } of this.#skips.values()) {
      if (more.length === 0) continue;
      const named = more.length > 12 ? `${more.slice(0, 12).join(', ')} and ${more.length - 12} more` : more.join(', ');
      this.#options.stdout.write(`${this.#style.dim(`  ${MARKS.skipped.padEnd(5)} ${`+${more.length}`.padEnd(this.#idWidth)} skipped for the same reason as ${first}: ${named}`)}\n`);
    }
    this.#skips.clear();
  }

  #caseLine(result: CaseResult): string {
    const s = this.#style;
    const warnings = result.findings.filter((f) => f.status === 'warn').length;
    const mark = { passed: warnings > 0 ? s.warn('ok!') : 'ok', failed: s.bad(MARKS.failed), 'known-failure': s.warn(MARKS['known-failure']), errored: s.bad(MARKS.errored), skipped: s.dim(MARKS.skipped) }[result.status];
    const detail = result.status === 'skipped' ? s.dim(` (${result.reason ?? ''})`) : s.dim(` ${result.durationMs} ms`) + (warnings > 0 ? s.warn(` ${warnings} warning(s)`) : '');
    return `  ${mark.padEnd(5)} ${result.id.padEnd(this.#idWidth)} ${result.title}${detail}`;
  }

  #summary(result: RunResult): string {
    const s = this.#style;
    const lines: string[] = [''];
    const attention = result.cases.filter((c) => c.status === 'failed' || c.status === 'known-failure' || c.status === 'errored' || c.findings.some((f) => f.status === 'warn'));
    if (!this.#options.quiet) {
      for (const c of attention) lines.push(...renderFailureAnatomy(c, s), '');
    }
    const { passed, failed, errored, skipped, knownFailures, warnings } = result.summary;
    const total = result.cases.length;
    // An interrupted run passed nothing: what it did not reach was skipped, not checked.
    const verdict = result.untested !== undefined ? s.warn('NOT TESTED') : result.roleConflict !== undefined ? s.bad('WRONG ROLE') : failed + errored > 0 ? s.bad('FAILED') : result.interrupted ? s.warn('INTERRUPTED') : nothingChecked(result) ? s.warn('NOTHING CHECKED') : s.strong('PASSED');
    const known = knownFailures > 0 || result.baseline ? `, ${knownFailures} known failure${knownFailures === 1 ? '' : 's'}` : '';
    lines.push(`${verdict} ${total} cases: ${passed} passed, ${failed} failed${known}, ${errored} errored, ${skipped} skipped, ${warnings} warnings (${(result.durationMs / 1000).toFixed(1)} s)`);
    lines.push(s.dim(versionLine(result)));
    if (result.interrupted) lines.push(s.warn('interrupted: the report is partial'));
    const firstError = result.cases.find((c) => c.status === 'errored');
    if (firstError) lines.push(`${s.bad('error')}: ${firstError.id}: ${firstError.reason ?? ''}`);
    for (const step of result.teardown) {
      const line = `teardown: ${step.what}: ${step.detail}`;
      lines.push(step.status === 'failed' ? s.bad(line) : s.dim(line));
      // The tester's token for it is never printed, so only the target's side can clear a registration left behind.
      if (step.status === 'failed' && /^unregister\b/.test(step.what)) {
        lines.push(s.bad(`the target still holds the tester's registration (party ${TESTER_IDENTITY.countryCode}/${TESTER_IDENTITY.partyId}): remove it on the target's side before the next run, which would otherwise be refused a second registration (405)`));
      }
    }
    if (result.baseline) lines.push(...baselineLines(result.baseline).map((line) => s.warn(line)));
    for (const warning of hollowRunWarnings(result)) lines.push(s.warn(`warning: ${warning}`));
    return `${lines.join('\n')}\n`;
  }
}

/** Which OCPI versions the run tested, and what the target offered when the run read its versions list. */
export function versionLine(result: RunResult): string {
  const { testedVersions, offeredVersions } = result.target;
  const named = testedVersions.length < 2 ? testedVersions.join('') : `${testedVersions.slice(0, -1).join(', ')} and ${testedVersions.at(-1) ?? ''}`;
  const tested = testedVersions.length === 0 ? 'no OCPI version tested' : `OCPI ${named} tested`;
  return offeredVersions === undefined ? tested : `${tested} (the target offers ${offeredVersions.length === 0 ? 'none' : offeredVersions.join(', ')})`;
}

/**
 * The spinner's line while lists are crawled: the case, pages, objects and rate of the crawl that started first, and
 * how many more are under way; undefined when none is.
 */
export function crawlText(crawls: ReadonlyArray<{ readonly caseId: string; readonly pages: number; readonly objects: number; readonly elapsedMs: number }>): string | undefined {
  const [first, ...more] = crawls;
  if (!first) return undefined;
  const rate = first.elapsedMs > 0 ? Math.round((first.objects * 1000) / first.elapsedMs) : 0;
  const others = more.length === 0 ? '' : ` (and ${more.length} more crawl${more.length === 1 ? '' : 's'})`;
  return `${first.caseId}: crawling, ${first.pages} page${first.pages === 1 ? '' : 's'}, ${first.objects} objects, ${rate} objects/s${others}`;
}

/**
 * One line of the --verbose trace: direction, method, URL, status (or the error code of a request without an
 * answer), time and sender, all from the recorded exchange (tokens redacted; the body, never read, stays as recorded).
 */
export function traceLine(exchange: Exchange, by: string): string {
  const inbound = exchange.direction === 'inbound';
  const outcome = exchange.response ? String(exchange.response.status) : (exchange.error?.code ?? 'no answer');
  return `${inbound ? '<-' : '->'} ${exchange.request.method} ${exchange.request.url} ${outcome} ${exchange.timings.durationMs} ms [${by}]`;
}

/**
 * The terminal as ora gets it. A terminal that reports no width (0 columns: a pseudo-terminal nobody sized, as under
 * `script` or some CI runners) is taken as 80 wide: ora divides by the width to count the lines it clears, and 0 made
 * that count infinite, a loop that hung the run. Back-pressure is ora's to wait for only on a stream that can say
 * when it drains.
 */
function spinnerStream(terminal: Terminal): NodeJS.WritableStream {
  const events = terminal as Partial<Pick<NodeJS.WritableStream, 'once' | 'removeListener'>>;
  const canDrain = typeof events.once === 'function' && typeof events.removeListener === 'function';
  const stream = {
    isTTY: true,
    get columns(): number {
      return terminal.columns !== undefined && terminal.columns > 0 ? terminal.columns : 80;
    },
    get rows(): number | undefined {
      return (terminal as { readonly rows?: number }).rows;
    },
    write: (text: string): boolean => terminal.write(text) !== false || !canDrain,
    cursorTo: (x: number): boolean => terminal.cursorTo(x),
    clearLine: (dir: -1 | 0 | 1): boolean => terminal.clearLine(dir),
    moveCursor: (dx: number, dy: number): boolean => terminal.moveCursor(dx, dy),
    once: (event: string, listener: () => void): unknown => events.once?.call(terminal, event, listener),
    removeListener: (event: string, listener: () => void): unknown => events.removeListener?.call(terminal, event, listener),
  };
  return stream as unknown as NodeJS.WritableStream;
}
