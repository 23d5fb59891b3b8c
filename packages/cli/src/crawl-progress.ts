import cliProgress from 'cli-progress';
import type { CrawlMetrics, CrawlTotals } from '@newsgraph/ingest';
import type { CliContext } from './context.ts';

/** Pages known to this crawl (done or still queued) and done, from the page queue's counts. */
function pageCounts(depths: Record<string, Record<string, number>>): { done: number; known: number } {
  const page = depths['page-fetch'] ?? {};
  const done = (page.completed ?? 0) + (page.failed ?? 0);
  return { done, known: done + (page.waiting ?? 0) + (page.active ?? 0) + (page.delayed ?? 0) + (page.prioritized ?? 0) };
}

/**
 * The operator's progress line while `crawl` runs in a terminal: pages done of pages known, the
 * page rate, and what became of them. Redrawn every second on stderr; nothing at all when stderr
 * is not a terminal (logs stay JSON there). The timer is cleared by stop() and never keeps the
 * process alive.
 */
export class CrawlProgressLine {
  readonly #bar: cliProgress.SingleBar | null;
  readonly #metrics: CrawlMetrics;
  #timer: NodeJS.Timeout | null = null;
  #started = false;
  readonly #startedAt = Date.now();

  constructor(ctx: CliContext, metrics: CrawlMetrics) {
    this.#metrics = metrics;
    this.#bar = ctx.stderr.isTTY
      ? new cliProgress.SingleBar(
          {
            format: '{bar} {value}/{total} pages | {rate}/s | stored {stored} updated {updated} unchanged {unchanged} duplicates {duplicates} failed {failed}',
            stream: ctx.stderr as NodeJS.WriteStream,
            hideCursor: true,
            clearOnComplete: false,
            noTTYOutput: false,
            etaBuffer: 50,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  }

  start(): void {
    if (!this.#bar || this.#timer) return;
    this.#timer = setInterval(() => void this.#draw(), 1_000);
    this.#timer.unref();
  }

  async #draw(): Promise<void> {
    if (!this.#bar) return;
    const [depths, totals] = await Promise.all([this.#metrics.queueDepths().catch(() => ({})), this.#metrics.totals()]);
    const { done, known } = pageCounts(depths);
    const payload = { ...totals, rate: (totals.pagesFetched / Math.max(1, (Date.now() - this.#startedAt) / 1000)).toFixed(1) };
    if (!this.#started) {
      this.#bar.start(Math.max(known, 1), done, payload);
      this.#started = true;
    } else {
      this.#bar.setTotal(Math.max(known, 1));
      this.#bar.update(done, payload);
    }
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    if (this.#started) this.#bar?.stop();
  }
}

/** The summary's article line: what this run did to the store. */
export function formatTotals(totals: CrawlTotals, scheduledRetries: number): string {
  const parts = [
    `${totals.stored} stored`,
    `${totals.updated} updated`,
    `${totals.unchanged} unchanged`,
    `${totals.duplicates} duplicate${totals.duplicates === 1 ? '' : 's'}`,
    `${totals.failed} failed`,
  ];
  const retries = scheduledRetries > 0 ? `; ${scheduledRetries} job${scheduledRetries === 1 ? '' : 's'} scheduled for a later retry (the next run picks them up)` : '';
  return `articles: ${parts.join(', ')}${retries}`;
}
