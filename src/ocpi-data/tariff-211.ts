import { asciiJson } from './ascii-json.js';
import type { Tariff } from './ocpi-objects.js';

// The TariffRestrictions fields 2.1.1 has (2.2 added `reservation`).
const RESTRICTIONS = ['start_time', 'end_time', 'start_date', 'end_date', 'min_kwh', 'max_kwh', 'min_power', 'max_power', 'min_duration', 'max_duration', 'day_of_week'];

/** A TariffElement in 2.1.1: PriceComponents without `vat`, restrictions of the 2.1.1 fields. */
function element211(element: unknown): Record<string, unknown> {
  const { price_components: components, restrictions } = element as { price_components: ReadonlyArray<Record<string, unknown>>; restrictions?: Record<string, unknown> };
  const priceComponents = components.map(({ type, price, step_size }) => ({ type, price, step_size }));
  if (restrictions === undefined) return { price_components: priceComponents };
  return { price_components: priceComponents, restrictions: Object.fromEntries(Object.entries(restrictions).filter(([key]) => RESTRICTIONS.includes(key))) };
}

/**
 * A Tariff in its 2.1.1 shape: no owner fields (X4), no `type`, no `min_price`/`max_price`, no validity window (all
 * 2.2 additions); prices stay excluding VAT, as 2.1.1 defines them; every string ASCII.
 */
export function tariff211(tariff: Tariff): Record<string, unknown> & { readonly last_updated: string } {
  return asciiJson({
    id: tariff.id,
    currency: tariff.currency,
    ...(tariff.tariff_alt_text === undefined ? {} : { tariff_alt_text: tariff.tariff_alt_text }),
    ...(tariff.tariff_alt_url === undefined ? {} : { tariff_alt_url: tariff.tariff_alt_url }),
    elements: tariff.elements.map(element211),
    ...(tariff.energy_mix === undefined ? {} : { energy_mix: tariff.energy_mix }),
    last_updated: tariff.last_updated,
  });
}
