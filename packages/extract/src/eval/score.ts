import { SYMMETRIC_PREDICATES, type ExtractedEntity, type ExtractedRelation, type Predicate } from '@newsgraph/shared';
import { ARTICLE_SUBJECT } from '../relations/sentence-context.ts';

/**
 * Scoring rules of ../shared/eval/README.md for the seed articles: entity matching by type (or
 * `alsoTypes`) and by name or surface form after case folding, possessive and punctuation
 * stripping; relation matching by predicate and matched subject/object (or `alsoSubjects` /
 * `alsoObjects`), either direction when symmetric, `ARTICLE` meaning the article itself.
 */

export interface GoldEntity {
  name: string;
  type: string;
  alsoTypes?: string[];
  mentions?: string[];
  optional?: boolean;
}

export interface GoldRelation {
  subject: string;
  predicate: string;
  object: string;
  alsoSubjects?: string[];
  alsoObjects?: string[];
  symmetric?: boolean;
  hard?: boolean;
  evidence?: string;
}

export interface GoldMustNot {
  text: string;
  type?: string;
}

export interface GoldDocument {
  file: string;
  outlet?: string;
  entities: GoldEntity[];
  mustNotExtract?: GoldMustNot[];
  relations: GoldRelation[];
}

/** Predicted entity as scored: its type and every name it goes by. */
export interface ScoredEntity {
  id: string;
  type: string;
  /** Other types it may be scored as (a baseline that cannot tell a Country from a Place). */
  altTypes?: string[];
  names: string[];
}

