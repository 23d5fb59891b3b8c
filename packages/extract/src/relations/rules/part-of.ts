import type { RelationRule } from '../../interfaces/relation-rule.ts';
import {
  COUNTRY_TYPES,
  LOCATION_TYPES,
  listBackward,
  listForward,
  mentionAfter,
  type MentionView,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';
import { withoutNameBrackets } from '../name-brackets.ts';

/**
 * PART_OF: an agency is part of a ministry or government; a country is a member of a bloc.
 * "the Treasury Department's Bureau of ...", "OFAC, a unit of the Treasury", "<Zed Inc>, a unit of <Acme
 * Corp>" (a wire story's brackets round a name), "EU members Germany
 * and France", "Japan, a member of the G7", "Hungary is a member of NATO".
 */

/** Names that make an organization a sub-unit of another. */
const SUBUNIT =
  /\b(?:bureau|office|division|department|agency|unit|directorate|service|committee|subcommittee|commission|ministry|subsidiary|branch|arm|wing|council|administration|institute|centre|center|authority|command|section|secretariat|inspectorate|board|task force|team|desk|lab|laboratory)\b/i;
const APPOSITIVE_UNIT =
  /^\s*,\s*(?:(?:a|an|the)\s+)?(?:(?:[\w-]+\s+){0,2})?(?:units?|subsidiar(?:y|ies)|divisions?|arms?|part|branch(?:es)?|agency|office|bureau|department|member|affiliates?|wing|subsidiary company)\s+(?:of|within|in|at|owned by)\s+(?:the\s+)?$/i;
/** "Microsoft's Media Center software": a product named after its maker. */
const PRODUCT_AFTER_NAME = /^\s+(?:software|program|programme|platform|service|product|device|console|phone|system|brand|range|line|model|app|tool|engine|chip)s?\b/i;
/** "Texas Air Corp's Continental Airlines unit": the word after the name says it is a unit. */
const UNIT_AFTER = /^\s*(?:>\s*)?(?:unit|subsidiary|division|affiliate|arm)\b/i;
/** Both names say they are companies: "Unocal Corp's Union Oil Co" is a subsidiary. */
const COMPANY = /\b(?:co|corp|corporation|inc|ltd|plc|ag|sa|nv|bv|spa|llc|gmbh|group|holdings?)\.?$/i;
/** The second name ends its phrase ("Unocal Corp's Union Oil Co said"), not a modifier ("Acme Corp's Zed Corp deal"). */
const OWNED_NAME_END = /^\s*(?:<[^>]{1,12}>\s*)?(?:[,.;:)>]|$|(?:said|says|has|have|had|is|was|will|would|reported|posted|announced|plans|agreed|also|unit|subsidiary)\b|[a-z]{3,}ed\b)/;
/**
 * "UAL Inc's United Airlines said", "Exxon Corp's Exxon USA raised prices": after an owner with a
 * legal ending, a company name that ends its phrase is the owner's, whatever its own ending. Not
 * a party, an outlet or a public body ("Acme Inc's SEC filing" ends in a noun and is not read either).
 */
/** "Halden Inc's SEC filing": a public body after a company's possessive is what the company deals with, not a unit of it. */
function publicBodyOfCompany(owner: MentionView, body: MentionView): boolean {
  return COMPANY.test(owner.text) && body.kind === 'GovernmentAgency';
}

function ownedCompany(m: MentionView): boolean {
  return m.type === 'Organization' && m.kind !== 'PoliticalParty' && m.kind !== 'MediaOutlet' && m.kind !== 'GovernmentAgency' && !m.adjectival;
}
const MEMBER_OF =
  /^\s*(?:,\s*(?:(?:a|an|the)\s+|both\s+|all\s+)?|\s+(?:is|was|are|were|became|becomes|become|remains|remain|has been|have been)\s+(?:(?:a|an|the)\s+|both\s+|all\s+)?)(?:founding\s+|full\s+|permanent\s+|non-permanent\s+)?members?(?:\s+(?:states?|country|countries|nations?))?\s+of\s+(?:the\s+)?$/i;
const MEMBERS_LIST = /\b(?:members?|member states?|member countries|member nations|countries|nations|partners|allies)\s+(?:such as\s+|like\s+|including\s+)?(?:the\s+)?$/i;

