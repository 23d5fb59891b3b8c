import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@newsgraph/graph';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type RunningServer } from '../src/index.ts';
import { hubDocuments, OFFICIAL_COUNT, WB, workbenchDocuments } from './fixtures/workbench-documents.ts';

/**
 * The journalist's workbench (issue 13) in Debian's Chromium, never a downloaded browser:
 * panels that follow the current entity and the filters, the path finder with filters and
 * "Leave out", the address bar's #entity=, evidence that names who "he" is, and the world map.
 */

const CHROMIUM = '/usr/bin/chromium';
/** How long a check may wait for the page (the machine is shared); no test asserts a duration. */
const POLL = { timeout: 20_000, interval: 100 };
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic', '--disable-sync'];

interface CyElement {
  id(): string;
  data(key: string): unknown;
  hasClass(name: string): boolean;
  position(): { x: number; y: number };
  width(): number;
  renderedBoundingBox(): { x1: number; y1: number; x2: number; y2: number };
  pstyle(name: string): { value: unknown; strValue?: string };
}
interface CyCollection {
  map<T>(fn: (e: CyElement) => T): T[];
  length: number;
}
interface PageGlobals {
  newsgraphExplorer: { cy: { $(selector: string): CyCollection; width(): number; height(): number } };
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

async function nodeCount(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).newsgraphExplorer.cy.$('node').length);
}

/** Opens an entity through the address bar and waits until its expansion is drawn. */
async function openByHash(page: Page, id: string, name: string): Promise<void> {
  await page.evaluate((h) => {
    (globalThis as unknown as PageGlobals).location.hash = h;
  }, `#entity=${encodeURIComponent(id)}`);
  // Laying out a crowded graph takes a while on a shared machine: generous waits, no timing asserted.
  await expect.poll(() => page.textContent('#entity-title'), { ...POLL, timeout: 30_000 }).toBe(name);
  await expect.poll(() => page.textContent('#status'), { ...POLL, timeout: 30_000 }).toContain(`${name}: `);
}

