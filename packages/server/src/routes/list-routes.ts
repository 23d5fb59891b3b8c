import { listedExposure, type GraphStore, type ListStore } from '@newsgraph/graph';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../http/api-error.ts';
import { listRouteSchemas } from '../list-schemas.ts';

/** Most entity ids one /api/listings call takes. */
const MAX_IDS = 500;

function lists(store: GraphStore): ListStore {
  if (!store.lists) throw new ApiError(404, 'not_found', 'this store keeps no sanctions lists');
  return store.lists;
}

/** The sanctions-list endpoints (docs/api.md): read-only, every value a parameter. */
export function registerListRoutes(app: FastifyInstance, store: GraphStore): void {
  app.get('/api/lists', { schema: listRouteSchemas.lists }, async () => ({
    lists: (await lists(store).lists()).map((l) => ({
      ...l,
      versions: l.versions.map((v) => ({ versionDate: v.versionDate, importedAt: v.importedAt, entryCount: v.entryCount, added: v.added.length, removed: v.removed.length })),
    })),
  }));

  app.get<{ Querystring: { list?: string; program?: string; limit: number } }>('/api/listed', { schema: listRouteSchemas.listed }, async (request) => ({
    listed: await lists(store).listedEntities(request.query),
  }));

  app.get<{ Querystring: { ids: string } }>('/api/listings', { schema: listRouteSchemas.listings }, async (request) => {
    const ids = [...new Set(request.query.ids.split(',').map((s) => s.trim()).filter(Boolean))];
    if (ids.length > MAX_IDS) throw new ApiError(400, 'invalid_parameter', `at most ${MAX_IDS} ids (got ${ids.length})`, 'ids');
    return { listings: Object.fromEntries(await lists(store).listingsOfMany(ids)) };
  });

  app.get<{ Params: { id: string } }>('/api/entities/:id/listings', { schema: listRouteSchemas.entityListings }, async (request) => {
    if (!(await store.getEntity(request.params.id))) throw new ApiError(404, 'not_found', `no entity with id ${JSON.stringify(request.params.id)}`, 'id');
    return { listings: await lists(store).listingsOf(request.params.id) };
  });

  app.get<{ Params: { id: string }; Querystring: { maxHops: number; limit: number } }>('/api/entities/:id/exposure', { schema: listRouteSchemas.exposure }, async (request) => {
    if (!(await store.getEntity(request.params.id))) throw new ApiError(404, 'not_found', `no entity with id ${JSON.stringify(request.params.id)}`, 'id');
    lists(store);
    return { exposure: await listedExposure(store, request.params.id, request.query) };
  });
}
