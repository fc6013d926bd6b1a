import type { CaseSettings } from '../../src/runner/define-case.js';

/**
 * Why a case that needs the target to call the tester does not run, when it does not: with --handshake none the
 * target was given no token of the tester's and knows none of its endpoints. The `skipWhen` of every such case.
 */
export function notRegisteredWithTester(settings: CaseSettings): string | undefined {
  return settings.handshake === 'none' ? '--handshake none: the target holds no token the tester gave it, nor the tester\'s endpoints' : undefined;
}
