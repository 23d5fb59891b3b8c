import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@newsgraph/graph';
import { Curator, processArticle } from '@newsgraph/ingest';
import { articleIdFor, contentHash, type Article } from '@newsgraph/shared';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vocabularyExtractor, type VocabularyEntry } from '../../../test/support/vocabulary-extractor.ts';
import { createServer, type RunningServer } from '../src/index.ts';

/**
 * End-to-end: the explorer's corrections in Debian's Chromium against the real server, a real
 * SQLite store and ingest's Curator (which re-extracts and rewrites the articles an action
 * touches), so the graph on the page changes as a journalist would see it.
 */

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'];
const TOKEN = 'curation-browser-token-7f3a';

// A stand-in extractor with a fixed vocabulary, so that the graph is known exactly: a name in the
// text is an entity; "A met B", "A visited B" and "A supplied B" are claims.
const VOCABULARY: VocabularyEntry[] = [
  ['Ronald Reagan', 'person:ronald-reagan', 'Person'],
  ['Reagan', 'person:reagan', 'Person'],
  ['Gorbachev', 'person:gorbachev', 'Person'],
  ['Gorby', 'person:gorbachev', 'Person'],
  ['Moscow', 'place:moscow', 'Place'],
  ['Geneva', 'place:geneva', 'Place'],
];
const stubExtract = vocabularyExtractor(VOCABULARY);

function article(key: string, text: string, publishedAt: string): Article {
  const url = `https://news.example/${key}`;
  return { id: articleIdFor(key), url, canonicalUrl: url, title: key, outlet: 'Example News', author: null, publishedAt, fetchedAt: publishedAt, language: 'en', text, contentHash: contentHash(text) };
}

const ARTICLES = [
  article('a1', 'Reagan met Gorbachev. Reagan visited Geneva.', '2024-01-01T00:00:00.000Z'),
  article('a2', 'Ronald Reagan visited Moscow. Ronald Reagan met Gorbachev in the spring.', '2024-02-01T00:00:00.000Z'),
  article('a3', 'Gorbachev visited Geneva. Gorbachev visited Moscow.', '2024-03-01T00:00:00.000Z'),
  article('a4', 'Gorby met Reagan.', '2024-04-01T00:00:00.000Z'),
];

const RONALD = 'person:ronald-reagan';
const REAGAN = 'person:reagan';
const GORBACHEV = 'person:gorbachev';
const GENEVA = 'place:geneva';
const MOSCOW = 'place:moscow';

interface PageGlobals {
  newsgraphExplorer: { cy: { $(selector: string): { map<T>(fn: (e: { id(): string }) => T): T[] } } };
}

async function graphIds(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => (globalThis as unknown as PageGlobals).newsgraphExplorer.cy.$(sel).map((e) => e.id()).sort(), selector);
}

/** Answers the page's prompts in order; records every prompt's message and every request. */
interface Session {
  page: Page;
  answers: string[];
  prompts: string[];
  requests: Array<{ url: string; method: string; authorization: string | undefined }>;
  errors: string[];
}

async function openSession(browser: Browser, url: string): Promise<Session> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const session: Session = { page, answers: [], prompts: [], requests: [], errors: [] };
  page.on('dialog', (dialog) => {
    session.prompts.push(dialog.message());
    const answer = session.answers.shift();
    void (answer === undefined ? dialog.dismiss() : dialog.accept(answer));
  });
  page.on('request', (request) => session.requests.push({ url: request.url(), method: request.method(), authorization: request.headers().authorization }));
  page.on('pageerror', (error) => session.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A 403 or 404 answer is logged by Chromium as a failed resource; page errors are what count.
    if (message.type() === 'error' && !/status of 40[134]/.test(message.text())) session.errors.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  return session;
}

async function saveToken(page: Page, token: string): Promise<void> {
  // The first requests without it are answered 401, which opens the token form. Wait for that: the
  // toggle closes an open form, so clicking it just before the 401 arrives left the form closed
  // (seen once in CI). The toggle is only for a form that never opened.
  const form = page.locator('#token-form');
  await form.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => page.click('#token-toggle'));
  await form.waitFor({ state: 'visible' });
  await page.fill('#token-input', token);
  await page.click('#token-form button[type="submit"]');
  await expect.poll(() => page.locator('#top-entities li').count()).toBeGreaterThan(0);
}

async function openEntity(page: Page, id: string, name: string): Promise<void> {
  await page.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, `#entity=${encodeURIComponent(id)}`);
  await expect.poll(() => page.textContent('#entity-title')).toBe(name);
  await page.locator('#entity-curation .curation-actions').waitFor();
}

const corrections = (page: Page) => page.locator('#entity-curation .curation-entry:not(.undone) .curation-what').allTextContents();

