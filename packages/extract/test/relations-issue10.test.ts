import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PREDICATES, type ExtractedRelation } from '@newsgraph/shared';
import { extractRelations } from '../src/relations/extract-relations.ts';
import { RELATION_RULES, ruleFamily, ruleVariant } from '../src/relations/rule-registry.ts';
import { renderRuleTable, replaceGeneratedSection } from '../src/relations/rule-docs.ts';
import { analysisFromMarkup } from './relations-fixture.ts';

/**
 * Issue 10: rules as data, nominal and planned triggers, lists on both sides, coreference across
 * sentences with the antecedent sentence, and modality. Sentences are our own, with hand-marked
 * entities (so the rules are tested apart from the recognizer).
 */

function relations(markup: string, predicate?: string): ExtractedRelation[] {
  return extractRelations(analysisFromMarkup(markup)).filter((r) => !predicate || r.predicate === predicate);
}

/** "subject PREDICATE object modality" strings, sorted. */
function claims(markup: string, predicate?: string): string[] {
  return relations(markup, predicate)
    .map((r) => `${r.subject} ${r.predicate} ${r.object} ${r.evidence.modality ?? 'asserted'}`)
    .sort();
}

const P = (name: string): string => `[[${name}|Person]]`;

describe('rules as data', () => {
  const files = readdirSync(new URL('../src/relations/rules/', import.meta.url)).filter((f) => f.endsWith('.ts'));

  it('loads one rule per file, its id the file name, with a known predicate and declared variants', () => {
    expect(RELATION_RULES.map((r) => `${r.id}.ts`).sort()).toEqual([...files].sort());
    for (const r of RELATION_RULES) {
      expect(PREDICATES).toContain(r.predicate);
      expect(r.variants.length, r.id).toBeGreaterThan(0);
      for (const v of r.variants) expect(v.id.startsWith(`${r.id}.`), v.id).toBe(true);
      expect(new Set(r.variants.map((v) => v.id)).size, r.id).toBe(r.variants.length);
    }
  });

  it('maps a claim rule id with suffixes back to its declared variant', () => {
    expect(ruleVariant('role.title.list.pronoun')).toBe('role.title');
    expect(ruleVariant('meet.verb.description')).toBe('meet.verb');
    expect(ruleFamily('visit.verb')?.predicate).toBe('VISITED');
  });

  it('emits only rule ids its family declares, with the family predicate and types', () => {
    const text = [
      `${P('Ada Lind')} visited [[Oslo|Place]]. She met ${P('Bo Krantz')} on Monday.`,
      `[[Norland|Country|country:NL]] sanctioned [[Helix Corp|Organization]] and [[Vantor Ltd|Organization]].`,
      `[[Norland|Country|country:NL]] is [[Sudova|Country|country:SD]]'s largest trading partner.`,
      `[[Helix Corp|Organization]], a [[Lyon|Place]]-based maker of pumps, hired ${P('Cai Ortiz')}.`,
    ].join(' ');
    const rels = relations(text);
    expect(rels.length).toBeGreaterThan(4);
    for (const r of rels) {
      const family = ruleFamily(r.evidence.rule);
      expect(family, r.evidence.rule).toBeDefined();
      expect(family?.predicate).toBe(r.predicate);
      expect(family?.variants.map((v) => v.id)).toContain(ruleVariant(r.evidence.rule));
    }
  });

  it('keeps docs/extract-relations.md in step with the rule metadata', () => {
    const path = new URL('../../../docs/extract-relations.md', import.meta.url);
    const doc = readFileSync(path, 'utf8');
    expect(replaceGeneratedSection(doc, renderRuleTable(RELATION_RULES))).toBe(doc);
    for (const r of RELATION_RULES) for (const v of r.variants) expect(doc, v.id).toContain(`\`${v.id}\``);
  });
});

