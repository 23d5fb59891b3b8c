import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, StoreUnavailableError, type ArticleDocument } from '@newsgraph/shared';
import { openStore, syntheticDocuments, type GraphStore } from '../src/index.ts';
import { Neo4jStore } from '../src/neo4j/neo4j-store.ts';
import { Neo4jConnectionError } from '../src/neo4j/neo4j-errors.ts';
import { neo4jUnavailableReason, startNeo4jServer, type RunningNeo4j } from '../../../scripts/neo4j/neo4j-server.ts';
import { neo4jTestServer } from '../../../test/support/neo4j-test-server.ts';

/**
 * Fail fast, lose nothing, against a real server of its own (this file pauses, kills and
 * restarts it, so it never uses the shared one): a paused server (SIGSTOP) and a killed one
 * (SIGKILL) end writes in one StoreUnavailableError naming the setting instead of hanging; a kill
 * in the middle of a batch leaves every article whole or absent; after SIGCONT or a restart the
 * same store works again and every count agrees with an SQLite store fed exactly the articles
 * that Neo4j kept. Also the read-only database and wrong credentials.
 */

const shared = neo4jTestServer('neo4j-failures.int.test.ts');
const version = shared?.launched ?? process.env.NEO4J_TEST_VERSION ?? '5';
const reason = shared ? neo4jUnavailableReason(version) : 'no neo4j test project';
if (shared && reason) console.warn(`neo4j-failures.int.test.ts: skipped: ${reason} (it starts a server of its own)`);
const enabled = shared !== null && reason === null;

// Short retries and small transactions, so that a dead server is noticed in seconds; the
// transaction timeout stays generous because two busy shared cores can make a healthy write
// slow (the paused-server test uses a short one, for a write that cannot be slow for any other
// reason than the pause).
const FAST = { NEO4J_TX_TIMEOUT_MS: '120000', NEO4J_MAX_RETRY_MS: '1500', NEO4J_CONNECT_TIMEOUT_MS: '2000', NEO4J_BATCH_SIZE: '200' };

function configFor(server: RunningNeo4j, extra: Record<string, string> = {}) {
  return loadConfig({ env: { NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password, ...FAST, ...extra }, cwd: '/nonexistent' });
}

