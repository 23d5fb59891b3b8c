import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@newsgraph/graph';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type RunningServer } from '../src/index.ts';
import { demoDocumentsWithXss, EVIL_AUTHOR, EVIL_NAME, EVIL_SENTENCE, EVIL_TITLE, IDS } from './fixtures/demo-documents.ts';

/**
 * End-to-end: the explorer page in Debian's Chromium (never a downloaded browser) against the
 * real server on 127.0.0.1:0, over demo-like data plus one hostile article written into a
 * temporary SQLite store.
 */

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = fileURLToPath(new URL('../../../artifacts/screenshots/', import.meta.url));
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The few browser globals the page-side callbacks use (the test program has no DOM lib). */
interface CyElement {
  id(): string;
  empty(): boolean;
  isNode(): boolean;
  renderedPosition(): { x: number; y: number };
  renderedMidpoint(): { x: number; y: number };
}
interface PageGlobals {
  newsgraphExplorer: {
    cy: {
      getElementById(id: string): CyElement;
      $(selector: string): { map<T>(fn: (e: CyElement) => T): T[] };
      container(): { getBoundingClientRect(): { left: number; top: number } };
    };
  };
  __pwned?: unknown;
  document: {
    activeElement: { getAttribute(name: string): string | null } | null;
    documentElement: { scrollWidth: number };
    querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>;
  };
  DOMParser: new () => { parseFromString(text: string, type: string): { getElementsByTagName(name: string): { length: number } } };
}

interface PageWatch {
  dialogs: string[];
  errors: string[];
}

function watch(page: Page): PageWatch {
  const seen: PageWatch = { dialogs: [], errors: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(`console: ${message.text()}`);
  });
  return seen;
}

