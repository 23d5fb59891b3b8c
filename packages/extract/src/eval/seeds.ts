import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, type ExtractionResult } from '@newsgraph/shared';
import { extract } from '../extract.ts';
import { compromiseEntities } from './baseline.ts';
import type { ScoredEntity } from './score.ts';
import { RuleReport, type RuleRow } from './rule-report.ts';
import {
  normalizeName,
  prf,
  round,
  scoreEntities,
  scoreRelations,
  toScoredEntity,
  type EntityScore,
  type GoldDocument,
  type Prf,
  type RelationScore,
} from './score.ts';

/**
 * `newsgraph eval seeds`: the extractor against the hand-made gold of the three seed articles,
 * scored by the rules of eval/README.md, next to plain compromise as a baseline.
 *
 * Each seed is run the way the pipeline runs an article: the raw text as scraped (page chrome
 * included) and no outlet (the seeds are relayed reports; who reported them is read from the
 * text's own attributions, as it would be for any relayed article).
 */

export interface SeedsEvalOptions {
  seedsDir: string;
  goldPath: string;
  /** Add a per-rule precision/recall table (and `per_rule` in the summary). */
  perRule?: boolean;
  /** Replaces the extractor (tests, experiments). */
  extractor?: (text: string) => ExtractionResult;
}

export interface SeedsSummary {
  documents: number;
  entities: Prf & { violations: number };
  relations: Prf & { hard_r: number };
  /** With `perRule`: one row per rule variant. */
  per_rule?: RuleRow[];
  baseline: {
    name: string;
    entities: Prf & { violations: number };
    /** Plain compromise finds no relations: zeros, reported for the table's sake. */
    relations: Prf & { hard_r: number };
  };
}

interface DocumentRow {
  file: string;
  entities: EntityScore;
  relations: RelationScore;
  baseline: EntityScore;
}

async function readGold(goldPath: string): Promise<GoldDocument[]> {
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
  return documents as GoldDocument[];
}

