import type { Direction, EntityDetail, GraphStore, NeighborQuery } from '@newsgraph/graph';
import { pathPredicates, type EntityType, type Predicate } from '@newsgraph/shared';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../http/api-error.ts';
import { mapData } from '../map/map-data.ts';
import { routeSchemas } from '../schemas.ts';

/**
 * The read-only HTTP API over a GraphStore. Every endpoint maps to one store query with
 * parameters checked by the route's JSON schema; no endpoint accepts query text (Cypher or
 * SQL), so nothing a client sends is ever interpreted as a query.
 */

interface IdParams {
  id: string;
}

async function requireEntity(store: GraphStore, id: string, parameter = 'id'): Promise<EntityDetail> {
  const entity = await store.getEntity(id);
  if (!entity) throw new ApiError(404, 'not_found', `no entity with id ${JSON.stringify(id)}`, parameter);
  return entity;
}

function summary(entity: EntityDetail) {
  return { id: entity.id, type: entity.type, name: entity.name, aliases: entity.aliases, articleCount: entity.articleCount };
}

function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? list : undefined;
}

interface NeighborFilters {
  predicate?: Predicate[];
  type?: EntityType[];
  since?: string;
  until?: string;
  direction: Direction;
}

/** The filters neighbours, their pages and their group counts share, checked once. */
function neighborFilters(query: NeighborFilters): Omit<NeighborQuery, 'limit' | 'offset'> {
  const { predicate, type, since, until, direction } = query;
  if (since && until && since > until) {
    throw new ApiError(400, 'invalid_parameter', `parameter since (${since}) is after until (${until})`, 'since');
  }
  return { predicates: nonEmpty(predicate), types: nonEmpty(type), since, until, direction };
}

export function registerApiRoutes(app: FastifyInstance, store: GraphStore): void {
  app.get<{ Querystring: { q: string; type?: EntityType[]; limit: number } }>(
    '/api/search',
    { schema: routeSchemas.search },
    async (request) => {
      const { q, type, limit } = request.query;
      const query = q.trim();
      if (!query) throw new ApiError(400, 'invalid_parameter', 'parameter q must not be blank', 'q');
      return { results: await store.searchEntities(query, { types: nonEmpty(type), limit }) };
    },
  );

  app.get<{ Params: IdParams }>('/api/entities/:id', { schema: routeSchemas.entity }, async (request) =>
    requireEntity(store, request.params.id),
  );

  app.get<{
    Params: IdParams;
    Querystring: NeighborFilters & { limit: number; offset: number };
  }>('/api/entities/:id/neighbors', { schema: routeSchemas.neighbors }, async (request) => {
    const entity = await requireEntity(store, request.params.id);
    const { limit, offset } = request.query;
    const filters = neighborFilters(request.query);
    const [neighbors, counts] = await Promise.all([store.neighbors(entity.id, { ...filters, limit, offset }), store.neighborCounts(entity.id, filters)]);
    return { entity: summary(entity), neighbors, total: counts.total, offset };
  });

  app.get<{ Params: IdParams; Querystring: NeighborFilters }>(
    '/api/entities/:id/neighbor-groups',
    { schema: routeSchemas.neighborGroups },
    async (request) => {
      const entity = await requireEntity(store, request.params.id);
      const counts = await store.neighborCounts(entity.id, neighborFilters(request.query));
      return { entity: summary(entity), ...counts };
    },
  );

  app.get<{ Querystring: { from: string; to: string; maxHops: number; predicate?: Predicate[]; exclude?: Predicate[]; limit: number } }>(
    '/api/paths',
    { schema: routeSchemas.paths },
    async (request) => {
      const { from, to, maxHops, predicate, exclude, limit } = request.query;
      const predicates = pathPredicates(predicate, exclude);
      await requireEntity(store, from, 'from');
      await requireEntity(store, to, 'to');
      return { paths: await store.shortestPaths(from, to, { maxHops, limit, predicates }) };
    },
  );

  app.get<{ Querystring: { subject: string; predicate?: Predicate; object: string; limit: number } }>(
    '/api/evidence',
    { schema: routeSchemas.evidence },
    async (request) => {
      const { subject, predicate, object, limit } = request.query;
      await requireEntity(store, subject, 'subject');
      await requireEntity(store, object, 'object');
      return { evidence: await store.evidence({ subjectId: subject, predicate, objectId: object, limit }) };
    },
  );

  app.get<{ Params: IdParams }>('/api/entities/:id/timeline', { schema: routeSchemas.timeline }, async (request) => {
    const entity = await requireEntity(store, request.params.id);
    return { points: await store.timeline(entity.id) };
  });

  app.get<{ Params: IdParams; Querystring: { limit: number } }>(
    '/api/entities/:id/comentioned',
    { schema: routeSchemas.comentioned },
    async (request) => {
      const entity = await requireEntity(store, request.params.id);
      return { entities: await store.coMentioned(entity.id, { limit: request.query.limit }) };
    },
  );

  app.get<{ Querystring: { type?: EntityType[]; since?: string; limit: number } }>(
    '/api/top',
    { schema: routeSchemas.top },
    async (request) => {
      const { type, since, limit } = request.query;
      return { entities: await store.topEntities({ types: nonEmpty(type), since, limit }) };
    },
  );

  app.get<{ Params: IdParams }>('/api/articles/:id', { schema: routeSchemas.article }, async (request) => {
    const article = await store.getArticle(request.params.id);
    if (!article) throw new ApiError(404, 'not_found', `no article with id ${JSON.stringify(request.params.id)}`, 'id');
    return { article, publications: await store.listPublications(article.id) };
  });

  app.get<{ Querystring: { predicate?: Predicate[]; type?: EntityType[]; since?: string; until?: string; limit: number } }>(
    '/api/map',
    { schema: routeSchemas.map },
    async (request) => {
      const { predicate, type, since, until, limit } = request.query;
      if (since && until && since > until) {
        throw new ApiError(400, 'invalid_parameter', `parameter since (${since}) is after until (${until})`, 'since');
      }
      return mapData(store, { predicates: nonEmpty(predicate), types: nonEmpty(type), since, until, limit });
    },
  );

  app.get('/api/stats', { schema: routeSchemas.stats }, async () => ({ store: store.kind, ...(await store.stats()) }));
}
