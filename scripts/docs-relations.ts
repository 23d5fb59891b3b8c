import { readFileSync, writeFileSync } from 'node:fs';
import { RELATION_RULES, renderRuleTable, replaceGeneratedSection } from '@newsgraph/extract';

/**
 * Regenerates the rule tables of docs/extract-relations.md from the rule metadata
 * (packages/extract/src/relations/rules/*.ts). `--check` only compares and exits 1 when stale.
 */
const path = new URL('../docs/extract-relations.md', import.meta.url);
const doc = readFileSync(path, 'utf8');
const next = replaceGeneratedSection(doc, renderRuleTable(RELATION_RULES));
if (process.argv.includes('--check')) {
  if (next !== doc) {
    console.error('docs/extract-relations.md is stale: run node scripts/docs-relations.ts');
    process.exit(1);
  }
} else if (next !== doc) {
  writeFileSync(path, next);
  console.log('docs/extract-relations.md updated');
}
