import type { Exchange } from '../model/exchange.js';
import { findVersion } from '../model/find-version.js';
import { fail, pass } from './finding.js';
import type { Finding } from '../model/finding.js';

function dataOf(exchange: Exchange): unknown {
  return (exchange.response?.body as { data?: unknown } | undefined)?.data;
}

/** Asserts the versions list offers the version under test, with a URL for its details. */
export function checkMutualVersion(exchange: Exchange, wanted: string): Finding {
  const list = dataOf(exchange);
  const offered = Array.isArray(list) ? list.map((entry: { version?: unknown }) => entry?.version) : [];
  const entry = findVersion(list, wanted);
  const check = 'versions.mutual-version';
  if (entry) return pass(check, `the target offers OCPI ${wanted} at ${entry.url}`, { exchangeId: exchange.id });
  return fail(check, `the versions list does not offer OCPI ${wanted} with a url (offered: ${offered.map(String).join(', ') || 'nothing'})`, {
    exchangeId: exchange.id,
    at: '/data',
    expected: wanted,
    actual: offered,
  });
}

/** Asserts the version details name the version the list pointed to. */
export function checkDetailsVersion(exchange: Exchange, expected: string): Finding {
  const actual = (dataOf(exchange) as { version?: unknown } | undefined)?.version;
  const check = 'versions.details-version';
  if (actual === expected) return pass(check, `the details are for ${expected}`, { exchangeId: exchange.id, at: '/data/version' });
  return fail(check, `the version details say version ${JSON.stringify(actual ?? null)}, but the versions list gave this URL for ${expected}`, {
    exchangeId: exchange.id,
    at: '/data/version',
    expected,
    actual: actual ?? null,
  });
}

/** Asserts the version details declare the credentials module, which every implementation must have. */
export function checkCredentialsEndpoint(exchange: Exchange): Finding {
  const endpoints = (dataOf(exchange) as { endpoints?: unknown } | undefined)?.endpoints;
  const identifiers = Array.isArray(endpoints) ? endpoints.map((e: { identifier?: unknown }) => String(e?.identifier)) : [];
  const check = 'versions.credentials-endpoint';
  if (identifiers.includes('credentials')) return pass(check, 'the credentials module is declared', { exchangeId: exchange.id });
  return fail(check, `the version details do not declare the credentials module (declared: ${identifiers.join(', ') || 'nothing'})`, {
    exchangeId: exchange.id,
    at: '/data/endpoints',
    expected: 'credentials',
    actual: identifiers,
  });
}
