import type { ChargeSite } from '../../src/runner/run-state.js';

/** Picks, from Locations as they stream by, where remote commands should act. */
export interface SiteChooser {
  consider(location: unknown): void;
  chosen(): ChargeSite | undefined;
}

interface EvseView {
  readonly uid?: unknown;
  readonly status?: unknown;
  readonly capabilities?: unknown;
  readonly connectors?: ReadonlyArray<{ readonly id?: unknown }>;
}

// Best first: an available EVSE that says it can be started remotely; then any available one; then any at all.
function rank(evse: EvseView): number {
  const capable = Array.isArray(evse.capabilities) && evse.capabilities.includes('REMOTE_START_STOP_CAPABLE');
  const available = evse.status === 'AVAILABLE';
  return available && capable ? 0 : available ? 1 : 2;
}

/**
 * Chooses the charge site: the user's `--test-location`/`--test-evse` when given (found among the Locations), else
 * the best-ranked EVSE seen; always one with a connector, since commands name one.
 */
export function chooseChargeSite(wanted?: { readonly locationId: string; readonly evseUid?: string }): SiteChooser {
  let best: { site: ChargeSite; rank: number } | undefined;
  return {
    consider(location) {
      const { id, evses } = (location ?? {}) as { id?: unknown; evses?: unknown };
      if (typeof id !== 'string' || !Array.isArray(evses) || (best?.rank ?? 3) === 0) return;
      if (wanted && wanted.locationId.toUpperCase() !== id.toUpperCase()) return;
      for (const evse of evses as EvseView[]) {
        const connectorId = evse?.connectors?.[0]?.id;
        if (typeof evse?.uid !== 'string' || typeof connectorId !== 'string') continue;
        if (wanted?.evseUid && wanted.evseUid.toUpperCase() !== evse.uid.toUpperCase()) continue;
        const score = wanted ? 0 : rank(evse);
        if (!best || score < best.rank) best = { site: { locationId: id, evseUid: evse.uid, connectorId }, rank: score };
      }
    },
    chosen: () => best?.site,
  };
}
