import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '@newsgraph/shared';
import { analyzeEntities } from '../analyze-entities.ts';
import { CorpusIndex } from '../corpus/corpus-index.ts';
import { loadConllLexicon } from '../lexicon/conll-lexicon.ts';
import type { TypeLexicon } from '../lexicon/type-lexicon.ts';
import { compromiseEntities } from './baseline.ts';
import { readConll } from './conll.ts';
import type { ConllDocument } from './conll.ts';

export type ScoredLabel = 'PER' | 'ORG' | 'LOC';
const SCORED: readonly ScoredLabel[] = ['PER', 'ORG', 'LOC'];

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export interface NerScore extends Prf {
  per_type: Record<ScoredLabel, Prf>;
  mb_per_s: number;
}

export interface NerSummary extends NerScore {
  baseline: NerScore;
  documents: number;
  /** The training file the type lexicon was learned from, or null when none was used. */
  train_lexicon: string | null;
}

export interface NerEvaluation {
  table: string;
  summary: NerSummary;
}

export interface EvaluateNerOptions {
  /** CoNLL training file for the type lexicon. Default: eng.train next to the scored file, when present. */
  trainPath?: string;
  /** Set false to score the rules and public-fact lexicons alone. */
  useTrainLexicon?: boolean;
  /** Score only the first N documents (for quick checks and tests). */
  maxDocuments?: number;
  /** Set false to analyse every document on its own, without the run's corpus index. */
  useCorpus?: boolean;
  /** Skip the compromise baseline (it is slow). */
  skipBaseline?: boolean;
}

/** A built CoNLL document: its text and where each token and sentence sits in it. */
export interface ConllText {
  text: string;
  /** Character span of each token, in document order. */
  tokenSpans: Array<[number, number]>;
  /** Gold spans as [firstToken, lastToken] inclusive, with labels (MISC included). */
  gold: Array<{ first: number; last: number; label: string }>;
}

/** Rebuild a document's text: tokens joined by single spaces, sentences by newlines. */
export function buildConllText(doc: ConllDocument): ConllText {
  const parts: string[] = [];
  const tokenSpans: Array<[number, number]> = [];
  const gold: ConllText['gold'] = [];
  let offset = 0;
  let index = 0;
  doc.sentences.forEach((sentence, si) => {
    if (si > 0) {
      parts.push('\n');
      offset += 1;
    }
    let open: { first: number; label: string } | null = null;
    sentence.forEach((tok, ti) => {
      if (ti > 0) {
        parts.push(' ');
        offset += 1;
      }
      tokenSpans.push([offset, offset + tok.text.length]);
      parts.push(tok.text);
      offset += tok.text.length;
      if (open && (tok.label !== open.label || tok.begin)) {
        gold.push({ first: open.first, last: index - 1, label: open.label });
        open = null;
      }
      if (tok.label && !open) open = { first: index, label: tok.label };
      index++;
    });
    if (open) gold.push({ first: (open as { first: number }).first, last: index - 1, label: (open as { label: string }).label });
  });
  return { text: parts.join(''), tokenSpans, gold };
}

function labelOf(type: string): ScoredLabel | null {
  if (type === 'Person') return 'PER';
  if (type === 'Organization') return 'ORG';
  if (type === 'Country' || type === 'Place') return 'LOC';
  return null;
}

/** Map a character span to the [first, last] tokens it covers (any overlap). */
function tokensCovering(spans: ReadonlyArray<[number, number]>, start: number, end: number): [number, number] | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as [number, number])[1] <= start) lo = mid + 1;
    else hi = mid;
  }
  let first = -1;
  let last = -1;
  for (let i = lo; i < spans.length; i++) {
    const [s, e] = spans[i] as [number, number];
    if (s >= end) break;
    if (e > start) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? null : [first, last];
}

interface Counts {
  tp: Record<ScoredLabel, number>;
  fp: Record<ScoredLabel, number>;
  fn: Record<ScoredLabel, number>;
}

function emptyCounts(): Counts {
  return { tp: { PER: 0, ORG: 0, LOC: 0 }, fp: { PER: 0, ORG: 0, LOC: 0 }, fn: { PER: 0, ORG: 0, LOC: 0 } };
}

