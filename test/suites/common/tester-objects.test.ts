import assert from 'node:assert/strict';
import type { OcpiVersion } from '../../../src/model/ocpi-version.js';
import { generateTesterData } from '../../../src/peer/peer-sender-lists.js';
import { schemaRegistry } from '../../../src/schemas/schema-registry.js';
import { testCdr, testLocation, testSession, testTariff } from '../../../suites/common/tester-objects.js';
import { testTokenIn } from '../../../suites/tokens/test-token.js';

const failures = (version: OcpiVersion, name: string, object: unknown) => schemaRegistry().validate(version, name, object).filter((f) => f.status === 'fail');

describe('the tester\'s own pushed objects', () => {
  for (const version of ['2.1.1', '2.2.1', '2.3.0'] as const) {
    it(`are valid ${version} Locations, Tariffs, Sessions, CDRs and Tokens in the shape of ${version}`, () => {
      const objects = [['Location', testLocation(version)], ['Tariff', testTariff(version)], ['Session', testSession(version)], ['CDR', testCdr(version)], ['Token', testTokenIn(version)]] as const;
      for (const [name, object] of objects) assert.deepEqual(failures(version, name, object), [], `${name} ${JSON.stringify(object)}`);
    });
  }

  it('carry no owner fields in 2.1.1, and a new OCT id each', () => {
    const objects = [testLocation('2.1.1'), testTariff('2.1.1'), testSession('2.1.1'), testCdr('2.1.1'), testTokenIn('2.1.1')];
    for (const object of objects) assert.ok(!('country_code' in object) && !('party_id' in object));
    for (const object of objects.slice(0, 4)) assert.match(String(object['id']), /^OCT-/);
    assert.match(String(objects[4]?.['uid']), /^OCT/);
  });

  it('are Locations no driver is shown: publish false and nobody allowed, in 2.2.1 and 2.3.0, as the Locations the tester serves.', () => {
    for (const version of ['2.2.1', '2.3.0'] as const) {
      const location = testLocation(version);
      assert.equal(location['publish'], false, version);
      assert.equal(location['publish_allowed_to'], undefined, version);
    }
    assert.deepEqual([...new Set(generateTesterData().locations.map((location) => location.publish))], [false]);
  });
});
