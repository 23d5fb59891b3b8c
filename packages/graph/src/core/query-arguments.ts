import { ENTITY_TYPES, InputError, MODALITIES, PREDICATES, isEntityType, isModality, isPredicate, type EntityType, type Modality, type Predicate } from '@newsgraph/shared';
import type { Direction, EvidenceQuery, ExportFilter, NeighborQuery, PathQuery, TopQuery } from '../interfaces/graph-store.ts';
import { foldForSearch } from '../search-keys.ts';
import { sinceBound, untilBound } from '../store-dates.ts';
import { checkLimit } from './store-limits.ts';
import { normalizeEdgeEnds } from './symmetric-edges.ts';

/**
 * A caller's query checked and completed with defaults, once, by the store core: backends get
 * only these (lists validated against the closed sets, dates as UTC instants, limits in range).
 */

export interface SearchArgs {
  /** The folded query (search-keys.ts); never blank. */
  prefix: string;
  types: EntityType[] | null;
  limit: number;
}

export interface NeighborArgs {
  id: string;
  /** Entity-to-entity predicates to read from the edges; null: all of them. */
  predicates: Predicate[] | null;
  /** REPORTED_BY was asked for explicitly (derived from articles, see GraphStore). */
  reportedBy: boolean;
  types: EntityType[] | null;
  direction: Direction;
  /** UTC instants, inclusive. */
  since: string | null;
  until: string | null;
  /** Rows wanted from the start of the order: the caller's offset + limit. */
  limit: number;
}

export interface PathArgs {
  maxHops: number;
  limit: number;
  /** The predicates a path may use; null: all. Never empty. */
  predicates: Predicate[] | null;
}

export interface EvidenceArgs {
  /** Symmetric predicates: already subject < object. */
  subjectId: string;
  objectId: string;
  predicate: Predicate | null;
  /** null: every modality. */
  modalities: Modality[] | null;
  limit: number;
}

export interface TopArgs {
  types: EntityType[] | null;
  since: string | null;
  limit: number;
}

export interface ExportArgs {
  types: EntityType[] | null;
  since: string | null;
}

function list<T extends string>(values: readonly unknown[] | undefined, name: string, valid: (v: unknown) => v is T, all: readonly T[]): T[] | null {
  if (values === undefined || values === null) return null;
  if (!Array.isArray(values)) throw new InputError(name, `must be a list of ${all.join(', ')}`);
  for (const v of values) if (!valid(v)) throw new InputError(`${name} ${JSON.stringify(v)}`, `not one of ${all.join(', ')}`);
  if (values.length === 0) return null;
  return [...new Set(values as T[])];
}

export const entityTypeList = (values: readonly unknown[] | undefined, name = 'type') => list(values, name, isEntityType, ENTITY_TYPES);
export const predicateList = (values: readonly unknown[] | undefined, name = 'predicate') => list(values, name, isPredicate, PREDICATES);

export function searchArgs(query: string, options: { types?: EntityType[]; limit?: number }): SearchArgs | null {
  const limit = checkLimit(options.limit, 'search');
  const types = entityTypeList(options.types);
  const prefix = foldForSearch(String(query ?? ''));
  return prefix ? { prefix, types, limit } : null;
}

export function checkDirection(value: unknown): Direction {
  const direction = value ?? 'both';
  if (direction !== 'out' && direction !== 'in' && direction !== 'both') throw new InputError('direction', `must be out, in or both (got ${String(direction)})`);
  return direction;
}

export function neighborArgs(id: string, query: NeighborQuery, paging = true): { args: NeighborArgs; offset: number } {
  const direction = checkDirection(query.direction);
  const limit = paging ? checkLimit(query.limit, 'neighbors') : 1;
  const offset = paging ? checkLimit(query.offset, 'neighborsOffset', 'offset') : 0;
  const asked = predicateList(query.predicates);
  const reportedBy = asked?.includes('REPORTED_BY') ?? false;
  const predicates = asked === null ? null : asked.filter((p) => p !== 'REPORTED_BY');
  return {
    args: {
      id: String(id),
      predicates,
      reportedBy,
      types: entityTypeList(query.types),
      direction,
      since: sinceBound(query.since) ?? null,
      until: untilBound(query.until) ?? null,
      limit: limit + offset,
    },
    offset,
  };
}

export function pathArgs(query: PathQuery): PathArgs {
  const maxHops = checkLimit(query.maxHops, 'maxHops', 'maxHops');
  const limit = checkLimit(query.limit, 'paths');
  const only = predicateList(query.predicates, 'predicates');
  const excluded = predicateList(query.excludePredicates, 'excludePredicates');
  if (excluded === null) return { maxHops, limit, predicates: only };
  const predicates = (only ?? [...PREDICATES]).filter((p) => !excluded.includes(p));
  if (predicates.length === 0) throw new InputError('excludePredicates', 'excludes every predicate the path may use');
  return { maxHops, limit, predicates };
}

export function evidenceArgs(query: EvidenceQuery): EvidenceArgs {
  const limit = checkLimit(query.limit, 'evidence');
  const predicate = query.predicate === undefined || query.predicate === null ? null : predicateList([query.predicate])![0]!;
  const modalities = list(query.modalities, 'modality', isModality, MODALITIES);
  let subjectId = String(query.subjectId);
  let objectId = String(query.objectId);
  if (predicate !== null) [subjectId, objectId] = normalizeEdgeEnds(subjectId, predicate, objectId);
  return { subjectId, objectId, predicate, modalities, limit };
}

export function topArgs(query: TopQuery): TopArgs {
  return { types: entityTypeList(query.types), since: sinceBound(query.since) ?? null, limit: checkLimit(query.limit, 'top') };
}

export function exportArgs(filter: ExportFilter): ExportArgs {
  return { types: entityTypeList(filter.types), since: sinceBound(filter.since, 'since') ?? null };
}
