// The OCPI 2.2.1 objects the reference CPO holds, typed for its own logic. Optional fields the generator sets are
// typed too; the JSON Schemas in schemas/2.2.1 remain the judge of what is valid on the wire.

/** DisplayText: a text in one language. */
export interface DisplayText {
  readonly language: string;
  readonly text: string;
}

export interface Price {
  readonly excl_vat: number;
  readonly incl_vat?: number;
}

export interface GeoLocation {
  readonly latitude: string;
  readonly longitude: string;
}

export interface Connector {
  readonly id: string;
  readonly standard: string;
  readonly format: 'SOCKET' | 'CABLE';
  readonly power_type: string;
  readonly max_voltage: number;
  readonly max_amperage: number;
  readonly max_electric_power?: number;
  readonly tariff_ids?: readonly string[];
  readonly terms_and_conditions?: string;
  readonly last_updated: string;
}

export interface Evse {
  readonly uid: string;
  readonly evse_id?: string;
  readonly status: string;
  readonly status_schedule?: readonly unknown[];
  readonly capabilities?: readonly string[];
  readonly connectors: readonly Connector[];
  readonly floor_level?: string;
  readonly coordinates?: GeoLocation;
  readonly physical_reference?: string;
  readonly directions?: readonly DisplayText[];
  readonly parking_restrictions?: readonly string[];
  readonly images?: readonly unknown[];
  readonly last_updated: string;
}

export interface Location {
  readonly country_code: string;
  readonly party_id: string;
  readonly id: string;
  readonly publish: boolean;
  readonly name?: string;
  readonly address: string;
  readonly city: string;
  readonly postal_code?: string;
  readonly state?: string;
  readonly country: string;
  readonly coordinates: GeoLocation;
  readonly related_locations?: readonly unknown[];
  readonly parking_type?: string;
  readonly evses?: readonly Evse[];
  readonly directions?: readonly DisplayText[];
  readonly operator?: unknown;
  readonly suboperator?: unknown;
  readonly owner?: unknown;
  readonly facilities?: readonly string[];
  readonly time_zone: string;
  readonly opening_times?: unknown;
  readonly charging_when_closed?: boolean;
  readonly images?: readonly unknown[];
  readonly energy_mix?: unknown;
  readonly last_updated: string;
}

export interface Tariff {
  readonly country_code: string;
  readonly party_id: string;
  readonly id: string;
  readonly currency: string;
  readonly type?: string;
  readonly tariff_alt_text?: readonly DisplayText[];
  readonly tariff_alt_url?: string;
  readonly min_price?: Price;
  readonly max_price?: Price;
  readonly elements: readonly unknown[];
  readonly start_date_time?: string;
  readonly end_date_time?: string;
  readonly energy_mix?: unknown;
  readonly last_updated: string;
}

export interface CdrToken {
  readonly country_code: string;
  readonly party_id: string;
  readonly uid: string;
  readonly type: string;
  readonly contract_id: string;
}

export interface ChargingPeriod {
  readonly start_date_time: string;
  readonly dimensions: ReadonlyArray<{ readonly type: string; readonly volume: number }>;
  readonly tariff_id?: string;
}

export interface Session {
  readonly country_code: string;
  readonly party_id: string;
  readonly id: string;
  readonly start_date_time: string;
  readonly end_date_time?: string;
  readonly kwh: number;
  readonly cdr_token: CdrToken;
  readonly auth_method: string;
  readonly authorization_reference?: string;
  readonly location_id: string;
  readonly evse_uid: string;
  readonly connector_id: string;
  readonly meter_id?: string;
  readonly currency: string;
  readonly charging_periods?: readonly ChargingPeriod[];
  readonly total_cost?: Price;
  readonly status: string;
  readonly last_updated: string;
}

export interface Cdr {
  readonly country_code: string;
  readonly party_id: string;
  readonly id: string;
  readonly start_date_time: string;
  readonly end_date_time: string;
  readonly session_id?: string;
  readonly cdr_token: CdrToken;
  readonly auth_method: string;
  readonly authorization_reference?: string;
  readonly cdr_location: unknown;
  readonly meter_id?: string;
  readonly currency: string;
  readonly tariffs?: readonly Tariff[];
  readonly charging_periods: readonly ChargingPeriod[];
  readonly total_cost: Price;
  readonly total_fixed_cost?: Price;
  readonly total_energy: number;
  readonly total_energy_cost?: Price;
  readonly total_time: number;
  readonly total_time_cost?: Price;
  readonly total_parking_time?: number;
  readonly total_parking_cost?: Price;
  readonly remark?: string;
  readonly credit?: boolean;
  readonly last_updated: string;
}

export interface Token {
  readonly country_code: string;
  readonly party_id: string;
  readonly uid: string;
  readonly type: string;
  readonly contract_id: string;
  readonly visual_number?: string;
  readonly issuer: string;
  readonly group_id?: string;
  readonly valid: boolean;
  readonly whitelist: string;
  readonly language?: string;
  readonly default_profile_type?: string;
  readonly energy_contract?: { readonly supplier_name: string; readonly contract_id?: string };
  readonly last_updated: string;
}

/** Everything the reference CPO serves from its Sender interfaces, each list ordered oldest first (by creation). */
export interface CpoData {
  readonly locations: Location[];
  readonly tariffs: Tariff[];
  readonly sessions: Session[];
  readonly cdrs: Cdr[];
}
