import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@newsgraph/graph';
import { contentHash, toArticleDocument, type ListEntry } from '@newsgraph/shared';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type RunningServer } from '../src/index.ts';

/**
 * The explorer's sanctions-list features in Debian's Chromium: a badge (class `listed`) on listed
 * nodes, the listing details with score and reasons, and the "listed only" filter. Invented data;
 * the entry's remarks carry markup that must stay text.
 */

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const EVIL = '<img src=x onerror="window.__pwned=1">';

interface Globals {
  newsgraphExplorer: { cy: { $(s: string): { map<T>(fn: (e: { id(): string }) => T): T[] } } };
  __pwned?: unknown;
}

describe('explorer: sanctions listings', () => {
  let dir: string;
  let store: SqliteStore;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-explorer-lists-'));
    store = await SqliteStore.open(join(dir, 'graph.db'));
    const text = 'Odile Merville met Quuxbank officials in Freedonia.';
    await store.writeArticle(
      toArticleDocument(
        { id: 'art-1', url: 'https://news.example/1', canonicalUrl: 'https://news.example/1', title: 'T', outlet: null, author: null, publishedAt: '2024-01-01T00:00:00Z', fetchedAt: '2024-01-01T00:00:00Z', language: 'en', text, contentHash: contentHash(text) },
        {
          entities: [
            { id: 'person:odile-merville', type: 'Person', name: 'Odile Merville', attributes: {}, mentions: [{ start: 0, end: 14, text: 'Odile Merville' }] },
            { id: 'org:quuxbank', type: 'Organization', name: 'Quuxbank', attributes: {}, mentions: [{ start: 19, end: 27, text: 'Quuxbank' }] },
          ],
          relations: [{ subject: 'person:odile-merville', predicate: 'MET_WITH', object: 'org:quuxbank', evidence: { sentence: text, start: 0, end: text.length, rule: 'test', confidence: 0.9 } }],
        },
      ),
    );
    const entry: ListEntry = { list: 'test-list', id: 'Q-1', type: 'organization', name: 'QUUXBANK OJSC', aliases: [], programs: ['PROG-A'], listedOn: '2020-01-02', nationalities: [], countries: [], identifiers: [], remarks: EVIL };
    await store.lists.replaceList({ list: 'test-list', format: 'un-xml', versionDate: null, source: 'x', entries: [entry] });
    await store.lists.replaceListings({ lists: ['test-list'] }, [{ entityId: 'org:quuxbank', list: 'test-list', entryId: 'Q-1', score: 0.97, features: { name_exact: 1, legal_form_removed: 1 }, matchedName: 'QUUXBANK OJSC' }]);
    server = await createServer({ store, port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('badges listed nodes, shows the listing with its reasons, and filters to listed only', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}#entity=${encodeURIComponent('org:quuxbank')}`);
    await page.waitForFunction(() => (globalThis as unknown as Globals).newsgraphExplorer.cy.$('node.listed').map((n) => n.id()).length > 0);
    expect(await page.evaluate(() => (globalThis as unknown as Globals).newsgraphExplorer.cy.$('node.listed').map((n) => n.id()))).toEqual(['org:quuxbank']);
    await page.waitForSelector('#entity-listings:not([hidden]) li');
    const details = await page.textContent('#entity-listings');
    expect(details).toContain('test-list Q-1 · score 0.97 · QUUXBANK OJSC (organization)');
    expect(details).toContain('matched “QUUXBANK OJSC”: name exact, legal form removed');
    await page.check('#listed-only');
    const hidden = await page.evaluate(() => (globalThis as unknown as Globals).newsgraphExplorer.cy.$('.unlisted-hidden').map((n) => n.id()));
    expect(hidden).toContain('person:odile-merville');
    expect(hidden).not.toContain('org:quuxbank');
    await page.click('#entity-listings summary');
    expect(await page.evaluate(() => (globalThis as unknown as Globals).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });
});
