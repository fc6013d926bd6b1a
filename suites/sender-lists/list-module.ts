import type { OcpiVersion } from '../../src/model/ocpi-version.js';
import type { PartyRole } from '../../src/model/party-role.js';
import type { SpecReference } from '../../src/model/case-result.js';
import type { CaseContext } from '../../src/runner/case-context.js';
import { moduleUrl } from '../../src/runner/module-request.js';
import type { StateKey } from '../../src/runner/run-state.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';

/** One Sender list of the target (the CPO's four, the eMSP's Tokens, the PTP's two, a Hub's ClientInfo), as the list cases need it. */
export interface ListModule {
  /** The module identifier in version details. */
  readonly module: 'locations' | 'tariffs' | 'sessions' | 'cdrs' | 'tokens' | 'hubclientinfo' | 'payments';
  /** The role of the party that serves the list (`any` for a Hub's: the tool knows no Hub role, its declaration decides). */
  readonly targetRole: PartyRole | 'any';
  /** The list's path under the declared module URL, when the module has more than one list (Payments: spec-notes P1). */
  readonly path?: string;
  /** The versions that have the list; all three when absent. */
  readonly versions?: readonly OcpiVersion[];
  /** The case id prefix: LOC, TAR, SES, CDR, TOK-PULL, TERM, FAC, HCI-LIST. */
  readonly prefix: string;
  /** The OCPI object of each element. */
  readonly object: string;
  /** The plural a person reads: "Locations". */
  readonly plural: string;
  readonly digest: Extract<StateKey, 'locationsList' | 'tariffsList' | 'sessionsList' | 'cdrsList' | 'tokensList' | 'terminalsList' | 'confirmationsList' | 'clientInfoList'>;
  /** The key that identifies an object of the list across pages, in `version` (2.1.1 objects carry no owner: X4). */
  readonly keyOf: (item: unknown, version?: OcpiVersion) => string | undefined;
  /** Filters every request carries (the Sessions list marks date_from as required). */
  readonly baseFilters: Readonly<Record<string, string>>;
  /** The section of the module's chapter with the GET list method. */
  readonly section: string;
  /** The same in 2.1.1: the chapter's file and the interface (CPO or eMSP) whose GET Method serves the list (absent: not in 2.1.1). */
  readonly section211?: string;
}

/** Objects of the CPO's lists are identified by their owner and id; in 2.1.1, where they name no owner, by their id. */
export function ownedKey(item: unknown, version?: OcpiVersion): string | undefined {
  const { country_code: cc, party_id: pid, id } = (item ?? {}) as { country_code?: unknown; party_id?: unknown; id?: unknown };
  if (version === '2.1.1') return typeof id === 'string' ? id : undefined;
  return typeof cc === 'string' && typeof pid === 'string' && typeof id === 'string' ? `${cc}/${pid}/${id}`.toUpperCase() : undefined;
}

/** Payments objects are identified by their id alone (spec-notes P5): `terminal_id` or a confirmation's `id`, CiStrings. */
export const idKey = (field: 'terminal_id' | 'id') => (item: unknown): string | undefined => {
  const id = ((item ?? {}) as Record<string, unknown>)[field];
  return typeof id === 'string' ? id.toUpperCase() : undefined;
};

/** The versions a list case covers: those of its list. */
export const listVersions = (list: ListModule): readonly OcpiVersion[] => list.versions ?? ['2.1.1', '2.2.1', '2.3.0'];

/** The references of a list case, kept to the versions its list has. */
export const listSpecs = (list: ListModule, specs: readonly SpecReference[]): SpecReference[] => specs.filter((s) => listVersions(list).includes(s.version));

/** The URL of the target's list, as declared (with the list's own path under the module URL, for Payments). */
export function listUrl(t: CaseContext, list: ListModule): string {
  const declared = moduleUrl(t, list.module, 'SENDER');
  return list.path === undefined ? declared : endpointUrl(declared, list.path);
}

