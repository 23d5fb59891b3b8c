import { describe } from 'vitest';
import neo4j from 'neo4j-driver';
import { loadConfig } from '@newsgraph/shared';
import { Neo4jStore } from '../src/neo4j/neo4j-store.ts';
import { GRAPH_MODEL } from '../src/neo4j/graph-model.ts';
import { describeListStoreContract } from './list-store-contract.ts';
import { neo4jEnv, neo4jTestServer } from '../../../test/support/neo4j-test-server.ts';

/**
 * The list-store contract against a real Neo4j server: the one the vitest project `neo4j`
 * starts, or NEO4J_URI when set. It runs on its own labels (label prefix `NgLists_`), so it runs
 * beside real data: before each test it deletes only nodes with those labels.
 */
const server = neo4jTestServer('neo4j-list-store.int.test.ts');
const env = server ? neo4jEnv(server) : {};
const LABEL_PREFIX = 'NgLists_';
const LABELS = GRAPH_MODEL.labels.map((l) => `${LABEL_PREFIX}${l}`);

async function freshStore(): Promise<Neo4jStore> {
  const config = loadConfig({ env });
  const store = await Neo4jStore.connect(config, { labelPrefix: LABEL_PREFIX });
  const { uri, user, password, database } = config.neo4j;
  const driver = neo4j.driver(uri!, neo4j.auth.basic(user, password));
  const session = driver.session(database ? { database } : {});
  try {
    await session.executeWrite((tx) => tx.run('MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) DETACH DELETE n', { labels: LABELS }));
  } finally {
    await session.close();
    await driver.close();
  }
  await store.migrate();
  return store;
}

// Registered even when skipped, so a run without a server shows the contract as skipped.
describe.skipIf(!server)(`Neo4j ${server?.version ?? '(no server)'}`, () => {
  describeListStoreContract('neo4j', freshStore);
});
