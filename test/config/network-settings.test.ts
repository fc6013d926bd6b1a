import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../src/config/config-error.js';
import { loadRunConfig } from '../../src/config/load-run-config.js';
import { parseHeaders } from '../../src/config/network-settings.js';

const TLS = fileURLToPath(new URL('../../../test/fixtures/tls/', import.meta.url));
const target = { versionsUrl: 'https://ocpi.example.com/versions', token: 'token-a-1234' };
const refused = (pattern: RegExp) => (error: unknown): boolean => error instanceof ConfigError && pattern.test(error.message);

describe('the network settings of a run', () => {
  it('reads "Name: value" headers with names in lower case and values trimmed', () => {
    assert.deepEqual(parseHeaders(['X-Api-Key: abc: def ', 'Tenant:acme']), { 'x-api-key': 'abc: def', tenant: 'acme' });
  });

  it('refuses a header without a name or a colon, and the headers the tester sets itself', () => {
    assert.throws(() => parseHeaders(['no colon here']), refused(/is not of the form "Name: value"/));
    assert.throws(() => parseHeaders([': value']), refused(/is not of the form/));
    for (const name of ['Authorization', 'X-Request-ID', 'OCPI-to-party-id', 'Content-Type']) {
      assert.throws(() => parseHeaders([`${name}: x`]), refused(/sets this header itself/), name);
    }
  });

  it('takes OCPI_CONFORMANCE_HEADER one header per line, so values may hold commas', () => {
    const config = loadRunConfig({ flags: target, env: { OCPI_CONFORMANCE_HEADER: 'X-Api-Key: a,b\nTenant: acme' } });
    assert.deepEqual(config.network.headers, { 'x-api-key': 'a,b', tenant: 'acme' });
  });

  it('reads and checks the PEM files of --cacert, --cert and --key before the run', () => {
    const config = loadRunConfig({ flags: { ...target, cacert: `${TLS}ca.pem`, cert: `${TLS}client.pem`, key: `${TLS}client.key` }, env: {} });
    assert.match(config.network.ca ?? '', /BEGIN CERTIFICATE/);
    assert.match(config.network.key ?? '', /PRIVATE KEY/);
    assert.throws(() => loadRunConfig({ flags: { ...target, cacert: `${TLS}missing.pem` }, env: {} }), refused(/^--cacert: cannot read .*missing\.pem: ENOENT$/));
    assert.throws(() => loadRunConfig({ flags: { ...target, cacert: `${TLS}README.md` }, env: {} }), refused(/^--cacert: .*README\.md is not a PEM certificate$/));
    assert.throws(() => loadRunConfig({ flags: { ...target, cert: `${TLS}client.pem`, key: `${TLS}client.pem` }, env: {} }), refused(/^--key: .* is not a PEM key/));
  });

  it('refuses a certificate without its key, for the client and for the tester\'s endpoint', () => {
    assert.throws(() => loadRunConfig({ flags: { ...target, cert: `${TLS}client.pem` }, env: {} }), refused(/--cert and --key go together/));
    assert.throws(() => loadRunConfig({ flags: { ...target, peerTlsKey: `${TLS}server.key` }, env: {} }), refused(/--peer-tls-cert and --peer-tls-key go together/));
    const config = loadRunConfig({ flags: { ...target, peerTlsCert: `${TLS}server.pem`, peerTlsKey: `${TLS}server.key` }, env: {} });
    assert.match(config.peerTls?.cert ?? '', /BEGIN CERTIFICATE/);
  });

  it('turns certificate checks off only from the command line or a config file, never from a variable', () => {
    assert.equal(loadRunConfig({ flags: { ...target, insecure: true }, env: {} }).network.insecure, true);
    assert.throws(() => loadRunConfig({ flags: target, env: { OCPI_CONFORMANCE_INSECURE: '0' } }), refused(/OCPI_CONFORMANCE_INSECURE is refused, whatever its value: .*--insecure/));
  });

  it('uses the proxy of the environment for a target, never for the embedded party', () => {
    assert.equal(loadRunConfig({ flags: target, env: {} }).network.proxyFromEnv, true);
    assert.equal(loadRunConfig({ flags: { embedded: 'cpo' }, env: {} }).network.proxyFromEnv, false);
  });

  it('takes a rate limit of 1 to 1000 requests per second', () => {
    assert.equal(loadRunConfig({ flags: { ...target, rateLimit: 5 }, env: {} }).network.requestsPerSecond, 5);
    assert.equal(loadRunConfig({ flags: target, env: { OCPI_CONFORMANCE_RATE_LIMIT: '7' } }).network.requestsPerSecond, 7);
    assert.throws(() => loadRunConfig({ flags: { ...target, rateLimit: 0 }, env: {} }), ConfigError);
  });
});
