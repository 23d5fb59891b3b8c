import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { InputError } from '@newsgraph/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createCliContext } from '../src/context.ts';
import { registerServeCommand, startServe } from '../src/commands/serve.ts';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

describe('newsgraph serve', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function context(env: Record<string, string> = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-serve-'));
    dirs.push(dir);
    const stdout = capture();
    const stderr = capture();
    const ctx = createCliContext({
      env: { NEWSGRAPH_DB: join(dir, 'graph.db'), NEWSGRAPH_LOG_LEVEL: 'silent', ...env },
      cwd: dir,
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    return { ctx, stdout, stderr };
  }

  it('serves the configured store on loopback and prints the URL', async () => {
    const { ctx, stdout } = context();
    const server = await startServe(ctx, { port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(stdout.text()).toContain(`newsgraph explorer: ${server.url}/`);
      const stats = await fetch(`${server.url}/api/stats`);
      expect(await stats.json()).toEqual({ store: 'sqlite', articles: 0, entities: 0, mentions: 0, claims: 0, edges: 0 });
      expect((await fetch(`${server.url}/`)).headers.get('content-security-policy')).toContain("script-src 'self'");
    } finally {
      await server.close();
      await ctx.close();
    }
  });

  it('takes the token from NEWSGRAPH_API_TOKEN and never prints it', async () => {
    const { ctx, stdout } = context({ NEWSGRAPH_API_TOKEN: 'tok-123456' });
    const server = await startServe(ctx, { port: 0 });
    try {
      expect((await fetch(`${server.url}/api/stats`)).status).toBe(401);
      expect((await fetch(`${server.url}/api/stats`, { headers: { authorization: 'Bearer tok-123456' } })).status).toBe(200);
      expect(stdout.text()).toContain('?token=<token>');
      expect(stdout.text()).not.toContain('tok-123456');
    } finally {
      await server.close();
      await ctx.close();
    }
  });

  it('rejects a bad --port naming the flag', async () => {
    const { ctx } = context();
    const program = new Command().exitOverride();
    registerServeCommand(program, ctx);
    await expect(program.parseAsync(['serve', '--port', '99999'], { from: 'user' })).rejects.toThrow(InputError);
    await expect(program.parseAsync(['serve', '--port', 'http'], { from: 'user' })).rejects.toThrow('--port http: must be a whole number from 0 to 65535');
    await ctx.close();
  });
});
