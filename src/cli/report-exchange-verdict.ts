import { ConfigError } from '../config/config-error.js';
import { OCPI_VERSIONS, type OcpiVersion } from '../model/ocpi-version.js';
import { schemaRegistry } from '../schemas/schema-registry.js';
import { validateDocument } from '../schemas/validate-document.js';
import type { FileVerdict } from './validate-files.js';
import type { SavedExchange } from './replayed-request.js';

/**
 * Judges one exchange of a saved JSON report again, as `name` in its OCPI version (or `version` when the user names
 * one): the body the target sent, that is the response to a request of the tester's (envelope, then its data) or
 * the request the target made to the tester's endpoint. The verdict's label is `REPORT#ID`. A token the report
 * redacted is the string "[redacted]", which every string-typed field accepts: redaction never makes a finding.
 */
export function reportExchangeVerdict(label: string, saved: SavedExchange, name: string, version?: OcpiVersion): FileVerdict & { readonly version: OcpiVersion } {
  const { exchange } = saved;
  const judged = version ?? OCPI_VERSIONS.find((known) => known === saved.version);
  if (!judged) throw new ConfigError(`the report does not say which OCPI version exchange ${exchange.id} was made in: name it with --ocpi-version`);
  const registry = schemaRegistry();
  if (!registry.has(judged, name)) throw new ConfigError(`OCPI ${judged} has no object "${name}"; see validate --list-objects`);
  const file = `${label}#${exchange.id}`;
  const recorded = exchange.direction === 'outbound' ? exchange.response : exchange.request;
  const whose = exchange.direction === 'outbound' ? 'response' : 'request';
  if (!recorded) return { file, version: judged, valid: false, error: `no response was recorded (${exchange.error?.message ?? 'the request failed'})`, findings: [] };
  if (recorded.body === undefined) {
    const why = recorded.rawBody ? `its ${whose} body was not JSON${recorded.note ? ` (${recorded.note})` : ''}` : `its ${whose} has no body`;
    return { file, version: judged, valid: false, error: why, findings: [] };
  }
  const findings = validateDocument(registry, judged, name, recorded.body).map((finding) => ({ ...finding, exchangeId: exchange.id }));
  return { file, version: judged, valid: !findings.some((f) => f.status === 'fail'), findings };
}
