import assert from 'node:assert/strict';
import { OriginPolicy } from '../../src/transport/origin-policy.js';

describe('the origin policy', () => {
  const policy = new OriginPolicy(['https://ocpi.example.com/ocpi/versions', 'https://modules.example.com:8443']);

  it('allows every path on the origins it was given.', () => {
    assert.ok(policy.allows('https://ocpi.example.com/ocpi/2.2.1/locations?offset=10'));
    assert.ok(policy.allows('https://modules.example.com:8443/anything'));
  });

  it('refuses another host, another port and another scheme on the same host.', () => {
    assert.ok(!policy.allows('https://evil.example.net/ocpi/versions'));
    assert.ok(!policy.allows('https://ocpi.example.com:444/ocpi/versions'));
    assert.ok(!policy.allows('http://ocpi.example.com/ocpi/versions'));
  });

  it('refuses what is not an absolute URL.', () => {
    assert.ok(!policy.allows('/ocpi/versions'));
    assert.match(policy.refusal('/ocpi/versions'), /not an absolute URL/);
  });

  it('names the origin and the flag that would allow it when it refuses.', () => {
    assert.equal(
      policy.refusal('http://127.0.0.1:9999/ocpi/2.2.1'),
      'not sent: http://127.0.0.1:9999 is not the origin of the versions URL nor one allowed with --allow-origin, and the tester sends its token nowhere else (add --allow-origin http://127.0.0.1:9999 if that server is the target\'s)',
    );
  });

  it('allows an origin added later, as a target that registers with the tester is.', () => {
    const later = new OriginPolicy();
    assert.ok(!later.allows('http://127.0.0.1:4000/x'));
    later.allow('http://127.0.0.1:4000/ocpi/versions');
    assert.ok(later.allows('http://127.0.0.1:4000/x'));
  });
});
