import type { EntityDetail, ExportEdge, GraphStore } from '@newsgraph/graph';
import type { EntityType, Predicate } from '@newsgraph/shared';
import { countryCentre } from './country-centres.ts';

/** The relations the map draws as arrows: goods moving between places. */
export const MAP_PREDICATES: readonly Predicate[] = ['SUPPLIES', 'SHIPPED_VIA'];

export interface MapQuery {
  /** Narrows MAP_PREDICATES (the explorer passes its relation filters). */
  predicates?: Predicate[];
  /** Both ends of an arrow must be of these types. */
  types?: EntityType[];
  since?: string;
  until?: string;
  /** Strongest arrows kept. */
  limit: number;
}

/**
 * How a point got its position: its own `lat`/`lon` (Places), its country's outline (Countries,
 * by `iso`), or the country it belongs to (an organisation's or a place's `country`/`countryIso`).
 */
export type Placement = 'coordinates' | 'country' | 'country-of';

export interface MapPoint {
  id: string;
  type: EntityType;
  name: string;
  articleCount: number;
  placement: Placement | null;
  /** WGS84; for countries the package's reference point, which the page replaces by the outline's centroid. */
  lat: number | null;
  lon: number | null;
  /** ISO 3166-1 alpha-2 and numeric of the country the point is, or is placed in. */
  iso: string | null;
  isoNumeric: string | null;
}

export interface MapData {
  points: MapPoint[];
  edges: Array<Pick<ExportEdge, 'subjectId' | 'predicate' | 'objectId' | 'articleCount'>>;
  /**
   * SHIPPED_VIA edges whose hub has a position but whose subject (usually goods) has none: drawn
   * as a transit ring on the hub rather than as an arrow.
   */
  transit: Array<{ subjectId: string; subjectName: string; objectId: string; articleCount: number }>;
  /** Edges left out because an end has no position (and they are no transit). */
  unplaced: number;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function alpha2(value: unknown): string | null {
  return typeof value === 'string' && /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : null;
}

/** Where an entity goes on the map, from the attributes the entities work sets. */
export async function placeEntity(entity: EntityDetail): Promise<MapPoint> {
  const a = entity.attributes ?? {};
  const base = { id: entity.id, type: entity.type, name: entity.name, articleCount: entity.articleCount };
  const lat = finite(a.lat);
  const lon = finite(a.lon);
  const ownIso = entity.type === 'Country' ? alpha2(a.iso) : null;
  const homeIso = ownIso ?? alpha2(a.countryIso) ?? alpha2(a.country);
  const centre = homeIso ? await countryCentre(homeIso) : undefined;
  const iso = centre ? homeIso : null;
  const isoNumeric = centre?.numeric ?? null;
  if (entity.type !== 'Country' && lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
    return { ...base, placement: 'coordinates', lat, lon, iso, isoNumeric };
  }
  if (!centre) return { ...base, placement: null, lat: null, lon: null, iso: null, isoNumeric: null };
  return { ...base, placement: ownIso ? 'country' : 'country-of', lat: centre.lat, lon: centre.lon, iso, isoNumeric };
}

/**
 * SUPPLIES and SHIPPED_VIA edges between entities that have a place on the map, filtered like
 * the graph (predicates, types of both ends, article dates), strongest first. Counts are over
 * the articles in the date window.
 */
export async function mapData(store: GraphStore, query: MapQuery): Promise<MapData> {
  const predicates = MAP_PREDICATES.filter((p) => !query.predicates || query.predicates.includes(p));
  if (predicates.length === 0) return { points: [], edges: [], transit: [], unplaced: 0 };
  const candidates: ExportEdge[] = [];
  for await (const edge of store.exportEdges({ since: query.since, types: query.types })) {
    if (predicates.includes(edge.predicate)) candidates.push(edge);
  }
  let edges = candidates.map(({ subjectId, predicate, objectId, articleCount }) => ({ subjectId, predicate, objectId, articleCount }));
  if (query.until) {
    // Exports bound only the start of the window: recount each subject's edges over the whole window.
    const subjects = [...new Set(candidates.map((e) => e.subjectId))];
    edges = [];
    for (const subjectId of subjects) {
      const rows = await store.neighbors(subjectId, { predicates, types: query.types, since: query.since, until: query.until, direction: 'out', limit: 500 });
      for (const n of rows) edges.push({ subjectId, predicate: n.predicate, objectId: n.entity.id, articleCount: n.articleCount });
    }
  }
  const points = new Map<string, MapPoint>();
  const placed = async (id: string): Promise<MapPoint | null> => {
    if (!points.has(id)) {
      const entity = await store.getEntity(id);
      if (!entity) return null;
      points.set(id, await placeEntity(entity));
    }
    const point = points.get(id)!;
    return point.placement ? point : null;
  };
  edges.sort((a, b) => b.articleCount - a.articleCount || a.subjectId.localeCompare(b.subjectId) || a.objectId.localeCompare(b.objectId) || a.predicate.localeCompare(b.predicate));
  const kept: MapData['edges'] = [];
  const transit: MapData['transit'] = [];
  let unplaced = 0;
  for (const edge of edges) {
    if (kept.length + transit.length >= query.limit) break;
    const [s, o] = [await placed(edge.subjectId), await placed(edge.objectId)];
    if (s && o) kept.push(edge);
    else if (o && edge.predicate === 'SHIPPED_VIA') {
      const subjectName = points.get(edge.subjectId)?.name ?? edge.subjectId;
      transit.push({ subjectId: edge.subjectId, subjectName, objectId: edge.objectId, articleCount: edge.articleCount });
    } else unplaced += 1;
  }
  const used = new Set([...kept.flatMap((e) => [e.subjectId, e.objectId]), ...transit.map((t) => t.objectId)]);
  return { points: [...points.values()].filter((p) => used.has(p.id)), edges: kept, transit, unplaced };
}
