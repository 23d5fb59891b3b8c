import { readdirSync } from 'node:fs';
import { PREDICATES } from '@newsgraph/shared';
import type { RelationRule } from '../interfaces/relation-rule.ts';

/**
 * Every rule family, loaded from the files of `rules/` at module load: adding a rule means adding
 * one file that exports `rule`. Checked here once: the id is the file name, the predicate is one
 * of the closed set, variant ids start with the family id.
 */

const RULE_DIR = new URL('./rules/', import.meta.url);
const RULE_FILE = /^([a-z][a-z0-9-]*)\.(?:ts|js)$/;

async function loadRules(): Promise<RelationRule[]> {
  const files = readdirSync(RULE_DIR)
    .filter((f) => RULE_FILE.test(f) && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .sort();
  const seen = new Set<string>();
  const rules: RelationRule[] = [];
  for (const file of files) {
    const base = RULE_FILE.exec(file)?.[1] as string;
    if (seen.has(base)) continue; // dist/ may hold both .js and .d.ts; src/ only .ts
    seen.add(base);
    const mod = (await import(new URL(file, RULE_DIR).href)) as { rule?: RelationRule };
    const rule = mod.rule;
    if (!rule || typeof rule.run !== 'function') throw new Error(`relations/rules/${file}: exports no \`rule\` with a run function`);
    if (rule.id !== base) throw new Error(`relations/rules/${file}: rule id "${rule.id}" must be the file name "${base}"`);
    if (!(PREDICATES as readonly string[]).includes(rule.predicate)) throw new Error(`relations/rules/${file}: unknown predicate ${rule.predicate}`);
    for (const v of rule.variants) {
      if (!v.id.startsWith(`${rule.id}.`)) throw new Error(`relations/rules/${file}: variant "${v.id}" must start with "${rule.id}."`);
    }
    rules.push(rule);
  }
  return rules;
}

export const RELATION_RULES: readonly RelationRule[] = await loadRules();

/** The family of a claim's rule id: `visit.verb.pronoun` → the `visit` rule. */
export function ruleFamily(ruleId: string): RelationRule | undefined {
  const id = ruleId.split('.')[0];
  return RELATION_RULES.find((r) => r.id === id);
}

/** The declared variant a claim's rule id comes from: `role.title.list` → `role.title`. */
export function ruleVariant(ruleId: string): string {
  let best: string | null = null;
  for (const v of ruleFamily(ruleId)?.variants ?? []) {
    if ((ruleId === v.id || ruleId.startsWith(`${v.id}.`)) && (!best || v.id.length > best.length)) best = v.id;
  }
  return best ?? ruleId;
}
