import { InputError, PREDICATES, type Listing } from '@newsgraph/shared';
import type { EntitySummary, GraphPath, GraphStore } from '../interfaces/graph-store.ts';
import { checkLimit } from '../core/store-limits.ts';
import { storeLists } from './list-replacement.ts';

export interface ExposureQuery {
  /** Longest path, in edges (1..6, default 4). */
  maxHops?: number;
  /** Listed entities to report, nearest first (default 5). */
  limit?: number;
  /** Stop exploring after this many entities (hub-heavy graphs); fewer targets may then be found. */
  maxVisited?: number;
}

export interface Exposure {
  /** A listed entity at `hops` edges from the queried one. */
  target: EntitySummary;
  hops: number;
  listings: Listing[];
  /** The strongest shortest path to it (nodes from the queried entity to the target). */
  path: GraphPath;
}

const DEFAULT_MAX_VISITED = 20_000;
/** Every entity-to-entity predicate: an outlet that reported on two entities does not connect them. */
const CONNECTING = PREDICATES.filter((p) => p !== 'REPORTED_BY');
/** Neighbour rows read per entity while exploring. */
const NEIGHBORS_PER_NODE = 1000;

/**
 * Shortest paths from an entity to the nearest listed entities ("how close is this company to
 * anyone sanctioned?"): breadth-first over edges in either direction, through GraphStore queries
 * only, so it works on every store. The queried entity itself counts (hops 0) when it is listed.
 * Ordered by hops, then target name, id.
 */
export async function listedExposure(store: GraphStore, entityId: string, query: ExposureQuery = {}): Promise<Exposure[]> {
  const maxHops = checkLimit(query.maxHops, 'maxHops', 'maxHops');
  const limit = checkLimit(query.limit, 'paths');
  const maxVisited = query.maxVisited ?? DEFAULT_MAX_VISITED;
  if (!Number.isInteger(maxVisited) || maxVisited < 1) throw new InputError('maxVisited', 'must be a positive whole number');
  const lists = storeLists(store);
  const start = await store.getEntity(entityId);
  if (!start) return [];
  const listed = new Map((await lists.listedEntities({ limit: 10_000 })).map((l) => [l.entity.id, l]));
  if (listed.size === 0) return [];
  const found: Array<{ id: string; hops: number }> = [];
  const visited = new Set([entityId]);
  if (listed.has(entityId)) found.push({ id: entityId, hops: 0 });
  let frontier = [entityId];
  for (let hops = 1; hops <= maxHops && found.length < limit && frontier.length && visited.size < maxVisited; hops++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of await store.neighbors(id, { limit: NEIGHBORS_PER_NODE, predicates: CONNECTING })) {
        if (visited.has(n.entity.id)) continue;
        visited.add(n.entity.id);
        next.push(n.entity.id);
        if (listed.has(n.entity.id)) found.push({ id: n.entity.id, hops });
      }
      if (visited.size >= maxVisited) break;
    }
    frontier = next;
  }
  const out: Exposure[] = [];
  for (const { id, hops } of found) {
    const target = listed.get(id)!;
    const [path] = hops === 0 ? [{ nodes: [target.entity], edges: [] }] : await store.shortestPaths(entityId, id, { maxHops: hops, limit: 1, predicates: CONNECTING });
    if (path) out.push({ target: target.entity, hops, listings: target.listings, path });
  }
  out.sort((a, b) => a.hops - b.hops || (a.target.name < b.target.name ? -1 : a.target.name > b.target.name ? 1 : 0) || (a.target.id < b.target.id ? -1 : 1));
  return out.slice(0, limit);
}
