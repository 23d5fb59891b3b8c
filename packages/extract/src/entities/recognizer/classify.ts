import type { EntityType } from '@newsgraph/shared';
import { contextWord, suffixKey } from '../../lexicon/type-lexicon.ts';
import type { LabelCounts, TypeLexicon } from '../../lexicon/type-lexicon.ts';
import type { SentenceScan } from './scan.ts';

/** Outcomes of typing an unseen span, in the order the type lexicon's count arrays use. */
export type Outcome = 'PER' | 'ORG' | 'LOC' | 'MISC' | 'O';
export const OUTCOMES: readonly Outcome[] = ['PER', 'ORG', 'LOC', 'MISC', 'O'];
export const ENTITY_TYPE_OF: Record<'PER' | 'ORG' | 'LOC', EntityType> = { PER: 'Person', ORG: 'Organization', LOC: 'Place' };

/** Index of the largest of the four name labels (PER, ORG, LOC, MISC). */
export function argmax(c: LabelCounts): number {
  let best = 0;
  for (let i = 1; i < 4; i++) if ((c[i] as number) > (c[best] as number)) best = i;
  return best;
}

/**
 * Naive-Bayes typing of an unseen span from the learned lexicon: per-token label votes, the word
 * before and after, and the last letters of the last word. Returns the named outcome (PER, ORG,
 * LOC, MISC, or O for not-a-name); the lexicon's count arrays are indexed in OUTCOMES order.
 */
export function classify(s: SentenceScan, a: number, b: number): Outcome {
  const lex = s.ctx.lexicon as TypeLexicon;
  const ctx = lex.context;
  const n = b - a;
  const prev = a > s.sentence.firstToken ? contextWord(s.tok(a - 1).text) : '<edge>';
  const next = b < s.sentence.lastToken ? contextWord(s.tok(b).text) : '<edge>';
  const features = [ctx.prev.get(prev), ctx.next.get(next), ctx.suffix.get(suffixKey(s.tok(b - 1).text))];
  let best = 4;
  let bestScore = -Infinity;
  for (let label = 0; label < 5; label++) {
    const total = ctx.totals[label as 0] + 1;
    let score = Math.log(total);
    if (label === 4) score += (n - 1) * Math.log(0.05);
    if (label === 3) score += Math.log(0.7);
    for (const f of features) score += Math.log(((f?.[label as 0] ?? 0) + 0.5) / (total + 2500));
    for (let k = a; k < b; k++) {
      const st = lex.tokens.get(s.lower(k));
      if (!st) continue;
      const counts = [st.labels[0], st.labels[1], st.labels[2], st.labels[3], st.capitalOther];
      const sum = counts.reduce((x, y) => x + y, 0);
      if (sum === 0) continue;
      score += 1.5 * Math.log(((counts[label] ?? 0) + 0.1) / (sum + 0.5));
    }
    if (score > bestScore) {
      bestScore = score;
      best = label;
    }
  }
  return OUTCOMES[best] as Outcome;
}