export interface Counts {
  tp: number;
  predicted: number;
  gold: number;
  matchedGold: number;
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

/** Case-folded name without surrounding punctuation and trailing possessive. */
export function normalizeName(name: string): string {
  const strip = (s: string): string => s.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
  let n = strip(name.toLowerCase().replace(/\s+/g, ' '));
  n = n.replace(/['’]s$/u, '');
  return strip(n);
}

export function toScoredEntity(e: ExtractedEntity): ScoredEntity {
  const names = new Set<string>([e.name, ...(e.aliases ?? []), ...e.mentions.map((m) => m.text)].map(normalizeName));
  names.delete('');
  return { id: e.id, type: e.type, names: [...names] };
}

export function entityMatches(predicted: ScoredEntity, gold: GoldEntity): boolean {
  const goldTypes = [gold.type, ...(gold.alsoTypes ?? [])];
  if (![predicted.type, ...(predicted.altTypes ?? [])].some((t) => goldTypes.includes(t))) return false;
  const goldNames = new Set([gold.name, ...(gold.mentions ?? [])].map(normalizeName));
  return predicted.names.some((n) => goldNames.has(n));
}

export function prf(tp: number, predicted: number, gold: number): Prf {
  const p = predicted === 0 ? 0 : tp / predicted;
  const r = gold === 0 ? 0 : tp / gold;
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p: round(p), r: round(r), f1: round(f1) };
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Counts behind one row of a per-type, per-predicate or per-rule table. */
export interface Tally {
  /** Predicted items that match the gold. */
  precise: number;
  predicted: number;
  /** Gold items (non-optional, non-hard) that were found. */
  recalled: number;
  gold: number;
  /** Hard gold relations (more than one sentence) that were found. */
  hardRecalled: number;
  hardGold: number;
}

export function emptyTally(): Tally {
  return { precise: 0, predicted: 0, recalled: 0, gold: 0, hardRecalled: 0, hardGold: 0 };
}

export function addTally(into: Record<string, Tally>, key: string, delta: Partial<Tally>): void {
  const t = (into[key] ??= emptyTally());
  for (const [k, v] of Object.entries(delta) as Array<[keyof Tally, number]>) t[k] += v;
}

export interface EntityScore {
  /** Non-optional gold entities matched / all non-optional. */
  recalled: number;
  goldRequired: number;
  /** Predicted entities that match some gold entity (optional included). */
  precise: number;
  predicted: number;
  violations: string[];
  missed: string[];
  spurious: string[];
  /** The same counts by entity type (gold type for recall, predicted type for precision). */
  byType: Record<string, Tally>;
}

export function scoreEntities(predicted: ScoredEntity[], gold: GoldDocument): EntityScore {
  const required = gold.entities.filter((g) => !g.optional);
  const missed = required.filter((g) => !predicted.some((p) => entityMatches(p, g)));
  const spurious = predicted.filter((p) => !gold.entities.some((g) => entityMatches(p, g)));
  const violations: string[] = [];
  for (const rule of gold.mustNotExtract ?? []) {
    const text = normalizeName(rule.text);
    for (const p of predicted) {
      if ((!rule.type || rule.type === p.type || (p.altTypes ?? []).includes(rule.type)) && p.names.includes(text)) violations.push(`${rule.text}${rule.type ? ` (${rule.type})` : ''} as ${p.type} ${p.id}`);
    }
  }
  const byType: Record<string, Tally> = {};
  for (const g of required) addTally(byType, g.type, { gold: 1, recalled: missed.includes(g) ? 0 : 1 });
  for (const p of predicted) addTally(byType, p.type, { predicted: 1, precise: spurious.includes(p) ? 0 : 1 });
  return {
    recalled: required.length - missed.length,
    goldRequired: required.length,
    precise: predicted.length - spurious.length,
    predicted: predicted.length,
    byType,
    violations,
    missed: missed.map((g) => `${g.type} ${g.name}`),
    spurious: spurious.map((p) => `${p.type} ${p.names[0] ?? p.id}`),
  };
}

export interface RelationScore {
  recalled: number;
  goldSoft: number;
  hardRecalled: number;
  goldHard: number;
  precise: number;
  predicted: number;
  missed: string[];
  /** The `hard` gold relations not found (cross-sentence or context), listed apart from `missed`. */
  missedHard: string[];
  spurious: string[];
  byPredicate: Record<string, Tally>;
  /** Each distinct (triple, rule) read, and whether the triple matches the gold. */
  perRule: Array<{ rule: string; correct: boolean }>;
  /** For each gold relation, the rules that found it (one entry per rule). */
  foundBy: string[];
}

/**
 * The closed predicate set of the gold files (../shared/eval/README.md): precision is over
 * predicted triples with one of these predicates only. The graph has more (NATIONAL_OF), which
 * the gold does not annotate, so they are neither right nor wrong there.
 */
export const GOLD_PREDICATES: ReadonlySet<Predicate> = new Set<Predicate>([
  'VISITED',
  'MET_WITH',
  'URGED',
  'SUPPLIES',
  'SHIPPED_VIA',
  'SANCTIONS',
  'TRADES_WITH',
  'HOLDS_ROLE',
  'PART_OF',
  'LOCATED_IN',
  'REPORTED_BY',
]);

export function scoreRelations(allRelations: ExtractedRelation[], entities: ScoredEntity[], gold: GoldDocument): RelationScore {
  const relations = allRelations.filter((r) => GOLD_PREDICATES.has(r.predicate));
  const byId = new Map(entities.map((e) => [e.id, e]));
  const goldByName = new Map(gold.entities.map((g) => [g.name, g]));
  // Distinct triples: the same claim read from several sentences counts once.
  const triples = new Map<string, ExtractedRelation>();
  for (const r of relations) {
    let [s, o] = [r.subject, r.object];
    if (SYMMETRIC_PREDICATES.has(r.predicate) && o < s) [s, o] = [o, s];
    triples.set(`${s}\u0000${r.predicate}\u0000${o}`, r);
  }
  const sideMatches = (id: string, names: string[]): boolean => {
    for (const name of names) {
      if (name === ARTICLE_SUBJECT) {
        if (id === ARTICLE_SUBJECT) return true;
        continue;
      }
      const p = byId.get(id);
      if (!p) continue;
      const g = goldByName.get(name) ?? { name, type: p.type };
      if (entityMatches(p, g)) return true;
    }
    return false;
  };
  const matches = (r: ExtractedRelation, g: GoldRelation): boolean => {
    if (r.predicate !== g.predicate) return false;
    const subjects = [g.subject, ...(g.alsoSubjects ?? [])];
    const objects = [g.object, ...(g.alsoObjects ?? [])];
    if (sideMatches(r.subject, subjects) && sideMatches(r.object, objects)) return true;
    const symmetric = g.symmetric ?? SYMMETRIC_PREDICATES.has(r.predicate);
    return symmetric && sideMatches(r.object, subjects) && sideMatches(r.subject, objects);
  };
  const predicted = [...triples.values()];
  const label = (r: ExtractedRelation): string => {
    const name = (id: string): string => (id === ARTICLE_SUBJECT ? id : (byId.get(id)?.names[0] ?? id));
    return `${name(r.subject)} ${r.predicate} ${name(r.object)} [${r.evidence.rule}]`;
  };
  const soft = gold.relations.filter((g) => !g.hard);
  const hard = gold.relations.filter((g) => g.hard);
  const missedSoft = soft.filter((g) => !predicted.some((r) => matches(r, g)));
  const missedHard = hard.filter((g) => !predicted.some((r) => matches(r, g)));
  const hardRecalled = hard.length - missedHard.length;
  const spurious = predicted.filter((r) => !gold.relations.some((g) => matches(r, g)));
  const byPredicate: Record<string, Tally> = {};
  for (const g of soft) addTally(byPredicate, g.predicate, { gold: 1, recalled: missedSoft.includes(g) ? 0 : 1 });
  for (const g of hard) addTally(byPredicate, g.predicate, { hardGold: 1, hardRecalled: predicted.some((r) => matches(r, g)) ? 1 : 0 });
  for (const r of predicted) addTally(byPredicate, r.predicate, { predicted: 1, precise: spurious.includes(r) ? 0 : 1 });
  // Per rule: each distinct triple a rule read, right or not, and the gold relations it found.
  const byRule = new Map<string, ExtractedRelation>();
  for (const r of relations) {
    let [s, o] = [r.subject, r.object];
    if (SYMMETRIC_PREDICATES.has(r.predicate) && o < s) [s, o] = [o, s];
    byRule.set(`${s}\u0000${r.predicate}\u0000${o}\u0000${r.evidence.rule}`, r);
  }
  const perRule = [...byRule.values()].map((r) => ({ rule: r.evidence.rule, correct: gold.relations.some((g) => matches(r, g)) }));
  const foundBy: string[] = [];
  for (const g of gold.relations) for (const rule of new Set([...byRule.values()].filter((r) => matches(r, g)).map((r) => r.evidence.rule))) foundBy.push(rule);
  return {
    byPredicate,
    recalled: soft.length - missedSoft.length,
    goldSoft: soft.length,
    hardRecalled,
    goldHard: hard.length,
    precise: predicted.length - spurious.length,
    predicted: predicted.length,
    missed: missedSoft.map((g) => `${g.subject} ${g.predicate} ${g.object}`),
    missedHard: missedHard.map((g) => `${g.subject} ${g.predicate} ${g.object}`),
    spurious: spurious.map(label),
    perRule,
    foundBy,
  };
}
