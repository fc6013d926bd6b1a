import { DeadlineExceededError, type CaseContext, type SenderRequest } from '../../src/runner/case-context.js';

// How long a case waits for a first pull when none has come yet; it runs alongside the other cases.
const PULL_GRACE_MS = 5000;

/**
 * What the target fetched from the tester's Sender interfaces during the run (PEER-01, PEER-02). When nothing has
 * come yet, waits up to 5 s for a first pull (not for a PTP, which pulls no list), since a target that pulls right
 * after registering may still be on its way; then, with still nothing, the case skips, saying what it could have pulled.
 */
export async function partnerPulls(t: CaseContext): Promise<readonly SenderRequest[]> {
  let requests = t.peer.senderRequests();
  if (requests.length === 0 && t.peer.senderModules.length > 0 && t.settings.targetRole !== 'ptp') {
    await t.waitForRequest('the target to pull the tester\'s Sender lists', (record) => t.peer.senderModuleOf(record) !== undefined, { timeoutMs: PULL_GRACE_MS })
      .catch((error: unknown) => { if (!(error instanceof DeadlineExceededError)) throw error; });
    requests = t.peer.senderRequests();
  }
  if (requests.length === 0) {
    t.skip(`the target fetched nothing from the tester's Sender interfaces during the run (${t.peer.senderModules.length > 0 ? `it can pull the tester's ${t.peer.senderModules.join(', ')}: see the version details at ${t.peer.versionsUrl}` : 'the tester offers none to it'})`);
  }
  return requests;
}
