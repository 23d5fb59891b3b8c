/**
 * Per-host politeness: at most `concurrency` requests in flight to one host, at least
 * `delayMs` (or the host's robots Crawl-delay, when larger) between the starts of two requests,
 * and a pause after a 429/503 with Retry-After. One limiter is shared by everything that
 * fetches in a process; the clock and sleep are injectable for tests.
 */

export interface HostLimiterOptions {
  concurrency: number;
  delayMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Longest pause a Retry-After can impose (default one hour): a hostile header must not stall us for days. */
  maxPauseMs?: number;
  /** Longest crawl delay honoured (default 60 s). */
  maxCrawlDelayMs?: number;
}

interface HostState {
  active: number;
  nextStartAt: number;
  pausedUntil: number;
  crawlDelayMs: number;
  waiters: Array<() => void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HostLimiter {
  readonly concurrency: number;
  readonly delayMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxPauseMs: number;
  private readonly maxCrawlDelayMs: number;
  private readonly hosts = new Map<string, HostState>();
  private acquisitions = 0;

  constructor(options: HostLimiterOptions) {
    this.concurrency = Math.max(1, options.concurrency);
    this.delayMs = Math.max(0, options.delayMs);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.maxPauseMs = options.maxPauseMs ?? 3_600_000;
    this.maxCrawlDelayMs = options.maxCrawlDelayMs ?? 60_000;
  }

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { active: 0, nextStartAt: 0, pausedUntil: 0, crawlDelayMs: 0, waiters: [] };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** Waits for a slot on `host`; call the returned function exactly once when the request is done. */
  async acquire(host: string): Promise<() => void> {
    if (++this.acquisitions % 1000 === 0) this.sweep();
    const s = this.state(host);
    for (;;) {
      const now = this.now();
      const readyAt = Math.max(s.nextStartAt, s.pausedUntil);
      if (s.active < this.concurrency && now >= readyAt) {
        s.active++;
        s.nextStartAt = now + Math.max(this.delayMs, s.crawlDelayMs);
        let released = false;
        return () => {
          if (released) return;
          released = true;
          s.active--;
          s.waiters.shift()?.();
          this.prune(host, s);
        };
      }
      if (s.active >= this.concurrency) await new Promise<void>((resolve) => s.waiters.push(resolve));
      else await this.sleep(readyAt - now);
    }
  }

  /** Stops starting requests to `host` for `ms` (Retry-After). */
  pause(host: string, ms: number): void {
    const s = this.state(host);
    s.pausedUntil = Math.max(s.pausedUntil, this.now() + Math.min(Math.max(0, ms), this.maxPauseMs));
  }

  /** Remembers the host's robots.txt Crawl-delay (used when larger than the configured delay). */
  setCrawlDelay(host: string, ms: number): void {
    const s = this.state(host);
    s.crawlDelayMs = Math.min(Math.max(0, ms), this.maxCrawlDelayMs);
  }

  /** Milliseconds until `host` may be contacted again (0 when it may be now). */
  pausedFor(host: string): number {
    const s = this.hosts.get(host);
    return s ? Math.max(0, s.pausedUntil - this.now()) : 0;
  }

  /** Hosts currently tracked (for metrics). */
  get size(): number {
    return this.hosts.size;
  }

  private sweep(): void {
    for (const [host, s] of this.hosts) this.prune(host, s);
  }

  private prune(host: string, s: HostState): void {
    // Idle hosts whose delays have passed carry no information: drop them so memory stays flat over months.
    if (s.active === 0 && s.waiters.length === 0 && this.now() >= Math.max(s.nextStartAt, s.pausedUntil)) {
      this.hosts.delete(host);
    }
  }
}
