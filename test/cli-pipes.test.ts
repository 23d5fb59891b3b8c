import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore, syntheticDocuments } from '@newsgraph/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch } from './support/run-cli.ts';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'cli', 'src', 'main.ts');

/**
 * `newsgraph … | head -n 1`: the CLI as a real process whose stdout is a pipe closed by its
 * reader after the first line, as `head` does. The reader is this test, so no shell is needed.
 */
function runIntoHead(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; signal: NodeJS.Signals | null; firstLine: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let firstLine: string | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      if (firstLine !== null) return;
      out += chunk.toString('utf8');
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        firstLine = out.slice(0, nl);
        child.stdout.destroy(); // head has read its line and exits
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, firstLine: firstLine ?? out, stderr: err }));
  });
}

describe('output into a pipe that closes early', () => {
  const box = scratch('newsgraph-pipes-');
  let hub = '';

  beforeAll(async () => {
    // Enough output that the writes outlive the reader: thousands of edges and neighbours.
    const store = await SqliteStore.open(box.db);
    await store.writeArticles([...syntheticDocuments({ relationships: 20_000, seed: 3 })]);
    const [top] = await store.topEntities({ limit: 1 });
    hub = top!.entity.id;
    await store.close();
  }, 120_000);
  afterAll(() => box.cleanup());

  it('`export --format json | head` ends quietly with exit code 0', async () => {
    const run = await runIntoHead(['export', '--format', 'json'], box.env);
    expect(run.firstLine.length).toBeGreaterThan(0);
    expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(run.code).toBe(0);
  });

  it('`query neighbors --limit 10000 | head` ends quietly with exit code 0', async () => {
    const run = await runIntoHead(['query', 'neighbors', hub, '--limit', '10000'], box.env);
    expect(run.firstLine.length).toBeGreaterThan(0);
    expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(run.code).toBe(0);
  });
});
