/**
 * Sanctions-list benchmark: `pnpm bench:lists [--entities N] [--articles N] [--seed N]`.
 *
 * 1. Imports the OFAC SDN CSV and the UN consolidated XML from ../shared/sanctions into a fresh
 *    SQLite store (parse + atomic replace), builds the matcher, and matches N (default 100,000)
 *    Person and Organization entities against it, writing their LISTED_AS links. Target: the
 *    whole run under 60 s. Baseline in the same run: exact normalised-name matching of the same
 *    entities (a hash lookup: the floor any matcher pays).
 * 2. Matching at ingest: writes the same synthetic articles into two stores holding the lists,
 *    one plain and one with matching at ingest (the CLI's withListMatching), and reports the
 *    added time per Person/Organization entity. Target: under 1 ms.
 * The entities are deterministic: one in ten a news-style variant of a listed name, the rest
 * names mixing listed given names, surnames and company words (they hit the index hardest).
 * Skips with a notice when ../shared/sanctions is absent. Prints figures, then one JSON line.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentHash, seededRandom, toArticleDocument, type Entity, type ListEntry } from '@newsgraph/shared';
import { SqliteStore, syntheticDocuments, type GraphStore } from '@newsgraph/graph';
import { ExactNameMatcher, ListMatcher, listingsForEntity, readListFile } from '@newsgraph/lists';
import { withListMatching } from '@newsgraph/cli';

const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '100000' },
    articles: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '12' },
    threshold: { type: 'string', default: '0.85' },
  },
});
const entityCount = Number(values.entities);
const articleCount = Number(values.articles);
const threshold = Number(values.threshold);
if (!Number.isInteger(entityCount) || entityCount < 1000) throw new Error(`--entities ${values.entities}: a whole number ≥ 1000`);
if (!Number.isInteger(articleCount) || articleCount < 100) throw new Error(`--articles ${values.articles}: a whole number ≥ 100`);

const TARGETS = { total_s: 60, ingest_added_ms_per_entity: 1 };
const shared = resolve(import.meta.dirname, '../../shared/sanctions');
const SDN = join(shared, 'ofac_sdn_2024-05-03/sdn.csv');
const UN = join(shared, 'un_consolidated_2025-11-20/un_consolidated.xml');
if (!existsSync(SDN) || !existsSync(UN)) {
  console.log(`bench lists: skipped: ${SDN} or ${UN} is absent (../shared is not beside this checkout)`);
  console.log(JSON.stringify({ bench: 'lists', skipped: true }));
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-lists-'));
const log = (m: string) => process.stderr.write(`${m}\n`);
const ms = (t0: number) => performance.now() - t0;
const title = (s: string) => s.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());

async function importLists(store: GraphStore): Promise<ListEntry[]> {
  const all: ListEntry[] = [];
  for (const file of [SDN, UN]) {
    const read = await readListFile(file);
    await store.lists!.replaceList({ list: read.list, format: read.format, versionDate: read.versionDate, source: read.source, entries: read.entries });
    all.push(...read.entries);
  }
  return all;
}

/** Deterministic entities: 10% variants of listed names, 90% near misses built from listed words. */
function benchEntities(entries: ListEntry[], n: number, seed: number): Entity[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
  const people = entries.filter((e) => e.type === 'person' && e.name.includes(','));
  const orgs = entries.filter((e) => e.type === 'organization');
  const given = people.map((p) => p.name.split(',')[1]!.trim().split(/\s+/)[0]!);
  const surnames = people.map((p) => p.name.split(',')[0]!.trim());
  const orgWords = orgs.flatMap((o) => o.name.split(/\s+/)).filter((w) => w.length > 3);
  const out: Entity[] = [];
  for (let i = 0; i < n; i++) {
    const person = random() < 0.5;
    let name: string;
    if (i % 10 === 0) {
      const e = person ? pick(people) : pick(orgs);
      name = person ? title(`${e.name.split(',')[1]} ${e.name.split(',')[0]}`) : title(e.name);
    } else if (person) {
      name = title(`${pick(given)} ${pick(surnames)}`);
    } else {
      name = title(`${pick(orgWords)} ${pick(orgWords)} ${pick(['Trading', 'LLC', 'Holding', 'Group', 'Bank'])}`);
    }
    out.push({ id: `${person ? 'person' : 'org'}:bench-${i}`, type: person ? 'Person' : 'Organization', name, aliases: [], attributes: {} });
  }
  return out;
}

/** Stores the entities (untimed: they are the news already in the graph), 100 per article. */
async function storeEntities(store: GraphStore, entities: Entity[]): Promise<void> {
  for (let i = 0; i < entities.length; i += 100) {
    const batch = entities.slice(i, i + 100);
    let text = '';
    const extracted = batch.map((e) => {
      const start = text.length;
      text += `${e.name}. `;
      return { ...e, mentions: [{ start, end: start + e.name.length, text: e.name }] };
    });
    const article = { id: `bench-${i}`, url: `https://bench.example/${i}`, canonicalUrl: `https://bench.example/${i}`, title: 'bench', outlet: null, author: null, publishedAt: null, fetchedAt: '2024-01-01T00:00:00Z', language: 'en', text, contentHash: contentHash(text) };
    await store.writeArticle(toArticleDocument(article, { entities: extracted, relations: [] }));
  }
}

