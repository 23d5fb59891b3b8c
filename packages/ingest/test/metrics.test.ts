import { describe, expect, it } from 'vitest';
import { SqliteStore } from '@newsgraph/graph';
import { CrawlStateMemory } from '../src/crawl/crawl-memory.ts';
import { SqliteCrawlState } from '../src/state/sqlite-crawl-state.ts';
import { runCrawl } from '../src/crawl/run-crawl.ts';
import { CrawlMetrics } from '../src/metrics/crawl-metrics.ts';
import { startMetricsServer } from '../src/metrics/metrics-server.ts';
import { respond, startFixtureServer } from './support/fixture-server.ts';
import { generateArticles } from './fixtures/crawl/news-site.ts';
import { mountNewsSite, testCrawlConfig } from './fixtures/crawl/mount-site.ts';

function metricValue(text: string, name: string, labels: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`) || (labels === '' && l.startsWith(`${name} `)));
  return line ? Number(line.split(' ').pop()) : Number.NaN;
}

describe('crawler observability', () => {
  it('serves /healthz and Prometheus /metrics while crawling; stops on abort', async () => {
    const server = await startFixtureServer();
    const store = await SqliteStore.open(':memory:');
    const controller = new AbortController();
    try {
      const articles = generateArticles(15, 11);
      const feedUrl = mountNewsSite(server, articles);
      server.route('/broken.xml', respond('<rss><channel><item>', { contentType: 'application/rss+xml' }));
      let metricsUrl: string | null = null;
      const running = runCrawl({
        config: testCrawlConfig({ concurrency: 3 }),
        store,
        sources: [
          { source: { id: 'gazette', url: feedUrl, kind: 'rss' }, intervalMs: 60_000 },
          { source: { id: 'broken', url: server.url('/broken.xml'), kind: 'rss' }, intervalMs: 60_000 },
        ],
        role: 'crawl',
        signal: controller.signal,
        retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 50 },
        openMemory: async () => new CrawlStateMemory(new SqliteCrawlState(':memory:')),
        onReady: (info) => (metricsUrl = info.metricsUrl),
      });
      for (let i = 0; i < 400 && (await store.stats()).articles < 15; i++) await new Promise((r) => setTimeout(r, 25));
      expect((await store.stats()).articles).toBe(15);
      expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const health = await fetch(`${metricsUrl}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', mode: 'in-process', redis: 'not used', workers: 'running' });

      const res = await fetch(`${metricsUrl}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      expect(metricValue(text, 'newsgraph_fetches_total', 'kind="page",outcome="ok"')).toBe(15);
      expect(metricValue(text, 'newsgraph_fetches_total', 'kind="feed",outcome="ok"')).toBe(2);
      expect(metricValue(text, 'newsgraph_job_failures_total', 'queue="feed-poll",reason="input"')).toBe(1);
      expect(metricValue(text, 'newsgraph_jobs_completed_total', 'queue="article-process"')).toBe(15);
      expect(metricValue(text, 'newsgraph_articles_written_total', 'status="inserted"')).toBe(15);
      expect(metricValue(text, 'newsgraph_queue_jobs', 'queue="page-fetch",state="completed"')).toBe(15);
      expect(metricValue(text, 'newsgraph_queue_jobs', 'queue="feed-poll",state="failed"')).toBe(1);
      expect(metricValue(text, 'newsgraph_article_extraction_seconds_count', '')).toBe(15);
      expect(metricValue(text, 'newsgraph_store_write_seconds_count', '')).toBe(15);
      expect(metricValue(text, 'newsgraph_article_process_seconds_count', '')).toBe(15);
      expect(text).toContain('newsgraph_process_resident_memory_bytes');
      expect((await fetch(`${metricsUrl}/nope`)).status).toBe(404);

      controller.abort();
      const summary = await running;
      expect(summary.mode).toBe('in-process');
      await expect(fetch(`${metricsUrl}/healthz`)).rejects.toThrow();
    } finally {
      controller.abort();
      await store.close();
      await server.close();
    }
  });

  it('answers 503 with the failing check when unhealthy', async () => {
    const metrics = new CrawlMetrics({ defaultMetrics: false });
    const server = await startMetricsServer({
      host: '127.0.0.1',
      port: 0,
      metrics,
      health: async () => ({ ok: false, checks: { mode: 'queue', redis: 'down: connect ECONNREFUSED', workers: 'running' } }),
    });
    try {
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unhealthy', mode: 'queue', redis: 'down: connect ECONNREFUSED', workers: 'running' });
      // Two registries do not collide (no global registry).
      const other = new CrawlMetrics({ defaultMetrics: false });
      other.fetches.inc({ kind: 'page', outcome: 'ok' });
      expect(metricValue(await metrics.text(), 'newsgraph_fetches_total', 'kind="page",outcome="ok"')).toBeNaN();
      expect(metricValue(await other.text(), 'newsgraph_fetches_total', 'kind="page",outcome="ok"')).toBe(1);
    } finally {
      await server.close();
    }
  });
});
