import { compareByType } from '../../src/checks/compare-by-type.js';
import { fail, pass } from '../../src/checks/finding.js';
import type { DiffEntry, Finding } from '../../src/model/finding.js';
import { responseData } from '../../src/checks/response-data.js';
import { acceptedByTarget, checkOcpiResponse } from '../../src/checks/ocpi-response.js';
import { TESTER_IDENTITY } from '../../src/model/tester-identity.js';
import type { CaseContext, OcpiResponse } from '../../src/runner/case-context.js';
import { moduleRequest, moduleUrl, type ModuleRequest } from '../../src/runner/module-request.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';

/** An object as the target returned it, with the exchange that carried it. */
export interface ReadBack {
  readonly exchangeId: string;
  /** The schema name it was read as: `Location`, `EVSE`, `Token`, ... */
  readonly object: string;
  readonly stored: Record<string, unknown>;
  /** JSON Pointers (within the object) where the schema check failed: the comparison leaves them to that check. */
  readonly invalidAt: readonly string[];
}

/**
 * The target's Receiver URL of one of the tester's objects: `{module}/ZZ/OCT/{id}` and any further ids (an EVSE uid, a
 * connector id), each URL-encoded.
 */
export function receiverUrl(t: CaseContext, module: string, ...ids: readonly string[]): string {
  return endpointUrl(moduleUrl(t, module, 'RECEIVER'), TESTER_IDENTITY.countryCode, TESTER_IDENTITY.partyId, ...ids);
}

/**
 * With --handshake none the tester pushes as ZZ/OCT, which is not the party the given token was registered for, and a
 * server may answer objects of a party other than its partner's roles with 404 (transport and format, errors): that
 * is allowed, so the case is skipped with the reason instead of failed.
 */
export function skipUnregisteredParty(t: CaseContext, response: OcpiResponse): void {
  if (t.settings.handshake === 'none' && response.status === 404) {
    t.skip('the target answered 404 to an object of the tester\'s own party (ZZ/OCT), which is not the party the given token was registered for: a server may refuse those (--handshake none)');
  }
}

/** Sends a push (PUT, PATCH, POST) and judges its OCPI response; `ok` when the target accepted it (see acceptedByTarget). */
export async function push(t: CaseContext, request: ModuleRequest, { status = [200, 201], refusalSkips }: { status?: readonly number[]; refusalSkips?: (code: number) => string } = {}): Promise<{ ok: boolean; response: OcpiResponse }> {
  const response = await moduleRequest(t, request);
  skipUnregisteredParty(t, response);
  // A refusal in the status_code (HTTP 200, 2xxx) that the spec leaves open skips the case, with the caller's reason.
  const code = (response.body as { status_code?: unknown } | undefined)?.status_code;
  if (refusalSkips && response.status === 200 && typeof code === 'number' && code >= 2000 && code < 3000) t.skip(refusalSkips(code));
  const findings = checkOcpiResponse(response.exchange, t.version, { status });
  t.check(findings);
  return { ok: acceptedByTarget(response.exchange), response };
}

/**
 * Pushes an object as the first step of a case that judges something else; when the push fails the case is skipped,
 * since the case named in `reportedBy` says why. The push's findings are not this case's.
 */
export async function pushForCase(t: CaseContext, request: ModuleRequest, reportedBy: string): Promise<OcpiResponse> {
  const response = await moduleRequest(t, request);
  skipUnregisteredParty(t, response);
  if (!acceptedByTarget(response.exchange)) t.skip(`the object could not be pushed (${reportedBy} reports why)`);
  return response;
}

// How often, and how long apart, a read-back that found nothing yet is asked again (2 s in all).
const READ_BACK_RETRIES = 4;
const READ_BACK_PAUSE_MS = 500;

/**
 * GETs an object back (asking again for up to 2 s while it answers 404) and judges the response against the object's
 * schema; undefined when it carries no usable object.
 */
