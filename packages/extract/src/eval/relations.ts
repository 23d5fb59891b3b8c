import { readFile } from 'node:fs/promises';
import { InputError, type Span } from '@newsgraph/shared';
import { analyzeEntities } from '../analyze-entities.ts';
import type { EntityAnalysis } from '../interfaces/analysis.ts';
import { loadConllLexicon } from '../lexicon/conll-lexicon.ts';
import { extractRelationsDetailed, type DetailedRelation } from '../relations/extract-relations.ts';
import { withOutletEntity } from '../relations/outlet.ts';
import { prf, type Prf } from './score.ts';
import { RuleReport, type RuleRow } from './rule-report.ts';

/**
 * `newsgraph eval relations --conll04 FILE`: relation extraction on CoNLL04 (SpERT JSON), scored
 * per eval/README.md. Each sentence's tokens are joined with single spaces into a text, the full
 * extractor runs on it, and a predicted HOLDS_ROLE / LOCATED_IN matches a gold Work_For /
 * OrgBased_In / Located_In relation when the predicted subject and object mention spans overlap
 * the gold head and tail spans. Live_In and Kill have no counterpart and are not scored; our
 * other predicates are not scored either.
 *
 * A prediction that matches no gold pair and whose two sides both fall within one gold entity
 * mention is not scored either (counted apart as `inside_one_mention`): CoNLL04 annotates
 * "Staunton , Va" or "Bank of Boston" as one entity, so the gold has no pair of entities the
 * relation between its parts could be compared with. It is the relation analogue of the NER
 * rule that a span coinciding with a gold MISC span is ignored; a prediction across two gold
 * mentions that the gold does not relate stays a false positive.
 */

export const CONLL04_PREDICATES = ['HOLDS_ROLE', 'LOCATED_IN'] as const;
export type Conll04Predicate = (typeof CONLL04_PREDICATES)[number];

const MAPPING: Record<string, Conll04Predicate> = {
  Work_For: 'HOLDS_ROLE',
  OrgBased_In: 'LOCATED_IN',
  Located_In: 'LOCATED_IN',
};

interface Conll04Sentence {
  tokens: string[];
  entities: Array<{ type: string; start: number; end: number }>;
  relations: Array<{ type: string; head: number; tail: number }>;
}

export interface RelationsSummary extends Prf {
  sentences: number;
  /** Whether entity analysis used a CoNLL-2003 type lexicon. */
  type_lexicon: boolean;
  per_predicate: Record<Conll04Predicate, Prf>;
  /** Predictions matching no gold pair whose sides both lie in one gold mention: not scored. */
  inside_one_mention: number;
  /** The stricter reading: the same micro scores with those predictions counted as false positives. */
  all_scored: Prf;
  /** With `perRule`: one row per rule variant. */
  per_rule?: RuleRow[];
}

