import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/rss+xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

export interface ServedSite {
  /** The origin the site's pages name themselves by (`{{BASE}}`): `http://127.0.0.1:<preferredPort>` when a port was preferred. */
  baseUrl: string;
  /** The port the server is bound to: the preferred one, or a free one when that was taken. */
  boundPort: number;
  /** False when the preferred port was taken, so `baseUrl` is reachable only through a connect-to override. */
  servesBaseUrl: boolean;
  close(): Promise<void>;
}

/**
 * Serves a static folder on 127.0.0.1 (at `preferredPort`, else a free port), replacing `{{BASE}}` in text files with
 * an absolute origin so feeds and canonical links are absolute, as on a real site. With a preferred port that origin
 * is always `http://127.0.0.1:<preferredPort>`, even when the server had to bind another port: the URLs, and so the
 * ids of the articles stored from them, do not depend on which port was free (see run-demo.ts).
 */
export async function serveSite(root: string, preferredPort = 0): Promise<ServedSite> {
  const base = resolve(root);
  let origin = '';
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(base, path === '/' ? 'index.html' : path));
    if (!file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (bytes) => {
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        const body = type.startsWith('text/') || type.includes('xml') ? Buffer.from(bytes.toString('utf8').replaceAll('{{BASE}}', origin)) : bytes;
        res.writeHead(200, { 'content-type': type, 'content-length': body.length });
        res.end(body);
      },
      () => {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      },
    );
  });
  const listen = (port: number) =>
    new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', fail);
        ok();
      });
    });
  // A stable port keeps article links working across demo runs; any free port will do otherwise.
  await listen(preferredPort).catch((error: NodeJS.ErrnoException) => {
    if (preferredPort === 0 || error.code !== 'EADDRINUSE') throw error;
    return listen(0);
  });
  const boundPort = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${preferredPort === 0 ? boundPort : preferredPort}`;
  return {
    baseUrl: origin,
    boundPort,
    servesBaseUrl: preferredPort === 0 || boundPort === preferredPort,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
