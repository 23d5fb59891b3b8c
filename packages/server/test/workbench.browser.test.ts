import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@newsgraph/graph';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type RunningServer } from '../src/index.ts';
import { WB, workbenchDocuments } from './fixtures/workbench-documents.ts';

/**
 * The journalist's workbench (issue 13) in Debian's Chromium, never a downloaded browser:
 * panels that follow the current entity and the filters, the path finder with filters and
 * "Leave out", the address bar's #entity=, evidence that names who "he" is, and the world map.
 */

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic', '--disable-sync'];

interface CyCollection {
  map<T>(fn: (e: { id(): string; data(key: string): unknown }) => T): T[];
}
interface PageGlobals {
  newsgraphExplorer: { cy: { $(selector: string): CyCollection } };
  location: { hash: string };
  history: { back(): void };
}

function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return errors;
}

async function edgePredicates(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...new Set((globalThis as unknown as PageGlobals).newsgraphExplorer.cy.$('edge').map((e) => String(e.data('predicate'))))].sort(),
  );
}

async function pick(page: Page, input: string, text: string, entityId: string): Promise<void> {
  await page.fill(input, text);
  const option = page.locator(`[role="option"][data-entity-id="${entityId}"]`).first();
  await option.waitFor();
  await option.click();
}

/** Sets a filter checkbox (`predicate-HOLDS_ROLE`, `type-Goods`, `exclude-HOLDS_ROLE`). */
async function setCheck(page: Page, id: string, checked: boolean): Promise<void> {
  if (checked) await page.check(`#${id}`);
  else await page.uncheck(`#${id}`);
}

