import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, loadConfig, type ArticleDocument } from '@newsgraph/shared';
import { syntheticDocuments } from '../src/bench/synthetic-news-workload.ts';
import { openStore } from '../src/open-store.ts';
import { LATEST_SCHEMA_VERSION } from '../src/sqlite/migrations.ts';
import { findShortestPaths } from '../src/core/path-search.ts';
import { describeCurationContract } from './curation-contract.ts';
import { describeAliasIndexContract } from './alias-contract.ts';
import { SqliteStore } from '../src/sqlite/sqlite-store.ts';
import { describeGraphStoreContract } from './store-contract.ts';
import { A1, ID, baseDocuments, buildDocument } from './store-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-sqlite-'));
let counter = 0;
const freshPath = () => join(dir, `store-${++counter}`, 'graph.db');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeGraphStoreContract('sqlite', () => SqliteStore.open(freshPath()));
describeCurationContract('sqlite', () => SqliteStore.open(freshPath()));
describeAliasIndexContract('sqlite', () => SqliteStore.open(freshPath()));

describe('SqliteStore (SQLite specifics)', () => {
  it('creates parent directories, migrates once, and migrating again is a no-op', async () => {
    const path = freshPath();
    const store = await SqliteStore.open(path);
    expect(store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    await store.migrate();
    await store.migrate();
    await store.close();
    const db = new DatabaseSync(path);
    const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    db.close();
    expect(applied).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => ({ version: i + 1 })));
  });

  it('writes an article and its alias record in one transaction: a failure at the record leaves neither', async () => {
    const path = freshPath();
    const store = await SqliteStore.open(path);
    try {
      await store.writeArticles(baseDocuments());
      // Another connection makes the record's insert fail after the article's rows are written,
      // where a kill used to fall between two transactions.
      const other = new DatabaseSync(path);
      other.exec(`CREATE TRIGGER fail_alias BEFORE INSERT ON alias_learning BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);
      const a6 = buildDocument({ ...A1, id: 'art-a6' });
      const before = await store.stats();
      await expect(store.writeArticle(a6, { learning: { v: 1 }, events: [] })).rejects.toThrow(/simulated crash/);
      expect(await store.getArticle(a6.article.id)).toBeNull();
      expect(await store.stats()).toEqual(before);
      other.exec('DROP TRIGGER fail_alias');
      other.close();
      const written = await store.writeArticle(a6, { learning: { v: 1 }, events: [] });
      expect(written.status).toBe('inserted');
      expect((await store.aliases.learningsOf([a6.article.id])).map((r) => r.seq)).toEqual([written.aliasSeq]);
    } finally {
      await store.close();
    }
  });

  it('migrates a store written before the alias index (schema 3): data intact, the index empty and writable', async () => {
    const path = freshPath();
    const first = await SqliteStore.open(path);
    await first.writeArticles(baseDocuments());
    const stats = await first.stats();
    await first.close();
    // Migrations 1-3 are unchanged since their release: this is what such a store holds.
    const old = new DatabaseSync(path);
    old.exec('DROP TABLE alias_events; DROP TABLE alias_learning; DELETE FROM schema_migrations WHERE version > 3; PRAGMA user_version = 3');
    old.close();
    const store = await SqliteStore.open(path);
    try {
      expect(store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      expect(await store.stats()).toEqual(stats);
      expect(await store.aliases.learnings()).toEqual([]);
      await store.aliases.record(A1.id, { version: 1 }, [{ kind: 'resolved', entityId: ID.blinken, alias: 'Blinken', reason: 'why' }]);
      expect((await store.getEntity(ID.blinken))?.corpusAliases).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('keeps data across reopening the file', async () => {
    const path = freshPath();
    const first = await SqliteStore.open(path);
    await first.writeArticles(baseDocuments());
    const stats = await first.stats();
    await first.close();
    const second = await SqliteStore.open(path);
    expect(await second.stats()).toEqual(stats);
    expect((await second.writeArticle(buildDocument(A1))).status).toBe('unchanged');
    expect((await second.neighbors(ID.china)).length).toBe(3);
    await second.close();
  });

  it('lets two connections (e.g. a crawler and the CLI) write the same file in turn', async () => {
    const path = freshPath();
    const [one, two] = [await SqliteStore.open(path), await SqliteStore.open(path)];
    const docs = baseDocuments();
    await one.writeArticles(docs.slice(0, 2));
    expect(await two.writeArticles(docs.slice(1))).toEqual([
      { articleId: docs[1]!.article.id, status: 'unchanged' },
      { articleId: docs[2]!.article.id, status: 'inserted' },
      { articleId: docs[3]!.article.id, status: 'inserted' },
    ]);
    const reference = await SqliteStore.open(freshPath());
    await reference.writeArticles(baseDocuments());
    expect(await one.stats()).toEqual(await reference.stats());
    expect(await one.neighbors(ID.china)).toEqual(await reference.neighbors(ID.china));
    for (const store of [one, two, reference]) await store.close();
  });

  it('refuses a file that is not a SQLite database, naming it', async () => {
    const path = join(dir, 'not-a-db.db');
    writeFileSync(path, 'this is a text file, not a database\n'.repeat(200));
    const error = await SqliteStore.open(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(/not a SQLite database/);
  });

  it('refuses a database from a newer schema version, naming the file', async () => {
    const path = freshPath();
    (await SqliteStore.open(path)).close();
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    await expect(SqliteStore.open(path)).rejects.toThrow(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*newer`));
  });

  it('refuses an article with more mentions than its row-id range before writing any document of the call', async () => {
    const store = await SqliteStore.open(freshPath(), { batchRows: 50 });
    const [first, second] = baseDocuments();
    const huge = structuredClone(second!);
    const m = huge.mentions[0]!;
    huge.mentions = Array.from({ length: 65_536 }, () => ({ ...m }));
    await expect(store.writeArticles([first!, huge])).rejects.toThrow(/article art-a2: more than 65535 mentions or claims in one article/);
    expect((await store.stats()).articles).toBe(0);
    await store.close();
  });

  it('rolls back a failing write: nothing already stored changes', async () => {
    const store = await SqliteStore.open(freshPath());
    await store.writeArticles(baseDocuments());
    const before = await store.stats();
    const china = await store.getEntity(ID.china);
    // A trigger makes the claim insert fail half-way through the article's transaction,
    // after its old mentions and claims were already deleted.
    const db = (store as unknown as { backend: { db: DatabaseSync } }).backend.db;
    db.exec(`CREATE TEMP TRIGGER fail_claims BEFORE INSERT ON claims BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    const changed = buildDocument({ ...A1, sentences: [{ text: 'Antony Blinken visited China again.', claims: [[ID.blinken, 'VISITED', ID.china]] }] });
    await expect(store.writeArticle(changed)).rejects.toThrow(/injected failure/);
    await expect(store.writeArticles([buildDocument({ ...A1, id: 'art-new' })])).rejects.toThrow(/injected failure/);
    db.exec('DROP TRIGGER fail_claims');
    expect(await store.stats()).toEqual(before);
    expect(await store.getEntity(ID.china)).toEqual(china);
    expect(await store.getArticle('art-new')).toBeNull();
    expect((await store.getArticle(A1.id))?.text).toBe(buildDocument(A1).article.text);
    expect((await store.writeArticle(changed)).status).toBe('updated');
    await store.close();
  });

  it('openStore opens the configured SQLite file relative to cwd', async () => {
    const cwd = join(dir, 'cwd');
    const config = loadConfig({ env: { NEWSGRAPH_DB: './data/x.db' }, cwd });
    const store = await openStore(config, { cwd });
    expect(store.kind).toBe('sqlite');
    expect((store as SqliteStore).path).toBe(join(cwd, 'data', 'x.db'));
    await store.close();
  });

  it('uses indexes for search, neighbours and path steps (no full scans)', async () => {
    const store = await SqliteStore.open(freshPath());
    const db = (store as unknown as { backend: { db: DatabaseSync } }).backend.db;
    const plan = (sql: string, ...params: string[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    expect(plan('SELECT rid FROM entity_names WHERE key >= ? AND key < ?', 'a', 'b')).toMatch(/SEARCH entity_names USING (COVERING )?(INDEX|PRIMARY KEY)/);
    expect(plan('SELECT object_rid FROM edges WHERE subject_rid = ?1 UNION ALL SELECT subject_rid FROM edges WHERE object_rid = ?1', 'x')).not.toMatch(/SCAN edges/);
    expect(plan('SELECT count(*) FROM article_entities WHERE rid = ?', 'x')).not.toMatch(/SCAN/);
    await store.close();
  });
});

describe('SqliteStore on a skewed synthetic graph', () => {
  it('answers neighbours through the strong-edge indexes exactly as a full read would', async () => {
    const store = await SqliteStore.open(freshPath());
    const docs = [...syntheticDocuments({ relationships: 4000, seed: 7 })];
    await store.writeArticles(docs);
    const ids = [...new Set(docs.flatMap((d) => d.claims.flatMap((c) => [c.subjectId, c.objectId])))].slice(0, 60);
    expect(ids).toContain('country:RU');
    for (const id of ids) {
      const all = await store.neighbors(id, { limit: 10_000 });
      for (const limit of [1, 3, 10]) expect(await store.neighbors(id, { limit })).toEqual(all.slice(0, limit));
      for (const filter of [
        { types: ['Person' as const] },
        { direction: 'in' as const },
        { direction: 'out' as const, predicates: ['SANCTIONS' as const, 'SUPPLIES' as const] },
        { since: '2023-06-01' },
        { since: '2023-03-01', until: '2024-06-30' },
        { until: '2023-02-15', types: ['Country' as const] },
      ]) {
        const full = await store.neighbors(id, { ...filter, limit: 10_000 });
        expect(await store.neighbors(id, { ...filter, limit: 5 })).toEqual(full.slice(0, 5));
      }
    }
    const hub = await store.neighbors('country:RU', { limit: 10 });
    expect(hub[0]!.articleCount).toBeGreaterThan(1);
    for (let i = 1; i < hub.length; i++) expect(hub[i - 1]!.articleCount).toBeGreaterThanOrEqual(hub[i]!.articleCount);
    await store.close();
  });

  it('keeps aggregates equal to a recount from claims after replacing articles, with no dangling rows', async () => {
    const store = await SqliteStore.open(freshPath());
    const docs = [...syntheticDocuments({ relationships: 2000, seed: 11 })];
    await store.writeArticles(docs);
    // Replace every third article by another article's content (different hash, entities, claims).
    const replaced = docs.filter((_, i) => i % 3 === 0).map((d, i) => {
      const other = docs[(i * 7 + 5) % docs.length]!;
      const swap = <T extends { articleId: string }>(x: T): T => ({ ...x, articleId: d.article.id });
      return {
        article: { ...other.article, id: d.article.id },
        entities: other.entities,
        mentions: other.mentions.map(swap),
        claims: other.claims.map((c) => ({ ...c, evidence: swap(c.evidence) })),
      };
    });
    const results = await store.writeArticles(replaced);
    expect(results.filter((r) => r.status === 'updated').length).toBeGreaterThan(0);
    const db = (store as unknown as { backend: { db: DatabaseSync } }).backend.db;
    const one = (sql: string) => Object.values(db.prepare(sql).get()!)[0];
    // Edges equal a recount from claims.
    expect(
      one(`SELECT count(*) FROM (
             SELECT subject_rid, predicate, object_rid, count(DISTINCT id >> 16) AS a, count(*) AS c FROM claims GROUP BY 1, 2, 3) r
           FULL JOIN edges e USING (subject_rid, predicate, object_rid)
           WHERE e.article_count IS NOT r.a OR e.claim_count IS NOT r.c`),
    ).toBe(0);
    // Entity counters equal a recount from article_entities; first/last seen too.
    expect(
      one(`SELECT count(*) FROM entities e LEFT JOIN (
             SELECT rid, count(*) AS a, sum(mention_count) AS m, min(event_ms) AS f, max(event_ms) AS l FROM article_entities GROUP BY rid) r USING (rid)
           WHERE e.article_count IS NOT r.a OR e.mention_count IS NOT r.m OR e.first_ms IS NOT r.f OR e.last_ms IS NOT r.l`),
    ).toBe(0);
    expect(one('SELECT count(*) FROM mentions m LEFT JOIN entities e ON e.rid = m.entity_rid WHERE e.rid IS NULL')).toBe(0);
    expect(one('SELECT count(*) FROM claims c LEFT JOIN entities e ON e.rid = c.subject_rid WHERE e.rid IS NULL')).toBe(0);
    expect(one('SELECT count(*) FROM edges x LEFT JOIN entities e ON e.rid = x.object_rid WHERE e.rid IS NULL')).toBe(0);
    expect(one('SELECT count(*) FROM article_entities x LEFT JOIN articles a ON a.seq = x.article_seq WHERE a.seq IS NULL')).toBe(0);
    expect(one('SELECT count(*) FROM entities WHERE article_count <= 0')).toBe(0);
    const fresh = await SqliteStore.open(freshPath());
    const latest = new Map<string, ArticleDocument>();
    for (const d of [...docs, ...replaced]) latest.set(d.article.id, d);
    await fresh.writeArticles([...latest.values()]);
    expect(await store.stats()).toEqual(await fresh.stats());
    expect(await collectAll(store.exportEdges())).toEqual(await collectAll(fresh.exportEdges()));
    await store.close();
    await fresh.close();
  });

  it('writes a batch exactly as one article at a time (per-batch aggregation, key-ordered rows)', async () => {
    const docs = [...syntheticDocuments({ relationships: 1500, seed: 23 })];
    const batched = await SqliteStore.open(freshPath(), { batchRows: 400 });
    const single = await SqliteStore.open(freshPath());
    await batched.writeArticles(docs);
    for (const d of docs) await single.writeArticle(d);
    const dump = (store: SqliteStore, sql: string) => (store as unknown as { backend: { db: DatabaseSync } }).backend.db.prepare(sql).all();
    for (const sql of [
      'SELECT * FROM edge_articles ORDER BY 1, 2, 3, 4, 5',
      'SELECT * FROM article_entities ORDER BY 1, 2, 3',
      'SELECT * FROM entity_names ORDER BY 1, 2',
      'SELECT * FROM entities ORDER BY rid',
      'SELECT id, subject_rid, predicate, object_rid, start FROM claims ORDER BY id',
    ]) {
      expect(dump(batched, sql)).toEqual(dump(single, sql));
    }
    expect(await collectAll(batched.exportEdges())).toEqual(await collectAll(single.exportEdges()));
    expect(await batched.stats()).toEqual(await single.stats());
    expect((await batched.stats()).edges).toBeGreaterThan(100);
    await batched.close();
    await single.close();
  });
});

async function collectAll<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('findShortestPaths', () => {
  const graph: Record<string, string[]> = {
    a: ['b', 'c'],
    b: ['a', 'd'],
    c: ['a', 'd'],
    d: ['b', 'c', 'e'],
    e: ['d'],
    hub: Array.from({ length: 1000 }, (_, i) => `leaf${i}`),
  };
  const neighbors = (n: string) => graph[n] ?? (n.startsWith('leaf') ? ['hub'] : []);

  it('finds every shortest path, deterministically', () => {
    expect(findShortestPaths('a', 'e', neighbors)).toEqual([
      ['a', 'b', 'd', 'e'],
      ['a', 'c', 'd', 'e'],
    ]);
    expect(findShortestPaths('a', 'e', neighbors, { maxHops: 2 })).toEqual([]);
    expect(findShortestPaths('a', 'a', neighbors)).toEqual([['a']]);
  });

  it('stops when the work cap is exceeded', () => {
    expect(findShortestPaths('leaf1', 'leaf2', neighbors)).toEqual([['leaf1', 'hub', 'leaf2']]);
    expect(findShortestPaths('leaf1', 'a', neighbors, { maxWork: 100 })).toEqual([]);
  });
});
