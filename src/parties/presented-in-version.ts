import type { Handler } from '../server/ocpi-server.js';
import type { OcpiVersion } from '../model/ocpi-version.js';

/**
 * Wraps a handler of `version`'s endpoints so that it reads the Authorization header by that version's rule: OCPI
 * 2.1.1 sends the token as it is, so a 2.1.1 endpoint takes the header's value literally, even when it happens to be
 * valid Base64 (a 2.1.1 registration's token then only works raw). From 2.2 on the handler is returned unchanged: the
 * reference parties take the Base64 form and, leniently, the raw one.
 */
export function presentedInVersion(version: OcpiVersion, handler: Handler): Handler {
  if (version !== '2.1.1') return handler;
  return (request) => {
    const { presented } = request;
    if (presented.token === undefined || presented.encoding !== 'base64') return handler(request);
    const literal = Buffer.from(presented.token, 'utf8').toString('base64');
    return handler({ ...request, presented: { token: literal, encoding: 'raw' } });
  };
}
