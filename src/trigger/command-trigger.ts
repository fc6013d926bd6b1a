import { spawn } from 'node:child_process';
import type { Trigger, TriggerOutcome, TriggerRequest } from '../model/trigger-request.js';
import { triggerPayload } from './trigger-payload.js';

/** The exit code by which a trigger command says it does not perform an action (sysexits EX_UNAVAILABLE). */
export const NOT_PERFORMED_EXIT = 69;

/** Options of a command trigger. */
export interface CommandTriggerOptions {
  /** The shell command line (`--trigger-command`); the action and `name=value` parameters are appended as arguments. */
  readonly command: string;
  /** How long the command may run before it is ended and the trigger fails. */
  readonly deadlineMs: number;
  /** Removes tokens from what the command printed before it is shown anywhere. */
  readonly redact: (text: string) => string;
}

// The stderr kept for the failure reason: the end of it, where the cause usually is.
const STDERR_KEPT = 2000;

/**
 * `--trigger-command`: runs the user's command through /bin/sh with the action and its parameters as arguments
 * (`CMD push-location location_id=LOC1 ...`, passed as "$@", never spliced into the command line) and the same request
 * as JSON on stdin. Exit 0 means done or started; exit 69 that the command does not perform the action; any other exit, a signal or the deadline fails the trigger with the
 * end of its stderr, redacted.
 */
export class CommandTrigger implements Trigger {
  readonly kind = 'command';
  readonly #options: CommandTriggerOptions;

  constructor(options: CommandTriggerOptions) {
    this.#options = options;
  }

  fire(request: TriggerRequest, signal?: AbortSignal): Promise<TriggerOutcome> {
    const args = [request.action, ...Object.entries(request.params).map(([name, value]) => `${name}=${value}`)];
    return new Promise((resolve) => {
      const child = spawn('/bin/sh', ['-c', `${this.#options.command} "$@"`, 'ocpi-trigger', ...args], { stdio: ['pipe', 'ignore', 'pipe'], detached: true });
      let stderr = '';
      let ended: string | undefined;
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-STDERR_KEPT * 2);
      });
      const stop = (why: string): void => {
        ended ??= why;
        // The command's own group: a script's children end with it.
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      };
      const timer = setTimeout(() => stop(`did not exit within ${this.#options.deadlineMs} ms`), this.#options.deadlineMs);
      const onAbort = (): void => stop('the run was stopped');
      signal?.addEventListener('abort', onAbort, { once: true });
      const said = (): string => {
        const text = this.#options.redact(stderr.trim()).slice(-STDERR_KEPT);
        return text ? `; its stderr: ${text}` : '';
      };
      child.on('error', (error) => stop(`could not be started: ${error.message}`));
      child.on('close', (code, killedBy) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (ended !== undefined) resolve({ status: 'failed', reason: `the trigger command for ${request.action} ${ended}${said()}` });
        else if (code === 0) resolve({ status: 'done', ...(stderr.trim() ? { detail: this.#options.redact(stderr.trim()).slice(-STDERR_KEPT) } : {}) });
        // EX_UNAVAILABLE (sysexits): the harness does not perform this action, so the case that asked skips.
        else if (code === NOT_PERFORMED_EXIT) resolve({ status: 'unavailable', reason: `the trigger command does not perform ${request.action} (it exited ${NOT_PERFORMED_EXIT})${said()}` });
        else resolve({ status: 'failed', reason: `the trigger command for ${request.action} ended with ${code === null ? `signal ${killedBy ?? '?'}` : `exit code ${code}`}${said()}` });
      });
      // A command that does not read its stdin closes the pipe: that is no failure.
      child.stdin.on('error', () => undefined);
      child.stdin.end(`${triggerPayload(request)}\n`);
    });
  }
}
