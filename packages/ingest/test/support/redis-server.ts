import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/**
 * A throw-away redis-server for tests: on a free loopback port, no persistence. When REDIS_URL
 * is set, that server is used instead and nothing is started (tests must then use their own
 * key prefix, since the server may be shared).
 */
export interface TestRedis {
  url: string;
  /** Stops the server if this launcher started it. */
  stop(): Promise<void>;
}

export const REDIS_NOT_FOUND = 'redis-server not found: install it with `apt-get install -y redis-server`';

function findRedisServer(): string | null {
  const candidates = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir) candidates.push(join(dir, 'redis-server'));
  return candidates.find((c) => existsSync(c)) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const { connect } = await import('node:net');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

export async function startTestRedis(): Promise<TestRedis> {
  const external = process.env.REDIS_URL;
  if (external) return { url: external, stop: async () => {} };
  return startOwnRedis();
}

/** True when a redis-server binary is installed (tests that restart Redis need their own). */
export function hasRedisServer(): boolean {
  return findRedisServer() !== null;
}

/**
 * A redis-server of this test's own, even when REDIS_URL is set: for tests that stop and restart
 * Redis (data lost, as a restart without persistence loses it). `port` restarts on the same one.
 */
export async function startOwnRedis(port?: number): Promise<TestRedis & { port: number }> {
  const binary = findRedisServer();
  if (!binary) throw new Error(REDIS_NOT_FOUND);
  port ??= await freePort();
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  try {
    await waitForPort(port, child, 10_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
