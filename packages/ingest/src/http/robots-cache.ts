import robotsParserModule from 'robots-parser';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
// robots-parser is CommonJS (`module.exports = function`); its typings describe an ES default export.
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => Robot;

/**
 * robots.txt per origin (RFC 9309), parsed by robots-parser and cached:
 * - 2xx: the rules apply, cached for `ttlMs` (24 h, the RFC's upper bound);
 * - 4xx (except 429): "unavailable", everything is allowed;
 * - 5xx, 429, network errors: "unreachable", everything is disallowed (the RFC requires a
 *   complete disallow while unreachable) until robots.txt is tried again on its own short
 *   schedule: `errorRetryMs` after the first failure, doubling per consecutive failure up to
 *   `errorTtlMs`. A refused page carries the time until that retry (`retryInMs`), so its job
 *   comes back just after it instead of spending its own retries on a cached failure;
 * - only the first 500 KiB is parsed (the RFC's minimum a crawler must read).
 * The loader (the fetcher) follows redirects and applies every other politeness rule; it reports
 * HTTP outcomes as results and throws only for errors that must fail the original fetch.
 */

export type RobotsLoadResult = { status: number; body: string } | { unreachable: string };

export type RobotsLoader = (robotsUrl: string) => Promise<RobotsLoadResult>;

export interface RobotsDecision {
  allowed: boolean;
  /** robots Crawl-delay for our user agent, in ms; null when none. */
  crawlDelayMs: number | null;
  /** True when the refusal is because robots.txt could not be fetched (retry later). */
  temporary: boolean;
  /** Why it was refused, for error messages. */
  reason: string | null;
  /** When temporary: milliseconds until robots.txt is fetched again. */
  retryInMs: number | null;
}

export interface RobotsCacheOptions {
  userAgent: string;
  ttlMs?: number;
  /** Longest wait before an unreachable robots.txt is tried again (default 10 min). */
  errorTtlMs?: number;
  /** Wait after the first failure (default 30 s); doubles per consecutive failure. */
  errorRetryMs?: number;
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  expiresAt: number;
  robot: Robot | null;
  mode: 'rules' | 'allow-all' | 'unreachable';
  detail: string;
  /** Consecutive unreachable answers (0 otherwise). */
  failures: number;
}

const MAX_ROBOTS_CHARS = 500 * 1024;

export class RobotsCache {
  private readonly userAgent: string;
  private readonly ttlMs: number;
  private readonly errorTtlMs: number;
  private readonly errorRetryMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry>>();

  constructor(options: RobotsCacheOptions) {
    this.userAgent = options.userAgent;
    this.ttlMs = options.ttlMs ?? 24 * 3600_000;
    this.errorTtlMs = options.errorTtlMs ?? 10 * 60_000;
    this.errorRetryMs = Math.min(options.errorRetryMs ?? 30_000, this.errorTtlMs);
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The robots.txt URL governing `url` (same scheme, host and port). */
  static robotsUrlFor(url: string): string {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/robots.txt`;
  }

  async check(url: string, load: RobotsLoader): Promise<RobotsDecision> {
    const robotsUrl = RobotsCache.robotsUrlFor(url);
    const entry = await this.entryFor(robotsUrl, load);
    if (entry.mode === 'unreachable') {
      const retryInMs = Math.max(0, entry.expiresAt - this.now());
      return {
        allowed: false,
        crawlDelayMs: null,
        temporary: true,
        reason: `robots.txt unreachable (${entry.detail}); trying it again in ${Math.ceil(retryInMs / 1000)} s`,
        retryInMs,
      };
    }
    if (entry.mode === 'allow-all' || !entry.robot) return { allowed: true, crawlDelayMs: null, temporary: false, reason: null, retryInMs: null };
    const allowed = entry.robot.isAllowed(url, this.userAgent) !== false;
    const delay = entry.robot.getCrawlDelay(this.userAgent);
    const crawlDelayMs = typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? Math.round(delay * 1000) : null;
    if (allowed) return { allowed: true, crawlDelayMs, temporary: false, reason: null, retryInMs: null };
    const line = entry.robot.getMatchingLineNumber(url, this.userAgent);
    return {
      allowed: false,
      crawlDelayMs,
      temporary: false,
      reason: `disallowed by ${robotsUrl}${line > 0 ? ` line ${line}` : ''}`,
      retryInMs: null,
    };
  }

  /** Forgets everything (tests, or an operator's "reload robots"). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private async entryFor(robotsUrl: string, load: RobotsLoader): Promise<Entry> {
    const cached = this.entries.get(robotsUrl);
    if (cached && cached.expiresAt > this.now()) return cached;
    let pending = this.inflight.get(robotsUrl);
    if (!pending) {
      pending = this.loadEntry(robotsUrl, load).finally(() => this.inflight.delete(robotsUrl));
      this.inflight.set(robotsUrl, pending);
    }
    return pending;
  }

  private async loadEntry(robotsUrl: string, load: RobotsLoader): Promise<Entry> {
    // A loader that throws (e.g. the host is refused by the SSRF guard) fails this check without caching anything.
    const result = await load(robotsUrl);
    const now = this.now();
    const previous = this.entries.get(robotsUrl);
    const unreachable = (detail: string): Entry => {
      const failures = (previous?.mode === 'unreachable' ? previous.failures : 0) + 1;
      const wait = Math.min(this.errorTtlMs, this.errorRetryMs * 2 ** Math.min(failures - 1, 20));
      return { expiresAt: now + wait, robot: null, mode: 'unreachable', detail, failures };
    };
    let entry: Entry;
    if ('unreachable' in result) {
      entry = unreachable(result.unreachable);
    } else if (result.status >= 200 && result.status < 300) {
      entry = {
        expiresAt: now + this.ttlMs,
        robot: robotsParser(robotsUrl, result.body.slice(0, MAX_ROBOTS_CHARS)),
        mode: 'rules',
        detail: '',
        failures: 0,
      };
    } else if (result.status >= 400 && result.status < 500 && result.status !== 429) {
      entry = { expiresAt: now + this.ttlMs, robot: null, mode: 'allow-all', detail: `HTTP ${result.status}`, failures: 0 };
    } else {
      entry = unreachable(`HTTP ${result.status}`);
    }
    if (this.entries.size >= this.maxEntries) {
      // Map keeps insertion order: drop the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(robotsUrl);
    this.entries.set(robotsUrl, entry);
    return entry;
  }
}
