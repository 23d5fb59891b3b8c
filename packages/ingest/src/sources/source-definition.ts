import { createHash } from 'node:crypto';
import { slugify } from '@newsgraph/shared';
import { canonicalizeUrl } from '../dedupe/canonicalize-url.ts';

/** One entry of the sources file: a feed or sitemap the crawler polls. */
export interface SourceDefinition {
  /** Stable id; derived from the URL when the file does not give one (sourceIdFor). */
  id: string;
  url: string;
  kind: 'feed' | 'sitemap';
  /** Polling interval in minutes (the file may say `interval: 15m` or `intervalMinutes: 15`). */
  intervalMinutes: number;
  selectors: { body?: string };
  tags: string[];
  enabled: boolean;
}

/** What a user gives to add a source: only the URL is required. */
export interface SourceInput {
  url: string;
  id?: string;
  kind?: 'feed' | 'sitemap';
  /** "15m", "1h", "1h30m", "2d" or a number of minutes. */
  interval?: string | number;
  selectors?: { body?: string };
  tags?: string[];
  enabled?: boolean;
}

export const DEFAULT_INTERVAL_MINUTES = 30;
export const MIN_INTERVAL_MINUTES = 1;
export const MAX_INTERVAL_MINUTES = 7 * 24 * 60;

const UNIT_MINUTES: Record<string, number> = { s: 1 / 60, m: 1, min: 1, h: 60, d: 1440 };

/** Minutes in a duration like "15m", "1h", "1h30m", "90s", "2d", or a bare number of minutes; null when not a duration. */
export function parseDurationMinutes(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : null;
  const text = value.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const re = /(\d+(?:\.\d+)?)\s*(min|s|m|h|d)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * UNIT_MINUTES[m[2]!]!;
    consumed = re.lastIndex;
  }
  return consumed === text.length && consumed > 0 && total > 0 ? total : null;
}

/** "15m", "1h", "1h30m", "2d": the shortest way to write a number of minutes. */
export function formatDurationMinutes(minutes: number): string {
  if (!Number.isInteger(minutes)) return `${Math.round(minutes * 60)}s`;
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes >= 60) return minutes % 60 === 0 ? `${minutes / 60}h` : `${Math.floor(minutes / 60)}h${minutes % 60}m`;
  return `${minutes}m`;
}

/**
 * A stable, readable id from a URL: host (without www.) and path, slugified, e.g.
 * https://feeds.bbci.co.uk/news/world/rss.xml → feeds-bbci-co-uk-news-world-rss-xml.
 * A short hash of the canonical URL is appended when the slug would be ambiguous (query
 * string, truncation).
 */
export function sourceIdFor(url: string): string {
  const canonical = canonicalizeUrl(url);
  const u = new URL(canonical);
  const base = slugify(`${u.hostname.replace(/^www\./, '')} ${u.pathname}`) || 'source';
  const hash = createHash('sha256').update(canonical).digest('hex').slice(0, 6);
  if (base.length > 60) return `${base.slice(0, 53).replace(/-+$/, '')}-${hash}`;
  return u.search ? `${base}-${hash}` : base;
}

/** Polling interval in milliseconds, as job schedulers need it. */
export function sourceIntervalMs(source: Pick<SourceDefinition, 'intervalMinutes'>): number {
  return Math.round(source.intervalMinutes * 60_000);
}
