import assert from 'node:assert/strict';
import { failureTextParts, failureTextPattern, matchesFailureText } from '../../src/parties/failure-text.js';

describe('failure text templates', () => {
  const template = 'expected HTTP 401, got {status} from GET {url}: a request without credentials must be refused';

  it('match a message whose placeholders are filled in.', () => {
    assert.ok(matchesFailureText(template, 'expected HTTP 401, got 200 from GET http://127.0.0.1:4711/ocpi/cpo/2.2.1/locations: a request without credentials must be refused'));
  });

  it('refuse a message that differs in a literal part.', () => {
    assert.ok(!matchesFailureText(template, 'expected HTTP 403, got 200 from GET http://127.0.0.1:4711/ocpi/versions: a request without credentials must be refused'));
    assert.ok(!matchesFailureText(template, 'expected HTTP 401, got 200 from GET http://127.0.0.1:4711/ocpi/versions: a request without credentials must be refused.'));
    assert.ok(!matchesFailureText(template, 'Expected HTTP 401, got 200 from GET http://127.0.0.1:4711/ocpi/versions: a request without credentials must be refused'));
  });

  it('refuse a message that leaves a placeholder empty.', () => {
    assert.ok(!matchesFailureText(template, 'expected HTTP 401, got  from GET http://127.0.0.1:4711/ocpi/versions: a request without credentials must be refused'));
  });

  it('let a placeholder stand for text that spans lines.', () => {
    assert.ok(matchesFailureText('the body starts {start} and ends', 'the body starts <html>\n<body> and ends'));
  });

  it('read regular expression metacharacters in the literal text as themselves.', () => {
    const literal = 'a body starting "<h1>(x)[y]*+?.^$|\\</" from GET {url}';
    assert.ok(matchesFailureText(literal, 'a body starting "<h1>(x)[y]*+?.^$|\\</" from GET http://127.0.0.1:1/'));
    assert.ok(!matchesFailureText(literal, 'a body starting "<h1>(x)[y]yy+?.^$|\\</" from GET http://127.0.0.1:1/'));
    assert.ok(!matchesFailureText('limit=2 gave 6 objects', 'limit=2 gave 6 objectsss'));
    assert.ok(!matchesFailureText('version "2.2"', 'version "242"'));
  });

  it('match only itself when the template has no placeholders.', () => {
    const fixed = '/data: list has 0 items; at least 1 required';
    assert.ok(matchesFailureText(fixed, fixed));
    assert.ok(!matchesFailureText(fixed, `${fixed} `));
    assert.ok(!matchesFailureText(fixed, `x${fixed}`));
    assert.ok(!matchesFailureText(fixed, `${fixed}\n`));
    assert.ok(!matchesFailureText(fixed, fixed.slice(1)));
  });

  it('are anchored at both ends of the message.', () => {
    const pattern = failureTextPattern('got {status} from GET');
    assert.ok(pattern.test('got 200 from GET'));
    assert.ok(!pattern.test('we got 200 from GET'));
    assert.ok(!pattern.test('got 200 from GET twice'));
  });

  it('cut a template into literal text and named placeholders.', () => {
    assert.deepEqual(failureTextParts('{module} RECEIVER: got {status}'), [{ placeholder: 'module' }, { literal: ' RECEIVER: got ' }, { placeholder: 'status' }]);
    assert.deepEqual(failureTextParts('no placeholder'), [{ literal: 'no placeholder' }]);
  });

  it('refuse a brace that is not part of a placeholder, so a typo cannot become literal text.', () => {
    for (const malformed of ['got {status from GET', 'got status} from GET', 'got {} from GET', 'got {Status} from GET', 'got {{status}} from GET', 'got {a-b} from GET']) {
      assert.throws(() => failureTextParts(malformed), /malformed failure text template/, malformed);
      assert.throws(() => matchesFailureText(malformed, 'got 200 from GET'), /malformed failure text template/, malformed);
    }
  });
});
