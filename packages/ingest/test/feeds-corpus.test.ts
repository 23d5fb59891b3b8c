import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../src/feeds/parse-feed.ts';
import { decodeFeedBytes } from '../src/feeds/feed-file.ts';
import { FeedParseError } from '../src/feeds/feed-parse-error.ts';

/**
 * Every file of ../shared/feeds (3,519 feed-parser test files) through decode + parseFeed:
 * none may crash (an error other than FeedParseError), and every well-formed real RSS/Atom/RDF
 * file the manifest does not mark as deliberately malformed must parse. Durations are not
 * asserted (speed belongs to benchmarks): files slower than PER_FILE_MS are only reported, and a
 * pathological parse is caught by the test timeout (vitest.config.ts).
 */
const FEEDS = resolve(import.meta.dirname, '../../../../shared/feeds');
const present = existsSync(resolve(FEEDS, 'MANIFEST.csv'));
if (!present) console.warn(`SKIPPED feeds corpus test: ${FEEDS} is absent (it ships with the project's shared data, not the repo)`);

const PER_FILE_MS = 2000;

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

describe.skipIf(!present)('feeds corpus (../shared/feeds)', () => {
  it('parses or cleanly rejects every file, and parses every well-formed feed', async () => {
    const lines = readFileSync(resolve(FEEDS, 'MANIFEST.csv'), 'utf8').trim().split('\n');
    const header = splitCsvLine(lines[0]!);
    const col = (name: string) => header.indexOf(name);
    let parsed = 0;
    let rejected = 0;
    let items = 0;
    const crashes: string[] = [];
    const slow: string[] = [];
    const wellFormedFailures: string[] = [];
    const reasons = new Map<string, number>();
    for (const line of lines.slice(1)) {
      const row = splitCsvLine(line);
      const path = row[col('path')]!;
      const started = performance.now();
      try {
        const decoded = decodeFeedBytes(readFileSync(resolve(FEEDS, path)), path);
        const feed = await parseFeed(decoded.text, path);
        parsed++;
        items += feed.items.length;
      } catch (error) {
        if (!(error instanceof FeedParseError)) {
          crashes.push(`${path}: ${String(error)}`);
          continue;
        }
        rejected++;
        const key = error.reason.replace(/\d+/g, 'N').slice(0, 60);
        reasons.set(key, (reasons.get(key) ?? 0) + 1);
        expect(error.message.startsWith(path)).toBe(true);
        const root = row[col('root')]!;
        const wellFormedFeed =
          row[col('kind')] === 'xml-ish' && row[col('xml_wellformed')] === 'yes' && !row[col('deliberately_malformed')] && ['rss', 'feed', 'RDF', 'rdf'].includes(root);
        if (wellFormedFeed) wellFormedFailures.push(`${path}: ${error.reason}`);
      }
      const elapsed = performance.now() - started;
      if (elapsed > PER_FILE_MS) slow.push(`${path}: ${Math.round(elapsed)} ms`);
    }
    const top = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`feeds corpus: ${lines.length - 1} files, ${parsed} parsed (${items} items), ${rejected} rejected with FeedParseError; top reasons: ${JSON.stringify(top)}`);
    expect(parsed + rejected + crashes.length).toBe(lines.length - 1);
    expect(crashes).toEqual([]);
    if (slow.length > 0) console.warn(`feeds corpus: ${slow.length} files took over ${PER_FILE_MS} ms: ${slow.slice(0, 10).join('; ')}`);
    expect(wellFormedFailures).toEqual([]);
    expect(parsed).toBeGreaterThan(2700);
  });

  it("matches rss-parser's own expected item counts and titles (rss-parser-js/output)", async () => {
    const dir = resolve(FEEDS, 'rss-parser-js');
    const inputs = readdirSync(resolve(dir, 'input'));
    let compared = 0;
    for (const out of readdirSync(resolve(dir, 'output'))) {
      const base = out.replace(/\.json$/, '');
      const input = inputs.find((name) => name.replace(/\.\w+$/, '') === base);
      if (!input) continue;
      const gold = (JSON.parse(readFileSync(resolve(dir, 'output', out), 'utf8')) as { feed: { title?: string; items?: Array<{ link?: string }> } }).feed;
      const goldWithLink = (gold.items ?? []).filter((i) => i.link).length;
      const feed = await parseFeed(decodeFeedBytes(readFileSync(resolve(dir, 'input', input)), input).text, `https://example.org/${input}`);
      expect.soft(feed.items.length, input).toBe(goldWithLink);
      // Gold keeps surrounding whitespace and (encoding.rss) mis-decoded Latin-1; compare what survives both.
      if (gold.title && !gold.title.includes('\ufffd')) expect.soft(feed.title, input).toBe(gold.title.trim());
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });
});
