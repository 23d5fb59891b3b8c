import type { MatchFeatures } from '@newsgraph/shared';
import type { GraphStore } from '../interfaces/graph-store.ts';

/** A listing as exports carry it: the same fields as `extract --jsonl --lists`. */
export interface ExportListing {
  list: string;
  id: string;
  score: number;
  features: MatchFeatures;
}

/** Most listed entities an export carries listings for (listed entities are few: a store's lists match a small share of the news). */
const MAX_LISTED = 10_000;

/** Listings of every listed entity, by entity id (empty for a store without lists). */
export async function exportListings(store: GraphStore): Promise<Map<string, ExportListing[]>> {
  const out = new Map<string, ExportListing[]>();
  if (!store.lists) return out;
  for (const { entity, listings } of await store.lists.listedEntities({ limit: MAX_LISTED })) {
    out.set(entity.id, listings.map((l) => ({ list: l.list, id: l.entryId, score: l.score, features: l.features })));
  }
  return out;
}

/** "ofac-sdn/16418 (1.000); un-sc/IRe.055 (0.912)": listings in one GraphML / CSV cell. */
export function listingsText(listings: readonly ExportListing[] | undefined): string {
  return (listings ?? []).map((l) => `${l.list}/${l.id} (${l.score.toFixed(3)})`).join('; ');
}
