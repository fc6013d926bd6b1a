import { asciiJson } from './ascii-json.js';
import type { Token } from './ocpi-objects.js';

/**
 * A Token in its 2.1.1 shape: no owner fields (X4); `auth_id` is the 2.2 `contract_id` (the id a CDR names the driver
 * by in both); a type 2.1.1 lacks (APP_USER, AD_HOC_USER) is OTHER; no group, profile or energy contract (2.2
 * additions); every string ASCII.
 */
export function token211(token: Token): Record<string, unknown> & { readonly last_updated: string } {
  return asciiJson({
    uid: token.uid,
    type: token.type === 'RFID' ? 'RFID' : 'OTHER',
    auth_id: token.contract_id,
    ...(token.visual_number === undefined ? {} : { visual_number: token.visual_number }),
    issuer: token.issuer,
    valid: token.valid,
    whitelist: token.whitelist,
    ...(token.language === undefined ? {} : { language: token.language }),
    last_updated: token.last_updated,
  });
}
