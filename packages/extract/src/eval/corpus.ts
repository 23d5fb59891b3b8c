import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EDGE_MODALITIES, InputError, MODALITIES, PREDICATES, seededRandom, type ExtractedRelation, type Modality, type Predicate } from '@newsgraph/shared';
import { extract } from '../extract.ts';
import { ARTICLE_SUBJECT } from '../relations/sentence-context.ts';

/**
 * `newsgraph eval corpus`: how many claims extraction draws from real reporting. Runs `extract`
 * over the BBC articles (headline, blank line, body; Latin-1) and the first N Reuters-21578
 * stories that have a body, and counts entity–entity claims per article, edges (asserted and
 * planned claims) per article, claims per predicate, rule and modality, and the share of
 * entities with no edge. With `sample`, also draws that many edges (seeded, spread over
 * predicates) with their sentences, for judging by hand.
 */

export interface CorpusArticle {
  id: string;
  text: string;
}

export interface CorpusEvalOptions {
  bbcDir?: string;
  reutersDir?: string;
  /** Reuters stories to read (those with a body), default 3000. */
  reutersLimit?: number;
  /** Edges to draw for judging (0 = none). */
  sample?: number;
  seed?: number;
  /** Draw the sample from edges of these predicates only (all when absent or empty). */
  samplePredicates?: readonly Predicate[];
}

export interface CorpusSummary {
  articles: number;
  claims: number;
  claims_per_article: number;
  edges: number;
  edges_per_article: number;
  /** Share of entities (per article) that are the subject or object of no edge. */
  entities_without_edge: number;
  /** The same share among Person entities only. */
  people_without_edge: number;
  per_predicate: Record<string, number>;
  per_modality: Record<string, number>;
  with_antecedent: number;
}

export interface SampledEdge {
  article: string;
  subject: string;
  predicate: Predicate;
  object: string;
  rule: string;
  modality: Modality;
  sentence: string;
  antecedent: string | null;
}

