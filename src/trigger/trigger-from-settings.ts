import { CommandTrigger } from './command-trigger.js';
import { PromptTrigger, type PromptTerminal } from './prompt-trigger.js';
import type { Trigger } from '../model/trigger-request.js';
import { UrlTrigger } from './url-trigger.js';
import type { Connection } from '../transport/network.js';

/** What chooses a trigger way: the run's settings and where a prompt would go. */
export interface TriggerSettings {
  readonly triggerCommand?: string;
  readonly triggerUrl?: string;
  readonly deadlineMs: number;
  readonly redact: (text: string) => string;
  readonly terminal: PromptTerminal;
  /** TLS and proxy for a URL, from the run's Network. */
  readonly connectionFor?: (url: string) => Connection;
}

/** The trigger a run uses: the command when given, else the URL, else a terminal prompt. */
export function triggerFromSettings(settings: TriggerSettings): Trigger {
  if (settings.triggerCommand !== undefined) return new CommandTrigger({ command: settings.triggerCommand, deadlineMs: settings.deadlineMs, redact: settings.redact });
  if (settings.triggerUrl !== undefined) {
    const url = settings.triggerUrl;
    return new UrlTrigger({ url, deadlineMs: settings.deadlineMs, redact: settings.redact, ...(settings.connectionFor ? { connection: settings.connectionFor(url) } : {}) });
  }
  return new PromptTrigger(settings.terminal, settings.deadlineMs);
}
