import { analyzeEntities } from '../src/analyze-entities.ts';
import { extractRelations } from '../src/relations/extract-relations.ts';
import { analysisFromMarkup } from './relations-fixture.ts';

/** Claims of the rules whose id starts with `rulePrefix`, from marked-up text: "subject PREDICATE object rule", sorted. */
export function claimsOfRule(markup: string, rulePrefix: string): string[] {
  return extractRelations(analysisFromMarkup(markup))
    .filter((r) => r.evidence.rule.startsWith(rulePrefix))
    .map((r) => `${r.subject} ${r.predicate} ${r.object} ${r.evidence.rule}`)
    .sort();
}

/** Claims read from plain text by the whole extractor: "subject-name PREDICATE object-name", sorted. */
export function textClaims(text: string, predicate: string): string[] {
  const analysis = analyzeEntities(text);
  const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
  return extractRelations(analysis)
    .filter((r) => r.predicate === predicate)
    .map((r) => `${names.get(r.subject)} ${r.predicate} ${names.get(r.object)}`)
    .sort();
}