function workload(relationships: number, idPrefix: string): ArticleDocument[] {
  return [...syntheticDocuments({ relationships, seed: 7, idPrefix, claimsPerArticle: 8, days: 60 })];
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const sortByJson = <T>(items: T[]) => items.map((i) => JSON.stringify(i)).sort();

/**
 * Which of `docs` Neo4j holds (each whole: its content hash), and whether every count, the top
 * entities and every aggregated edge equal those of an SQLite store given exactly those.
 */
async function expectConsistent(store: GraphStore, docs: ArticleDocument[]): Promise<number> {
  const kept: ArticleDocument[] = [];
  for (const doc of docs) {
    const stored = await store.getArticle(doc.article.id);
    if (stored) {
      expect(stored.contentHash).toBe(doc.article.contentHash);
      kept.push(doc);
    }
  }
  const reference = await openStore(loadConfig({ env: { NEWSGRAPH_DB: ':memory:' }, cwd: '/nonexistent' }));
  try {
    await reference.migrate();
    if (kept.length) await reference.writeArticles(kept);
    expect(await store.stats()).toEqual(await reference.stats());
    expect(await store.topEntities({ limit: 25 })).toEqual(await reference.topEntities({ limit: 25 }));
    expect(sortByJson(await collect(store.exportEdges()))).toEqual(sortByJson(await collect(reference.exportEdges())));
  } finally {
    await reference.close();
  }
  return kept.length;
}

describe.skipIf(!enabled)(`Neo4j ${version}: a server that stops, pauses or refuses`, { timeout: 300_000 }, () => {
  let server: RunningNeo4j;
  let store: Neo4jStore;
  const written: ArticleDocument[] = [];

  beforeAll(async () => {
    server = await startNeo4jServer({ version });
    store = await Neo4jStore.connect(configFor(server));
    await store.migrate();
    const first = workload(160, 'steady-');
    await store.writeArticles(first);
    written.push(...first);
  });

  afterAll(async () => {
    await store?.close();
    await server?.stop();
  });

  it('a paused server: writes fail within the deadline naming NEO4J_TX_TIMEOUT_MS, and work again after SIGCONT', async () => {
    const docs = workload(16, 'paused-');
    const impatient = await Neo4jStore.connect(configFor(server, { NEO4J_TX_TIMEOUT_MS: '3000' }));
    server.signal('SIGSTOP');
    let error: unknown;
    try {
      error = await impatient.writeArticles(docs).then(
        () => null,
        (e: unknown) => e,
      );
    } finally {
      server.signal('SIGCONT');
      await impatient.close();
    }
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).setting).toBe('NEO4J_TX_TIMEOUT_MS');
    expect((error as Error).message).toMatch(/did not answer within \d+ ms .*paused or overloaded/);
    // The abandoned transaction may still commit whole once the server wakes: either way the
    // articles are whole or absent, and writing them again completes the set.
    expect(await expectConsistent(store, [...written, ...docs])).toBeGreaterThanOrEqual(written.length);
    await store.writeArticles(docs);
    written.push(...docs);
    expect(await expectConsistent(store, written)).toBe(written.length);
  });

  it('a server killed in the middle of a batch: nothing half-written, the same store works after the restart', async () => {
    // One large batch: several transactions, so the kill lands while some are committed and
    // one is in flight.
    const docs = workload(1_200, 'killed-');
    const writing = store.writeArticles(docs).then(
      () => null,
      (e: unknown) => e,
    );
    // Kill once the first transaction of the batch has committed (its article is readable).
    const probe = await Neo4jStore.connect(configFor(server));
    try {
      for (let i = 0; i < 600 && !(await probe.getArticle(docs[0]!.article.id)); i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await probe.close();
    }
    server.signal('SIGKILL');
    await server.exited();
    const error = await writing;
    expect(error).toBeInstanceOf(Neo4jConnectionError);
    expect((error as StoreUnavailableError).setting).toBe('NEO4J_URI');
    expect((error as Error).message).toMatch(/^cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:\d+: .*NEO4J_URI/);

    // While it is down, every call fails the same way, fast.
    await expect(store.stats()).rejects.toThrow(/cannot reach Neo4j .*NEO4J_URI/);

    server = await server.restart();
    const kept = await expectConsistent(store, [...written, ...docs]);
    expect(kept).toBeGreaterThan(written.length);
    expect(kept).toBeLessThan(written.length + docs.length);

    await store.writeArticles(docs);
    written.push(...docs);
    expect(await expectConsistent(store, written)).toBe(written.length);
  });

  it('wrong credentials and a dead port: one error naming the setting, at connect', async () => {
    const badPassword = await Neo4jStore.connect(configFor(server, { NEO4J_PASSWORD: 'not-the-password' })).catch((e: unknown) => e);
    expect(badPassword).toBeInstanceOf(Neo4jConnectionError);
    expect((badPassword as StoreUnavailableError).setting).toBe('NEO4J_PASSWORD');
    expect((badPassword as Error).message).toMatch(/refused the credentials of user "neo4j": check NEO4J_USER and NEO4J_PASSWORD/);
    expect((badPassword as Error).message).not.toContain('not-the-password');

    const badDatabase = await Neo4jStore.connect(configFor(server, { NEO4J_DATABASE: 'nosuchdb' })).catch((e: unknown) => e);
    expect((badDatabase as StoreUnavailableError).setting).toBe('NEO4J_DATABASE');
    expect((badDatabase as Error).message).toMatch(/has no database "nosuchdb": check NEO4J_DATABASE/);
  });

  it('a read-only database: migrate and writes fail naming NEO4J_DATABASE, nothing changes', async () => {
    const before = await store.stats();
    await store.close();
    server.signal('SIGTERM');
    await server.exited();
    server = await server.restart({ 'server.databases.default_to_read_only': 'true' });
    const readOnly = await Neo4jStore.connect(configFor(server));
    try {
      expect(await readOnly.stats()).toEqual(before);
      const error = await readOnly.writeArticles(workload(16, 'readonly-')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Neo4jConnectionError);
      expect((error as StoreUnavailableError).setting).toBe('NEO4J_DATABASE');
      expect((error as Error).message).toMatch(/is read-only, newsgraph cannot write to it: point NEO4J_URI\/NEO4J_DATABASE at a writable database/);
      expect(await readOnly.stats()).toEqual(before);
    } finally {
      await readOnly.close();
    }
    // Last in the file: afterAll stops this read-only server (no restart back to writable, one
    // JVM start fewer; the credentials test before this one needs a running server only).
  });
});
