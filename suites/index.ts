import type { CaseDefinition } from '../src/runner/define-case.js';
import ver01 from './versions/ver-01-versions-list.js';
import ver02 from './versions/ver-02-version-details.js';
import ver03 from './versions/ver-03-request-ids-echoed.js';
import ver04 from './versions/ver-04-unknown-token-refused.js';
import ver05 from './versions/ver-05-missing-token-refused.js';
import ver06 from './versions/ver-06-highest-mutual-version.js';
import ver07 from './versions/ver-07-put-moves-version.js';
import ver08 from './versions/ver-08-calls-registered-version.js';
import cred01 from './credentials/cred-01-callback-failure.js';
import cred02 from './credentials/cred-02-register.js';
import cred03 from './credentials/cred-03-get-credentials.js';
import cred04 from './credentials/cred-04-second-post-refused.js';
import cred05 from './credentials/cred-05-rotate.js';
import cred06 from './credentials/cred-06-unregister.js';
import cred07 from './credentials/cred-07-target-registers.js';
import cred08 from './credentials/cred-08-given-token.js';
import cred09 from './credentials/cred-09-token-stays-valid.js';
import { LIST_MODULES } from './sender-lists/list-module.js';
import { crawlCase } from './sender-lists/crawl-case.js';
import { dateFilterCase } from './sender-lists/date-filter-case.js';
import { limitCase } from './sender-lists/limit-case.js';
import loc04 from './locations/loc-04-object-matches-list.js';
import loc05 from './locations/loc-05-unknown-location.js';
import loc06 from './locations/loc-06-parking-references.js';
import loc07 from './locations/loc-07-parking-details.js';
import tok01 from './tokens/tok-01-put-then-get.js';
import tok02 from './tokens/tok-02-patch-applied.js';
import tok03 from './tokens/tok-03-patch-needs-last-updated.js';
import tok04 from './tokens/tok-04-url-matches-body.js';
import tok05 from './tokens/tok-05-unknown-token.js';
import tok06 from './tokens/tok-06-patch-without-last-updated.js';
import ext01 from './tokens/ext-01-unknown-field-accepted.js';
import ext03 from './tokens/ext-03-unlisted-token-type.js';
import cmd01 from './commands/cmd-01-start-session.js';
import cmd02 from './commands/cmd-02-stop-session.js';
import cmd03 from './commands/cmd-03-reserve-now.js';
import cmd04 from './commands/cmd-04-cancel-reservation.js';
import cmd05 from './commands/cmd-05-unlock-connector.js';
import cmd06 from './commands/cmd-06-unknown-location.js';
import cpr01 from './chargingprofiles/cpr-01-set-profile.js';
import cpr02 from './chargingprofiles/cpr-02-get-active-profile.js';
import cpr03 from './chargingprofiles/cpr-03-clear-profile.js';
import cpr04 from './chargingprofiles/cpr-04-unknown-session.js';
import { AUTH_CASES } from './transport/auth-cases.js';
import { LOCATION_PUSH_CASES } from './locations-receiver/index.js';
import { TARIFF_PUSH_CASES } from './tariffs-receiver/index.js';
import { SESSION_PUSH_CASES } from './sessions-receiver/index.js';
import { CDR_PUSH_CASES } from './cdrs-receiver/index.js';
import { PAYMENTS_CASES, PTP_PAYMENTS_CASES } from './payments/index.js';
import { AUTHORIZE_CASES } from './tokens-sender/index.js';
import { PEER_CASES } from './peer/index.js';
import { INBOUND_CASES } from './inbound/index.js';
import { HUB_CLIENT_INFO_CASES } from './hubclientinfo/index.js';
import auth04 from './transport/auth-04-malformed-json.js';

/** Every conformance case, in the order runs list them. */
export const ALL_CASES: readonly CaseDefinition[] = Object.freeze([
  cred07,
  ver06,
  ver01,
  ver02,
  ver03,
  ver04,
  ver05,
  cred08,
  cred01,
  cred02,
  cred03,
  cred04,
  ...AUTH_CASES,
  auth04,
  ...LIST_MODULES.flatMap((list) => [crawlCase(list), dateFilterCase(list), limitCase(list)]),
  loc04,
  loc05,
  loc06,
  loc07,
  tok01,
  tok02,
  tok03,
  tok04,
  tok05,
  tok06,
  ext01,
  ext03,
  cmd06,
  cmd03,
  cmd04,
  cmd01,
  cpr01,
  cpr02,
  cpr03,
  cpr04,
  cmd02,
  cmd05,
  ...LOCATION_PUSH_CASES,
  ...TARIFF_PUSH_CASES,
  ...SESSION_PUSH_CASES,
  ...CDR_PUSH_CASES,
  ...PAYMENTS_CASES,
  ...PTP_PAYMENTS_CASES,
  ...AUTHORIZE_CASES,
  ...PEER_CASES,
  ...INBOUND_CASES,
  ...HUB_CLIENT_INFO_CASES,
  cred09,
  cred05,
  ver07,
  cred06,
  ver08,
]);
