import type { TriggerActionName } from './trigger-actions.js';

/** What the tester asks for: an action and its parameters (strings only, so they fit a command line too). */
export interface TriggerRequest {
  readonly action: TriggerActionName;
  readonly params: Readonly<Record<string, string>>;
}

/** How a trigger ended: done (or started), failed with a reason, or not possible here (skipped, with the reason). */
export type TriggerOutcome =
  | { readonly status: 'done'; readonly detail?: string }
  | { readonly status: 'failed'; readonly reason: string }
  | { readonly status: 'unavailable'; readonly reason: string };

/** One way of performing trigger actions on the target. */
export interface Trigger {
  /** A word for reports: command, url, prompt, embedded. */
  readonly kind: string;
  /** Performs the action; every way ends by the deadline or the signal, whatever the other side does. */
  fire(request: TriggerRequest, signal?: AbortSignal): Promise<TriggerOutcome>;
}

