import { InputError, type CurationAction, type CurationEntry } from '@newsgraph/shared';
import type { FastifyInstance } from 'fastify';
import { curationSchemas } from '../curation-schemas.ts';
import { ApiError } from '../http/api-error.ts';
import type { CurationService } from '../interfaces/server-options.ts';

/** Whether an entry names the entity in any of its fields. */
function namesEntity(action: CurationAction, id: string): boolean {
  return Object.values(action).some((v) => v === id);
}

/**
 * The curation endpoints. Reads are like every other route; writes are taken only when the
 * server was started with a token (the bearer check runs for every /api/* request then, from the
 * Authorization header alone), so a server open to reads is never open to writes.
 */
export function registerCurationRoutes(app: FastifyInstance, curation: CurationService, hasToken: boolean): void {
  const writable = () => {
    if (!hasToken) throw new ApiError(403, 'forbidden', 'this server takes no corrections: start it with NEWSGRAPH_API_TOKEN set, and send that token');
  };

  app.get<{ Querystring: { entity?: string } }>('/api/curation', { schema: curationSchemas.log }, async (request) => {
    const log = await curation.log();
    const entity = request.query.entity;
    return { entries: entity ? log.filter((e) => namesEntity(e.action, entity)) : log };
  });

  app.post<{ Body: { action: unknown; author: string; reason?: string } }>('/api/curation', { schema: curationSchemas.record }, async (request) => {
    writable();
    return curation.record(request.body);
  });

  app.post<{ Params: { id: string }; Body: { author: string; reason?: string } }>('/api/curation/:id/undo', { schema: curationSchemas.undo }, async (request) => {
    writable();
    try {
      return await curation.undo(request.params.id, request.body);
    } catch (error) {
      if (error instanceof InputError && /is not in the log or was undone already/.test(error.message)) {
        throw new ApiError(404, 'not_found', error.message, 'id');
      }
      throw error;
    }
  });
}

export type { CurationEntry };