log(`bench lists: load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const store = await SqliteStore.open(join(dir, 'lists.db'));
{
  const probe = await readListFile(SDN);
  await storeEntities(store, benchEntities(probe.entries.concat((await readListFile(UN)).entries), entityCount, Number(values.seed)));
}
const start = performance.now();
let t0 = performance.now();
const entries = await importLists(store);
const importMs = ms(t0);
t0 = performance.now();
const matcher = new ListMatcher(entries, { threshold });
const indexMs = ms(t0);
const entities = benchEntities(entries, entityCount, Number(values.seed));
const perEntity: number[] = [];
t0 = performance.now();
const links = [];
for (const e of entities) {
  const s = performance.now();
  links.push(...listingsForEntity(e, matcher));
  perEntity.push(performance.now() - s);
}
const matchMs = ms(t0);
t0 = performance.now();
const exact = new ExactNameMatcher(entries);
let exactHits = 0;
for (const e of entities) exactHits += exact.match(e.name, e.type as 'Person' | 'Organization').length;
const exactMs = ms(t0);
t0 = performance.now();
await store.lists!.replaceListings({ lists: ['ofac-sdn', 'un-sc'] }, links);
const linkMs = ms(t0);
const totalMs = ms(start);
await store.close();
perEntity.sort((a, b) => a - b);
const p99 = perEntity[Math.floor(perEntity.length * 0.99)]!;

// Matching at ingest: the same articles into a plain store and a matching one (both holding the lists).
async function ingest(withMatching: boolean): Promise<{ ms: number; entities: number }> {
  const s = await SqliteStore.open(join(dir, `ingest-${withMatching}.db`));
  const stored = await importLists(s);
  const target = withMatching ? withListMatching(s, new ListMatcher(stored, { threshold })) : s;
  const docs = [...syntheticDocuments({ relationships: articleCount * 8, seed: 7, claimsPerArticle: 8 })];
  let matchable = 0;
  for (const d of docs) matchable += d.entities.filter((e) => e.type === 'Person' || e.type === 'Organization').length;
  const begin = performance.now();
  for (let i = 0; i < docs.length; i += 100) await target.writeArticles(docs.slice(i, i + 100));
  const took = ms(begin);
  await s.close();
  return { ms: took, entities: matchable };
}
const plain = await ingest(false);
const matching = await ingest(true);
const addedPerEntity = (matching.ms - plain.ms) / matching.entities;
rmSync(dir, { recursive: true, force: true });

const f = (x: number) => x.toFixed(1);
console.log(`import SDN + UN (${entries.length} entries)       ${f(importMs)} ms`);
console.log(`build the matcher index                 ${f(indexMs)} ms`);
console.log(`match ${entityCount} entities               ${f(matchMs)} ms  (${f((matchMs / entityCount) * 1000)} µs/entity, p99 ${f(p99 * 1000)} µs; ${links.length} links)`);
console.log(`  baseline: exact-name lookup           ${f(exactMs)} ms  (${exactHits} hits)  ratio ${f(matchMs / exactMs)}×`);
console.log(`write the links                         ${f(linkMs)} ms`);
console.log(`total (import + index + match + links)  ${f(totalMs / 1000)} s   target < ${TARGETS.total_s} s`);
console.log(`ingest ${plain.entities} people/orgs in ${articleCount} articles: plain ${f(plain.ms)} ms, with matching ${f(matching.ms)} ms`);
console.log(`  added per entity at ingest            ${(addedPerEntity).toFixed(3)} ms   target < ${TARGETS.ingest_added_ms_per_entity} ms`);
console.log(
  JSON.stringify({
    bench: 'lists',
    entries: entries.length,
    entities: entityCount,
    import_ms: Math.round(importMs),
    index_ms: Math.round(indexMs),
    match_ms: Math.round(matchMs),
    match_us_per_entity: Math.round((matchMs / entityCount) * 1000),
    match_p99_us: Math.round(p99 * 1000),
    exact_baseline_ms: Math.round(exactMs),
    ratio_to_exact: Math.round((matchMs / exactMs) * 10) / 10,
    links: links.length,
    link_write_ms: Math.round(linkMs),
    total_s: Math.round(totalMs / 100) / 10,
    ingest_added_ms_per_entity: Math.round(addedPerEntity * 1000) / 1000,
    targets: TARGETS,
    pass: totalMs / 1000 < TARGETS.total_s && addedPerEntity < TARGETS.ingest_added_ms_per_entity,
  }),
);
