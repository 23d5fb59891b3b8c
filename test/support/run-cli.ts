import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '@newsgraph/cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A scratch folder with its own SQLite file; `env` points the CLI at it. */
export function scratch(prefix = 'newsgraph-test-'): { dir: string; db: string; env: NodeJS.ProcessEnv; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = join(dir, 'graph.db');
  return {
    dir,
    db,
    env: { NEWSGRAPH_DB: db, NEWSGRAPH_LOG_LEVEL: 'silent', PATH: process.env.PATH },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs the CLI in-process with captured output, as a user would from a shell. */
export async function runCliCaptured(argv: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  out.on('data', (c: Buffer) => chunks.out.push(c));
  err.on('data', (c: Buffer) => chunks.err.push(c));
  const code = await runCli(argv, { env, cwd: process.cwd(), stdout: out, stderr: err, stdin: Readable.from([stdin]) });
  return { code, stdout: Buffer.concat(chunks.out).toString('utf8'), stderr: Buffer.concat(chunks.err).toString('utf8') };
}
