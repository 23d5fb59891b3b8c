import type { ListEntry } from '@newsgraph/shared';
import { foldName } from '../normalize/name-normalization.ts';
import { ListMatcher } from '../matcher/list-matcher.ts';
import { GOLD_VARIANTS, entryKey, type GoldQuery, type GoldVariant, type MatchingGold } from './matching-gold.ts';

export interface MatchScores {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface MatchingEvaluation {
  threshold: number;
  queries: number;
  pairs: number;
  matcher: MatchScores;
  exact: MatchScores;
  /** Per variant: recall of positives, or for negatives the share of queries with no wrong match. */
  byVariant: Array<{ variant: GoldVariant; queries: number; matcher: number; exact: number; matcherFalsePositives: number }>;
}

/**
 * The exact-match baseline: an entity matches an entry when its folded name (foldName: ASCII,
 * lower case, punctuation a space) equals the folded name or an alias of the entry, and the
 * types agree. No word reordering, legal-form removal or spelling tolerance.
 */
export class ExactNameMatcher {
  private readonly index = new Map<string, ListEntry[]>();
  constructor(entries: readonly ListEntry[]) {
    for (const e of entries) {
      for (const n of new Set([e.name, ...e.aliases].map(foldName))) (this.index.get(n) ?? this.index.set(n, []).get(n)!).push(e);
    }
  }
  match(name: string, type: 'Person' | 'Organization'): ListEntry[] {
    return (this.index.get(foldName(name)) ?? []).filter((e) => (type === 'Person' ? e.type === 'person' : e.type !== 'person'));
  }
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : Math.round((a / b) * 10_000) / 10_000);

function score(tp: number, fp: number, fn: number): MatchScores {
  return { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), truePositives: tp, falsePositives: fp, falseNegatives: fn };
}

/** Scores the matcher and the exact baseline on the same gold, at the matcher's threshold. */
export function evaluateMatching(entries: readonly ListEntry[], gold: MatchingGold, threshold: number): MatchingEvaluation {
  const matcher = new ListMatcher(entries, { threshold });
  const exact = new ExactNameMatcher(entries);
  const totals = { matcher: [0, 0, 0], exact: [0, 0, 0] };
  const perVariant = new Map<GoldVariant, { queries: number; matcher: number; exact: number; denominator: number; fp: number }>();
  const tally = (q: GoldQuery, predicted: string[], which: 'matcher' | 'exact') => {
    const expected = new Set(q.expected);
    const acceptable = new Set(q.acceptable);
    let tp = 0;
    let fp = 0;
    for (const p of new Set(predicted)) {
      if (expected.has(p)) tp++;
      else if (!acceptable.has(p)) fp++;
    }
    const fn = expected.size - tp;
    const t = totals[which];
    t[0] = t[0]! + tp;
    t[1] = t[1]! + fp;
    t[2] = t[2]! + fn;
    const v = perVariant.get(q.variant)!;
    if (which === 'matcher') v.fp += fp;
    // Positives: share of expected pairs found; negatives: queries left without a wrong match.
    v[which] += expected.size ? tp : fp === 0 ? 1 : 0;
  };
  for (const q of gold.queries) {
    const v = perVariant.get(q.variant) ?? perVariant.set(q.variant, { queries: 0, matcher: 0, exact: 0, denominator: 0, fp: 0 }).get(q.variant)!;
    v.queries++;
    v.denominator += q.expected.length || 1;
    const scope = new Set(q.lists);
    tally(q, matcher.match({ name: q.name, type: q.type, ...(q.countries ? { countries: q.countries } : {}) }).filter((m) => scope.has(m.entry.list)).map((m) => entryKey(m.entry)), 'matcher');
    tally(q, exact.match(q.name, q.type as 'Person' | 'Organization').filter((e) => scope.has(e.list)).map(entryKey), 'exact');
  }
  return {
    threshold,
    queries: gold.queries.length,
    pairs: gold.pairs,
    matcher: score(totals.matcher[0]!, totals.matcher[1]!, totals.matcher[2]!),
    exact: score(totals.exact[0]!, totals.exact[1]!, totals.exact[2]!),
    byVariant: GOLD_VARIANTS.filter((v) => perVariant.has(v)).map((variant) => {
      const v = perVariant.get(variant)!;
      return { variant, queries: v.queries, matcher: ratio(v.matcher, v.denominator), exact: ratio(v.exact, v.denominator), matcherFalsePositives: v.fp };
    }),
  };
}

/** The evaluation as the other `newsgraph eval` commands print it: a table, then one JSON summary. */
export function matchingReport(evaluation: MatchingEvaluation, sources: readonly string[]): { table: string; summary: Record<string, unknown> } {
  const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
  const lines = [
    `matching gold: ${evaluation.queries} queries, ${evaluation.pairs} expected (query, entry) pairs, built from ${sources.join(', ')}`,
    `threshold ${evaluation.threshold}`,
    '',
    'variant                  queries  matcher   exact   (positives: recall %; negatives: % with no wrong match)',
    ...evaluation.byVariant.map((v) => `${v.variant.padEnd(24)} ${String(v.queries).padStart(7)}  ${pct(v.matcher)}  ${pct(v.exact)}`),
    '',
    '                 precision  recall     TP     FP     FN',
    `matcher          ${pct(evaluation.matcher.precision)}    ${pct(evaluation.matcher.recall)} ${String(evaluation.matcher.truePositives).padStart(6)} ${String(evaluation.matcher.falsePositives).padStart(6)} ${String(evaluation.matcher.falseNegatives).padStart(6)}`,
    `exact (baseline) ${pct(evaluation.exact.precision)}    ${pct(evaluation.exact.recall)} ${String(evaluation.exact.truePositives).padStart(6)} ${String(evaluation.exact.falsePositives).padStart(6)} ${String(evaluation.exact.falseNegatives).padStart(6)}`,
  ];
  return {
    table: lines.join('\n'),
    summary: {
      eval: 'matching',
      threshold: evaluation.threshold,
      queries: evaluation.queries,
      pairs: evaluation.pairs,
      precision: evaluation.matcher.precision,
      recall: evaluation.matcher.recall,
      exactPrecision: evaluation.exact.precision,
      exactRecall: evaluation.exact.recall,
      recallGainPoints: Math.round((evaluation.matcher.recall - evaluation.exact.recall) * 1000) / 10,
    },
  };
}