/** BBC News files: `<category>/<nnn>.txt`, Latin-1, headline then body. */
export async function readBbc(dir: string): Promise<CorpusArticle[]> {
  let categories: string[];
  try {
    categories = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch (error) {
    throw new InputError(dir, `cannot read the BBC folder (${(error as Error).message})`);
  }
  const out: CorpusArticle[] = [];
  for (const category of categories) {
    const files = (await readdir(join(dir, category))).filter((f) => f.endsWith('.txt')).sort();
    for (const f of files) out.push({ id: `bbc/${category}/${f}`, text: new TextDecoder('latin1').decode(await readFile(join(dir, category, f))) });
  }
  return out;
}

const ENTITY: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#3;': '' };

function sgmlText(s: string): string {
  return s.replace(/&(?:lt|gt|amp|quot|#\d+);/g, (e) => ENTITY[e] ?? '').replace(/\r/g, '');
}

/** Reuters-21578 stories with a body: title, blank line, body (the dateline stays in the body). */
export async function readReuters(dir: string, limit: number): Promise<CorpusArticle[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => /^reut2-\d+\.sgm$/.test(f)).sort();
  } catch (error) {
    throw new InputError(dir, `cannot read the Reuters folder (${(error as Error).message})`);
  }
  const out: CorpusArticle[] = [];
  for (const f of files) {
    const raw = new TextDecoder('latin1').decode(await readFile(join(dir, f)));
    for (const story of raw.split('</REUTERS>')) {
      if (out.length >= limit) return out;
      const body = /<BODY>([\s\S]*?)<\/BODY>/.exec(story)?.[1];
      if (!body) continue;
      const id = /NEWID="(\d+)"/.exec(story)?.[1] ?? String(out.length);
      const title = /<TITLE>([\s\S]*?)<\/TITLE>/.exec(story)?.[1] ?? '';
      // Reuters titles are in capitals; a headline in sentence case reads like the text.
      out.push({ id: `reuters/${id}`, text: `${sgmlText(title).trim()}\n\n${sgmlText(body).replace(/\s*Reuter\s*$/, '').trim()}` });
    }
  }
  return out;
}

/** FNV-1a over UTF-16 code units: a stable 32-bit seed from a string. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export async function evaluateCorpus(options: CorpusEvalOptions): Promise<{ table: string; summary: CorpusSummary; sample: SampledEdge[] }> {
  const articles: CorpusArticle[] = [];
  if (options.bbcDir) articles.push(...(await readBbc(options.bbcDir)));
  if (options.reutersDir) articles.push(...(await readReuters(options.reutersDir, options.reutersLimit ?? 3000)));
  if (articles.length === 0) throw new InputError('--bbc/--reuters', 'no corpus given');
  const perPredicate: Record<string, number> = Object.fromEntries(PREDICATES.map((p) => [p, 0]));
  const perModality: Record<string, number> = Object.fromEntries(MODALITIES.map((m) => [m, 0]));
  const perRule = new Map<string, number>();
  let claims = 0;
  let edges = 0;
  let entities = 0;
  let entitiesWithoutEdge = 0;
  let people = 0;
  let peopleWithoutEdge = 0;
  const sampled = options.samplePredicates && options.samplePredicates.length > 0 ? new Set<Predicate>(options.samplePredicates) : null;
  let withAntecedent = 0;
  const pool = new Map<Predicate, SampledEdge[]>();
  for (const a of articles) {
    const result = extract(a.text);
    const names = new Map(result.entities.map((e) => [e.id, e.name]));
    const linked = new Set<string>();
    for (const r of result.relations as ExtractedRelation[]) {
      if (r.subject === ARTICLE_SUBJECT) continue;
      claims++;
      perPredicate[r.predicate] = (perPredicate[r.predicate] ?? 0) + 1;
      const modality = r.evidence.modality ?? 'asserted';
      perModality[modality] = (perModality[modality] ?? 0) + 1;
      const family = r.evidence.rule;
      perRule.set(family, (perRule.get(family) ?? 0) + 1);
      if (r.evidence.antecedent) withAntecedent++;
      if (!EDGE_MODALITIES.has(modality)) continue;
      edges++;
      linked.add(r.subject);
      linked.add(r.object);
      if (sampled && !sampled.has(r.predicate)) continue;
      const list = pool.get(r.predicate) ?? [];
      list.push({
        article: a.id,
        subject: names.get(r.subject) ?? r.subject,
        predicate: r.predicate,
        object: names.get(r.object) ?? r.object,
        rule: r.evidence.rule,
        modality,
        sentence: r.evidence.sentence,
        antecedent: r.evidence.antecedent?.sentence ?? null,
      });
      pool.set(r.predicate, list);
    }
    entities += result.entities.length;
    entitiesWithoutEdge += result.entities.filter((e) => !linked.has(e.id)).length;
    const persons = result.entities.filter((e) => e.type === 'Person');
    people += persons.length;
    peopleWithoutEdge += persons.filter((e) => !linked.has(e.id)).length;
  }
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const summary: CorpusSummary = {
    articles: articles.length,
    claims,
    claims_per_article: round(claims / articles.length),
    edges,
    edges_per_article: round(edges / articles.length),
    entities_without_edge: entities === 0 ? 0 : round(entitiesWithoutEdge / entities),
    people_without_edge: people === 0 ? 0 : round(peopleWithoutEdge / people),
    per_predicate: perPredicate,
    per_modality: perModality,
    with_antecedent: withAntecedent,
  };
  // The sample: round-robin over predicates (rare ones are not drowned by HOLDS_ROLE), seeded.
  const sample: SampledEdge[] = [];
  const want = options.sample ?? 0;
  if (want > 0) {
    // Each edge's place is a seeded hash of the edge itself, so a rule change that adds or drops
    // some edges leaves the rest of the sample where it was (and their verdicts still apply).
    const seed = options.seed ?? 1;
    const rank = (e: SampledEdge): number => seededRandom(hashString(`${seed}\u0000${e.article}\u0000${e.subject}\u0000${e.predicate}\u0000${e.object}\u0000${e.sentence}`))();
    const queues = [...pool.entries()].sort((x, y) => x[0].localeCompare(y[0])).map(([, list]) => list.map((e) => ({ e, r: rank(e) })).sort((a, b) => a.r - b.r).map((x) => x.e));
    while (sample.length < want && queues.some((q) => q.length > 0)) {
      for (const q of queues) {
        const e = q.shift();
        if (e && sample.length < want) sample.push(e);
      }
    }
  }
  const lines = [
    `${articles.length} articles: ${claims} claims (${summary.claims_per_article} per article), ${edges} edges (${summary.edges_per_article} per article), ${Math.round(summary.entities_without_edge * 100)} % of entities without an edge (people ${Math.round(summary.people_without_edge * 100)} %), ${withAntecedent} claims through a reference`,
    `per predicate: ${Object.entries(perPredicate).map(([p, n]) => `${p} ${n}`).join(', ')}`,
    `per modality: ${Object.entries(perModality).map(([m, n]) => `${m} ${n}`).join(', ')}`,
    `per rule: ${[...perRule.entries()].sort((x, y) => y[1] - x[1]).map(([r, n]) => `${r} ${n}`).join(', ')}`,
  ];
  return { table: lines.join('\n'), summary, sample };
}