describe('nominal and verbal triggers', () => {
  it('reads visits as nouns, planned trips and carried-over subjects', () => {
    expect(claims(`${P('Ada Lind')}'s trip to [[Tallinn|Place]] ended early.`, 'VISITED')).toEqual(['person:ada-lind VISITED place:tallinn asserted']);
    expect(claims(`${P('Ada Lind')} is due to visit [[Riga|Place]] next week.`, 'VISITED')).toEqual(['person:ada-lind VISITED place:riga planned']);
    expect(claims(`${P('Ada Lind')} plans to travel to [[Vilnius|Place]].`, 'VISITED')).toEqual(['person:ada-lind VISITED place:vilnius planned']);
    // A meeting held in Riga is a visit there too (visit-meeting), like the flight on to Vilnius.
    expect(claims(`${P('Ada Lind')} met ${P('Bo Krantz')} in [[Riga|Place]] and then flew to [[Vilnius|Place]].`, 'VISITED')).toEqual([
      'person:ada-lind VISITED place:riga asserted',
      'person:ada-lind VISITED place:vilnius asserted',
    ]);
    expect(claims(`${P('Ada Lind')} spent two days in [[Tallinn|Place]].`, 'VISITED')).toEqual(['person:ada-lind VISITED place:tallinn asserted']);
  });

  it('reads meetings as nouns, calls, hosts and "the two sides"', () => {
    expect(claims(`${P('Ada Lind')} flew to [[Riga|Place]]. His talks with ${P('Bo Krantz')} lasted an hour.`, 'MET_WITH')).toEqual([]);
    expect(claims(`${P('Bo Krantz')} flew to [[Riga|Place]]. His talks with ${P('Cai Ortiz')} lasted an hour.`, 'MET_WITH')).toEqual([
      'person:bo-krantz MET_WITH person:cai-ortiz asserted',
    ]);
    expect(claims(`${P('Ada Lind')} spoke by phone with ${P('Bo Krantz')}.`, 'MET_WITH')).toEqual(['person:ada-lind MET_WITH person:bo-krantz asserted']);
    expect(claims(`${P('Ada Lind')} hosted ${P('Bo Krantz')} in [[Riga|Place]].`, 'MET_WITH')).toEqual(['person:ada-lind MET_WITH person:bo-krantz asserted']);
    expect(claims(`${P('Ada Lind')} spoke to [[Daily Courier|Organization|organization:daily-courier|kind=MediaOutlet]] on Monday.`, 'MET_WITH')).toEqual([]);
    expect(claims(`${P('Ada Lind')} flew to [[Riga|Place]] to see ${P('Bo Krantz')}. The two leaders discussed energy.`, 'MET_WITH')).toEqual([
      'person:ada-lind MET_WITH person:bo-krantz asserted',
    ]);
  });

  it('reads participants of a meeting held by someone named before', () => {
    const got = claims(
      `The talks were held by officials from the [[Norland Treasury|Organization]] on Monday. Staff of [[Helix Bank|Organization]] and [[Vantor Bank|Organization]] attended the meeting.`,
      'MET_WITH',
    );
    expect(got).toEqual([
      'org:helix-bank MET_WITH org:norland-treasury asserted',
      'org:norland-treasury MET_WITH org:vantor-bank asserted',
    ]);
  });

  it('reads supply as a noun, a supplier appositive and a trading partner', () => {
    expect(claims('Exports of machine tools from [[Norland|Country|country:NL]] to [[Sudova|Country|country:SD]] doubled.', 'SUPPLIES')).toEqual([
      'country:NL SUPPLIES country:SD asserted',
    ]);
    expect(claims('[[Norland|Country|country:NL]], a major supplier of optics to [[Sudova|Country|country:SD]], said nothing.', 'SUPPLIES')).toEqual([
      'country:NL SUPPLIES country:SD asserted',
    ]);
    expect(claims("[[Norland|Country|country:NL]] is [[Sudova|Country|country:SD]]'s largest trading partner.", 'TRADES_WITH')).toEqual([
      'country:NL TRADES_WITH country:SD asserted',
    ]);
  });

  it('expands lists on both sides of SANCTIONS, after a colon, and reads package owners and "hit with"', () => {
    expect(claims('[[Norland|Country|country:NL]] and [[Sudova|Country|country:SD]] sanctioned [[Helix Corp|Organization]] and [[Vantor Ltd|Organization]].', 'SANCTIONS')).toHaveLength(4);
    expect(
      claims('[[Norland|Country|country:NL]] imposed sanctions on three [[Lyon|Place]]-based firms: [[Helix Corp|Organization]], [[Vantor Ltd|Organization]] and [[Oberon SA|Organization]].', 'SANCTIONS'),
    ).toEqual([
      'country:NL SANCTIONS org:helix-corp asserted',
      'country:NL SANCTIONS org:oberon-sa asserted',
      'country:NL SANCTIONS org:vantor-ltd asserted',
    ]);
    expect(claims("[[Norland|Country|country:NL]]'s 12th package of sanctions against [[Sudova|Country|country:SD]] took effect.", 'SANCTIONS')).toEqual([
      'country:NL SANCTIONS country:SD asserted',
    ]);
    expect(claims('[[Norland|Country|country:NL]] hit [[Helix Corp|Organization]] with new sanctions.', 'SANCTIONS')).toEqual(['country:NL SANCTIONS org:helix-corp asserted']);
  });

  it('reads posts from possessive titles with a comma and from appointments', () => {
    expect(claims(`[[Helix Corp|Organization]]'s chief executive, ${P('Ada Lind')}, resigned.`, 'HOLDS_ROLE')).toEqual(['person:ada-lind HOLDS_ROLE org:helix-corp asserted']);
    expect(claims(`${P('Ada Lind')} was named chief executive of [[Helix Corp|Organization]].`, 'HOLDS_ROLE')).toEqual(['person:ada-lind HOLDS_ROLE org:helix-corp asserted']);
  });
});

