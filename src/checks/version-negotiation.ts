import type { Exchange } from '../model/exchange.js';
import type { Finding } from '../model/finding.js';
import { OCPI_VERSIONS, type OcpiVersion } from '../model/ocpi-version.js';
import { fail, pass } from './finding.js';

/** The versions a recorded versions list named, or undefined when the exchange holds no list. */
export function versionsNamed(listing: Exchange | undefined): readonly string[] | undefined {
  const data = (listing?.response?.body as { data?: unknown } | undefined)?.data;
  if (listing?.response?.status !== 200 || !Array.isArray(data)) return undefined;
  return data.flatMap((entry: unknown) => {
    const version = (entry as { version?: unknown } | null)?.version;
    return typeof version === 'string' ? [version] : [];
  });
}

/** What VER-06 compares: the version the target registered in, and what each side offered. */
export interface RegisteredVersionInput {
  readonly registered: OcpiVersion;
  /** The versions the tester's endpoint offered. */
  readonly tester: readonly OcpiVersion[];
  /** The versions the target's own versions list named. */
  readonly target: readonly string[];
  readonly exchangeId?: string;
}

/** Asserts the target registered in the highest version both parties offer (the registration diagrams; V1). */
export function checkRegisteredHighest({ registered, tester, target, exchangeId }: RegisteredVersionInput): Finding {
  const check = 'versions.registered-highest';
  const mutual = OCPI_VERSIONS.filter((version) => tester.includes(version) && target.includes(version));
  const highest = mutual[mutual.length - 1];
  const at = exchangeId ? { exchangeId } : {};
  if (highest === undefined || registered === highest) return pass(check, `the target registered in OCPI ${registered}, the highest version both parties offer (${mutual.join(', ') || 'none listed by the target'})`, at);
  return fail(check, `the target registered in OCPI ${registered}, but both parties offer OCPI ${highest} (the tester offers ${tester.join(', ')}, the target ${target.join(', ')}): a party registers in the highest version both implement`, {
    ...at,
    expected: highest,
    actual: registered,
  });
}

/** A request the target made to the tester, with the version of the registration its token belongs to. */
export interface VersionedRequest {
  readonly exchange: Exchange;
  /** The version of the registration the request's token belongs to. */
  readonly registeredIn: OcpiVersion;
  /** The version whose endpoints the request addressed, when it addressed one. */
  readonly addressed?: OcpiVersion;
}

/** Asserts each request of a registered partner addressed the endpoints of its registration's version (V5). */
export function checkCallsInRegisteredVersion(requests: readonly VersionedRequest[]): Finding[] {
  const check = 'versions.calls-registered-version';
  const astray = requests.filter((r) => r.addressed !== undefined && r.addressed !== r.registeredIn);
  if (astray.length === 0) return [pass(check, `${requests.length} request${requests.length === 1 ? '' : 's'} of the target, each at the endpoints of the version its registration was in`)];
  return astray.map((r) => fail(check, `${r.exchange.request.method} ${new URL(r.exchange.request.url).pathname} addressed the tester's OCPI ${r.addressed ?? ''} endpoints with the token of a registration in OCPI ${r.registeredIn}: a partner uses the version it registered in, and moves to another with a PUT to that version's credentials endpoint`, {
    exchangeId: r.exchange.id,
    expected: `an endpoint of OCPI ${r.registeredIn}`,
    actual: `an endpoint of OCPI ${r.addressed ?? ''}`,
  }));
}
