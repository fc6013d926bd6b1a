import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { ConfigError } from '../../src/config/config-error.js';
import { loadRunConfig } from '../../src/config/load-run-config.js';
import { reportPath } from '../helpers/run-cli.js';

describe('loadRunConfig', () => {
  it('applies defaults < config file < environment < flags', () => {
    const file = reportPath('settings.yaml');
    writeFileSync(file, 'concurrency: 2\ntimeout: 2000\ndeadline: 3000\nembedded: cpo\n');
    const config = loadRunConfig({ flags: { deadline: 5000 }, env: { OCPI_CONFORMANCE_TIMEOUT: '4000' }, configFile: file });
    assert.equal(config.concurrency, 2);
    assert.equal(config.timeout, 4000);
    assert.equal(config.deadline, 5000);
    assert.equal(config.handshake, 'register');
    assert.deepEqual(config.peerListen, { host: '127.0.0.1', port: 0 });
    assert.ok(Object.isFrozen(config));
  });

  it('runs the command cases only with --allow-commands, except against the embedded party, which has no chargers', () => {
    const target = { versionsUrl: 'http://127.0.0.1:1/versions', token: 'a-long-token' };
    assert.equal(loadRunConfig({ flags: target, env: {} }).allowCommands, false);
    assert.equal(loadRunConfig({ flags: { ...target, allowCommands: true }, env: {} }).allowCommands, true);
    assert.equal(loadRunConfig({ flags: {}, env: { OCPI_CONFORMANCE_EMBEDDED: 'cpo' } }).allowCommands, true);
  });

  it('refuses OCPI_CONFORMANCE_ALLOW_COMMANDS for every value, even with the flag given, and says to use the flag.', () => {
    const target = { versionsUrl: 'http://127.0.0.1:1/versions', token: 'a-token' };
    for (const value of ['true', '1', 'yes', 'false', '0', '']) {
      assert.throws(() => loadRunConfig({ flags: { ...target, allowCommands: true }, env: { OCPI_CONFORMANCE_ALLOW_COMMANDS: value } }), (error: unknown) => error instanceof ConfigError && /OCPI_CONFORMANCE_ALLOW_COMMANDS is refused, whatever its value: .*--allow-commands/.test(error.message), JSON.stringify(value));
    }
  });

  it('takes the charge site from --test-location and --test-evse, and refuses an EVSE without its Location', () => {
    const target = { versionsUrl: 'http://127.0.0.1:1/versions', token: 'a-long-token' };
    assert.deepEqual(loadRunConfig({ flags: { ...target, testLocation: 'LOC1', testEvse: 'EVSE1' }, env: {} }).testSite, { locationId: 'LOC1', evseUid: 'EVSE1' });
    assert.throws(() => loadRunConfig({ flags: { ...target, testEvse: 'EVSE1' }, env: {} }), /--test-evse needs --test-location/);
  });

  it('takes the report files from flags, the environment or a config file.', () => {
    const file = reportPath('settings.yaml');
    writeFileSync(file, 'embedded: emsp\nreportJunit: from-file.xml\n');
    assert.equal(loadRunConfig({ flags: {}, env: {}, configFile: file }).reportJunit, 'from-file.xml');
    assert.equal(loadRunConfig({ flags: {}, env: { OCPI_CONFORMANCE_REPORT_JUNIT: 'from-env.xml' }, configFile: file }).reportJunit, 'from-env.xml');
    assert.equal(loadRunConfig({ flags: { reportJunit: 'from-flag.xml' }, env: {}, configFile: file }).reportJunit, 'from-flag.xml');
  });

  it('reads the response size limit in MB, 20 by default, from flags, the environment or a config file.', () => {
    const target = { versionsUrl: 'http://127.0.0.1:1/versions', token: 'a-long-token' };
    assert.equal(loadRunConfig({ flags: target, env: {} }).maxResponseBytes, 20 * 1024 * 1024);
    assert.equal(loadRunConfig({ flags: target, env: { OCPI_CONFORMANCE_MAX_RESPONSE_SIZE: '5' } }).maxResponseBytes, 5 * 1024 * 1024);
    assert.equal(loadRunConfig({ flags: { ...target, maxResponseSize: 64 }, env: {} }).maxResponseBytes, 64 * 1024 * 1024);
    assert.throws(() => loadRunConfig({ flags: { ...target, maxResponseSize: 0 }, env: {} }), ConfigError);
  });

  it('reads the crawl bounds, with their defaults, and the allowed origins as origins.', () => {
    const target = { versionsUrl: 'http://127.0.0.1:1/versions', token: 'a-long-token' };
    assert.deepEqual(loadRunConfig({ flags: target, env: {} }).crawlBounds, { maxPages: 10_000, maxObjects: 500_000, timeMs: 300_000 });
    assert.deepEqual(loadRunConfig({ flags: { ...target, maxPages: 5, crawlTime: 1000 }, env: { OCPI_CONFORMANCE_MAX_OBJECTS: '70' } }).crawlBounds, { maxPages: 5, maxObjects: 70, timeMs: 1000 });
    assert.deepEqual(loadRunConfig({ flags: target, env: {} }).allowOrigins, []);
    const allowed = loadRunConfig({ flags: { ...target, allowOrigin: ['https://modules.example.com/ocpi/2.2.1'] }, env: { OCPI_CONFORMANCE_ALLOW_ORIGIN: 'http://a.example:8080,http://b.example' } });
    assert.deepEqual(allowed.allowOrigins, ['https://modules.example.com']);
    assert.deepEqual(loadRunConfig({ flags: target, env: { OCPI_CONFORMANCE_ALLOW_ORIGIN: 'http://a.example:8080,http://b.example' } }).allowOrigins, ['http://a.example:8080', 'http://b.example']);
    assert.throws(() => loadRunConfig({ flags: { ...target, allowOrigin: ['ftp://x'] }, env: {} }), ConfigError);
  });

  it('refuses a token shorter than 8 characters, from any layer, without repeating it.', () => {
    const url = { versionsUrl: 'http://127.0.0.1:1/versions' };
    for (const [flags, env] of [[{ ...url, token: 'x' }, {}], [url, { OCPI_CONFORMANCE_TOKEN: 'seven77' }]] as const) {
      assert.throws(() => loadRunConfig({ flags, env }), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /^--token: a token of \d characters? is too short to redact safely from every report and log; use one of at least 8$/);
        assert.doesNotMatch(error.message, /seven77/);
        return true;
      });
    }
    assert.equal(loadRunConfig({ flags: { ...url, token: 'eight888' }, env: {} }).token?.reveal(), 'eight888');
  });

  it('wraps the token in a Secret, so the config never prints it', () => {
    const config = loadRunConfig({ flags: { versionsUrl: 'http://127.0.0.1:1/versions', token: 'very-secret' }, env: {} });
    assert.equal(config.token?.reveal(), 'very-secret');
    assert.doesNotMatch(JSON.stringify(config), /very-secret/);
  });

  it('reads lists and booleans from the environment', () => {
    const config = loadRunConfig({ flags: {}, env: { OCPI_CONFORMANCE_EMBEDDED: 'emsp', OCPI_CONFORMANCE_ONLY: 'VER-01, VER-02', OCPI_CONFORMANCE_RAW_TOKEN: 'true' } });
    assert.deepEqual(config.only, ['VER-01', 'VER-02']);
    assert.equal(config.rawToken, true);
    assert.equal(config.role, 'emsp');
  });

  const invalid: Array<[string, Parameters<typeof loadRunConfig>[0], RegExp]> = [
    ['a concurrency of 0 in the environment', { flags: {}, env: { OCPI_CONFORMANCE_CONCURRENCY: '0', OCPI_CONFORMANCE_EMBEDDED: 'cpo' } }, /^environment: OCPI_CONFORMANCE_CONCURRENCY must be from 1 to 64 \(got 0\)$/],
    ['--handshake register without a token', { flags: { versionsUrl: 'http://x/versions' }, env: {} }, /missing --token/],
    ['an unknown --handshake mode from a variable, naming the variable and the modes', { flags: {}, env: { OCPI_CONFORMANCE_EMBEDDED: 'cpo', OCPI_CONFORMANCE_HANDSHAKE: 'maybe' } }, /^environment: OCPI_CONFORMANCE_HANDSHAKE must be one of register, await, none \(got "maybe"\)$/],
    ['a token with a space, without printing it', { flags: { versionsUrl: 'http://x/versions', token: 'secret token value' }, env: {} }, /^command line: --token must be printable characters without spaces$/],
    ['an invalid --grep pattern', { flags: { embedded: 'cpo', grep: '(' }, env: {} }, /not a valid regular expression/],
    ['a --peer-listen without port', { flags: { embedded: 'cpo', peerListen: 'localhost' }, env: {} }, /^command line: --peer-listen must be HOST:PORT, for example 127\.0\.0\.1:9401, 0\.0\.0\.0:9401 or \[::1\]:9401 \(got "localhost"\)$/],
    ['a PTP target in another version than 2.3.0', { flags: { versionsUrl: 'http://x/versions', token: 'ptp-token-0123456789', role: 'ptp', ocpiVersion: '2.2.1' }, env: {} }, /^--role ptp: a Payment Terminal Provider exists only in OCPI 2\.3\.0/],
  ];
  for (const [what, sources, message] of invalid) {
    it(`refuses ${what} with a ConfigError`, () => {
      assert.throws(() => loadRunConfig(sources), (error: unknown) => error instanceof ConfigError && message.test(error.message));
    });
  }

  it('refuses an unknown setting in a config file, naming the file', () => {
    const file = reportPath('settings.json');
    writeFileSync(file, JSON.stringify({ embedded: 'cpo', concurency: 3 }));
    assert.throws(() => loadRunConfig({ flags: {}, env: {}, configFile: file }), /settings\.json: unknown setting "concurency"; did you mean "concurrency"\?/);
  });

  it('names a bad value of a config file by its key', () => {
    const file = reportPath('settings.yaml');
    writeFileSync(file, 'embedded: cpo\ntimeout: soon\n');
    assert.throws(() => loadRunConfig({ flags: {}, env: {}, configFile: file }), /settings\.yaml: timeout must be a whole number \(got "soon"\)$/);
  });

  it('waits for the target with --handshake await, needing neither URL nor token', () => {
    assert.equal(loadRunConfig({ flags: { handshake: 'await' }, env: {} }).handshake, 'await');
  });

  it('reads the trigger from the config file, OCPI_CONFORMANCE_TRIGGER_COMMAND / _URL and the flags, and refuses both at once', () => {
    const file = reportPath('trigger.yaml');
    writeFileSync(file, 'embedded: cpo\ntriggerUrl: http://127.0.0.1:9/trigger\n');
    assert.equal(loadRunConfig({ flags: {}, env: {}, configFile: file }).triggerUrl, 'http://127.0.0.1:9/trigger');
    assert.equal(loadRunConfig({ flags: {}, env: { OCPI_CONFORMANCE_EMBEDDED: 'cpo', OCPI_CONFORMANCE_TRIGGER_COMMAND: './act.sh' } }).triggerCommand, './act.sh');
    assert.equal(loadRunConfig({ flags: { embedded: 'cpo', triggerUrl: 'https://ops.example.com/t' }, env: {} }).triggerUrl, 'https://ops.example.com/t');
    assert.throws(() => loadRunConfig({ flags: { embedded: 'cpo', triggerUrl: 'ftp://x' }, env: {} }), ConfigError);
    assert.throws(() => loadRunConfig({ flags: { embedded: 'cpo', triggerUrl: 'http://x/t', triggerCommand: './act.sh' }, env: {} }), /either --trigger-command or --trigger-url/);
  });
});
