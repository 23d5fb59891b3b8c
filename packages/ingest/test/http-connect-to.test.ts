import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@newsgraph/shared';
import { connectKey, HttpFetcher } from '../src/index.ts';

describe('connectKey', () => {
  it('writes the port even when the URL leaves it out, and brackets IPv6 hosts', () => {
    expect(connectKey('127.0.0.1', '8786', 'http:')).toBe('127.0.0.1:8786');
    expect(connectKey('Example.ORG', '', 'https:')).toBe('example.org:443');
    expect(connectKey('example.org', '', 'http:')).toBe('example.org:80');
    expect(connectKey('[::1]', '9000', 'http:')).toBe('[::1]:9000');
  });
});

describe('HttpFetcher with connectTo', () => {
  let server: Server;
  let port = 0;
  const hosts: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hosts.push(req.headers.host ?? '');
      if (req.url === '/robots.txt') res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('served by the real port');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('opens the socket to the mapped port while the URL and Host header keep the named one', async () => {
    // A port nobody listens on stands for the named origin: without the override the fetch fails.
    const named = await new Promise<number>((ok) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const p = (probe.address() as AddressInfo).port;
        probe.close(() => ok(p));
      });
    });
    const http = { ...loadConfig({}).http, allowPrivateNetwork: true, perHostDelayMs: 0 };
    const url = `http://127.0.0.1:${named}/story.txt`;
    const plain = new HttpFetcher(http);
    await expect(plain.fetch({ url, kind: 'page' })).rejects.toThrow();
    await plain.close();

    const fetcher = new HttpFetcher(http, { connectTo: new Map([[connectKey('127.0.0.1', String(named), 'http:'), { hostname: '127.0.0.1', port }]]) });
    const response = await fetcher.fetch({ url, kind: 'page' });
    await fetcher.close();
    expect(response.status).toBe(200);
    expect(response.url).toBe(url);
    expect(hosts).toContain(`127.0.0.1:${named}`);
  });
});