describe('explorer workbench in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let store: SqliteStore;
  let dir: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's Chromium with \`apt-get install -y chromium\` (no browser is ever downloaded)`);
    }
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-workbench-'));
    store = await SqliteStore.open(join(dir, 'graph.db'));
    await store.migrate();
    await store.writeArticles(workbenchDocuments());
    server = await createServer({ store, port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('follows #entity= in the address bar and closes evidence that belongs to another entity', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watch(page);
    await page.goto(`${server.url}/#entity=${encodeURIComponent(WB.blair)}`);
    await expect.poll(() => page.textContent('#entity-title')).toBe('Tony Blair');

    // Evidence of Blair's meeting with Straw is open ...
    await page.locator('#entity-relations button', { hasText: 'Jack Straw' }).click();
    await expect.poll(() => page.locator('#evidence-list .sentence').allTextContents()).toEqual(['Tony Blair met Jack Straw on Tuesday.']);

    // ... a new #entity= typed into the address bar opens Gordon Brown, and the Blair–Straw
    // evidence, which does not concern him, goes away.
    await page.evaluate((id) => {
      (globalThis as unknown as PageGlobals).location.hash = `#entity=${encodeURIComponent(id)}`;
    }, WB.brown);
    await expect.poll(() => page.textContent('#entity-title')).toBe('Gordon Brown');
    expect(await page.isVisible('#evidence-panel')).toBe(false);
    expect(await page.locator('#evidence-list li').count()).toBe(0);

    // Evidence that does concern the new entity stays: Brown–Straw, then open Straw.
    await page.locator('#entity-relations button', { hasText: 'Jack Straw' }).click();
    await expect.poll(() => page.locator('#evidence-list .sentence').allTextContents()).toEqual(['Jack Straw later met Gordon Brown.']);
    await pick(page, '#search-input', 'Straw', WB.straw);
    await expect.poll(() => page.textContent('#entity-title')).toBe('Jack Straw');
    expect(await page.isVisible('#evidence-panel')).toBe(true);

    // Opening Straw from the page made a history entry: Back returns to Brown, then to Blair.
    expect(new URL(page.url()).hash).toBe(`#entity=${encodeURIComponent(WB.straw)}`);
    await page.evaluate(() => (globalThis as unknown as PageGlobals).history.back());
    await expect.poll(() => page.textContent('#entity-title')).toBe('Gordon Brown');
    await page.evaluate(() => (globalThis as unknown as PageGlobals).history.back());
    await expect.poll(() => page.textContent('#entity-title')).toBe('Tony Blair');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the relations list and the graph in step with the filters', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watch(page);
    await page.goto(`${server.url}/#entity=${encodeURIComponent(WB.blair)}`);
    await expect.poll(() => page.textContent('#entity-title')).toBe('Tony Blair');
    const relations = () => page.locator('#entity-relations .predicate').allTextContents();
    await expect.poll(async () => [...new Set(await relations())].sort()).toEqual(['HOLDS_ROLE →', 'MET_WITH ↔', 'VISITED →']);

    await page.click('#filters-panel summary');
    await setCheck(page, 'predicate-HOLDS_ROLE', false);
    await page.click('#filters button[type="submit"]');
    await expect.poll(async () => [...new Set(await relations())].sort()).toEqual(['MET_WITH ↔', 'VISITED →']);
    expect(await edgePredicates(page)).toEqual(['MET_WITH', 'VISITED']);

    // Evidence for a relation the filters now hide is closed.
    await page.locator('#entity-relations button', { hasText: 'Basra' }).click();
    await expect.poll(() => page.isVisible('#evidence-panel')).toBe(true);
    await setCheck(page, 'predicate-VISITED', false);
    await page.click('#filters button[type="submit"]');
    await expect.poll(() => page.isVisible('#evidence-panel')).toBe(false);
    await expect.poll(async () => [...new Set(await relations())]).toEqual(['MET_WITH ↔']);

    // Types too: without people nothing is left for Blair.
    await page.click('#filters-reset');
    await expect.poll(async () => (await relations()).length).toBeGreaterThan(3);
    await setCheck(page, 'type-Person', false);
    await page.click('#filters button[type="submit"]');
    await expect.poll(() => page.locator('#entity-relations li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Basra'), expect.stringContaining('United Kingdom')]),
    );
    expect(await page.locator('#entity-relations li', { hasText: 'Jack Straw' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds paths with the relation filters and without left-out predicates', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watch(page);
    await page.goto(server.url);
    await pick(page, '#path-from', 'Blair', WB.blair);
    await pick(page, '#path-to', 'Gordon', WB.brown);
    const hops = () => page.locator('#path-result .path').first().locator('.hops > li').allTextContents();

    // Through the hub first: both hold a role in the United Kingdom.
    await page.click('#path-form button[type="submit"]');
    await expect.poll(hops).toEqual(['Tony Blair HOLDS_ROLE →', 'United Kingdom ← HOLDS_ROLE', 'Gordon Brown']);

    // Leave HOLDS_ROLE out: through the meetings with Jack Straw.
    await setCheck(page, 'exclude-HOLDS_ROLE', true);
    await page.click('#path-form button[type="submit"]');
    await expect.poll(hops).toEqual(['Tony Blair MET_WITH ↔', 'Jack Straw MET_WITH ↔', 'Gordon Brown']);

    // The relation filters apply as well: without MET_WITH there is no other way.
    await page.click('#filters-panel summary');
    await setCheck(page, 'predicate-MET_WITH', false);
    await page.click('#path-form button[type="submit"]');
    await expect.poll(() => page.locator('#path-result li.meta').textContent()).toBe('No connection within 4 hops with the relations chosen.');

    // Filtering to MET_WITH alone and leaving it out leaves nothing to follow: said, not sent.
    await setCheck(page, 'exclude-HOLDS_ROLE', false);
    await page.click('#filters-reset');
    for (const box of await page.locator('#predicate-filters input').all()) {
      if ((await box.getAttribute('value')) !== 'MET_WITH') await box.uncheck();
    }
    await setCheck(page, 'exclude-MET_WITH', true);
    await page.click('#path-form button[type="submit"]');
    await expect.poll(() => page.textContent('#status')).toContain('exclude every relation');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the sentence that names who "he" is, and a planned claim as planned', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watch(page);
    await page.goto(`${server.url}/#entity=${encodeURIComponent(WB.blair)}`);
    await expect.poll(() => page.textContent('#entity-title')).toBe('Tony Blair');

    await page.locator('#entity-relations button', { hasText: 'Basra' }).click();
    const item = page.locator('#evidence-list li.evidence').first();
    await expect.poll(() => item.locator('.sentence').textContent()).toBe('He also flew to Basra.');
    expect(await item.locator('.antecedent').textContent()).toBe('Named in: Tony Blair landed in Baghdad on Monday.');
    expect(await item.locator('.antecedent mark').allTextContents()).toEqual(['Tony Blair']);
    expect(await item.locator('.sentence mark').allTextContents()).toEqual(['Basra']);
    expect(await item.locator('.modality').count()).toBe(0);
    // The article view marks both sentences.
    await item.locator('.link-button').click();
    await expect.poll(() => item.locator('.article-text mark').allTextContents()).toEqual(['Tony Blair landed in Baghdad on Monday.', 'He also flew to Basra.']);

    await page.locator('#entity-relations button', { hasText: 'Iraq' }).click();
    const planned = page.locator('#evidence-list li.evidence').first();
    await expect.poll(() => planned.locator('.modality').textContent()).toBe('planned');
    expect(await planned.locator('.sentence').textContent()).toBe('planned He will come back to Iraq in the autumn.');
    expect(await planned.locator('.antecedent').textContent()).toBe('Named in: Tony Blair landed in Baghdad on Monday.');
    await page.screenshot({ path: join(dir, 'antecedent.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws supply and shipping relations on the world map, filtered like the graph', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watch(page);
    await page.goto(server.url);
    await page.click('#view-map');
    const arrows = () => page.locator('.world-map .arrow').evaluateAll((list) => list.map((a) => a.getAttribute('data-edge')).sort());
    await expect.poll(arrows).toEqual([`${WB.china}|SUPPLIES|${WB.russia}`, `${WB.maker}|SUPPLIES|${WB.russia}`].sort());
    // The outline is drawn from the served world-atlas file, every country a path.
    expect(await page.locator('.world-map path.country').count()).toBeGreaterThan(150);
    expect(await page.isVisible('#cy')).toBe(false);

    // Countries sit on their outline: Russia north of China; Dubai (its own coordinates) west
    // of China and south of Russia; the company at its country's place.
    const centre = (id: string) =>
      page.locator(`.world-map circle.point[data-entity-id="${id}"]`).evaluate((c) => ({ x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) }));
    const [russia, china, maker] = [await centre(WB.russia), await centre(WB.china), await centre(WB.maker)];
    expect(russia.y).toBeLessThan(china.y);
    expect(maker).toEqual(china);
    const dubai = await page.locator(`.world-map circle.transit-ring[data-hub="${WB.dubai}"]`).evaluate((c) => ({ x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) }));
    expect(dubai.x).toBeLessThan(china.x);
    expect(dubai.y).toBeGreaterThan(china.y);
    expect(await page.textContent('#map-summary')).toBe('2 supply/shipping arrows · 4 points on the map · 1 transit hub');
    await page.screenshot({ path: join(dir, 'map.png') });

    // An arrow, reached from the keyboard, opens its evidence.
    await page.locator(`.world-map .arrow[data-edge="${WB.china}|SUPPLIES|${WB.russia}"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#evidence-list .sentence').allTextContents()).toEqual(['China supplies most of the chips Russia imports.']);
    expect(await page.locator('#evidence-edge').textContent()).toBe('China SUPPLIES Russia');

    // Filters: no organisations, then no SUPPLIES, then no goods.
    await page.click('#filters-panel summary');
    await setCheck(page, 'type-Organization', false);
    await page.click('#filters button[type="submit"]');
    await expect.poll(arrows).toEqual([`${WB.china}|SUPPLIES|${WB.russia}`]);
    await setCheck(page, 'predicate-SUPPLIES', false);
    await page.click('#filters button[type="submit"]');
    await expect.poll(arrows).toEqual([]);
    expect(await page.locator('.world-map circle.transit-ring').count()).toBe(1);
    await setCheck(page, 'type-Goods', false);
    await page.click('#filters button[type="submit"]');
    await expect.poll(() => page.locator('.world-map circle.transit-ring').count()).toBe(0);
    await expect.poll(() => page.textContent('#status')).toContain('No supply or shipping relation');

    // A dot opens its entity; the graph view comes back with it.
    await page.click('#filters-reset');
    await expect.poll(arrows).toHaveLength(2);
    await page.locator(`.world-map circle.point[data-entity-id="${WB.russia}"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#entity-title')).toBe('Russia');
    await page.click('#view-graph');
    expect(await page.isVisible('#cy')).toBe(true);
    expect(await page.isVisible('#map')).toBe(false);
    // No CSP violation, no failed script: the map's libraries come from this server.
    expect(errors).toEqual([]);
    await page.close();
  });
});
