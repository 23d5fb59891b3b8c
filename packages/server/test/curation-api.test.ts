import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@newsgraph/graph';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type CurationService } from '../src/index.ts';
import { demoDocuments, IDS } from './fixtures/demo-documents.ts';

// The routes over the real SQLite store's log; applying actions to articles (ingest's Curator)
// is tested in packages/ingest/test/curation.test.ts.
function logOnly(store: SqliteStore): CurationService {
  return {
    log: () => store.curationLog(),
    record: async (input) => ({ entry: await store.recordCuration(input), articlesRewritten: 0 }),
    undo: async (id, input) => ({ entry: await store.undoCuration(id, input), articlesRewritten: 0 }),
  };
}

describe('curation API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-curation-api-'));
  let store: SqliteStore;
  let open: FastifyInstance;
  let guarded: FastifyInstance;
  const token = 's3cret-token';
  const auth = { authorization: `Bearer ${token}` };

  beforeAll(async () => {
    store = await SqliteStore.open(join(dir, 'graph.db'));
    await store.writeArticles(demoDocuments());
    open = await buildApp({ store, curation: logOnly(store) });
    guarded = await buildApp({ store, curation: logOnly(store), token });
  });
  afterAll(async () => {
    await open.close();
    await guarded.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const merge = { action: { kind: 'merge', into: IDS.usa, from: IDS.treasury }, author: 'desk', reason: 'test' };

  it('takes no writes on a server without a token, and says how to allow them', async () => {
    const res = await open.inject({ method: 'POST', url: '/api/curation', payload: merge });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'forbidden' });
    expect(res.json().error.message).toMatch(/NEWSGRAPH_API_TOKEN/);
    expect(await store.curationLog()).toEqual([]);
  });

  it('needs the token in the Authorization header: not in the query string, not a wrong one', async () => {
    for (const res of [
      await guarded.inject({ method: 'POST', url: '/api/curation', payload: merge }),
      await guarded.inject({ method: 'POST', url: `/api/curation?token=${token}`, payload: merge }),
      await guarded.inject({ method: 'POST', url: '/api/curation', payload: merge, headers: { authorization: 'Bearer nope' } }),
    ]) {
      expect(res.statusCode).toBe(401);
    }
    expect(await store.curationLog()).toEqual([]);
  });

  it('records, lists (also by entity) and undoes an action', async () => {
    const res = await guarded.inject({ method: 'POST', url: '/api/curation', payload: merge, headers: auth });
    expect(res.statusCode).toBe(200);
    const { entry } = res.json();
    expect(entry).toMatchObject({ seq: 1, author: 'desk', reason: 'test', action: { kind: 'merge', into: IDS.usa, from: IDS.treasury }, undoneAt: null });
    await guarded.inject({ method: 'POST', url: '/api/curation', payload: { action: { kind: 'note', entity: IDS.iran, text: 'check' }, author: 'desk' }, headers: auth });

    const all = await guarded.inject({ method: 'GET', url: '/api/curation', headers: auth });
    expect(all.json().entries.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
    const aboutIran = await guarded.inject({ method: 'GET', url: `/api/curation?entity=${encodeURIComponent(IDS.iran)}`, headers: auth });
    expect(aboutIran.json().entries.map((e: { action: { kind: string } }) => e.action.kind)).toEqual(['note']);

    const undo = await guarded.inject({ method: 'POST', url: `/api/curation/${entry.id}/undo`, payload: { author: 'chief', reason: 'no' }, headers: auth });
    expect(undo.statusCode).toBe(200);
    expect(undo.json().entry).toMatchObject({ id: entry.id, undoneBy: 'chief', undoReason: 'no' });
    const again = await guarded.inject({ method: 'POST', url: `/api/curation/${entry.id}/undo`, payload: { author: 'chief' }, headers: auth });
    expect(again.statusCode).toBe(404);
    expect(again.json().error).toMatchObject({ code: 'not_found', parameter: 'id' });
  });

  it('answers a bad action with a 400 that names the field', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ action: { kind: 'merge', into: IDS.usa }, author: 'x' }, /from/],
      [{ action: { kind: 'explode' }, author: 'x' }, /one of merge, split-alias/],
      [{ action: { kind: 'reject-edge', subject: 'a', predicate: 'LOVES', object: 'b' }, author: 'x' }, /predicate/],
      [{ action: { kind: 'rename', entity: IDS.iran, name: 'x' }, author: '' }, /author/],
      [{ action: { kind: 'rename', entity: IDS.iran, name: 'x' }, author: 'x', extra: 1 }, /extra|additional/],
    ];
    for (const [payload, field] of cases) {
      const res = await guarded.inject({ method: 'POST', url: '/api/curation', payload: payload as object, headers: auth });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(res.json().error)).toMatch(field);
    }
  });

  it('serves no curation routes when the server has no curation service', async () => {
    const plain = await buildApp({ store });
    const res = await plain.inject({ method: 'GET', url: '/api/curation' });
    expect(res.statusCode).toBe(404);
    await plain.close();
  });
});