describe('explorer corrections in Chromium', () => {
  let dir: string;
  let store: SqliteStore;
  let server: RunningServer;
  let readOnly: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's Chromium with \`apt-get install -y chromium\``);
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-curation-ui-'));
    store = await SqliteStore.open(join(dir, 'graph.db'));
    await store.migrate();
    for (const a of ARTICLES) await processArticle(a, { store, extract: stubExtract });
    const curation = new Curator({ store, extract: stubExtract });
    server = await createServer({ store, port: 0, token: TOKEN, curation });
    // The same store and curator behind a server without a token: it must take no writes.
    readOnly = await createServer({ store, port: 0, curation });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await readOnly?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renames, merges, notes and undoes from the entity panel; the token travels only in a header', async () => {
    const s = await openSession(browser, server.url);
    const { page } = s;
    await saveToken(page, TOKEN);
    const beforeToken = s.requests.length;
    await openEntity(page, RONALD, 'Ronald Reagan');
    expect(await graphIds(page, 'node')).toEqual([GORBACHEV, MOSCOW, RONALD].sort());
    expect(await page.locator('#entity-curation .curation-log').textContent()).toContain('no corrections or notes');

    // Merge "Reagan" (typed as a name, found by search) into Ronald Reagan: its Geneva visit moves here.
    s.answers.push('Reagan', 'desk', 'same person');
    await page.getByRole('button', { name: 'Merge another node into Ronald Reagan' }).click();
    await expect.poll(() => corrections(page)).toEqual([`merged ${REAGAN} into ${RONALD}`]);
    await expect.poll(() => graphIds(page, 'node')).toEqual([GENEVA, GORBACHEV, MOSCOW, RONALD].sort());
    await expect.poll(() => page.textContent('#status')).toMatch(/^Recorded/);
    expect(await page.locator('#entity-relations').textContent()).toContain('Geneva');
    expect(await page.locator('#entity-aliases').textContent()).toContain('Reagan');
    expect(await page.textContent('#status')).toMatch(/^Recorded: merged person:reagan into person:ronald-reagan; \d+ articles? rewritten\.$/);
    expect((await fetch(`${server.url}/api/entities/${encodeURIComponent(REAGAN)}`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    expect(s.prompts.some((p) => p.includes('Your name'))).toBe(true);

    // Rename: the panel and the node show the new name; the old one stays an alias.
    s.answers.push('Ronald W. Reagan', 'desk', 'full name');
    await page.getByRole('button', { name: 'Rename Ronald Reagan' }).click();
    await expect.poll(() => page.textContent('#entity-title')).toBe('Ronald W. Reagan');
    await expect.poll(() => page.evaluate((id) => (globalThis as unknown as { newsgraphExplorer: { cy: { getElementById(i: string): { data(k: string): unknown } } } }).newsgraphExplorer.cy.getElementById(id).data('name'), RONALD)).toBe('Ronald W. Reagan');
    expect(await page.locator('#entity-aliases li').allTextContents()).toContain('Ronald Reagan');

    // A note, with a payload that must stay text.
    s.answers.push('Check <b>archive</b> photos', 'desk', '');
    await page.getByRole('button', { name: 'Add a note to Ronald W. Reagan' }).click();
    await expect.poll(() => corrections(page)).toContain('note: Check <b>archive</b> photos');
    expect(await page.locator('#entity-curation b').count()).toBe(0);
    const note = page.locator('#entity-curation .curation-entry', { hasText: 'note: Check' });
    expect(await note.textContent()).toContain('desk');

    // Undo the merge: Reagan is a node of its own again, Geneva leaves Ronald Reagan's graph.
    s.answers.push('desk', 'not the same after all');
    await page.getByRole('button', { name: `Undo: merged ${REAGAN} into ${RONALD}` }).click();
    await expect.poll(() => page.locator('#entity-curation .curation-entry.undone').count()).toBe(1);
    await expect.poll(() => graphIds(page, 'node')).toEqual([GORBACHEV, MOSCOW, RONALD].sort());
    expect(await page.locator('#entity-curation .curation-entry.undone').textContent()).toContain('undone by desk');
    expect(await page.textContent('#status')).toMatch(/^Undone: merged/);
    expect((await fetch(`${server.url}/api/entities/${encodeURIComponent(REAGAN)}`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect(await page.textContent('#entity-title')).toBe('Ronald W. Reagan');

    // Undo the rename: the name before it comes back.
    s.answers.push('desk', '');
    await page.getByRole('button', { name: `Undo: renamed ${RONALD} to "Ronald W. Reagan"` }).click();
    await expect.poll(() => page.textContent('#entity-title')).toBe('Ronald Reagan');

    const log = await store.curationLog();
    expect(log.map((e) => [e.action.kind, e.author, e.undoneAt !== null])).toEqual([
      ['merge', 'desk', true],
      ['rename', 'desk', true],
      ['note', 'desk', false],
    ]);

    // Once saved, the token went in the Authorization header of every API request, never in a URL.
    const api = s.requests.slice(beforeToken).filter((r) => new URL(r.url).pathname.startsWith('/api/'));
    expect(api.filter((r) => r.method === 'POST').length).toBe(5);
    expect(api.length).toBeGreaterThan(20);
    for (const r of api) expect(r.authorization).toBe(`Bearer ${TOKEN}`);
    for (const r of s.requests) expect(r.url).not.toContain(TOKEN);
    expect(s.errors).toEqual([]);
    await page.close();
  });

  it('marks an edge wrong from the evidence panel, and the edge leaves the graph', async () => {
    const s = await openSession(browser, server.url);
    const { page } = s;
    await saveToken(page, TOKEN);
    await openEntity(page, GORBACHEV, 'Gorbachev');
    expect(await graphIds(page, 'edge')).toContain(`${GORBACHEV}|VISITED|${GENEVA}`);
    await page.locator('#entity-relations button.relation', { hasText: 'Geneva' }).click();
    await expect.poll(() => page.locator('#evidence-list li.evidence').count()).toBe(1);
    expect(await page.locator('#evidence-list .sentence').textContent()).toBe('Gorbachev visited Geneva.');

    s.answers.push('desk', 'Geneva was a summit, not a visit');
    await page.getByRole('button', { name: `edge wrong: ${GORBACHEV} VISITED ${GENEVA}` }).click();
    await expect.poll(() => graphIds(page, 'edge')).not.toContain(`${GORBACHEV}|VISITED|${GENEVA}`);
    await expect.poll(() => page.locator('#entity-relations').textContent()).not.toContain('Geneva');
    await expect.poll(() => page.locator('#evidence-list').textContent()).toContain('No sentence recorded');
    await expect.poll(() => corrections(page)).toEqual([`edge marked wrong: ${GORBACHEV} VISITED ${GENEVA}`]);

    // One claim confirmed from its evidence row: logged, the graph unchanged.
    await page.locator('#entity-relations button.relation', { hasText: 'Moscow' }).click();
    await expect.poll(() => page.locator('#evidence-list li.evidence').count()).toBe(1);
    s.answers.push('desk', 'checked the article');
    await page.locator('#evidence-list').getByRole('button', { name: 'confirmed: this sentence' }).click();
    await expect.poll(() => corrections(page)).toContain(`claim confirmed: ${GORBACHEV} VISITED ${MOSCOW} (article ${articleIdFor('a3')}, at 26)`);
    expect(await graphIds(page, 'edge')).toContain(`${GORBACHEV}|VISITED|${MOSCOW}`);
    expect(s.errors).toEqual([]);
    await page.close();
  });

  it('splits an alias off into a node of its own, and undoes it', async () => {
    const s = await openSession(browser, server.url);
    const { page } = s;
    await saveToken(page, TOKEN);
    await openEntity(page, GORBACHEV, 'Gorbachev');
    const split = `${GORBACHEV}~gorby`;
    const status = async (id: string) => (await fetch(`${server.url}/api/entities/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${TOKEN}` } })).status;
    expect(await status(split)).toBe(404);
    await page.selectOption('#entity-curation select', 'Gorby');
    s.answers.push('desk', 'Gorby is a nickname used for someone else here');
    await page.getByRole('button', { name: 'Split the chosen alias off Gorbachev' }).click();
    await expect.poll(() => corrections(page)).toContain(`split "Gorby" off ${GORBACHEV}`);
    expect(await status(split)).toBe(200);

    s.answers.push('desk', '');
    await page.getByRole('button', { name: `Undo: split "Gorby" off ${GORBACHEV}` }).click();
    await expect.poll(() => page.textContent('#status')).toMatch(/^Undone: split/);
    expect(await status(split)).toBe(404);
    expect(s.errors).toEqual([]);
    await page.close();
  });

  it('on a server without a token, says it takes no corrections and records nothing', async () => {
    const before = (await store.curationLog()).length;
    const s = await openSession(browser, readOnly.url);
    const { page } = s;
    await openEntity(page, MOSCOW, 'Moscow');
    s.answers.push('A note', 'desk', 'why');
    await page.getByRole('button', { name: 'Add a note to Moscow' }).click();
    await expect.poll(() => page.textContent('#status')).toBe('This server takes no corrections: it was started without NEWSGRAPH_API_TOKEN.');
    expect(await page.locator('#status').getAttribute('class')).toContain('error');
    expect((await store.curationLog()).length).toBe(before);
    expect(s.requests.filter((r) => r.method === 'POST').length).toBe(1);
    expect(s.errors).toEqual([]);
    await page.close();
  });
});
