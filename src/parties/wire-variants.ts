import { isOcpiDateTime22 } from '../schemas/ocpi-datetime.js';
import type { ServerResponseSpec } from '../server/ocpi-server.js';
import { stringifyWithFractions } from './stringify-with-fractions.js';
import { withNullOptionals } from './with-null-optionals.js';

/**
 * The OCPI fields of type number (decimals), by name: prices, VAT, energy, times, limits, percentages. Ints such as
 * status_code or max_voltage are not among them: writing `230.0` for an int would not be the int the spec asks for.
 */
const DECIMAL_FIELDS: ReadonlySet<string> = new Set([
  'price', 'vat', 'excl_vat', 'incl_vat', 'kwh', 'min_kwh', 'max_kwh', 'min_current', 'max_current', 'min_power', 'max_power',
  'total_energy', 'total_time', 'total_parking_time', 'volume', 'percentage', 'amount', 'limit', 'min_charging_rate',
]);

const WIRE_VARIANTS = ['datetime-milliseconds', 'datetime-without-z', 'status-message-always', 'data-null', 'content-type-charset', 'decimals-with-fraction', 'created-200', 'null-optionals'] as const;

const CANONICAL = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z?)$/;

/** How the party writes what it sends, as its active variants have it. */
export interface WireVariants {
  /** Rewrites a response just before the server writes it. */
  response(spec: ServerResponseSpec): ServerResponseSpec;
  /** Writes the JSON body of a request the party makes. */
  encodeBody(body: unknown): string;
  readonly contentType: string;
}

/**
 * The variants that change only the wire form of every body the party sends, applied in one place (the server's and
 * the client's last step) so that every endpoint, present and future, shows them: DateTime forms, envelope fields,
 * the Content-Type, decimals written with a fraction, 200 for 201 and null for unset optionals.
 */
export function wireVariants(variants: ReadonlySet<string>): WireVariants {
  const contentType = variants.has('content-type-charset') ? 'application/json; charset=utf-8' : 'application/json';
  const rewriteDates = variants.has('datetime-milliseconds') || variants.has('datetime-without-z');
  const dateTime = (value: string): string => {
    const match = CANONICAL.exec(value);
    if (!match || !isOcpiDateTime22(value)) return value;
    const fraction = variants.has('datetime-milliseconds') ? (match[2] ?? '.000') : (match[2] ?? '');
    return `${match[1] as string}${fraction}${variants.has('datetime-without-z') ? '' : match[3] as string}`;
  };
  const rewrite = (value: unknown): unknown => rewriteDateTimes(variants.has('null-optionals') ? withNullOptionals(value) : value);
  const rewriteDateTimes = (value: unknown): unknown => {
    if (typeof value === 'string') return rewriteDates ? dateTime(value) : value;
    if (Array.isArray(value)) return value.map(rewriteDateTimes);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, rewriteDateTimes(member)]));
    return value;
  };
  const encodeBody = (body: unknown): string => (variants.has('decimals-with-fraction') ? stringifyWithFractions(rewrite(body), DECIMAL_FIELDS) : JSON.stringify(rewrite(body)));
  const envelope = (body: unknown, status: number): unknown => {
    if (body === null || typeof body !== 'object' || Array.isArray(body) || !('status_code' in body)) return body;
    const fields = { ...(body as Record<string, unknown>) };
    const code = fields['status_code'];
    if (variants.has('status-message-always') && fields['status_message'] === undefined) fields['status_message'] = typeof code === 'number' && code < 2000 ? 'Success' : 'Error';
    // Only successes: where the spec does ask for no data field (an unknown token's 2004), null would not be absent.
    if (variants.has('data-null') && !('data' in fields) && code === 1000 && status < 300) fields['data'] = null;
    return fields;
  };
  const active = [...WIRE_VARIANTS].some((name) => variants.has(name));
  return {
    contentType,
    encodeBody,
    response: (spec) => {
      if (!active || spec.body === undefined || spec.text !== undefined) return spec;
      // A Receiver that does not tell creation from update answers every success with 200.
      const status = variants.has('created-200') && spec.status === 201 ? 200 : spec.status;
      return { ...spec, status, text: encodeBody(envelope(spec.body, status)), contentType: spec.contentType ?? contentType };
    },
  };
}
