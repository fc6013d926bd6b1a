import type { CaseContext } from '../../../src/runner/case-context.js';

/** The target's credentials endpoint URL, or a skip when it declared none (VER-02 reports that as a failure). */
export function credentialsUrl(t: CaseContext): string {
  const endpoint = t.get('endpoints').find((e) => e.identifier === 'credentials');
  return endpoint?.url ?? t.skip('the target declares no credentials endpoint');
}

/** Which of the peer's token labels the target holds for calling the tester, by handshake mode. */
export function ourTokenLabel(t: CaseContext): 'token-b' | 'token-c' {
  return t.settings.handshake === 'await' ? 'token-c' : 'token-b';
}

/** The data of a JSON response, when it is an object. */
export function dataObject(body: unknown): Record<string, unknown> | undefined {
  const data = (body as { data?: unknown } | undefined)?.data;
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}
