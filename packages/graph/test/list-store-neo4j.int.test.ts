import { describe } from 'vitest';
import neo4j from 'neo4j-driver';
import { loadConfig } from '@newsgraph/shared';
import { Neo4jStore } from '../src/neo4j/neo4j-store.ts';
import { describeListStoreContract } from './list-store-contract.ts';

/**
 * The list-store contract against a real Neo4j server; runs only when NEO4J_URI is set (a
 * scratch database: it deletes every newsgraph node first, like neo4j-store.int.test.ts).
 */
const enabled = Boolean(process.env.NEO4J_URI);
if (!enabled) console.warn('list-store-neo4j.int.test.ts: skipped: set NEO4J_URI (and NEO4J_USER/NEO4J_PASSWORD) to run the list-store contract against a real Neo4j server');

const LABELS = ['Entity', 'Article', 'Claim', 'NameKey', 'Source', 'Publication', 'List', 'ListEntry', 'ListVersion'];

async function freshStore(): Promise<Neo4jStore> {
  const config = loadConfig({ env: process.env });
  const store = await Neo4jStore.connect(config);
  const foreign = await store.runRead("MATCH (a:Article) WHERE NOT a.id STARTS WITH 'art-' RETURN count(a) AS n", {});
  if (Number(foreign.rows[0]?.n ?? 0) > 0) throw new Error('the Neo4j database holds newsgraph articles that are not test fixtures: use a scratch database');
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

if (enabled) describeListStoreContract('neo4j', freshStore);
else describe.skip('ListStore contract: neo4j (NEO4J_URI not set)', () => {});
