import { fail, warn } from '../../src/checks/finding.js';
import { acceptedByTarget } from '../../src/checks/ocpi-response.js';
import { responseData } from '../../src/checks/response-data.js';
import type { CaseContext } from '../../src/runner/case-context.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import { getPatiently, skipUnregisteredParty } from './round-trip.js';

/** A push of one of the tester's objects carrying something the specification allows but does not list (OCPI 2.3.0). */
export interface ExtendedPush {
  /** The object's schema name, in words: `Token`, `Location`. */
  readonly object: string;
  /** What the probe carries, as the messages say it: "the field conformance_note". */
  readonly carrying: string;
  /** The probe: a new object of the tester's with the extension in it. */
  readonly probe: Record<string, unknown>;
  /** A new object of the tester's without it, PUT only when the probe is refused, to tell whose refusal it is. */
  readonly control: () => Record<string, unknown>;
  /** The target's Receiver URL of an object of the tester's. */
  readonly urlOf: (object: Record<string, unknown>) => string;
  /** The field that identifies the object (`uid`, `id`), compared without case as the CiString it is. */
  readonly idField: string;
  /** The case that judges a plain push of this object, and says why one is refused (one root cause, one failure). */
  readonly reportedBy: string;
  readonly check: string;
  /** `required` fails; `recommended` warns (the extension follows from a type, not from a rule on the Receiver). */
  readonly severity: 'required' | 'recommended';
  /** Why refusing it deviates, appended to the refusal message. */
  readonly because: string;
}

/** The probe as the target stored it, and the GET that read it. */
export interface ExtendedRead {
  readonly stored: Record<string, unknown>;
  readonly exchangeId: string;
}

/**
 * PUTs the probe and reads it back. A refusal fails (or warns) the check, unless a control PUT without the extension
 * is refused too: then the refusal is not the extension's and the case skips, `reportedBy` saying why. Reading back
 * (a Receiver may store from a queue, so a 404 is asked again briefly): a response with no usable object is
 * `reportedBy`'s to judge (skip); one that finds no object with the probe's id fails (or warns). Undefined when
 * judged here; the stored object otherwise, for the case to judge what came back.
 */
export async function pushExtended(t: CaseContext, push: ExtendedPush): Promise<ExtendedRead | undefined> {
  const verdict = push.severity === 'required' ? fail : warn;
  const id = String(push.probe[push.idField]);
  const url = push.urlOf(push.probe);
  const response = await moduleRequest(t, { method: 'PUT', url, body: push.probe });
  skipUnregisteredParty(t, response);
  if (!acceptedByTarget(response.exchange)) {
    const control = push.control();
    const plain = await moduleRequest(t, { method: 'PUT', url: push.urlOf(control), body: control });
    if (!acceptedByTarget(plain.exchange)) t.skip(`the target refuses the tester's ${push.object}s even without ${push.carrying} (HTTP ${plain.status}; ${push.reportedBy} reports why), so it cannot be judged`);
    const code = (response.body as { status_code?: unknown } | undefined)?.status_code;
    t.check(verdict(push.check, `the ${push.object} with ${push.carrying} was refused (HTTP ${response.status}, status_code ${String(code ?? '-')}), while one without it was accepted: ${push.because}`, { exchangeId: response.exchange.id }));
    return undefined;
  }
  const read = await getPatiently(t, url);
  const data = responseData(read.exchange, read.body, 'object');
  // A read-back that is no usable object (an error status aside: no JSON envelope, a list) is the plain push's case's.
  if (read.status === 200 && !data.usable) t.skip(`the ${push.object} read back is not a usable object (${push.reportedBy} reports why), so whether it was stored cannot be told`);
  if (data.usable) {
    const storedId = data.data[push.idField];
    if (typeof storedId === 'string' && storedId.toUpperCase() === id.toUpperCase()) return { stored: data.data, exchangeId: read.exchange.id };
  }
  t.check(verdict(push.check, `the ${push.object} with ${push.carrying} was answered as accepted, but a GET of it finds no such ${push.object} (HTTP ${read.status}): a Receiver must take the object, not only answer 1000`, { exchangeId: read.exchange.id }));
  return undefined;
}
