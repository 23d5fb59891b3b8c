import { describe, expect, it } from 'vitest';
import type { EntityType } from '@newsgraph/shared';
import { RELATION_RULES } from '../src/relations/rule-registry.ts';
import { buildSentenceContexts, ARTICLE_SUBJECT, type MentionView, type SentenceContext } from '../src/relations/sentence-context.ts';
import { extractRelations } from '../src/relations/extract-relations.ts';
import { analysisFromMarkup } from './relations-fixture.ts';

/**
 * `sidesInSentence` lets the engine skip a sentence without a mention of a rule's subject or object
 * types. The declaration must be true of the rule's code: every claim's declared side is one of the
 * sentence's own mentions (as the rule sees them) of a declared type, so a sentence without one
 * yields nothing. Checked here on sentences of our own, names invented, hand-marked.
 */

const NL = '[[Norland|Country|country:NL]]';
const NL_ADJ = '[[Norlandic|Country|country:NL|adj]]';
const SD_ADJ = '[[Sudovan|Country|country:SD|adj]]';
const VE = '[[Velmar|Country|country:VE]]';
const KERRIN = '[[Kerrin|Place]]';
const P = (name: string): string => `[[${name}|Person]]`;
const O = (name: string, flags = ''): string => `[[${name}|Organization||${flags}]]`;

const TEXTS = [
  // A sports story: four words of sport make the club rule read posts.
  `${O('Harrowfield Rovers')} striker ${P('Liam Coyle')} scored twice in the league match. The cup tie and the season go on. ${P('Liam Coyle')} (${O('Harrowfield Rovers')}) and ${P('Owen Tarr')} (${O('Castleby United')}) start.`,
  `${P('Mara Lindqvist')}, the chief executive of ${O('Veltro Holdings', 'kind=Company')}, said sales rose. She travelled to ${KERRIN} on Friday.`,
  `Foreign Minister ${P('Tomas Reval')} visited ${VE} last week. ${P('Ada Voss')} travelled to the capital on Friday. She then flew to ${NL}.`,
  `${SD_ADJ} novelist ${P('Ilse Marten')} won the prize, ${O('The Varna Herald')} reported. ${P('Per Holm')}, a ${NL_ADJ} citizen, was held.`,
  `${O('Unity Party', 'kind=PoliticalParty')} leader ${P('Rosa Klint')} spoke. Voters in the ${NL_ADJ} city of ${KERRIN} stayed home.`,
  `${O('Veltro Holdings', 'kind=Company')} said its subsidiary ${O('Veltro Shipping', 'kind=Company')} would be sold. ${NL} is a member of ${O('Northern Trade Council')}.`,
  `${P('Tomas Reval')}, Foreign Minister of ${NL}, said the talks went well. The ministry said nothing more.`,
  `Nobody visited anything on Sunday, and the chief executive said so.`,
];

const TYPE_OF_SIDE = (types: readonly EntityType[], m: MentionView, ctx: SentenceContext): boolean =>
  types.includes(m.type) && m.index >= 0 && ctx.mentions[m.index] === m;

describe('sidesInSentence: the declared sides are mentions of the sentence', () => {
  const declared = RELATION_RULES.filter((r) => r.sidesInSentence !== undefined);

  it('is declared by the rule families that read only names next to names', () => {
    expect(declared.map((r) => r.id)).toEqual(expect.arrayContaining(['visit', 'role', 'club', 'national', 'reported-by', 'located-kind']));
  });

  it('holds for every claim, and a sentence without the types yields none', () => {
    const firing = new Set<string>();
    let skipped = 0;
    for (const text of TEXTS) {
      for (const ctx of buildSentenceContexts(analysisFromMarkup(text))) {
        for (const rule of declared) {
          const view: SentenceContext = rule.acceptsReferences ? ctx : { ...ctx, mentions: ctx.namedMentions };
          const sides = rule.sidesInSentence;
          const needSubject = sides === 'subject' || sides === 'both';
          const needObject = sides === 'object' || sides === 'both';
          const hasSubject = view.mentions.some((m) => rule.subjectTypes.includes(m.type));
          const hasObject = view.mentions.some((m) => rule.objectTypes.includes(m.type));
          const candidates = rule.run(view);
          if ((needSubject && !hasSubject) || (needObject && !hasObject)) {
            skipped++;
            expect({ rule: rule.id, sentence: ctx.sentence.text, candidates: candidates.length }).toEqual({ rule: rule.id, sentence: ctx.sentence.text, candidates: 0 });
            continue;
          }
          for (const c of candidates) {
            firing.add(rule.id);
            if (needSubject) expect(c.subject !== ARTICLE_SUBJECT && TYPE_OF_SIDE(rule.subjectTypes, c.subject, view), `${c.rule} subject in "${ctx.sentence.text}"`).toBe(true);
            if (needObject) expect(TYPE_OF_SIDE(rule.objectTypes, c.object, view), `${c.rule} object in "${ctx.sentence.text}"`).toBe(true);
          }
        }
      }
    }
    // Not vacuous: the sentences make these families claim, and some sentences lack their types.
    expect([...firing].sort()).toEqual(expect.arrayContaining(['club', 'located-kind', 'national', 'part-of', 'party', 'reported-by', 'role', 'visit']));
    expect(skipped).toBeGreaterThan(20);
  });

  it('leaves the claims of a text as they were: the skipped runs could have made none', () => {
    const text = TEXTS[2] as string;
    const visits = extractRelations(analysisFromMarkup(text))
      .filter((r) => r.predicate === 'VISITED')
      .map((r) => `${r.subject} ${r.object} ${r.evidence.rule}`);
    expect(visits).toEqual(['person:tomas-reval country:VE visit.verb', 'person:ada-voss country:NL visit.verb.pronoun']);
  });
});
