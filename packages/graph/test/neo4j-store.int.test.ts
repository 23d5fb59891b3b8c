import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { loadConfig } from '@newsgraph/shared';
import { Neo4jStore } from '../src/neo4j/neo4j-store.ts';
import { runReadOnlyCypher } from '../src/cypher/run-read-only-cypher.ts';
import { describeGraphStoreContract } from './store-contract.ts';
import { neo4jEnv, neo4jTestServer } from '../../../test/support/neo4j-test-server.ts';

/**
 * The store contract and the schema migration against a real Neo4j server: the one the vitest
 * project `neo4j` starts (test/support/neo4j-global-setup.ts), or NEO4J_URI when set (with
 * NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE as usual). Without Java and Maven it is skipped
 * with a notice. With NEO4J_URI, use a scratch database: before each test it deletes every
 * newsgraph node (Entity, Article, Claim, NameKey, Source, Publication), and it refuses to start
 * when the database holds articles that are not test fixtures.
 */

const server = neo4jTestServer('neo4j-store.int.test.ts');
const enabled = server !== null;
const env = server ? neo4jEnv(server) : {};

const MODEL_LABELS = ['Entity', 'Article', 'Claim', 'NameKey', 'Source', 'Publication'];

async function connect(): Promise<Neo4jStore> {
  return Neo4jStore.connect(loadConfig({ env }));
}

async function wipe(store: Neo4jStore): Promise<void> {
  const foreign = await store.runRead("MATCH (a:Article) WHERE NOT a.id STARTS WITH 'art-' RETURN count(a) AS n", {});
  if (Number(foreign.rows[0]?.n ?? 0) > 0) {
    throw new Error('the Neo4j database holds newsgraph articles that are not test fixtures: point NEO4J_URI/NEO4J_DATABASE at a scratch database');
  }
  // A driver of the test's own: the store has no "delete everything" method, on purpose.
  const { uri, user, password, database } = loadConfig({ env }).neo4j;
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

// Registered even when skipped, so a run without a server shows the contract as skipped.
describe.skipIf(!enabled)(`Neo4j ${server?.version ?? '(no server)'}`, () => {
  describeGraphStoreContract('neo4j', async () => {
    const store = await connect();
    await wipe(store);
    await store.migrate();
    return store;
  });
});
