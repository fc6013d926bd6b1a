import assert from 'node:assert/strict';
import { asciiJson, asciiText } from '../../src/ocpi-data/ascii-json.js';

describe('asciiText', () => {
  it('drops accents, spells out a few letters and leaves ASCII as it is', () => {
    const cases = [['Düsseldorf', 'Dusseldorf'], ['Königsallee', 'Konigsallee'], ['Graf-Adolf-Straße', 'Graf-Adolf-Strasse'], ['Italiëlei', 'Italielei'], ['€0.35 per kWh', 'EUR 0.35 per kWh'], ['Chloé', 'Chloe'], ['plain text 1-2', 'plain text 1-2'], ['日本', '??']];
    for (const [text, ascii] of cases) assert.equal(asciiText(text as string), ascii);
  });
});

describe('asciiJson', () => {
  it('makes every string of a JSON value ASCII and keeps its numbers, booleans, nulls and keys', () => {
    assert.deepEqual(asciiJson({ city: 'Düsseldorf', n: 1, b: true, z: null, list: ['é', { ü: 'ß' }] }), { city: 'Dusseldorf', n: 1, b: true, z: null, list: ['e', { ü: 'ss' }] });
  });
});