/** Tokens are identified by their owner, uid and type; in 2.1.1 by uid and type, which its Token chapter makes unique together. */
export function tokenKey(item: unknown, version?: OcpiVersion): string | undefined {
  const { country_code: cc, party_id: pid, uid, type } = (item ?? {}) as { country_code?: unknown; party_id?: unknown; uid?: unknown; type?: unknown };
  if (version === '2.1.1') return typeof uid === 'string' && typeof type === 'string' ? `${uid}/${type}` : undefined;
  return [cc, pid, uid, type].every((part) => typeof part === 'string') ? `${String(cc)}/${String(pid)}/${String(uid)}/${String(type)}`.toUpperCase() : undefined;
}

/**
 * A ClientInfo is identified by its party's country_code, party_id and role: the Receiver's URL names only the first
 * two, but one platform may be connected in several roles under one party id (spec-notes, Hub Client Info H3).
 */
export function clientInfoKey(item: unknown): string | undefined {
  const { country_code: cc, party_id: pid, role } = (item ?? {}) as { country_code?: unknown; party_id?: unknown; role?: unknown };
  return [cc, pid, role].every((part) => typeof part === 'string') ? `${String(cc)}/${String(pid)}/${String(role)}`.toUpperCase() : undefined;
}

/** The tester's date_from for lists that require one: earlier than any OCPI data (OCPI 2.0 dates from 2016). */
export const SINCE_EVER = '2000-01-01T00:00:00Z';

export const LIST_MODULES: readonly ListModule[] = Object.freeze<ListModule[]>([
  { module: 'locations', targetRole: 'cpo', prefix: 'LOC', object: 'Location', plural: 'Locations', digest: 'locationsList', keyOf: ownedKey, baseFilters: {}, section: 'Locations module, Sender interface, GET list', section211: 'mod_locations.md, CPO Interface, GET Method' },
  { module: 'tariffs', targetRole: 'cpo', prefix: 'TAR', object: 'Tariff', plural: 'Tariffs', digest: 'tariffsList', keyOf: ownedKey, baseFilters: {}, section: 'Tariffs module, Sender interface, GET list', section211: 'mod_tariffs.md, CPO Interface, GET Method' },
  { module: 'sessions', targetRole: 'cpo', prefix: 'SES', object: 'Session', plural: 'Sessions', digest: 'sessionsList', keyOf: ownedKey, baseFilters: { date_from: SINCE_EVER }, section: 'Sessions module, Sender interface, GET list', section211: 'mod_sessions.md, CPO Interface, GET Method' },
  { module: 'cdrs', targetRole: 'cpo', prefix: 'CDR', object: 'CDR', plural: 'CDRs', digest: 'cdrsList', keyOf: ownedKey, baseFilters: {}, section: 'CDRs module, Sender interface, GET list', section211: 'mod_cdrs.md, CPO Interface, GET Method' },
  { module: 'tokens', targetRole: 'emsp', prefix: 'TOK-PULL', object: 'Token', plural: 'Tokens', digest: 'tokensList', keyOf: tokenKey, baseFilters: {}, section: 'Tokens module, Sender interface, GET list', section211: 'mod_tokens.md, eMSP Interface, GET Method' },
  // Hub Client Info (2.2.1, 2.3.0): a Hub serves it; a CPO or eMSP that declares the Sender is crawled the same way.
  { module: 'hubclientinfo', targetRole: 'any', versions: ['2.2.1', '2.3.0'], prefix: 'HCI-LIST', object: 'ClientInfo', plural: 'ClientInfo', digest: 'clientInfoList', keyOf: clientInfoKey, baseFilters: {}, section: 'HubClientInfo module, Sender interface, GET method' },
  // OCPI 2.3.0 Payments: a PTP serves both lists under its one payments URL; no 2.1.1 section (section211 is unused).
  { module: 'payments', targetRole: 'ptp', path: 'terminals', versions: ['2.3.0'], prefix: 'TERM', object: 'Terminal', plural: 'Terminals', digest: 'terminalsList', keyOf: idKey('terminal_id'), baseFilters: {}, section: 'Payments module, Sender interface, GET Terminals method', section211: '' },
  { module: 'payments', targetRole: 'ptp', path: 'financial-advice-confirmations', versions: ['2.3.0'], prefix: 'FAC', object: 'FinancialAdviceConfirmation', plural: 'Financial Advice Confirmations', digest: 'confirmationsList', keyOf: idKey('id'), baseFilters: {}, section: 'Payments module, Sender interface, GET Financial Advice Confirmations method', section211: '' },
]);