async function expandAgain(page: Page, expectedNodes: number): Promise<void> {
  await page.click('#entity-expand');
  await expect.poll(() => nodeCount(page), { ...POLL, timeout: 30_000 }).toBe(expectedNodes);
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
    await expect.poll(() => page.textContent('#entity-title'), POLL).toBe('Tony Blair');

    // Evidence of Blair's meeting with Straw is open ...
    await page.locator('#entity-relations button', { hasText: 'Jack Straw' }).click();
    await expect.poll(() => page.locator('#evidence-list .sentence').allTextContents(), POLL).toEqual(['Tony Blair met Jack Straw on Tuesday.']);

    // ... a new #entity= typed into the address bar opens Gordon Brown, and the Blair–Straw
    // evidence, which does not concern him, goes away.
    await page.evaluate((id) => {
      (globalThis as unknown as PageGlobals).location.hash = `#entity=${encodeURIComponent(id)}`;
    }, WB.brown);
    await expect.poll(() => page.textContent('#entity-title'), POLL).toBe('Gordon Brown');
    expect(await page.isVisible('#evidence-panel')).toBe(false);
    expect(await page.locator('#evidence-list li').count()).toBe(0);

    // Evidence that does concern the new entity stays: Brown–Straw, then open Straw.
    await page.locator('#entity-relations button', { hasText: 'Jack Straw' }).click();
    await expect.poll(() => page.locator('#evidence-list .sentence').allTextContents(), POLL).toEqual(['Jack Straw later met Gordon Brown.']);
    await pick(page, '#search-input', 'Straw', WB.straw);
    await expect.poll(() => page.textContent('#entity-title'), POLL).toBe('Jack Straw');
    expect(await page.isVisible('#evidence-panel')).toBe(true);

    // Opening Straw from the page made a history entry: Back returns to Brown, then to Blair.
    expect(new URL(page.url()).hash).toBe(`#entity=${encodeURIComponent(WB.straw)}`);
    await page.evaluate(() => (globalThis as unknown as PageGlobals).history.back());
    await expect.poll(() => page.textContent('#entity-title'), POLL).toBe('Gordon Brown');
    await page.evaluate(() => (globalThis as unknown as PageGlobals).history.back());
    await expect.poll(() => page.textContent('#entity-title'), POLL).toBe('Tony Blair');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the relations list and the graph in step with the filters', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watch(page);
    await page.goto(`${server.url}/#entity=${encodeURIComponent(WB.blair)}`);
    await expect.poll(() => page.textContent('#entity-title'), POLL).toBe('Tony Blair');
    const relations = () => page.locator('#entity-relations .predicate').allTextContents();
    await expect.poll(async () => [...new Set(await relations())].sort(), POLL).toEqual(['HOLDS_ROLE →', 'MET_WITH ↔', 'VISITED →']);

    await page.click('#filters-panel summary');
    await setCheck(page, 'predicate-HOLDS_ROLE', false);
    await page.click('#filters button[type="submit"]');
    await expect.poll(async () => [...new Set(await relations())].sort(), POLL).toEqual(['MET_WITH ↔', 'VISITED →']);
    expect(await edgePredicates(page)).toEqual(['MET_WITH', 'VISITED']);

    // Evidence for a relation the filters now hide is closed.
    await page.locator('#entity-relations button', { hasText: 'Basra' }).click();
    await expect.poll(() => page.isVisible('#evidence-panel'), POLL).toBe(true);
    await setCheck(page, 'predicate-VISITED', false);
    await page.click('#filters button[type="submit"]');
    await expect.poll(() => page.isVisible('#evidence-panel'), POLL).toBe(false);
    await expect.poll(async () => [...new Set(await relations())], POLL).toEqual(['MET_WITH ↔']);

    // Types too: without people nothing is left for Blair.
    await page.click('#filters-reset');
    await expect.poll(async () => (await relations()).length, POLL).toBeGreaterThan(3);
    await setCheck(page, 'type-Person', false);
    await page.click('#filters button[type="submit"]');
    // The list before the change also holds Basra and the United Kingdom: wait for Straw to go first.
    await expect.poll(() => page.locator('#entity-relations li', { hasText: 'Jack Straw' }).count(), POLL).toBe(0);
    expect(await page.locator('#entity-relations li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Basra'), expect.stringContaining('United Kingdom')]),
    );
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
    await expect.poll(hops, POLL).toEqual(['Tony Blair HOLDS_ROLE →', 'United Kingdom ← HOLDS_ROLE', 'Gordon Brown']);

    // Leave HOLDS_ROLE out: through the meetings with Jack Straw.
    await setCheck(page, 'exclude-HOLDS_ROLE', true);
    await page.click('#path-form button[type="submit"]');
    await expect.poll(hops, POLL).toEqual(['Tony Blair MET_WITH ↔', 'Jack Straw MET_WITH ↔', 'Gordon Brown']);

    // The relation filters apply as well: without MET_WITH there is no other way.
    await page.click('#filters-panel summary');
    await setCheck(page, 'predicate-MET_WITH', false);
    await page.click('#path-form button[type="submit"]');
    await expect.poll(() => page.locator('#path-result li.meta').textContent(), POLL).toBe('No connection within 4 hops with the relations chosen.');

    // Filtering to MET_WITH alone and leaving it out leaves nothing to follow: said, not sent.
    await setCheck(page, 'exclude-HOLDS_ROLE', false);
    await page.click('#filters-reset');
    for (const box of await page.locator('#predicate-filters input').all()) {
      if ((await box.getAttribute('value')) !== 'MET_WITH') await box.uncheck();
    }
    await setCheck(page, 'exclude-MET_WITH', true);
    await page.click('#path-form button[type="submit"]');
    await expect.poll(() => page.textContent('#status'), POLL).toContain('exclude every relation');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the sentence that names who "he" is, and a planned claim as planned', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watch(page);
    await page.goto(`${server.url}/#entity=${encodeURIComponent(WB.blair)}`);
    await expect.poll(() => page.textContent('#entity-title'), POLL).toBe('Tony Blair');

    await page.locator('#entity-relations button', { hasText: 'Basra' }).click();
    const item = page.locator('#evidence-list li.evidence').first();
    await expect.poll(() => item.locator('.sentence').textContent(), POLL).toBe('He also flew to Basra.');
    expect(await item.locator('.antecedent').textContent()).toBe('Named in: Tony Blair landed in Baghdad on Monday.');
    expect(await item.locator('.antecedent mark').allTextContents()).toEqual(['Tony Blair']);
    expect(await item.locator('.sentence mark').allTextContents()).toEqual(['Basra']);
    expect(await item.locator('.modality').count()).toBe(0);
    // The article view marks both sentences.
    await item.locator('.link-button').click();
    await expect.poll(() => item.locator('.article-text mark').allTextContents(), POLL).toEqual(['Tony Blair landed in Baghdad on Monday.', 'He also flew to Basra.']);

    await page.locator('#entity-relations button', { hasText: 'Iraq' }).click();
    const planned = page.locator('#evidence-list li.evidence').first();
    await expect.poll(() => planned.locator('.modality').textContent(), POLL).toBe('planned');
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
    await expect.poll(arrows, POLL).toEqual([`${WB.china}|SUPPLIES|${WB.russia}`, `${WB.maker}|SUPPLIES|${WB.russia}`].sort());
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
    await expect.poll(() => page.locator('#evidence-list .sentence').allTextContents(), POLL).toEqual(['China supplies most of the chips Russia imports.']);
    expect(await page.locator('#evidence-edge').textContent()).toBe('China SUPPLIES Russia');

    // Filters: no organisations, then no SUPPLIES, then no goods.
    await page.click('#filters-panel summary');
    await setCheck(page, 'type-Organization', false);
    await page.click('#filters button[type="submit"]');
    await expect.poll(arrows, POLL).toEqual([`${WB.china}|SUPPLIES|${WB.russia}`]);
    await setCheck(page, 'predicate-SUPPLIES', false);
    await page.click('#filters button[type="submit"]');
    await expect.poll(arrows, POLL).toEqual([]);
    expect(await page.locator('.world-map circle.transit-ring').count()).toBe(1);
    await setCheck(page, 'type-Goods', false);
    await page.click('#filters button[type="submit"]');
    await expect.poll(() => page.locator('.world-map circle.transit-ring').count(), POLL).toBe(0);
    await expect.poll(() => page.textContent('#status'), POLL).toContain('No supply or shipping relation');

    // A dot opens its entity; the graph view comes back with it.
    await page.click('#filters-reset');
    await expect.poll(arrows, POLL).toHaveLength(2);
    await page.locator(`.world-map circle.point[data-entity-id="${WB.russia}"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#entity-title'), POLL).toBe('Russia');
    await page.click('#view-graph');
    expect(await page.isVisible('#cy')).toBe(true);
    expect(await page.isVisible('#map')).toBe(false);
    // No CSP violation, no failed script: the map's libraries come from this server.
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pages through a hub: a first page in the graph, Show more in the panel, groups with counts, expand by group', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watch(page);
    const total = OFFICIAL_COUNT + 3; // the officials, Blair, Brown and the Bank of England
    await page.goto(server.url);
    await openByHash(page, WB.uk, 'United Kingdom');
    // The strongest 30 neighbours, not all of them.
    expect(await nodeCount(page)).toBe(31);
    expect(await page.textContent('#status')).toContain(`relations 1–30 of ${total} (strongest first), 31 new nodes; expand again for the next ${total - 30}`);
    expect(await page.textContent('#entity-relations-summary')).toBe(`${total} relations, strongest 30 listed`);
    expect(await page.locator('#entity-relations li').count()).toBe(30);

    // Show more in the panel lists the rest.
    expect(await page.textContent('#entity-relations-more')).toBe(`Show ${total - 30} more (${total - 30} left)`);
    await page.click('#entity-relations-more');
    await expect.poll(() => page.locator('#entity-relations li').count(), POLL).toBe(total);
    expect(await page.isVisible('#entity-relations-more')).toBe(false);
    expect(await page.textContent('#entity-relations-summary')).toBe(`${total} relations`);

    // Groups by predicate and type, with counts; one narrows the list.
    const chips = await page.locator('#entity-groups .group-toggle').allTextContents();
    expect(chips).toEqual([`HOLDS_ROLE · Person ${OFFICIAL_COUNT + 2}`, 'LOCATED_IN · Organization 1']);
    await page.click('#entity-groups .group-toggle[data-group="Organization|LOCATED_IN"]');
    await expect.poll(() => page.locator('#entity-relations li').allTextContents(), POLL).toEqual(['← LOCATED_IN Bank of England 1 art.']);
    expect(await page.getAttribute('#entity-groups .group-toggle[data-group="Organization|LOCATED_IN"]', 'aria-pressed')).toBe('true');
    await page.click('#entity-groups .group-toggle[data-group="Person|HOLDS_ROLE"]');
    await expect.poll(() => page.textContent('#entity-relations-summary'), POLL).toBe(`${OFFICIAL_COUNT + 2} relations · HOLDS_ROLE · Person, strongest 30 listed`);

    // Expand by group: the officials not drawn yet join the graph, the bank does not.
    const officialsDrawn = () => page.evaluate(() => (globalThis as unknown as PageGlobals).newsgraphExplorer.cy.$('node[id ^= "person:official-"]').length);
    const before = await officialsDrawn();
    expect(before).toBeLessThan(OFFICIAL_COUNT);
    await page.click('#entity-groups .group-add[data-group="Person|HOLDS_ROLE"]');
    await expect.poll(officialsDrawn, POLL).toBe(OFFICIAL_COUNT);
    expect(await page.textContent('#status')).toContain(`${OFFICIAL_COUNT - before} new nodes`);

    // "Expand neighbours" pages through the whole neighbourhood the same way.
    await page.reload();
    await expect.poll(() => nodeCount(page), POLL).toBe(31);
    await expandAgain(page, total + 1);
    expect(await page.textContent('#status')).toContain(`relations 31–${total} of ${total}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a 500-node graph readable: hubs apart and named, leaves by their hub, no pile-ups, edge labels off', async () => {
    const hubDir = mkdtempSync(join(tmpdir(), 'newsgraph-hubs-'));
    const hubStore = await SqliteStore.open(join(hubDir, 'graph.db'));
    await hubStore.migrate();
    const { docs, hubIds } = hubDocuments(5, 100);
    await hubStore.writeArticles(docs);
    const hubServer = await createServer({ store: hubStore, port: 0 });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watch(page);
    try {
      await page.goto(hubServer.url);
      let expected = 0;
      for (const [h, hubId] of hubIds.entries()) {
        await openByHash(page, hubId, `Hubland ${String.fromCharCode(65 + h)}`);
        expected += 31;
        await expect.poll(() => nodeCount(page), { ...POLL, timeout: 30_000 }).toBe(expected);
        // 100 officials each: the first page of 30, then 30, 30 and the last 10.
        for (const added of [30, 30, 10]) {
          expected += added;
          await expandAgain(page, expected);
        }
      }
      expect(expected).toBe(505);
      await page.screenshot({ path: join(hubDir, 'hubs.png') });
      const layout = await page.evaluate((hubs) => {
        const cy = (globalThis as unknown as PageGlobals).newsgraphExplorer.cy;
        const nodes = cy.$('node').map((n) => ({ id: n.id(), x: n.position().x, y: n.position().y, w: n.width(), box: n.renderedBoundingBox(), hub: n.hasClass('expanded'), leaf: n.hasClass('leaf'), culled: n.pstyle('min-zoomed-font-size').value }));
        const hubNodes = nodes.filter((n) => n.hub);
        let minHubDistance = Infinity;
        for (const a of hubNodes) for (const b of hubNodes) if (a !== b) minHubDistance = Math.min(minHubDistance, Math.hypot(a.x - b.x, a.y - b.y));
        // A leaf belongs with the hub its id names; count those drawn nearer another hub.
        let strayLeaves = 0;
        for (const n of nodes.filter((m) => !m.hub)) {
          const own = hubs[Number(/^person:hub-(\d+)-/.exec(n.id)![1])];
          const nearest = hubNodes.reduce((best, h) => (Math.hypot(h.x - n.x, h.y - n.y) < Math.hypot(best.x - n.x, best.y - n.y) ? h : best));
          if (nearest.id !== own) strayLeaves++;
        }
        // Pile-ups: nodes whose centre lies inside another node's disc.
        let piled = 0;
        for (const a of nodes) if (nodes.some((b) => b !== a && Math.hypot(a.x - b.x, a.y - b.y) < Math.max(a.w, b.w) / 2)) piled++;
        const inside = nodes.every((n) => n.box.x1 >= -2 && n.box.y1 >= -2 && n.box.x2 <= cy.width() + 2 && n.box.y2 <= cy.height() + 2);
        const quietEdges = cy.$('edge').map((e) => e.hasClass('quiet')).every(Boolean);
        return {
          count: nodes.length,
          hubs: hubNodes.length,
          hubLabelsNeverCulled: hubNodes.every((n) => n.culled === 0),
          leaves: nodes.filter((n) => n.leaf).length,
          minHubDistanceOverLeafSize: minHubDistance / Math.max(...nodes.filter((n) => !n.hub).map((n) => n.w)),
          strayLeaves,
          piled,
          inside,
          quietEdges,
        };
      }, hubIds);
      expect(layout).toMatchObject({ count: 505, hubs: 5, hubLabelsNeverCulled: true, leaves: 500, inside: true, quietEdges: true });
      // Hubs at least ten leaf-widths apart; at most 2 % of the leaves nearer another hub than
      // their own; at most 1 % of the nodes drawn on top of another.
      expect(layout.minHubDistanceOverLeafSize).toBeGreaterThan(10);
      expect(layout.strayLeaves).toBeLessThanOrEqual(10);
      expect(layout.piled).toBeLessThanOrEqual(5);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await hubServer.close();
      await hubStore.close();
      rmSync(hubDir, { recursive: true, force: true });
    }
  }, 240_000);
});