/** Score predicted typed character spans against one document's gold, under eval/README.md rules. */
export function scoreDocument(built: ConllText, predicted: ReadonlyArray<{ type: string; start: number; end: number }>, counts: Counts): void {
  const goldKeys = new Map<string, string>();
  const miscRanges = new Set<string>();
  for (const g of built.gold) {
    if (g.label === 'MISC') miscRanges.add(`${g.first}:${g.last}`);
    else goldKeys.set(`${g.first}:${g.last}:${g.label}`, g.label);
  }
  const seen = new Set<string>();
  for (const p of predicted) {
    const label = labelOf(p.type);
    if (!label) continue;
    const range = tokensCovering(built.tokenSpans, p.start, p.end);
    if (!range) continue;
    const key = `${range[0]}:${range[1]}:${label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (miscRanges.has(`${range[0]}:${range[1]}`)) continue;
    if (goldKeys.has(key)) counts.tp[label]++;
    else counts.fp[label]++;
  }
  for (const [key, label] of goldKeys) if (!seen.has(key)) counts.fn[label as ScoredLabel]++;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  return { p: round(p), r: round(r), f1: round(f1) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function summarise(c: Counts, bytes: number, seconds: number): NerScore {
  const per_type = {} as Record<ScoredLabel, Prf>;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const l of SCORED) {
    per_type[l] = prf(c.tp[l], c.fp[l], c.fn[l]);
    tp += c.tp[l];
    fp += c.fp[l];
    fn += c.fn[l];
  }
  return { ...prf(tp, fp, fn), per_type, mb_per_s: seconds > 0 ? Math.round((bytes / 1e6 / seconds) * 1000) / 1000 : 0 };
}

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * The CoNLL training file to learn the type lexicon from when none is given: eng.train next to the
 * scored file, else the project's ../shared/eval/conll2003/eng.train. Never the scored file itself.
 */
export function defaultTrainPath(conllPath: string): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(dirname(conllPath), 'eng.train'), resolve(here, '../../../../../shared/eval/conll2003/eng.train')];
  for (const candidate of candidates) {
    if (resolve(candidate) === resolve(conllPath)) continue;
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Score the entity extractor on a CoNLL-2003 file (rules in ../shared/eval/README.md), with plain
 * compromise measured in the same run. Nothing is learned from the scored file; a type lexicon is
 * learned from the training file when one is given or sits next to it (eng.train).
 */
export async function evaluateNer(conllPath: string, options: EvaluateNerOptions = {}): Promise<NerEvaluation> {
  let docs = await readConll(conllPath);
  if (options.maxDocuments !== undefined) docs = docs.slice(0, options.maxDocuments);
  const trainPath = options.useTrainLexicon === false ? undefined : (options.trainPath ?? defaultTrainPath(conllPath));
  if (trainPath && resolve(trainPath) === resolve(conllPath)) throw new Error(`${trainPath}: the training file must not be the file being scored`);
  const typeLexicon: TypeLexicon | undefined = trainPath ? await loadConllLexicon(trainPath) : undefined;
  const built = docs.map(buildConllText);
  const bytes = built.reduce((n, b) => n + Buffer.byteLength(b.text, 'utf8'), 0);

  // Warm up before timing (JIT, lazily built lexicons): one untimed pass of ours over the set (it
  // takes well under a second), and 20 documents for compromise, whose run is long enough to be
  // steady-state anyway. Scores come from the timed runs.
  for (const b of built) analyzeEntities(b.text, { typeLexicon, keepTrailingChrome: true });
  if (!options.skipBaseline) for (const b of built.slice(0, 20)) compromiseEntities(b.text);
  const ours = emptyCounts();
  // Throughput is bytes over this process's CPU time: per core, and unaffected by other load.
  let c0 = cpuSeconds();
  // One corpus index for the run, as `extract --jsonl` and `ingest` keep one: names learned from
  // strong patterns in earlier documents (never from the gold labels) help later ones.
  const corpus = options.useCorpus === false ? undefined : new CorpusIndex();
  const predictions = built.map((b) => analyzeEntities(b.text, { typeLexicon, keepTrailingChrome: true, ...(corpus ? { corpus } : {}) }));
  const ourSeconds = cpuSeconds() - c0;
  built.forEach((b, i) => {
    const a = predictions[i];
    if (!a) return;
    const ents = new Map(a.entities.map((e) => [e.id, e.type as EntityType]));
    scoreDocument(
      b,
      a.mentions.map((m) => ({ type: ents.get(m.entityId) ?? 'Goods', start: m.start, end: m.end })),
      ours,
    );
  });
  const summary = summarise(ours, bytes, ourSeconds);

  const base = emptyCounts();
  let baseSeconds = 0;
  if (!options.skipBaseline) {
    c0 = cpuSeconds();
    const basePredictions = built.map((b) => compromiseEntities(b.text));
    baseSeconds = cpuSeconds() - c0;
    built.forEach((b, i) => scoreDocument(b, basePredictions[i] ?? [], base));
  }
  const baseline = summarise(base, bytes, baseSeconds);

  const fmt = (x: number) => x.toFixed(3);
  const lines = [
    `CoNLL-2003 ${basename(conllPath)}: ${docs.length} documents, ${(bytes / 1e6).toFixed(2)} MB; type lexicon: ${trainPath ?? 'none (public-fact lexicons and rules only)'}`,
    `${'system'.padEnd(22)}${'type'.padEnd(6)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}`,
  ];
  const rows: Array<[string, NerScore]> = [['newsgraph', summary]];
  if (!options.skipBaseline) rows.push(['compromise (plain)', baseline]);
  for (const [name, s] of rows) {
    for (const l of SCORED) lines.push(`${name.padEnd(22)}${l.padEnd(6)}${fmt(s.per_type[l].p).padStart(7)}${fmt(s.per_type[l].r).padStart(7)}${fmt(s.per_type[l].f1).padStart(7)}`);
    lines.push(`${name.padEnd(22)}${'micro'.padEnd(6)}${fmt(s.p).padStart(7)}${fmt(s.r).padStart(7)}${fmt(s.f1).padStart(7)}   ${s.mb_per_s.toFixed(3)} MB/s per core (CPU time)`);
  }
  if (!options.skipBaseline && baseline.mb_per_s > 0) lines.push(`speed ratio newsgraph / compromise: ${(summary.mb_per_s / baseline.mb_per_s).toFixed(1)}x`);
  return { table: lines.join('\n'), summary: { ...summary, baseline, documents: docs.length, train_lexicon: trainPath ?? null } };
}
