import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { Exchange } from '../../src/model/exchange.js';
import { toCurl } from '../../src/report/curl.js';

const posted: Exchange = {
  id: 'x1',
  direction: 'outbound',
  request: { method: 'POST', url: 'http://127.0.0.1:1/ocpi/2.2.1/credentials', headers: { authorization: 'Token [redacted]', 'content-type': 'application/json', 'x-request-id': 'r1' }, body: { token: '[redacted]', url: "http://it's.example/versions" } },
  timings: { startedAt: '2026-12-04T00:00:00Z', durationMs: 1 },
};

/** The arguments the line gives curl, as a POSIX shell reads it (curl replaced by a function that prints them). */
function argumentsOf(line: string, env: Record<string, string>): string[] {
  const script = `curl() { for a; do printf '%s\\n' "$a"; done; }\n${line}\n`;
  const result = spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', ...env } });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trimEnd().split('\n');
}

describe('the curl line that repeats a request', () => {
  it('never holds a token: the header reads $OCPI_TOKEN and a body token $OCPI_BODY_TOKEN.', () => {
    const line = toCurl(posted);
    assert.doesNotMatch(line, /\[redacted\]/);
    assert.match(line, /\$OCPI_TOKEN/);
    assert.match(line, /\$OCPI_BODY_TOKEN/);
  });

  it('works pasted into a POSIX shell: the token Base64-encoded without GNU-only flags, the body with its quotes intact.', () => {
    const args = argumentsOf(toCurl(posted), { OCPI_TOKEN: 'secret-token-123', OCPI_BODY_TOKEN: 'token-b-456' });
    assert.ok(args.includes(`Authorization: Token ${Buffer.from('secret-token-123').toString('base64')}`), args.join('\n'));
    assert.deepEqual(JSON.parse(args[args.length - 1] ?? ''), { token: 'token-b-456', url: "http://it's.example/versions" });
    assert.ok(args.includes('x-request-id: r1'));
  });
});
