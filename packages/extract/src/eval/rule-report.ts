import { RELATION_RULES, ruleVariant } from '../relations/rule-registry.ts';

/**
 * Per-rule precision and recall, keyed by the declared variant a claim's rule id comes from
 * (`role.title.list` counts for `role.title`): how many distinct predicted triples the variant
 * produced, how many of them match the gold, and how many gold relations it found. The rows carry
 * the family's metadata (predicate, types), so the report is generated from the rules themselves.
 */

export interface RuleRow {
  rule: string;
  predicate: string;
  predicted: number;
  correct: number;
  /** Gold relations this variant found (any other variant may have found them too). */
  found: number;
  p: number;
}

export class RuleReport {
  private readonly rows = new Map<string, { predicted: number; correct: number; found: number }>();

  private row(ruleId: string): { predicted: number; correct: number; found: number } {
    const key = ruleVariant(ruleId);
    let r = this.rows.get(key);
    if (!r) {
      r = { predicted: 0, correct: 0, found: 0 };
      this.rows.set(key, r);
    }
    return r;
  }

  /** One distinct predicted triple read by `ruleId`. */
  addPrediction(ruleId: string, correct: boolean): void {
    const r = this.row(ruleId);
    r.predicted++;
    if (correct) r.correct++;
  }

  /** One gold relation found by `ruleId`. */
  addFound(ruleId: string): void {
    this.row(ruleId).found++;
  }

  /** Rows in the order of the rule metadata (every declared variant, even silent ones), then unknown ids. */
  table(goldTotal: number): RuleRow[] {
    const out: RuleRow[] = [];
    const seen = new Set<string>();
    const push = (rule: string, predicate: string): void => {
      const r = this.rows.get(rule) ?? { predicted: 0, correct: 0, found: 0 };
      seen.add(rule);
      out.push({ rule, predicate, ...r, p: r.predicted === 0 ? 0 : Math.round((r.correct / r.predicted) * 1000) / 1000 });
    };
    for (const family of RELATION_RULES) for (const v of family.variants) push(v.id, family.predicate);
    for (const rule of [...this.rows.keys()].sort()) if (!seen.has(rule)) push(rule, '?');
    void goldTotal;
    return out;
  }

  format(goldTotal: number, onlyActive = true): string {
    const pad = (s: string | number, n: number): string => String(s).padEnd(n);
    const lines = [`${pad('rule', 28)}${pad('predicate', 13)}${pad('P', 8)}${pad('correct/pred', 14)}found/gold`];
    for (const r of this.table(goldTotal)) {
      if (onlyActive && r.predicted === 0 && r.found === 0) continue;
      lines.push(`${pad(r.rule, 28)}${pad(r.predicate, 13)}${pad(r.predicted === 0 ? '-' : r.p, 8)}${pad(`${r.correct}/${r.predicted}`, 14)}${r.found}/${goldTotal}`);
    }
    return lines.join('\n');
  }
}
