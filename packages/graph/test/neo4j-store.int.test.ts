import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { loadConfig } from '@newsgraph/shared';
import { Neo4jStore } from '../src/neo4j/neo4j-store.ts';
import { runReadOnlyCypher } from '../src/cypher/run-read-only-cypher.ts';
import { describeCurationContract } from './curation-contract.ts';
import { describeGraphStoreContract } from './store-contract.ts';

/**
 * The store contract and the schema migration against a real Neo4j server. Runs only when
 * NEO4J_URI is set (with NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE as usual); otherwise it is
 * skipped with a notice. Use a scratch database: before each test it deletes every newsgraph
 * node (Entity, Article, Claim, NameKey, Source, Publication), and it refuses to start when the
 * database holds articles that are not test fixtures.
 */

const enabled = Boolean(process.env.NEO4J_URI);
if (!enabled) console.warn('neo4j-store.int.test.ts: skipped: set NEO4J_URI (and NEO4J_USER/NEO4J_PASSWORD) to run the store contract against a real Neo4j server');

const MODEL_LABELS = ['Entity', 'Article', 'Claim', 'NameKey', 'Source', 'Publication'];

async function connect(): Promise<Neo4jStore> {
  return Neo4jStore.connect(loadConfig({ env: process.env }));
}

async function wipe(store: Neo4jStore): Promise<void> {
  const foreign = await store.runRead("MATCH (a:Article) WHERE NOT a.id STARTS WITH 'art-' RETURN count(a) AS n", {});
  if (Number(foreign.rows[0]?.n ?? 0) > 0) {
    throw new Error('the Neo4j database holds newsgraph articles that are not test fixtures: point NEO4J_URI/NEO4J_DATABASE at a scratch database');
  }
  // A driver of the test's own: the store has no "delete everything" method, on purpose.
  const { uri, user, password, database } = loadConfig({ env: process.env }).neo4j;
  const driver = neo4j.driver(uri!, neo4j.auth.basic(user, password));
  const session = driver.session(database ? { database } : {});
  try {
    await session.executeWrite((tx) => tx.run('MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) DETACH DELETE n', { labels: MODEL_LABELS }));
  } finally {
    await session.close();
    await driver.close();
  }
}

describe.skipIf(!enabled)('Neo4j server', () => {
  let store: Neo4jStore;
  beforeAll(async () => {
    store = await connect();
    await wipe(store);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('migrates idempotently', async () => {
    const first = await store.migrateSchema();
    const second = await store.migrateSchema();
    expect(first.statements.length + first.existing.length).toBeGreaterThan(0);
    expect(second.statements.every((s) => s.created !== true)).toBe(true);
  });

  it('answers read-only Cypher and refuses writes', async () => {
    const result = await runReadOnlyCypher(store, 'UNWIND range(1, $n) AS i RETURN i', { n: 3 });
    expect(result.rows).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }]);
    await expect(runReadOnlyCypher(store, 'CREATE (n:Scratch) RETURN n')).rejects.toThrow(/refused CREATE/);
  });
});

if (enabled) {
  const fresh = async () => {
    const store = await connect();
    await wipe(store);
    await store.migrate();
    return store;
  };
  describeGraphStoreContract('neo4j', fresh);
  describeCurationContract('neo4j', fresh);
}