export async function readBack(t: CaseContext, url: string, object: string): Promise<ReadBack | undefined> {
  const get = await getPatiently(t, url);
  const read = checkOcpiResponse(get.exchange, t.version, { data: object });
  t.check(read);
  // Without an object to read (an error, no envelope, a list where one object belongs) the response checks said why.
  const data = responseData(get.exchange, get.body, 'object');
  if (!data.usable) return undefined;
  const invalid = read.filter((f) => f.status === 'fail' && f.check === 'schema.response' && f.at !== undefined).map((f) => (f.at as string).replace(/^\/data/, ''));
  return { exchangeId: get.exchange.id, object, stored: data.data, invalidAt: invalid };
}

/** A GET of a pushed object; a Receiver may store a push from a queue, so a 404 is asked again, briefly, before judging. */
export async function getPatiently(t: CaseContext, url: string): Promise<OcpiResponse> {
  let get = await moduleRequest(t, { method: 'GET', url });
  for (let retry = 0; get.status === 404 && retry < READ_BACK_RETRIES; retry += 1) {
    await new Promise((resolve) => setTimeout(resolve, READ_BACK_PAUSE_MS));
    get = await moduleRequest(t, { method: 'GET', url });
  }
  return get;
}

/**
 * The object as the target stored it after a PUT, read back without judging it (the PUT's own case does): what a
 * PATCH case applies its PATCH to, so that a field the PUT already lost is that case's failure, not the PATCH's.
 * Falls back to the object sent when none can be read.
 */
export async function storedCopy(t: CaseContext, url: string, sent: Record<string, unknown>): Promise<Record<string, unknown>> {
  const get = await getPatiently(t, url);
  const data = responseData(get.exchange, get.body, 'object');
  return data.usable ? { ...data.data } : sent;
}

/** What the type-aware comparison found, less the places the schema check already failed (one root cause, one failure). */
export function differences(read: ReadBack, version: CaseContext['version'], expected: unknown, mode: 'same' | 'patched', patch?: Record<string, unknown>): DiffEntry[] {
  const within = (path: string, root: string): boolean => root === '' || path === root || path.startsWith(`${root}/`);
  return compareByType({ version, object: read.object, expected, actual: read.stored, mode, ...(patch ? { patch } : {}) }).filter((entry) => !read.invalidAt.some((root) => within(entry.path, root)));
}

/**
 * Judges a round trip: the object read back equals `sent` as OCPI types (instants, CiStrings without case, null as
 * omitted), or a diff (JSON Pointers under /data) of where it does not. Top-level fields in `ignoring` are another
 * case's to judge (one root cause, one failure).
 */
export function sameAsSent(t: CaseContext, check: string, sent: unknown, read: ReadBack, verb = 'PUT', ignoring: ReadonlySet<string> = new Set()): Finding {
  const diff = differences(read, t.version, sent, 'same').filter((entry) => !ignoring.has(topField(entry)));
  const at = { exchangeId: read.exchangeId };
  return diff.length === 0
    ? pass(check, `the ${read.object} read back equals the one ${verb}`, at)
    : fail(check, `the ${read.object} read back differs from the one ${verb} in ${diff.length} place${diff.length === 1 ? '' : 's'}: a Receiver stores the object as sent`, { ...at, at: '/data', diff });
}

/** The top-level field a diff entry is about: `/evses/0/status` is about `evses`. */
export function topField(entry: DiffEntry): string {
  return entry.path.split('/')[1] ?? '';
}

/**
 * Judges a PATCH of an object PUT before: the object read back equals the one stored after the PUT (`put`, see
 * `storedCopy`) with the PATCH applied, compared as OCPI types, so a field it set that did not take and a field it
 * left out that changed both show.
 */
export function patchApplied(t: CaseContext, check: string, { put, patch }: { put: Record<string, unknown>; patch: Record<string, unknown> }, read: ReadBack): Finding {
  const diff = differences(read, t.version, put, 'patched', patch);
  const at = { exchangeId: read.exchangeId };
  if (diff.length === 0) return pass(check, `the ${read.object} read back is the one stored before the PATCH, with the PATCH applied`, at);
  if (diff.some((entry) => topField(entry) in patch)) return fail(check, `the ${read.object} read back does not have the values the PATCH set`, { ...at, at: '/data', diff });
  return fail(check, `the ${read.object} read back differs from the one stored before the PATCH, with the PATCH applied in ${diff.length} place${diff.length === 1 ? '' : 's'}: a PATCH changes the fields it carries and leaves the others as they were`, { ...at, at: '/data', diff });
}