/** Viewport coordinates of a graph element's centre (node) or midpoint (edge). */
async function graphPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((elementId) => {
    const cy = (globalThis as unknown as PageGlobals).newsgraphExplorer.cy;
    const ele = cy.getElementById(elementId);
    if (ele.empty()) throw new Error(`no graph element ${elementId}`);
    const p = ele.isNode() ? ele.renderedPosition() : ele.renderedMidpoint();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

async function graphIds(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (sel) => (globalThis as unknown as PageGlobals).newsgraphExplorer.cy.$(sel).map((e) => e.id()).sort(),
    selector,
  );
}

async function searchAndOpen(page: Page, input: string, text: string, entityId: string): Promise<void> {
  await page.fill(input, text);
  const option = page.locator(`[role="option"][data-entity-id="${entityId}"]`);
  await option.first().waitFor();
  await option.first().click();
}

describe('explorer page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let store: SqliteStore;
  let dir: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's Chromium with \`apt-get install -y chromium\` (no browser is ever downloaded)`);
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-explorer-'));
    store = await SqliteStore.open(join(dir, 'graph.db'));
    await store.migrate();
    await store.writeArticles(demoDocumentsWithXss());
    server = await createServer({ store, port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('searches, expands, shows evidence and finds a path', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const seen = watch(page);
    await page.goto(server.url);
    await expect.poll(() => page.locator('#top-entities li').count()).toBeGreaterThan(3);

    // Search "Russia": the suggestion list is reachable from the keyboard.
    await page.fill('#search-input', 'Russia');
    await page.locator(`[role="option"][data-entity-id="${IDS.russia}"]`).waitFor();
    await page.press('#search-input', 'ArrowDown');
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.getAttribute('data-entity-id'))).toBe(IDS.russia);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#entity-title')).toBe('Russia');
    await expect.poll(() => graphIds(page, 'node')).toEqual(
      [IDS.russia, IDS.china, IDS.iran, 'org:acme-evil'].sort(),
    );
    expect(await page.locator('#entity-attributes dd').first().textContent()).toBe('RU');
    // A server embedded without a curation service offers no corrections (and asks nothing that 404s).
    expect(await page.locator('#entity-curation-title').isHidden()).toBe(true);
    expect(await page.locator('#entity-timeline svg rect.bar').count()).toBeGreaterThan(5);

    // Double-click China to expand it: Blinken and Yellen appear.
    const china = await graphPoint(page, IDS.china);
    await page.mouse.dblclick(china.x, china.y);
    await expect.poll(() => graphIds(page, 'node')).toContain(IDS.blinken);
    expect(await graphIds(page, 'node.expanded')).toEqual([IDS.china, IDS.russia].sort());

    // Click the China → Russia edge: its two sentences, names highlighted, linked to the articles.
    const edge = await graphPoint(page, `${IDS.china}|SUPPLIES|${IDS.russia}`);
    await page.mouse.click(edge.x, edge.y);
    await expect.poll(() => page.locator('#evidence-list li.evidence').count()).toBe(2);
    const sentences = await page.locator('#evidence-list .sentence').allTextContents();
    expect(sentences).toContain('Blinken urged China to stop supplying chips to Russia.');
    const marks = await page.locator('#evidence-list .sentence').first().locator('mark').allTextContents();
    expect(marks).toEqual(['China', 'Russia']);
    expect(await page.locator('#evidence-list .source a').first().getAttribute('href')).toMatch(/^https:\/\/news\.example\//);
    await page.screenshot({ path: `${SCREENSHOTS}explorer-1280x800-evidence.png` });

    // Filters: only VISITED relations of the expanded entities.
    await page.click('#filters-panel summary');
    for (const box of await page.locator('#predicate-filters input').all()) {
      if ((await box.getAttribute('value')) !== 'VISITED') await box.uncheck();
    }
    await page.click('#filters button[type="submit"]');
    await expect.poll(() => graphIds(page, 'edge')).toEqual([`${IDS.blinken}|VISITED|${IDS.china}`, `${IDS.yellen}|VISITED|${IDS.china}`]);
    await page.click('#filters-reset');
    await expect.poll(async () => (await graphIds(page, 'edge')).length).toBeGreaterThan(4);

    // How is Janet Yellen connected to Iran? Through the Treasury.
    await searchAndOpen(page, '#path-from', 'Yellen', IDS.yellen);
    await searchAndOpen(page, '#path-to', 'Iran', IDS.iran);
    await page.click('#path-form button[type="submit"]');
    await expect.poll(() => page.locator('#path-result .hops li').count()).toBe(3);
    expect(await page.locator('#path-result .path').count()).toBe(1);
    expect(await page.locator('#path-result .hops li').allTextContents()).toEqual([
      'Janet Yellen HOLDS_ROLE →',
      'U.S. Department of the Treasury SANCTIONS →',
      'Iran',
    ]);
    expect(await graphIds(page, 'node.on-path')).toEqual([IDS.iran, IDS.yellen, IDS.treasury].sort());
    await page.screenshot({ path: `${SCREENSHOTS}explorer-1280x800-path.png` });

    // Exports: a PNG and a well-formed GraphML of what is on screen.
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    expect(png.suggestedFilename()).toBe('newsgraph.png');
    const [graphml] = await Promise.all([page.waitForEvent('download'), page.click('#export-graphml')]);
    const xml = await (await graphml.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    const parsed = await page.evaluate((text) => {
      const doc = new (globalThis as unknown as PageGlobals).DOMParser().parseFromString(text, 'application/xml');
      return { error: doc.getElementsByTagName('parsererror').length, nodes: doc.getElementsByTagName('node').length };
    }, xml);
    expect(parsed.error).toBe(0);
    expect(parsed.nodes).toBe((await graphIds(page, 'node')).length);
    expect(xml).toContain('&lt;img src=x onerror=');

    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('is usable at phone width: panels stack under the graph', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const seen = watch(page);
    await page.goto(`${server.url}/#entity=${encodeURIComponent(IDS.china)}`);
    await expect.poll(() => page.textContent('#entity-title')).toBe('China');
    const graphBox = (await page.locator('.graph-area').boundingBox())!;
    const sideBox = (await page.locator('.side').boundingBox())!;
    expect(graphBox.width).toBeGreaterThan(340);
    expect(sideBox.y).toBeGreaterThanOrEqual(graphBox.y + graphBox.height);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SCREENSHOTS}explorer-390x844.png` });
    await page.screenshot({ path: `${SCREENSHOTS}explorer-390x844-full.png`, fullPage: true });
    // Edges are hard to tap on a phone: the entity panel lists the same relations as buttons.
    await page.locator('#entity-relations button', { hasText: 'Russia' }).click();
    await expect.poll(() => page.locator('#evidence-list .sentence').count()).toBe(2);
    expect(await page.locator('#evidence-edge').textContent()).toBe('China SUPPLIES Russia');
    // Enter right after typing, before suggestions arrive, opens the best match.
    await page.fill('#search-input', 'Iran');
    await page.press('#search-input', 'Enter');
    await expect.poll(() => page.textContent('#entity-title')).toBe('Iran');
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('sends the token given once as ?token= and drops it from the address bar', async () => {
    const guarded = await createServer({ store, port: 0, token: 'explorer-secret' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const seen = watch(page);
    try {
      await page.goto(`${guarded.url}/?token=explorer-secret`);
      await expect.poll(() => page.locator('#top-entities li').count()).toBeGreaterThan(3);
      expect(new URL(page.url()).search).toBe('');
      await page.reload();
      await expect.poll(() => page.locator('#top-entities li').count()).toBeGreaterThan(3);
      // A wrong token: the page says so and offers the token form.
      await page.click('#token-toggle');
      await page.fill('#token-input', 'wrong');
      await page.click('#token-form button[type="submit"]');
      await expect.poll(() => page.textContent('#status')).toContain('needs an API token');
      expect(await page.isVisible('#token-form')).toBe(true);
      expect(seen.dialogs).toEqual([]);
    } finally {
      await page.close();
      await guarded.close();
    }
  });

  it('shows hostile article text and names literally and runs none of it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const seen = watch(page);
    await page.goto(server.url);
    await searchAndOpen(page, '#search-input', 'Acme', 'org:acme-evil');
    await expect.poll(() => page.textContent('#entity-title')).toBe(EVIL_NAME);
    expect(await page.locator('#entity-aliases li').allTextContents()).toEqual(['<script>window.__pwned=1</script>']);
    expect(await page.locator('#entity-attributes dd').allTextContents()).toContain('<svg onload="window.__pwned=1">');

    const edge = await graphPoint(page, `org:acme-evil|SUPPLIES|${IDS.russia}`);
    await page.mouse.click(edge.x, edge.y);
    await expect.poll(() => page.locator('#evidence-list .sentence').allTextContents()).toEqual([EVIL_SENTENCE]);
    // The evil name is highlighted as text, and the javascript: article URL is not a link.
    expect(await page.locator('#evidence-list mark').first().textContent()).toBe(EVIL_NAME);
    expect(await page.locator('#evidence-list a').count()).toBe(0);
    expect(await page.locator('#evidence-list .unsafe-link').textContent()).toBe(EVIL_TITLE);
    await page.click('#evidence-list .link-button');
    await expect.poll(() => page.locator('.article-meta').textContent()).toContain(`by ${EVIL_AUTHOR}`);
    await page.screenshot({ path: `${SCREENSHOTS}explorer-1280x800-xss.png` });

    // Nothing ran, and nothing from the data became markup.
    const dom = await page.evaluate(() => ({
      pwned: (globalThis as unknown as PageGlobals).__pwned,
      scripts: Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('script')).map((s) => s.getAttribute('src')),
      injected: (globalThis as unknown as PageGlobals).document.querySelectorAll('img, iframe, svg[onload], b, [onerror], [onload], a[href^="javascript:"]').length,
    }));
    expect(dom).toEqual({ pwned: undefined, scripts: ['/app.js'], injected: 0 });
    expect(await page.locator('body').innerText()).toContain(EVIL_SENTENCE);
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