describe('coreference across sentences', () => {
  it('resolves he/she by gender from the first name, and records the antecedent sentence', () => {
    const rels = relations(`${P('Mary Lind')} and ${P('John Ortiz')} arrived on Monday. She visited [[Tallinn|Place]].`, 'VISITED');
    expect(rels.map((r) => r.subject)).toEqual(['person:mary-lind']);
    expect(rels[0]?.evidence.rule).toBe('visit.verb.pronoun');
    expect(rels[0]?.evidence.antecedent).toEqual({ sentence: 'Mary Lind and John Ortiz arrived on Monday.', start: 0, end: 43 });
  });

  it('resolves "the minister" to the last person titled minister, "the company" to the last company', () => {
    const text = `Trade Minister ${P('Ada Lind')} met ${P('Bo Krantz')}. The minister then travelled to [[Vilnius|Place]].`;
    expect(relations(text, 'VISITED').map((r) => `${r.subject} ${r.evidence.rule}`)).toEqual(['person:ada-lind visit.verb.description']);
    const company = `[[Helix Corp|Organization|organization:helix-corp|kind=Company]] opened a plant. The company exported pumps to [[Sudova|Country|country:SD]].`;
    expect(relations(company, 'SUPPLIES').map((r) => `${r.subject} ${r.object}`)).toEqual(['organization:helix-corp country:SD']);
  });

  it('does not resolve a pronoun inside its own clause to the object, nor across more than three sentences', () => {
    const far = `${P('Ada Lind')} arrived. Nothing happened. Nothing more. Still nothing. He visited [[Riga|Place]].`;
    expect(relations(far, 'VISITED')).toEqual([]);
  });
});

describe('modality and polarity', () => {
  const cases: Array<[string, string, string]> = [
    ['[[Norland|Country|country:NL]] has not imposed sanctions on [[Sudova|Country|country:SD]].', 'SANCTIONS', 'negated'],
    ['[[Norland|Country|country:NL]] denied supplying [[Sudova|Country|country:SD]] with drones.', 'SUPPLIES', 'negated'],
    [`${P('Ada Lind')} refused to meet ${P('Bo Krantz')}.`, 'MET_WITH', 'negated'],
    ['[[Norland|Country|country:NL]] is discussing whether to sanction [[Helix Corp|Organization]].', 'SANCTIONS', 'hypothetical'],
    ['[[Norland|Country|country:NL]] warned against exporting drones to [[Sudova|Country|country:SD]].', 'SUPPLIES', 'hypothetical'],
    ['[[Norland|Country|country:NL]] could sanction [[Helix Corp|Organization]].', 'SANCTIONS', 'hypothetical'],
    [`A visit to [[Riga|Place]] by ${P('Ada Lind')} for trade talks was under consideration, an aide said.`, 'VISITED', 'hypothetical'],
    [`Talks between ${P('Ada Lind')} and ${P('Bo Krantz')} are still being discussed.`, 'MET_WITH', 'hypothetical'],
    [`${P('Ada Lind')} will travel to [[Riga|Place]].`, 'VISITED', 'planned'],
    ['[[Norland|Country|country:NL]] said it would sanction [[Helix Corp|Organization]].', 'SANCTIONS', 'planned'],
    [`${P('Ada Lind')}, who has never been abroad, visited [[Riga|Place]].`, 'VISITED', 'asserted'],
    [`${P('Ada Lind')} visited [[Riga|Place]], and a second trip is under consideration.`, 'VISITED', 'asserted'],
    [`${P('Ada Lind')} not only visited [[Riga|Place]] but stayed a week.`, 'VISITED', 'asserted'],
    ['[[Helix Corp|Organization]], which is not based in [[Lyon|Place]], is based in [[Riga|Place]].', 'LOCATED_IN', 'asserted'],
  ];
  for (const [text, predicate, modality] of cases) {
    it(`${modality}: ${text.replace(/\[\[([^|\]]+)\|[^\]]*\]\]/g, '$1')}`, () => {
      const got = relations(text, predicate);
      expect(got.length, 'a claim is read').toBeGreaterThan(0);
      for (const r of got) expect(r.evidence.modality ?? 'asserted').toBe(modality);
    });
  }
});
