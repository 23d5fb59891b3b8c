import { readFile } from 'node:fs/promises';
import { InputError, type ExtractionResult } from '@newsgraph/shared';
import { extract } from '../extract.ts';
import { compromiseEntities } from './baseline.ts';
import { readGoldText } from './gold-texts.ts';
import { RuleReport, type RuleRow } from './rule-report.ts';
import {
  addTally,
  normalizeName,
  round,
  scoreEntities,
  scoreRelations,
  toScoredEntity,
  type EntityScore,
  type GoldDocument,
  type Prf,
  type RelationScore,
  type ScoredEntity,
  type Tally,
} from './score.ts';

/**
 * `newsgraph eval gold`: the extractor against any gold file in the format of
 * ../shared/eval/seeds-gold.json, scored by the rules of ../shared/eval/README.md, with plain
 * compromise as the entity baseline and tables by entity type, by predicate and by rule.
 *
 * Each text is run the way `extract --jsonl` runs a line: the whole text, headline included, with
 * no outlet (who reported a story is read from its own attributions).
 */

export interface GoldEvalOptions {
  goldPath: string;
  /** Folder that the gold's `file` names are relative to (see readGoldText). */
  textsDir: string;
  /** Replaces the extractor (tests, experiments). */
  extractor?: (text: string) => ExtractionResult;
  /** Add the per-rule table and `per_rule` to the summary (always on for `eval gold`). */
  perRule?: boolean;
}

export interface PrfRow extends Prf {
  precise: number;
  predicted: number;
  recalled: number;
  gold: number;
}

export interface PredicateRow extends PrfRow {
  hard_r: number;
  hardRecalled: number;
  hardGold: number;
}

export interface GoldSummary {
  documents: number;
  entities: Prf & { violations: number };
  relations: Prf & { hard_r: number };
  entitiesByType: Record<string, PrfRow>;
  relationsByPredicate: Record<string, PredicateRow>;
  /** With `perRule`: one row per rule variant of the rule metadata (rule-report.ts). */
  per_rule?: RuleRow[];
  baseline: {
    name: string;
    entities: Prf & { violations: number };
    /** Plain compromise finds no relations: zeros, reported for the table's sake. */
    relations: Prf & { hard_r: number };
  };
}

export interface GoldDocumentRow {
  file: string;
  entities: EntityScore;
  relations: RelationScore;
  baseline: EntityScore;
}

