import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';
import { referenceView } from '../references.ts';
import { storyCountry, type StoryCountry } from '../story-country.ts';
import { namesBritishParty } from '../british-politics.ts';
import { qualifiedBy, type QualifierReading } from '../person-qualifiers.ts';

/**
 * HOLDS_ROLE from the story's country: news writes a foreign official's title with the country
 * ("Japanese Prime Minister Yasuhiro Nakasone", "US President Bush") and leaves it out only for the
 * country the story is about ("Prime Minister Yasuhiro Nakasone" in a story about Japan,
 * "Agriculture Minister Adamu Bello said" in a story about Nigeria). So an unqualified national
 * office before a name is held for the story's country, when one country clearly dominates it:
 * named at least three times and at least twice as often as any other. Never when the person is
 * qualified by another country anywhere in the story, and only for cabinet offices of a national
 * government (ministers, prime ministers, premiers, chancellors), not for posts that parties,
 * companies or cities also have. The claim records the sentence that first names the country.
 * A story that names only one country (a short wire story: "Finance Minister X said ... Italy")
 * is about that one too (`role-context.sole-country`), except a story about British party
 * politics that names one foreign country: its unqualified offices are the UK's. A country
 * named as a counterpart's ("his Algerian counterpart") implies another one: no sole country.
 */

/**
 * "Prime Minister", "Agriculture Minister", "Chancellor": a cabinet office right before the name.
 * The BBC writes the office in lower case ("said finance minister X"): the same office, with its
 * portfolio written (a bare "minister" may be a church's or a party's).
 * Not "President" or "Secretary": the wires and the BBC write their home country's president and
 * secretaries unqualified in stories about other countries ("President Reagan" in a story about Iran).
 */
const NATIONAL_OFFICE =
  /(?:^|[^\p{L}'’.-]\s*)((?:(?:Deputy|Vice|Acting|Prime|Foreign|Finance|Trade|Agriculture|Agricultural|Economy|Economic|Economics|Defence|Defense|Interior|Home|Justice|Energy|Oil|Industry|Commerce|Labour|Labor|Health|Education|Transport|Environment|Information|Culture|Mines|Petroleum|International|External)\s+){0,2}(?:Minister|Premier|Chancellor)|(?:(?:deputy|acting|former)\s+)?(?:prime|foreign|finance|trade|agriculture|economy|economics|defence|defense|interior|justice|energy|oil|industry|commerce|health|education|transport|environment|petroleum)\s+minister)\s+$/u;
/** A qualifier before the office: "Japanese Prime Minister", "the party's President", "Rostec President". */
const QUALIFIED_BEFORE = /(?:['’]s|\p{Lu}[\p{L}.-]*)\s+$/u;

/** role-context reads the two mentions before each mention of a person ("US President Bush"). */
const QUALIFIERS: QualifierReading = { lookback: 2 };

/** Some mention of the person is qualified by a country or body other than `country` ("US President Bush"). */
function qualifiedElsewhere(ctx: SentenceContext, person: MentionView, country: string): boolean {
  return qualifiedBy(ctx, person, QUALIFIERS, (owner) => owner !== country);
}

const soleCache = new WeakMap<readonly MentionView[], (StoryCountry & { sole: true }) | null>();

/**
 * The only country a story names (any number of times), when no country dominates by count: a
 * short wire story about one country's politics names it once or twice. Not in a story about
 * British politics (one that names a party the lexicon places in the UK) unless that country is
 * the UK: the BBC names the UK least in its own politics and "Prime Minister X" there is British.
 */
function soleCountry(ctx: SentenceContext): (StoryCountry & { sole: true }) | null {
  const doc = ctx.documentMentions;
  if (soleCache.has(doc)) return soleCache.get(doc) ?? null;
  let first: MentionView | null = null;
  let count = 0;
  let several = false;
  for (const m of doc) {
    if (m.type !== 'Country') continue;
    // "his Algerian counterpart": a second country, whose name the story leaves out.
    if ((first && first.entityId !== m.entityId) || /^\s+counterparts?\b/.test(ctx.text.slice(m.end, m.end + 14))) several = true;
    first ??= m;
    count++;
  }
  const found = first && !several && (first.entityId === 'country:GB' || !namesBritishParty(ctx)) ? { country: first, count, sole: true as const } : null;
  soleCache.set(doc, found);
  return found;
}

export function roleContextRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  let story: (StoryCountry & { sole?: true }) | null | undefined;
  for (const p of ctx.namedMentions) {
    if (p.type !== 'Person') continue;
    const left = ctx.text.slice(Math.max(ctx.sentence.start, p.start - 60), p.start);
    const office = NATIONAL_OFFICE.exec(left);
    if (!office) continue;
    const officeStart = p.start - left.length + office.index + office[0].indexOf(office[1] as string);
    // "Japanese Prime Minister", "Reagan's Chief of Staff", "Labour Party President": the owner is written.
    if (QUALIFIED_BEFORE.test(ctx.text.slice(Math.max(ctx.sentence.start, officeStart - 30), officeStart))) continue;
    // "the Secretary of State" and its kind name the office's owner after it: not this pattern.
    story ??= storyCountry(ctx) ?? soleCountry(ctx);
    if (!story || story.country.entityId === p.entityId) return out;
    if (qualifiedElsewhere(ctx, p, story.country.entityId)) continue;
    const c = story.country;
    out.push({
      subject: p,
      predicate: 'HOLDS_ROLE',
      object: c.sentenceIndex === ctx.sentenceIndex ? c : referenceView(c, p.start, ctx.sentenceIndex),
      rule: story.sole ? 'role-context.sole-country' : 'role-context.story-country',
      confidence: story.sole ? 0.45 : 0.5,
    });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'role-context',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Country'],
  summary: "A national office written without its country is held for the country the story is about.",
  variants: [
    { id: 'role-context.story-country', example: '"Prime Minister X said" in a story that names Japan far more often than any other country' },
    { id: 'role-context.sole-country', example: '"Finance Minister X said" in a story that names no country but Italy (not Italy in a story about British party politics)' },
  ],
  acceptsReferences: false,
  minMentions: 1,
  cue: /Minister|Premier|Chancellor|minister/,
  run: roleContextRule,
};