interface GoldPair {
  predicate: Conll04Predicate;
  head: Span;
  tail: Span;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function parse(path: string, raw: string): Conll04Sentence[] {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new InputError(path, `not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data)) throw new InputError(path, 'expected a JSON array of sentences (SpERT format)');
  data.forEach((s: unknown, i) => {
    const x = s as Partial<Conll04Sentence>;
    if (!Array.isArray(x?.tokens) || !Array.isArray(x.entities) || !Array.isArray(x.relations)) {
      throw new InputError(path, `sentence ${i} lacks tokens/entities/relations arrays`);
    }
  });
  return data as Conll04Sentence[];
}

/** Scores the extractor on one CoNLL04 split. `analyze` replaces entity analysis (tests). */
export interface EvaluateRelationsOptions {
  /**
   * CoNLL-2003 training file (`eng.train`) to learn a type lexicon from, passed to entity analysis
   * the way the NER evaluation does; without it the extractor runs with its built-in lexicons only.
   */
  conll2003TrainPath?: string;
  /** Replaces entity analysis (tests). */
  analyze?: (text: string) => EntityAnalysis;
  /** Only the first N sentences. */
  limit?: number;
  /** Add a per-rule precision/recall table (and `per_rule` in the summary). */
  perRule?: boolean;
}

export async function evaluateRelations(
  conll04Path: string,
  options: EvaluateRelationsOptions = {},
): Promise<{ table: string; summary: RelationsSummary }> {
  let raw: string;
  try {
    raw = await readFile(conll04Path, 'utf8');
  } catch (error) {
    throw new InputError(conll04Path, `cannot read (${(error as Error).message})`);
  }
  const sentences = parse(conll04Path, raw).slice(0, options.limit ?? Infinity);
  const typeLexicon = options.conll2003TrainPath ? await loadConllLexicon(options.conll2003TrainPath) : undefined;
  const analyze = options.analyze ?? ((text: string) => analyzeEntities(text, { typeLexicon, keepTrailingChrome: true }));
  const counts: Record<Conll04Predicate, { tp: number; predicted: number; gold: number; recalled: number }> = {
    HOLDS_ROLE: { tp: 0, predicted: 0, gold: 0, recalled: 0 },
    LOCATED_IN: { tp: 0, predicted: 0, gold: 0, recalled: 0 },
  };
  const ruleHits = new Map<string, { tp: number; n: number }>();
  const report = new RuleReport();
  let insideOne = 0;
  for (const sentence of sentences) {
    // Character span of every token in the space-joined text.
    const starts: number[] = [];
    let pos = 0;
    for (const token of sentence.tokens) {
      starts.push(pos);
      pos += token.length + 1;
    }
    const text = sentence.tokens.join(' ');
    const charSpan = (start: number, end: number): Span => ({
      start: starts[start] ?? text.length,
      end: (starts[end - 1] ?? 0) + (sentence.tokens[end - 1]?.length ?? 0),
    });
    const mentionSpans = sentence.entities.map((e) => charSpan(e.start, e.end));
    const gold: GoldPair[] = [];
    for (const r of sentence.relations) {
      const predicate = MAPPING[r.type];
      const head = sentence.entities[r.head];
      const tail = sentence.entities[r.tail];
      if (!predicate || !head || !tail) continue;
      gold.push({ predicate, head: charSpan(head.start, head.end), tail: charSpan(tail.start, tail.end) });
    }
    const analysis = withOutletEntity(analyze(text), null);
    const spansOfEntity = mentionSpansByEntity(analysis);
    const predicted = new Map<string, DetailedRelation>();
    for (const r of extractRelationsDetailed(analysis)) {
      if (r.predicate !== 'HOLDS_ROLE' && r.predicate !== 'LOCATED_IN') continue;
      if (!r.subjectSpan || !r.objectSpan) continue;
      predicted.set(`${r.predicate} ${r.subjectSpan.start} ${r.subjectSpan.end} ${r.objectSpan.start} ${r.objectSpan.end}`, r);
    }
    const matches = (r: DetailedRelation, g: GoldPair): boolean =>
      r.predicate === g.predicate && namedAt(r.subject, r.subjectSpan as Span, g.head, spansOfEntity) && namedAt(r.object, r.objectSpan as Span, g.tail, spansOfEntity);
    for (const r of predicted.values()) {
      const hit = gold.some((g) => matches(r, g));
      if (!hit && insideOneMention(r, mentionSpans)) {
        insideOne++;
        continue;
      }
      const c = counts[r.predicate as Conll04Predicate];
      c.predicted++;
      if (hit) c.tp++;
      const stat = ruleHits.get(r.evidence.rule) ?? { tp: 0, n: 0 };
      stat.n++;
      if (hit) stat.tp++;
      ruleHits.set(r.evidence.rule, stat);
      report.addPrediction(r.evidence.rule, hit);
    }
    for (const g of gold) {
      const c = counts[g.predicate];
      c.gold++;
      const finders = [...predicted.values()].filter((r) => matches(r, g));
      if (finders.length > 0) c.recalled++;
      for (const rule of new Set(finders.map((r) => r.evidence.rule))) report.addFound(rule);
    }
  }
  const scoreOf = (c: { tp: number; predicted: number; gold: number; recalled: number }): Prf => {
    const p = prf(c.tp, c.predicted, c.gold);
    const r = prf(c.recalled, c.predicted, c.gold).r;
    return prf2(p.p, r);
  };
  const all = {
    tp: counts.HOLDS_ROLE.tp + counts.LOCATED_IN.tp,
    predicted: counts.HOLDS_ROLE.predicted + counts.LOCATED_IN.predicted,
    gold: counts.HOLDS_ROLE.gold + counts.LOCATED_IN.gold,
    recalled: counts.HOLDS_ROLE.recalled + counts.LOCATED_IN.recalled,
  };
  const summary: RelationsSummary = {
    ...scoreOf(all),
    sentences: sentences.length,
    type_lexicon: typeLexicon !== undefined,
    per_predicate: { HOLDS_ROLE: scoreOf(counts.HOLDS_ROLE), LOCATED_IN: scoreOf(counts.LOCATED_IN) },
    inside_one_mention: insideOne,
    all_scored: scoreOf({ ...all, predicted: all.predicted + insideOne }),
    ...(options.perRule ? { per_rule: report.table(all.gold).filter((r) => r.predicted > 0 || r.found > 0) } : {}),
  };
  const lexiconNote = options.analyze ? 'custom entity analysis' : typeLexicon ? `type lexicon from ${options.conll2003TrainPath}` : 'built-in lexicons only';
  const lines = [`CoNLL04 ${conll04Path} (${sentences.length} sentences, ${lexiconNote})`, `${'predicate'.padEnd(14)}${'P'.padEnd(8)}${'R'.padEnd(8)}${'F1'.padEnd(8)}tp/pred  recalled/gold`];
  for (const p of CONLL04_PREDICATES) {
    const s = summary.per_predicate[p];
    const c = counts[p];
    lines.push(`${p.padEnd(14)}${String(s.p).padEnd(8)}${String(s.r).padEnd(8)}${String(s.f1).padEnd(8)}${`${c.tp}/${c.predicted}`.padEnd(9)}${c.recalled}/${c.gold}`);
  }
  lines.push(`${'micro'.padEnd(14)}${String(summary.p).padEnd(8)}${String(summary.r).padEnd(8)}${String(summary.f1).padEnd(8)}${`${all.tp}/${all.predicted}`.padEnd(9)}${all.recalled}/${all.gold}`);
  lines.push(`not scored: ${insideOne} predictions inside one gold mention ("Staunton , Va"); counted as false positives: P ${summary.all_scored.p} R ${summary.all_scored.r} F1 ${summary.all_scored.f1}`);
  lines.push(`rules: ${[...ruleHits.entries()].sort((a, b) => b[1].n - a[1].n).map(([rule, s]) => `${rule} ${s.tp}/${s.n}`).join(', ')}`);
  if (options.perRule) lines.push('', report.format(all.gold));
  return { table: lines.join('\n'), summary };
}

/** Every mention span of each entity of the (one-sentence) text. */
function mentionSpansByEntity(analysis: EntityAnalysis): Map<string, Span[]> {
  const byEntity = new Map<string, Span[]>();
  for (const m of analysis.mentions) {
    const spans = byEntity.get(m.entityId) ?? [];
    spans.push({ start: m.start, end: m.end });
    byEntity.set(m.entityId, spans);
  }
  return byEntity;
}

/**
 * Whether a side of a prediction names the gold mention: the mention the claim was read from, or
 * another mention of the same entity in the sentence. A claim is about entities; when a sentence
 * names one twice ("briefing at NRC headquarters in Rockville ... NRC experts"), CoNLL04 ties the
 * relation to one of the two, not always the one the rule read.
 */
function namedAt(entityId: string, span: Span, gold: Span, spansOfEntity: ReadonlyMap<string, Span[]>): boolean {
  return overlaps(span, gold) || (spansOfEntity.get(entityId) ?? []).some((s) => overlaps(s, gold));
}

/** Whether both sides of a prediction overlap one and the same gold mention. */
function insideOneMention(r: DetailedRelation, mentions: readonly Span[]): boolean {
  return mentions.some((m) => overlaps(r.subjectSpan as Span, m) && overlaps(r.objectSpan as Span, m));
}

function prf2(p: number, r: number): Prf {
  return { p, r, f1: p + r === 0 ? 0 : Math.round(((2 * p * r) / (p + r)) * 1000) / 1000 };
}
