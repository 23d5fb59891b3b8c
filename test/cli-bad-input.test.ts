import { createServer, type Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured, scratch } from './support/run-cli.ts';

const ARTICLE = `Ministers meet in Tokyo

TOKYO — Japanese Foreign Minister Yoko Kamikawa met with Secretary of State Antony Blinken in Tokyo on Monday.

Blinken urged Japan to tighten export controls on chips bound for Russia.
`;

describe('bad input to `newsgraph ingest`', () => {
  const box = scratch();
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/logo.png') {
        res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
      } else {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>not here</body></html>');
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    writeFileSync(join(box.dir, 'good.txt'), ARTICLE);
    writeFileSync(join(box.dir, 'empty.txt'), '');
    writeFileSync(join(box.dir, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0, 0]));
  });
  afterAll(async () => {
    await new Promise<void>((ok) => server.close(() => ok()));
    box.cleanup();
  });

  it('reports one clear line per failed input, stores the rest, exits 1, and changes nothing stored', async () => {
    const first = await runCliCaptured(['ingest', join(box.dir, 'good.txt')], box.env);
    expect(first.code).toBe(0);
    const statsBefore = JSON.parse((await runCliCaptured(['query', 'stats', '--json'], box.env)).stdout);
    expect(statsBefore.articles).toBe(1);

    // A closed port on loopback stands for an unreachable host.
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((ok) => closed.close(() => ok()));

    const inputs = [
      join(box.dir, 'missing.txt'),
      join(box.dir, 'empty.txt'),
      join(box.dir, 'binary.txt'),
      `${base}/logo.png`,
      `http://127.0.0.1:${deadPort}/story.html`,
      join(box.dir, 'good.txt'),
    ];
    const run = await runCliCaptured(['ingest', '--allow-private-network', ...inputs], box.env);
    expect(run.code).toBe(1);
    const errors = run.stderr.trim().split('\n');
    expect(errors).toHaveLength(5);
    expect(errors[0]).toMatch(/missing\.txt.*no such file/);
    expect(errors[1]).toMatch(/empty\.txt.*empty file/);
    expect(errors[2]).toMatch(/binary\.txt.*binary/);
    expect(errors[3]).toMatch(/logo\.png.*(not an HTML|image\/png|unsupported)/i);
    expect(errors[4]).toMatch(new RegExp(`127\\.0\\.0\\.1:${deadPort}.*(refused|unreachable|ECONNREFUSED|network)`, 'i'));
    expect(run.stdout).toMatch(/unchanged/);
    expect(run.stdout).toMatch(/0 new, 0 updated, 1 unchanged, 5 failed/);

    const statsAfter = JSON.parse((await runCliCaptured(['query', 'stats', '--json'], box.env)).stdout);
    expect(statsAfter).toEqual(statsBefore);
  });

  it('refuses loopback URLs unless allowed (SSRF guard), naming the URL', async () => {
    const run = await runCliCaptured(['ingest', `${base}/story.html`], box.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${base}/story.html`);
    expect(run.stderr).toMatch(/blocked|private|loopback|not allowed/i);
  });

  it('names a bad setting', async () => {
    const run = await runCliCaptured(['query', 'stats'], { ...box.env, NEO4J_URI: 'http://wrong' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/NEO4J_URI/);
  });

  it('rejects an unknown predicate with the flag named', async () => {
    const run = await runCliCaptured(['query', 'neighbors', 'Japan', '--predicate', 'LIKES'], box.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--predicate LIKES: not a predicate/);
  });
});