export function partOfRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1]!;
    if (a.entityId === b.entityId) continue;
    const gap = ctx.text.slice(a.end, b.start);
    if (a.type === 'Organization' && b.type === 'Organization' && /^['’]s\s+(?:the\s+)?$/.test(gap) && !publicBodyOfCompany(a, b) && !PRODUCT_AFTER_NAME.test(ctx.text.slice(b.end, b.end + 20)) && !(a.kind === 'Company' && /\b(?:cent(?:er|re)|hub|lab|studio|store|edition)\b/i.test(b.name)) && (SUBUNIT.test(b.name) || UNIT_AFTER.test(ctx.text.slice(b.end, b.end + 20)) || (COMPANY.test(a.text) && (COMPANY.test(b.text) || ownedCompany(b)) && OWNED_NAME_END.test(ctx.text.slice(b.end, b.end + 24))))) {
      out.push({ subject: b, predicate: 'PART_OF', object: a, rule: 'part-of.possessive', confidence: 0.8 });
    } else if (b.type === 'Organization' && (a.type === 'Organization' || a.type === 'Country') && APPOSITIVE_UNIT.test(withoutNameBrackets(gap))) {
      if (a.type === 'Country' && !/\bmember\b/i.test(gap)) continue;
      out.push({ subject: a, predicate: 'PART_OF', object: b, rule: 'part-of.appositive', confidence: 0.75 });
      // "A and B, affiliates of C": every member of the list.
      if (/\b(?:units|subsidiaries|divisions|affiliates|branches|arms)\b/i.test(gap)) {
        for (const c of listBackward(ctx, a, new Set([a.type]))) if (c !== a) out.push({ subject: c, predicate: 'PART_OF', object: b, rule: 'part-of.appositive', confidence: 0.7 });
      }
    } else if (a.type === 'Organization' && LOCATION_TYPES.has(b.type) && APPOSITIVE_UNIT.test(withoutNameBrackets(gap))) {
      // "Hartford Insurance, a unit of New York-based ITT Corp": the owner after its home.
      const owner = ms[i + 2];
      if (owner?.type === 'Organization' && !owner.adjectival && owner.entityId !== a.entityId && /^-based\s+(?:<\s*)?$/.test(ctx.text.slice(b.end, owner.start))) {
        out.push({ subject: a, predicate: 'PART_OF', object: owner, rule: 'part-of.appositive', confidence: 0.75 });
      }
    } else if (a.type === 'Country' && b.type === 'Organization' && MEMBER_OF.test(gap)) {
      for (const c of listBackward(ctx, a, COUNTRY_TYPES)) {
        out.push({ subject: c, predicate: 'PART_OF', object: b, rule: 'part-of.member', confidence: 0.8 });
      }
    }
  }
  // "EU members Germany and France", "G7 countries such as Japan".
  for (const bloc of ms) {
    // "European countries such as ..." is geography, not membership.
    if (bloc.type !== 'Organization' || bloc.adjectival || /^[A-Z][a-z]+(?:an|ese|ish)$/.test(bloc.text)) continue;
    const tail = ctx.text.slice(bloc.end, Math.min(ctx.sentence.end, bloc.end + 40));
    const m = /^\s+(?:members?|member states?|member countries|member nations|countries|nations)\s+(?:such as\s+|like\s+|including\s+)?(?:the\s+)?/i.exec(tail);
    if (!m || !MEMBERS_LIST.test(tail.slice(0, m[0].length))) continue;
    const first = mentionAfter(ctx, bloc.end, COUNTRY_TYPES, /^\s+(?:members?|member states?|member countries|member nations|countries|nations)\s+(?:such as\s+|like\s+|including\s+)?(?:the\s+)?$/i);
    if (!first || first.adjectival) continue;
    for (const c of listForward(ctx, first, COUNTRY_TYPES)) {
      if (!c.adjectival) out.push({ subject: c, predicate: 'PART_OF', object: bloc, rule: 'part-of.members', confidence: 0.75 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'part-of',
  predicate: 'PART_OF',
  subjectTypes: ['Organization', 'Country'],
  objectTypes: ['Organization'],
  summary: 'An agency is part of a ministry or government; a country is a member of a bloc.',
  variants: [
    { id: 'part-of.possessive', example: '"the Treasury Department\'s Bureau of ...", "Halden Corp\'s Norfrost Co", "Halden\'s Norfrost unit"' },
    { id: 'part-of.appositive', example: '"OFAC, part of the Treasury"' },
    { id: 'part-of.member', example: '"Japan is a member of the G7"' },
    { id: 'part-of.members', example: '"EU members Germany and France"' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  sidesInSentence: 'both',
  run: partOfRule,
};
