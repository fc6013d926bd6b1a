import assert from 'node:assert/strict';
import { nextLink, type NextLink } from '../../src/transport/next-link.js';

const REQUEST = 'http://127.0.0.1:9/ocpi/2.2.1/tariffs?offset=0&limit=2';

/** One row: a Link header and what nextLink makes of it, for a request to REQUEST. */
type Row = [title: string, header: string | undefined, expected: NextLink | ((link: NextLink) => void)];

const malformed = (reason: RegExp) => (link: NextLink): void => {
  assert.equal(link.kind, 'malformed');
  if (link.kind === 'malformed') assert.match(link.reason, reason);
};

const rows: Row[] = [
  ['gives none without a Link header', undefined, { kind: 'none' }],
  ['gives none for an empty Link header', '', { kind: 'none' }],
  ['gives none for a blank Link header', '   ', { kind: 'none' }],
  ['gives none for a Link header without rel="next"', '<http://127.0.0.1:9/ocpi/2.2.1/tariffs?offset=0>; rel="prev"', { kind: 'none' }],
  ['gives none for a link without any rel', '<http://127.0.0.1:9/ocpi/2.2.1/tariffs?offset=2>', { kind: 'none' }],
  ['reads an absolute next URL', '<http://127.0.0.1:9/ocpi/2.2.1/tariffs?offset=2&limit=2>; rel="next"', { kind: 'next', url: 'http://127.0.0.1:9/ocpi/2.2.1/tariffs?offset=2&limit=2' }],
  ['reads an https next URL', '<https://cpo.example/ocpi/tariffs?offset=2>; rel="next"', { kind: 'next', url: 'https://cpo.example/ocpi/tariffs?offset=2' }],
  ['reads an unquoted rel=next', '<http://127.0.0.1:9/t?offset=2>; rel=next', { kind: 'next', url: 'http://127.0.0.1:9/t?offset=2' }],
  ['resolves a path-relative next against the request URL', '<tariffs?offset=2&limit=2>; rel="next"', { kind: 'next', url: 'http://127.0.0.1:9/ocpi/2.2.1/tariffs?offset=2&limit=2' }],
  ['resolves an absolute-path next against the request URL', '</ocpi/2.2.1/tariffs?offset=2>; rel="next"', { kind: 'next', url: 'http://127.0.0.1:9/ocpi/2.2.1/tariffs?offset=2' }],
  ['resolves a query-only next against the request URL', '<?offset=2&limit=2>; rel="next"', { kind: 'next', url: 'http://127.0.0.1:9/ocpi/2.2.1/tariffs?offset=2&limit=2' }],
  ['picks the rel="next" link out of several in one header', '<http://127.0.0.1:9/t?offset=0>; rel="prev", <http://127.0.0.1:9/t?offset=4>; rel="next", <http://127.0.0.1:9/t?offset=8>; rel="last"', { kind: 'next', url: 'http://127.0.0.1:9/t?offset=4' }],
  ['picks a link whose rel lists next among other relations', '<http://127.0.0.1:9/t?offset=4>; rel="prefetch next"', { kind: 'next', url: 'http://127.0.0.1:9/t?offset=4' }],
  ['reads a link with further parameters holding commas', '<http://127.0.0.1:9/t?offset=4>; rel="next"; title="page 2, of 3"', { kind: 'next', url: 'http://127.0.0.1:9/t?offset=4' }],
  ['gives malformed for a header without angle brackets, quoting the header', 'http://127.0.0.1:9/t?offset=2; rel="next"', { kind: 'malformed', header: 'http://127.0.0.1:9/t?offset=2; rel="next"', reason: 'Unexpected character "h" at offset 0' }],
  ['gives malformed for an unterminated URI reference', '<http://127.0.0.1:9/t?offset=2; rel="next"', malformed(/end of URI delimiter/)],
  ['gives malformed for a next that is not a URL', '<http://[::1/t>; rel="next"', malformed(/"http:\/\/\[::1\/t" is not a URL/)],
  ['gives malformed for a next with a non-http scheme', '<ftp://127.0.0.1/t?offset=2>; rel="next"', malformed(/"ftp:\/\/127.0.0.1\/t\?offset=2" is not an http\(s\) URL/)],
  ['gives malformed for a javascript: next', '<javascript:alert(1)>; rel="next"', malformed(/is not an http\(s\) URL/)],
];

describe('nextLink', () => {
  for (const [title, header, expected] of rows) {
    it(title, () => {
      const link = nextLink(header, REQUEST);
      if (typeof expected === 'function') expected(link);
      else assert.deepEqual(link, expected);
    });
  }
});
