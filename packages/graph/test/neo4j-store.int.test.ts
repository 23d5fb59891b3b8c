import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { loadConfig } from '@newsgraph/shared';
import { Neo4jStore } from '../src/neo4j/neo4j-store.ts';
import { runReadOnlyCypher } from '../src/cypher/run-read-only-cypher.ts';
import { describeCurationContract } from './curation-contract.ts';
import { describeAliasIndexContract } from './alias-contract.ts';
import { describeGraphStoreContract } from './store-contract.ts';
import { GRAPH_MODEL } from '../src/neo4j/graph-model.ts';
import { neo4jEnv, neo4jTestServer } from '../../../test/support/neo4j-test-server.ts';

/**
 * The store contract and the schema migration against a real Neo4j server: the one the vitest
 * project `neo4j` starts (test/support/neo4j-global-setup.ts), or NEO4J_URI when set (with
 * NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE as usual). Without Java and Maven it is skipped
 * with a notice. The contract runs on its own labels (label prefix `NgContract_`, see
 * cypher/label-prefix.ts), so it runs beside real data: before each test it deletes only nodes
 * with those labels.
 */

const server = neo4jTestServer('neo4j-store.int.test.ts');
const enabled = server !== null;
const env = server ? neo4jEnv(server) : {};

const LABEL_PREFIX = 'NgContract_';
const MODEL_LABELS = GRAPH_MODEL.labels.map((l) => `${LABEL_PREFIX}${l}`);

async function connect(): Promise<Neo4jStore> {
  return Neo4jStore.connect(loadConfig({ env }), { labelPrefix: LABEL_PREFIX });
}

async function wipe(): Promise<void> {
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
    await wipe();
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
  const fresh = async () => {
    const store = await connect();
    await wipe();
    await store.migrate();
    return store;
  };
  describeGraphStoreContract('neo4j', fresh);
  describeCurationContract('neo4j', fresh);
  describeAliasIndexContract('neo4j', fresh);
});
