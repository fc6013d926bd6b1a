import { readFileSync } from 'node:fs';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { ConfigError } from './config-error.js';
import type { NetworkSettings, RawRunSettings } from './run-config.js';

// Headers the tester sets itself on every request, by its own rules: a user's value would break the run or its checks.
const RESERVED = /^(authorization|content-type|content-length|transfer-encoding|host|connection|x-request-id|x-correlation-id|ocpi-.*)$/;
// RFC 9110 token characters: what a header name may be made of.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `Name: value` lines (`--header`) as a header record, names in lower case; a malformed or reserved one is refused. */
export function parseHeaders(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    if (colon < 1 || !HEADER_NAME.test(name)) throw new ConfigError(`--header: "${line.slice(0, 40)}" is not of the form "Name: value"`);
    const value = line.slice(colon + 1).trim();
    if (/[\r\n\0]/.test(value)) throw new ConfigError(`--header ${name}: a value may not contain line breaks`);
    const lower = name.toLowerCase();
    if (RESERVED.test(lower)) throw new ConfigError(`--header ${name}: the tester sets this header itself (the token goes in --token, OCPI headers follow the version tested)`);
    headers[lower] = value;
  }
  return headers;
}

/** Reads a PEM file the user names with `flag`, and checks that it holds what the flag needs. */
function readPem(flag: string, path: string, kind: 'certificate' | 'key'): string {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${flag}: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  try {
    if (kind === 'certificate') new X509Certificate(pem);
    else createPrivateKey(pem);
  } catch (error) {
    const encrypted = kind === 'key' && /passphrase/i.test((error as Error).message);
    throw new ConfigError(`${flag}: ${path} is not a PEM ${kind}${encrypted ? ' the tester can read (it is encrypted: give it unencrypted)' : ''}`);
  }
  return pem;
}

/** The network settings of a run and its endpoint's TLS, files read and checked before anything is sent. */
export function readNetworkSettings(merged: RawRunSettings): { network: NetworkSettings; peerTls?: { cert: string; key: string } } {
  if ((merged.cert === undefined) !== (merged.key === undefined)) throw new ConfigError('--cert and --key go together: the client certificate and its private key');
  if ((merged.peerTlsCert === undefined) !== (merged.peerTlsKey === undefined)) throw new ConfigError('--peer-tls-cert and --peer-tls-key go together: the certificate of the tester\'s endpoint and its private key');
  const network: NetworkSettings = Object.freeze({
    headers: Object.freeze(parseHeaders(merged.header ?? [])),
    ...(merged.cacert ? { ca: readPem('--cacert', merged.cacert, 'certificate') } : {}),
    ...(merged.cert ? { cert: readPem('--cert', merged.cert, 'certificate') } : {}),
    ...(merged.key ? { key: readPem('--key', merged.key, 'key') } : {}),
    insecure: merged.insecure === true,
    // The embedded party is on loopback in this process: a proxy of the environment has nothing to do with it.
    proxyFromEnv: merged.embedded === undefined,
    ...(merged.rateLimit ? { requestsPerSecond: merged.rateLimit } : {}),
  });
  const peerTls = merged.peerTlsCert && merged.peerTlsKey
    ? Object.freeze({ cert: readPem('--peer-tls-cert', merged.peerTlsCert, 'certificate'), key: readPem('--peer-tls-key', merged.peerTlsKey, 'key') })
    : undefined;
  return { network, ...(peerTls ? { peerTls } : {}) };
}
