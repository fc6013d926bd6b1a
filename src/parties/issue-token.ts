import { Secret } from '../config/secret.js';
import type { PartyContext } from './party-context.js';

/**
 * A new credentials token the party hands out (Token B when it registers, Token C when it is registered with). Under
 * the token-c-symbols variant it mixes in the printable symbols the spec allows and base64url tokens never have, so a
 * partner that assumes [A-Za-z0-9-_] (or mangles + / = in a header) shows.
 */
export function issueToken(party: PartyContext): Secret {
  const token = Secret.generate();
  return party.variants.has('token-c-symbols') ? new Secret(`+/=~.${token.reveal()}`.slice(0, 64)) : token;
}
