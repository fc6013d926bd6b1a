import type { EmspStore } from './emsp-store.js';
import type { ModuleRoute } from './functional-endpoint.js';
import type { PartyContext } from './party-context.js';

// Placeholder for the helper writing this module; replaced before commit.
export function locationsReceiverRoutes(_party: PartyContext, _store: EmspStore): ModuleRoute[] {
  return [];
}
