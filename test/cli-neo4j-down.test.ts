import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliCaptured, scratch } from './support/run-cli.ts';

/**
 * `newsgraph ingest` against a Neo4j that is not there (no server needed: a loopback port that
 * was just closed, or one that accepts and never speaks): one error naming NEO4J_URI, exit 1,
 * and no line per file. (The store's behaviour when a real server dies mid-batch is tested in
 * packages/graph/test/neo4j-failures.int.test.ts; the stop after three failures in a row in
 * packages/ingest/test/store-failure-breaker.test.ts.)
 */

const box = scratch('newsgraph-neo4j-down-');
afterAll(() => box.cleanup());

for (let i = 0; i < 5; i++) writeFileSync(join(box.dir, `note-${i}.txt`), `Harbour note ${i}\n\nThe port authority of Lorem said ${i} ships were delayed.\n`);

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('ingest with Neo4j down', () => {
  const fast = { NEO4J_PASSWORD: 'x', NEO4J_CONNECT_TIMEOUT_MS: '500', NEO4J_MAX_RETRY_MS: '0' };

  it('a port nobody listens on: one error naming NEO4J_URI, nothing per file', async () => {
    const port = await closedPort();
    const run = await runCliCaptured(['ingest', box.dir], { ...box.env, ...fast, NEO4J_URI: `bolt://127.0.0.1:${port}` });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^error: cannot reach Neo4j at bolt://127\\.0\\.0\\.1:${port}: .*NEO4J_URI`));
    expect(run.stdout).not.toMatch(/note-\d/);
  });

  it('a server that accepts but never answers (as a paused one does): one error naming NEO4J_URI', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const run = await runCliCaptured(['ingest', box.dir], { ...box.env, ...fast, NEO4J_URI: `bolt://127.0.0.1:${port}` });
      expect(run.code).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^error: .*Neo4j at bolt:\/\/127\.0\.0\.1:\d+.*(NEO4J_URI|NEO4J_CONNECT_TIMEOUT_MS)/);
    } finally {
      silent.close();
    }
  });
});
