import { checkOcpiResponse } from '../../src/checks/ocpi-response.js';
import type { Finding } from '../../src/model/finding.js';
import type { CaseContext, InboundRecord } from '../../src/runner/case-context.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import { responseUrlOf } from './await-command.js';

/**
 * Plays the CPO's second half of an asynchronous request the target sent (a command, a ChargingProfile): POSTs the
 * result to the request's response_url, with the token the target gave the tester, and judges the answer as any OCPI
 * response (HTTP 200, a valid envelope, status_code 1000). Undefined when the request carried no response_url (its
 * schema check says so); skips as `resultUrl` says.
 */
export async function sendResult(t: CaseContext, record: InboundRecord, result: Record<string, unknown>): Promise<Finding[] | undefined> {
  const responseUrl = resultUrl(t, record);
  if (responseUrl === undefined) return undefined;
  const sent = await moduleRequest(t, { method: 'POST', url: responseUrl, body: result });
  const findings = checkOcpiResponse(sent.exchange, t.version);
  t.check(findings);
  return findings;
}

/**
 * Where the tester may send the result of a request the target sent: its response_url, when it carried one (undefined
 * otherwise); the case skips when that URL's origin is not one the user allowed, since the tester sends its token
 * nowhere else (I3).
 */
export function resultUrl(t: CaseContext, record: InboundRecord): string | undefined {
  const responseUrl = responseUrlOf(record);
  if (responseUrl === undefined) return undefined;
  const refused = t.originRefusal(responseUrl);
  if (refused) t.skip(`the result was not sent to the response_url: ${refused}`);
  return responseUrl;
}
