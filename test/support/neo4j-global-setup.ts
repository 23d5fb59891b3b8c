import type { TestProject } from 'vitest/node';
import { neo4jUnavailableReason, resolveNeo4jVersion, startNeo4jServer } from '../../scripts/neo4j/neo4j-server.ts';
import type { Neo4jTestServer } from './neo4j-test-server.ts';

/**
 * globalSetup of the `neo4j` test project (vitest.config.ts): runs only when one of its files
 * (`neo4j-*.int.test.ts`) is queued. With NEO4J_URI set it uses that server; otherwise it starts
 * one (NEO4J_TEST_VERSION: 5, the default, latest or an exact version) when Java and Maven are
 * here, and stops it after the run. Without them the files skip with a notice.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const env = process.env;
  if (env.NEO4J_URI) {
    const external: Neo4jTestServer = {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE,
      version: 'external',
      launched: null,
    };
    project.provide('neo4j', external);
    return undefined;
  }
  const version = resolveNeo4jVersion(env.NEO4J_TEST_VERSION ?? '5');
  const reason = neo4jUnavailableReason(version);
  if (reason) {
    console.warn(`neo4j tests: skipped: ${reason}; set NEO4J_URI to use a running server`);
    project.provide('neo4j', { skipped: reason });
    return undefined;
  }
  const server = await startNeo4jServer({ version, onLog: (line) => console.error(`neo4j: ${line}`) });
  console.warn(`neo4j tests: Neo4j ${server.version} on ${server.uri} (pid ${server.pid})`);
  project.provide('neo4j', {
    uri: server.uri,
    user: server.user,
    password: server.password,
    version: server.version,
    launched: version,
  });
  return () => server.stop();
}
