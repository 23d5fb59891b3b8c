import type { GraphStore } from '@newsgraph/graph';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CrawlObserver } from '../crawl/interfaces/crawl-stages.ts';

/** Job counts per queue and state, read on every scrape (BullMQ getJobCounts or the in-process queues). */
export type QueueDepthProvider = () => Promise<Record<string, Record<string, number>>>;

const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The crawler's Prometheus metrics in their own Registry (never prom-client's global one, so
 * several crawlers or tests in one process do not collide).
 */
export class CrawlMetrics {
  readonly registry = new Registry();
  readonly fetches: Counter<'kind' | 'outcome'>;
  readonly jobFailures: Counter<'queue' | 'reason'>;
  readonly jobsCompleted: Counter<'queue'>;
  readonly jobsFailed: Counter<'queue'>;
  readonly duplicates: Counter<'kind'>;
  readonly articlesWritten: Counter<'status'>;
  readonly queueJobs: Gauge<'queue' | 'state'>;
  readonly extractionSeconds: Histogram;
  readonly processSeconds: Histogram;
  readonly storeWriteSeconds: Histogram;
  #depths: QueueDepthProvider | null = null;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'newsgraph_' });
    this.fetches = new Counter({
      name: 'newsgraph_fetches_total',
      help: 'Feeds, sitemaps and pages fetched, by kind and outcome (ok, not-modified, failed).',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.jobFailures = new Counter({
      name: 'newsgraph_job_failures_total',
      help: 'Failed job attempts by queue and reason (a FetchError code, input, error).',
      labelNames: ['queue', 'reason'],
      registers,
    });
    this.jobsCompleted = new Counter({
      name: 'newsgraph_jobs_completed_total',
      help: 'Jobs completed, by queue.',
      labelNames: ['queue'],
      registers,
    });
    this.jobsFailed = new Counter({
      name: 'newsgraph_jobs_failed_total',
      help: 'Jobs failed for good (every try used, or not retryable), by queue; see `newsgraph jobs failed`.',
      labelNames: ['queue'],
      registers,
    });
    this.duplicates = new Counter({
      name: 'newsgraph_duplicates_total',
      help: 'Pages recorded as another publication of a stored story, by kind (exact, near).',
      labelNames: ['kind'],
      registers,
    });
    this.articlesWritten = new Counter({
      name: 'newsgraph_articles_written_total',
      help: 'Articles written to the store, by result (inserted, updated, unchanged).',
      labelNames: ['status'],
      registers,
    });
    const depths = (): QueueDepthProvider | null => this.#depths;
    this.queueJobs = new Gauge({
      name: 'newsgraph_queue_jobs',
      help: 'Jobs per queue and state, read from the queues at scrape time.',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        const provider = depths();
        if (!provider) return;
        const current = await provider();
        this.reset();
        for (const [queue, counts] of Object.entries(current)) {
          for (const [state, count] of Object.entries(counts)) this.set({ queue, state }, count);
        }
      },
    });
    this.extractionSeconds = new Histogram({
      name: 'newsgraph_article_extraction_seconds',
      help: 'Main-text extraction time per page (HTML to article text).',
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.processSeconds = new Histogram({
      name: 'newsgraph_article_process_seconds',
      help: 'Entity/claim extraction plus store write per article.',
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.storeWriteSeconds = new Histogram({
      name: 'newsgraph_store_write_seconds',
      help: 'Store writeArticle latency.',
      buckets: LATENCY_BUCKETS,
      registers,
    });
  }

  setQueueDepthProvider(provider: QueueDepthProvider | null): void {
    this.#depths = provider;
  }

  /** Job counts per queue and state now (empty before a crawler registered its queues). */
  async queueDepths(): Promise<Record<string, Record<string, number>>> {
    return this.#depths ? this.#depths() : {};
  }

  /** The hooks the crawl stages call. */
  observer(): CrawlObserver {
    return {
      fetched: (kind, outcome) => this.fetches.inc({ kind, outcome }),
      extractionSeconds: (s) => this.extractionSeconds.observe(s),
      processSeconds: (s) => this.processSeconds.observe(s),
      duplicate: (kind) => this.duplicates.inc({ kind }),
      written: (status) => this.articlesWritten.inc({ status }),
    };
  }

  /**
   * What this process did so far, for the operator's summary: articles stored (new), updated,
   * unchanged, duplicates (recorded as another publication), jobs failed for good.
   */
  async totals(): Promise<CrawlTotals> {
    const sum = async (counter: Counter<string>, label?: { name: string; value: string }): Promise<number> => {
      const values = (await counter.get()).values;
      return values.filter((v) => !label || v.labels[label.name] === label.value).reduce((n, v) => n + v.value, 0);
    };
    return {
      stored: await sum(this.articlesWritten, { name: 'status', value: 'inserted' }),
      updated: await sum(this.articlesWritten, { name: 'status', value: 'updated' }),
      unchanged: await sum(this.articlesWritten, { name: 'status', value: 'unchanged' }),
      duplicates: await sum(this.duplicates),
      failed: await sum(this.jobsFailed),
      pagesFetched: await sum(this.fetches, { name: 'kind', value: 'page' }),
    };
  }

  /** Prometheus text exposition. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}

export interface CrawlTotals {
  stored: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  failed: number;
  /** Page fetch attempts, any outcome (the progress line's rate). */
  pagesFetched: number;
}

/** Wraps a store so that every writeArticle is timed (other calls pass through; results are counted by processStage). */
export function timedStore(store: GraphStore, metrics: CrawlMetrics): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'writeArticle') {
        return async (...args: Parameters<GraphStore['writeArticle']>) => {
          const end = metrics.storeWriteSeconds.startTimer();
          try {
            // Every argument passes: the alias record must stay in the article's transaction.
            return await target.writeArticle(...args);
          } finally {
            end();
          }
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