export async function readGoldFile(goldPath: string): Promise<GoldDocument[]> {
  let raw: string;
  try {
    raw = await readFile(goldPath, 'utf8');
  } catch (error) {
    throw new InputError(goldPath, `cannot read the gold file (${(error as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new InputError(goldPath, `not valid JSON (${(error as Error).message})`);
  }
  const documents = (parsed as { documents?: unknown }).documents;
  if (!Array.isArray(documents)) throw new InputError(goldPath, 'expected an object with a "documents" array');
  documents.forEach((doc: unknown, i) => {
    const d = doc as Partial<GoldDocument> | null;
    const where = `document ${i + 1}`;
    if (!d || typeof d.file !== 'string' || d.file === '') throw new InputError(goldPath, `${where}: "file" must be a non-empty string`);
    if (!Array.isArray(d.entities)) throw new InputError(goldPath, `${where} (${d.file}): "entities" must be an array`);
    if (!Array.isArray(d.relations)) throw new InputError(goldPath, `${where} (${d.file}): "relations" must be an array`);
  });
  return documents as GoldDocument[];
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : round(a / b);
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : round((2 * p * r) / (p + r));
}

function prfRow(t: Tally): PrfRow {
  const p = ratio(t.precise, t.predicted);
  const r = ratio(t.recalled, t.gold);
  return { p, r, f1: f1(p, r), precise: t.precise, predicted: t.predicted, recalled: t.recalled, gold: t.gold };
}

function mergeTallies(rows: Array<Record<string, Tally>>): Record<string, Tally> {
  const out: Record<string, Tally> = {};
  for (const row of rows) for (const [key, t] of Object.entries(row)) addTally(out, key, t);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

export async function evaluateGold(options: GoldEvalOptions): Promise<{ table: string; summary: GoldSummary; rows: GoldDocumentRow[] }> {
  const gold = await readGoldFile(options.goldPath);
  const run = options.extractor ?? ((text: string) => extract(text));
  const rows: GoldDocumentRow[] = [];
  for (const doc of gold) {
    const text = await readGoldText(options.textsDir, doc.file);
    const result = run(text);
    const scored = result.entities.map(toScoredEntity);
    rows.push({
      file: doc.file,
      entities: scoreEntities(scored, doc),
      relations: scoreRelations(result.relations, scored, doc),
      baseline: scoreEntities(baselineEntities(text), doc),
    });
  }
  const sum = (f: (r: GoldDocumentRow) => number): number => rows.reduce((a, r) => a + f(r), 0);
  const entityPrf = (pick: (r: GoldDocumentRow) => EntityScore): Prf & { violations: number } => {
    const p = ratio(sum((r) => pick(r).precise), sum((r) => pick(r).predicted));
    const r = ratio(sum((x) => pick(x).recalled), sum((x) => pick(x).goldRequired));
    return { p, r, f1: f1(p, r), violations: sum((x) => pick(x).violations.length) };
  };
  const relP = ratio(sum((r) => r.relations.precise), sum((r) => r.relations.predicted));
  const relR = ratio(sum((r) => r.relations.recalled), sum((r) => r.relations.goldSoft));
  const byPredicate = mergeTallies(rows.map((r) => r.relations.byPredicate));
  const summary: GoldSummary = {
    documents: rows.length,
    entities: entityPrf((r) => r.entities),
    relations: { p: relP, r: relR, f1: f1(relP, relR), hard_r: ratio(sum((r) => r.relations.hardRecalled), sum((r) => r.relations.goldHard)) },
    entitiesByType: Object.fromEntries(Object.entries(mergeTallies(rows.map((r) => r.entities.byType))).map(([k, t]) => [k, prfRow(t)])),
    relationsByPredicate: Object.fromEntries(
      Object.entries(byPredicate).map(([k, t]) => [k, { ...prfRow(t), hard_r: ratio(t.hardRecalled, t.hardGold), hardRecalled: t.hardRecalled, hardGold: t.hardGold }]),
    ),
    baseline: {
      name: 'compromise (.people/.organizations/.places)',
      entities: entityPrf((r) => r.baseline),
      // Zero by construction, not measured: compromise extracts no relations (the table says so).
      relations: { p: 0, r: 0, f1: 0, hard_r: 0 },
    },
  };
  if (!options.perRule) return { table: formatTable(rows, summary), summary, rows };
  const goldTotal = sum((r) => r.relations.goldSoft + r.relations.goldHard);
  const report = new RuleReport();
  for (const r of rows) {
    for (const x of r.relations.perRule) report.addPrediction(x.rule, x.correct);
    for (const rule of r.relations.foundBy) report.addFound(rule);
  }
  summary.per_rule = report.table(goldTotal).filter((x) => x.predicted > 0 || x.found > 0);
  return { table: `${formatTable(rows, summary)}\n\n${report.format(goldTotal)}`, summary, rows };
}

/**
 * Plain compromise's mentions grouped into entities by type and name. compromise's places do not
 * separate countries from other places, so its Place may be scored as either.
 */
function baselineEntities(text: string): ScoredEntity[] {
  const byKey = new Map<string, ScoredEntity>();
  for (const m of compromiseEntities(text)) {
    const name = normalizeName(m.text);
    if (!name) continue;
    const key = `${m.type}:${name}`;
    if (!byKey.has(key)) byKey.set(key, { id: key, type: m.type, names: [name], ...(m.type === 'Place' ? { altTypes: ['Country'] } : {}) });
  }
  return [...byKey.values()];
}

const pad = (s: string | number, n: number): string => String(s).padEnd(n);
const frac = (a: number, n: number): string => (n === 0 ? '-' : `${a}/${n}`);

function formatTable(rows: GoldDocumentRow[], s: GoldSummary): string {
  const lines: string[] = [];
  const width = Math.max(28, ...rows.map((r) => r.file.length + 2));
  lines.push(`${pad('document', width)}${pad('ent P', 8)}${pad('ent R', 8)}${pad('viol', 6)}${pad('rel P', 8)}${pad('rel R', 8)}${pad('hard R', 8)}${pad('base ent P', 12)}base ent R`);
  for (const r of rows) {
    const e = r.entities;
    const x = r.relations;
    const b = r.baseline;
    lines.push(
      `${pad(r.file, width)}${pad(frac(e.precise, e.predicted), 8)}${pad(frac(e.recalled, e.goldRequired), 8)}${pad(e.violations.length, 6)}${pad(frac(x.precise, x.predicted), 8)}${pad(frac(x.recalled, x.goldSoft), 8)}${pad(frac(x.hardRecalled, x.goldHard), 8)}${pad(frac(b.precise, b.predicted), 12)}${frac(b.recalled, b.goldRequired)}`,
    );
  }
  lines.push(
    `${pad('all', width)}${pad(s.entities.p, 8)}${pad(s.entities.r, 8)}${pad(s.entities.violations, 6)}${pad(s.relations.p, 8)}${pad(s.relations.r, 8)}${pad(s.relations.hard_r, 8)}${pad(s.baseline.entities.p, 12)}${s.baseline.entities.r}`,
  );
  lines.push('', `${pad('entity type', 16)}${pad('P', 14)}${pad('R', 14)}F1`);
  for (const [type, t] of Object.entries(s.entitiesByType)) lines.push(`${pad(type, 16)}${pad(`${t.p} ${frac(t.precise, t.predicted)}`, 14)}${pad(`${t.r} ${frac(t.recalled, t.gold)}`, 14)}${t.f1}`);
  lines.push('', `${pad('predicate', 16)}${pad('P', 14)}${pad('R', 14)}${pad('hard R', 14)}F1`);
  for (const [predicate, t] of Object.entries(s.relationsByPredicate)) {
    lines.push(`${pad(predicate, 16)}${pad(`${t.p} ${frac(t.precise, t.predicted)}`, 14)}${pad(`${t.r} ${frac(t.recalled, t.gold)}`, 14)}${pad(`${t.hard_r} ${frac(t.hardRecalled, t.hardGold)}`, 14)}${t.f1}`);
  }
  lines.push('');
  for (const r of rows) {
    const details: Array<[string, string[]]> = [
      ['missed entities', r.entities.missed],
      ['spurious entities', r.entities.spurious],
      ['mustNotExtract violations', r.entities.violations],
      ['missed relations', r.relations.missed],
      ['missed hard relations', r.relations.missedHard],
      ['spurious relations', r.relations.spurious],
    ];
    if (details.every(([, list]) => list.length === 0)) continue;
    lines.push(`${r.file}:`);
    for (const [title, list] of details) if (list.length > 0) lines.push(`  ${title}: ${list.join('; ')}`);
  }
  lines.push('Relations baseline: plain compromise extracts no relations (0).');
  return lines.join('\n');
}
