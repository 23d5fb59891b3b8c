import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorMessage, type Logger } from '@newsgraph/shared';
import type { CrawlMetrics } from './crawl-metrics.ts';

export interface HealthStatus {
  ok: boolean;
  /** Running but missing something it needs (e.g. job schedulers lost with Redis's data): 503, status "degraded". */
  degraded?: boolean;
  /** e.g. { redis: 'up', workers: 'running', mode: 'queue' } */
  checks: Record<string, string | number | boolean>;
}

export interface MetricsServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  metrics: CrawlMetrics;
  health(): Promise<HealthStatus>;
  logger?: Logger;
}

export interface MetricsServer {
  /** e.g. http://127.0.0.1:9464 */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves `/healthz` (200 healthy, 503 not, JSON body) and Prometheus `/metrics`. */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      options.health().then(
        (status) => {
          res.writeHead(status.ok ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: status.ok ? 'ok' : status.degraded ? 'degraded' : 'unhealthy', ...status.checks }));
        },
        (error: unknown) => {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: 'unhealthy', error: errorMessage(error) }));
        },
      );
      return;
    }
    if (path === '/metrics') {
      options.metrics.text().then(
        (text) => {
          res.writeHead(200, { 'content-type': options.metrics.registry.contentType });
          res.end(text);
        },
        (error: unknown) => {
          options.logger?.error({ err: errorMessage(error) }, 'metrics collection failed');
          res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics collection failed\n');
        },
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found; try /healthz or /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