export async function evaluateSeeds(options: SeedsEvalOptions): Promise<{ table: string; summary: SeedsSummary }> {
  const gold = await readGold(options.goldPath);
  let files: string[];
  try {
    files = await readdir(options.seedsDir);
  } catch (error) {
    throw new InputError(options.seedsDir, `cannot read the seeds folder (${(error as Error).message})`);
  }
  const run = options.extractor ?? ((text: string) => extract(text));
  const rows: DocumentRow[] = [];
  for (const doc of gold) {
    if (!files.includes(doc.file)) throw new InputError(join(options.seedsDir, doc.file), 'seed file named by the gold is missing');
    const text = await readFile(join(options.seedsDir, doc.file), 'utf8');
    const result = run(text);
    const scored = result.entities.map(toScoredEntity);
    const baseline = baselineEntities(text);
    rows.push({
      file: doc.file,
      entities: scoreEntities(scored, doc),
      relations: scoreRelations(result.relations, scored, doc),
      baseline: scoreEntities(baseline, doc),
    });
  }
  const sum = <T>(pick: (r: DocumentRow) => T, f: (t: T) => number): number => rows.reduce((a, r) => a + f(pick(r)), 0);
  const entityPrf = (pick: (r: DocumentRow) => EntityScore): Prf & { violations: number } => {
    const p = prf(1, 1, 1);
    const precise = sum(pick, (e) => e.precise);
    const predicted = sum(pick, (e) => e.predicted);
    const recalled = sum(pick, (e) => e.recalled);
    const goldRequired = sum(pick, (e) => e.goldRequired);
    p.p = predicted === 0 ? 0 : round(precise / predicted);
    p.r = goldRequired === 0 ? 0 : round(recalled / goldRequired);
    p.f1 = p.p + p.r === 0 ? 0 : round((2 * p.p * p.r) / (p.p + p.r));
    return { ...p, violations: sum(pick, (e) => e.violations.length) };
  };
  const rel = (r: DocumentRow): RelationScore => r.relations;
  const precise = sum(rel, (x) => x.precise);
  const predicted = sum(rel, (x) => x.predicted);
  const recalled = sum(rel, (x) => x.recalled);
  const goldSoft = sum(rel, (x) => x.goldSoft);
  const relationP = predicted === 0 ? 0 : round(precise / predicted);
  const relationR = goldSoft === 0 ? 0 : round(recalled / goldSoft);
  const goldHard = sum(rel, (x) => x.goldHard);
  const summary: SeedsSummary = {
    documents: rows.length,
    entities: entityPrf((r) => r.entities),
    relations: {
      p: relationP,
      r: relationR,
      f1: relationP + relationR === 0 ? 0 : round((2 * relationP * relationR) / (relationP + relationR)),
      hard_r: goldHard === 0 ? 0 : round(sum(rel, (x) => x.hardRecalled) / goldHard),
    },
    baseline: {
      name: 'compromise (.people/.organizations/.places)',
      entities: entityPrf((r) => r.baseline),
      // Zero by construction, not measured: compromise extracts no relations (the table says so).
      relations: { p: 0, r: 0, f1: 0, hard_r: 0 },
    },
  };
  const goldTotal = goldSoft + goldHard;
  if (!options.perRule) return { table: formatTable(rows, summary), summary };
  const report = new RuleReport();
  for (const r of rows) {
    for (const x of r.relations.perRule) report.addPrediction(x.rule, x.correct);
    for (const rule of r.relations.foundBy) report.addFound(rule);
  }
  summary.per_rule = report.table(goldTotal).filter((x) => x.predicted > 0 || x.found > 0);
  return { table: `${formatTable(rows, summary)}\n\n${report.format(goldTotal)}`, summary };
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

function formatTable(rows: DocumentRow[], summary: SeedsSummary): string {
  const lines: string[] = [];
  const pad = (s: string | number, n: number): string => String(s).padEnd(n);
  lines.push(
    `${pad('document', 28)}${pad('ent P', 8)}${pad('ent R', 8)}${pad('viol', 6)}${pad('rel P', 8)}${pad('rel R', 8)}${pad('hard R', 8)}${pad('base ent P', 12)}base ent R`,
  );
  for (const r of rows) {
    const e = r.entities;
    const x = r.relations;
    const b = r.baseline;
    const ratio = (a: number, n: number): string => (n === 0 ? '-' : `${a}/${n}`);
    lines.push(
      `${pad(r.file, 28)}${pad(ratio(e.precise, e.predicted), 8)}${pad(ratio(e.recalled, e.goldRequired), 8)}${pad(e.violations.length, 6)}${pad(ratio(x.precise, x.predicted), 8)}${pad(ratio(x.recalled, x.goldSoft), 8)}${pad(ratio(x.hardRecalled, x.goldHard), 8)}${pad(ratio(b.precise, b.predicted), 12)}${ratio(b.recalled, b.goldRequired)}`,
    );
  }
  const s = summary;
  lines.push(
    `${pad('all', 28)}${pad(s.entities.p, 8)}${pad(s.entities.r, 8)}${pad(s.entities.violations, 6)}${pad(s.relations.p, 8)}${pad(s.relations.r, 8)}${pad(s.relations.hard_r, 8)}${pad(s.baseline.entities.p, 12)}${s.baseline.entities.r}`,
  );
  lines.push('');
  for (const r of rows) {
    const details: Array<[string, string[]]> = [
      ['missed entities', r.entities.missed],
      ['spurious entities', r.entities.spurious],
      ['mustNotExtract violations', r.entities.violations],
      ['missed relations', r.relations.missed],
      ['spurious relations', r.relations.spurious],
    ];
    if (details.every(([, list]) => list.length === 0)) continue;
    lines.push(`${r.file}:`);
    for (const [title, list] of details) if (list.length > 0) lines.push(`  ${title}: ${list.join('; ')}`);
  }
  lines.push('Relations baseline: plain compromise extracts no relations (0).');
  return lines.join('\n');
}
