import { ocpiNow } from '../schemas/ocpi-datetime.js';
import type { DisplayText, Price, Tariff } from './ocpi-objects.js';
import type { SeededRandom } from './seeded-random.js';

/** A TariffDimensionType: what a price component charges for. */
export type TariffDimension = 'ENERGY' | 'FLAT' | 'PARKING_TIME' | 'TIME';

/** TariffRestrictions: when an element applies (times and dates are local to the location). */
export interface TariffRestrictions {
  readonly start_time?: string;
  readonly end_time?: string;
  readonly start_date?: string;
  readonly end_date?: string;
  readonly min_kwh?: number;
  readonly max_kwh?: number;
  readonly min_power?: number;
  readonly max_power?: number;
  readonly min_duration?: number;
  readonly max_duration?: number;
  readonly day_of_week?: readonly string[];
}

/** PriceComponent: a price per unit excluding VAT; step_size is in Wh for ENERGY and seconds for the times. */
export interface PriceComponent {
  readonly type: TariffDimension;
  readonly price: number;
  readonly vat?: number;
  readonly step_size: number;
}

/** TariffElement: price components and the restrictions under which they apply. */
export interface TariffElement {
  readonly price_components: readonly PriceComponent[];
  readonly restrictions?: TariffRestrictions;
}

/** A generated Tariff with its elements typed, so that sessions can be priced by it. */
export interface GeneratedTariff extends Tariff {
  readonly elements: readonly TariffElement[];
}

/** What generateTariffs needs; times are epoch seconds. */
export interface GenerateTariffsOptions {
  readonly random: SeededRandom;
  readonly countryCode: string;
  readonly partyId: string;
  readonly count: number;
  /** last_updated values are spread over [from, to). */
  readonly from: number;
  readonly to: number;
}

// A price component to draw: dimension, lowest and highest price excluding VAT, step size.
type ComponentTemplate = readonly [TariffDimension, number, number, number];

interface ElementTemplate {
  readonly components: readonly ComponentTemplate[];
  // 'promo' stands for a start_date/end_date window around the time of generation.
  readonly restrictions?: TariffRestrictions | 'promo';
}

interface TariffTemplate {
  readonly type: string;
  readonly elements: readonly ElementTemplate[];
  // Ad-hoc payment at a terminal has a minimum and a maximum charge.
  readonly capped?: boolean;
}

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];

// Six templates, so that the default six tariffs cover every dimension, restriction kind and tariff type.
const TEMPLATES: readonly TariffTemplate[] = [
  {
    type: 'REGULAR',
    elements: [
      { components: [['ENERGY', 0.29, 0.39, 1]] },
      { components: [['PARKING_TIME', 1.5, 3, 300]], restrictions: { start_time: '09:00', end_time: '18:00', day_of_week: WEEKDAYS } },
    ],
  },
  {
    type: 'PROFILE_FAST',
    elements: [
      { components: [['FLAT', 0.35, 0.99, 1], ['ENERGY', 0.49, 0.69, 1]] },
      { components: [['TIME', 6, 12, 60]], restrictions: { min_duration: 2_700 } },
    ],
  },
  {
    type: 'PROFILE_CHEAP',
    elements: [
      { components: [['ENERGY', 0.15, 0.2, 1]], restrictions: 'promo' },
      { components: [['ENERGY', 0.21, 0.27, 1]], restrictions: { start_time: '23:00', end_time: '07:00' } },
      { components: [['ENERGY', 0.32, 0.38, 1]] },
    ],
  },
  { type: 'AD_HOC_PAYMENT', capped: true, elements: [{ components: [['FLAT', 0.5, 1.5, 1], ['ENERGY', 0.59, 0.79, 1]] }] },
  {
    type: 'REGULAR',
    elements: [
      { components: [['ENERGY', 0.38, 0.42, 1]], restrictions: { max_kwh: 20 } },
      { components: [['ENERGY', 0.32, 0.36, 1]], restrictions: { min_kwh: 20 } },
      { components: [['PARKING_TIME', 0.5, 1.5, 900]], restrictions: { min_duration: 14_400 } },
    ],
  },
  {
    type: 'PROFILE_FAST',
    elements: [
      { components: [['ENERGY', 0.42, 0.49, 1]], restrictions: { max_power: 50 } },
      { components: [['ENERGY', 0.59, 0.74, 1]], restrictions: { min_power: 50 } },
      { components: [['TIME', 6, 9, 60]], restrictions: { min_duration: 3_600, max_duration: 86_400 } },
    ],
  },
];

const VAT = 21;
const DAY = 86_400;

/** Tariffs `TAR01`… in EUR, cycling through templates with seeded prices, ordered by (strictly increasing) last_updated. */
export function generateTariffs(options: GenerateTariffsOptions): GeneratedTariff[] {
  const { random, count } = options;
  const width = Math.max(2, String(count).length);
  const promo = { start_date: dateOf(options.to - random.int(5, 40) * DAY), end_date: dateOf(options.to + random.int(20, 60) * DAY) };
  return random.ascending(count, options.from, options.to).map((lastUpdated, index) => {
    const template = TEMPLATES[index % TEMPLATES.length] as TariffTemplate;
    const elements = template.elements.map((element) => drawElement(random, element, promo));
    const id = `TAR${String(index + 1).padStart(width, '0')}`;
    return {
      country_code: options.countryCode,
      party_id: options.partyId,
      id,
      currency: 'EUR',
      type: template.type,
      tariff_alt_text: describe(elements),
      ...(random.chance(0.5) ? { tariff_alt_url: `https://www.example.com/tariffs/${id.toLowerCase()}` } : {}),
      ...(template.capped ? { min_price: withVat(1), max_price: withVat(random.int(40, 60)) } : {}),
      elements,
      // Some tariffs say since when they apply: the day they were last changed.
      ...(random.chance(0.3) ? { start_date_time: ocpiNow(new Date((lastUpdated - (lastUpdated % DAY)) * 1000)) } : {}),
      last_updated: ocpiNow(new Date(lastUpdated * 1000)),
    };
  });
}

function drawElement(random: SeededRandom, template: ElementTemplate, promo: TariffRestrictions): TariffElement {
  const price_components = template.components.map(([type, min, max, step_size]) => ({ type, price: random.between(min, max, 2), vat: VAT, step_size }));
  if (template.restrictions === undefined) return { price_components };
  return { price_components, restrictions: template.restrictions === 'promo' ? promo : template.restrictions };
}

const UNITS: Readonly<Record<TariffDimension, readonly [string, string]>> = {
  ENERGY: ['per kWh', 'per kWh'],
  FLAT: ['per session', 'per sessie'],
  PARKING_TIME: ['per hour parked', 'per uur parkeren'],
  TIME: ['per hour charging', 'per uur laden'],
};

// The alternative text a driver sees: every price in English and Dutch, flagged when a restriction applies.
function describe(elements: readonly TariffElement[]): DisplayText[] {
  const languages = [['en', 0, 'Excl. VAT', 'conditions apply'], ['nl', 1, 'Excl. btw', 'onder voorwaarden']] as const;
  return languages.map(([language, unit, vatNote, conditional]) => {
    const prices = elements.flatMap((element) =>
      element.price_components.map((component) => `€${component.price.toFixed(2)} ${UNITS[component.type][unit]}${element.restrictions ? ` (${conditional})` : ''}`),
    );
    return { language, text: `${vatNote}: ${prices.join('; ')}` };
  });
}

function withVat(exclVat: number): Price {
  return { excl_vat: exclVat, incl_vat: Math.round(exclVat * (100 + VAT)) / 100 };
}

function dateOf(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
