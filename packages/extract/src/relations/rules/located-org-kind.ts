import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { ORGANIZATION_NOUN_PATTERN } from '../../lexicon/organization-nouns.ts';
import { ORG_TYPES, between, listForward, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * LOCATED_IN for an organization introduced by its country (or a city or region: "New York software
 * firm X", "Glasgow group X") and what kind of body it is, with
 * the words of trade between that other rules do not allow:
 * - "US supermarket giant Wal-Mart", "Russian gas monopoly Gazprom" (goods inside the description),
 *   "German football club Schalke", "the French news agency AFP", "Britain's biggest bank, Barclays";
 *   a plural noun takes the whole list ("British casino operators A, B and C").
 * - "US firms such as A and B", "Japanese banks including A": members named after a plural.
 * - After the name: "Gazprom, the Russian gas monopoly", "Tesco, Britain's biggest retailer".
 * The description must end in a lower-case noun of organization kinds: "US rock band X" is a band
 * in the US; "US investors bought X" and "US court X" are not descriptions of X.
 */

/** A word of a description: lower case, hyphenated, or a capitalised word of trade ("Internet"). */
const WORD = "(?:[a-z][a-z&'-]*|[A-Z][a-z]+|\\d+(?:th|st|nd|rd)?-?[a-z]*)";
const LOWER_WORD = "(?:[a-z][a-z&'-]*|\\d+(?:th|st|nd|rd)?-?[a-z]*)";
/** "Dutch film maker X" is a person's trade, not a company's. */
const PERSON_TRADE = /\b(?:film|movie|documentary|programme|program|record|music|fashion)\s+makers?$/;
/** Words that end a noun phrase: a verb, a preposition or a conjunction is no part of a description. */
const STOP =
  /\b(?:of|for|to|in|on|at|and|or|but|with|by|from|as|than|that|which|who|whose|said|says|say|told|is|was|are|were|be|been|has|have|had|will|would|could|can|may|might|should|did|does|do|its|their|his|her|the|a|an|this|these|those|such|like|including|bought|sold|owns|owned by|led|leads|against|over|versus|after|before|while|when|where|if|not|no|there|here|also|now|then|other|another|every|each|all|some|many|most|both)\b/;
const HEAD = `(?:${ORGANIZATION_NOUN_PATTERN})`;
/** Between a country and the name: "[’s] (words){0,4} head[,]". */
const DESCRIPTION_BEFORE = new RegExp(`^(['’]s)?\\s+((?:${WORD}\\s+){0,4}?)(${HEAD})(,|\\s*[-–—:]|)\\s+$`);
/** After a plural head: "such as", "including", "like". */
const SUCH_AS = new RegExp(`^(['’]s)?\\s+((?:${WORD}\\s+){0,4}?)(${HEAD})\\s*,?\\s+(?:such\\s+as|including|like|among\\s+them)\\s+(?:the\\s+)?$`);
/** Before the country, after the name: ", the", ", a", ", one of" is no description of one body. */
const APPOSITION_OPEN = /^\s*(?:<[^>]{1,12}>\s*)?,\s*(?:one\s+of\s+)?(?:(?:the|a|an)\s+)?(?:(?:biggest|largest|leading|main|top|second-largest|third-largest|oldest|state-owned|state-run|privately\s+held|listed|troubled|struggling|embattled|beleaguered|ailing)\s+){0,2}$/;
/** After the name the description is closed by punctuation or a verb, and holds no capitalised word (a name: "Uganda's New Vision newspaper"). */
const DESCRIPTION_AFTER = new RegExp(`^(['’]s)?\\s+((?:${LOWER_WORD}\\s+){0,4}?)(${HEAD})(?=\\s*[,;.)]|\\s*$|\\s+(?:said|says|has|had|is|was|which|that|who|will|would|announced|reported)\\b)`);

/** The words of a description, with the goods mentions inside it read as words ("oil giant"). */
function descriptionWords(words: string, head: string): boolean {
  return !STOP.test(words.toLowerCase()) && !PERSON_TRADE.test(`${words}${head}`);
}

/** Nouns of a tie between two bodies: before a name they describe it by its country ("US rival X"), after a possessive by its tie. */
const RELATIONAL = /^(?:rivals?|partners?|affiliates?|subsidiar(?:y|ies)|units?|arms?|ventures?)$/;
const SENTENCE_OPENER = /(?:^|[\s"“(])(?:The|A|An|Two|Three|Four|Five|Six|Several|Both|Many|Some|Other|All|Most|Its|Their|His|Her|Leading|Top|Big|Rival|Fellow|Major)\s+$/;

/** A demonym or country name that is part of a longer name ("the Latin American ...", "Anglo-Dutch"). */
function insideName(ctx: SentenceContext, m: MentionView): boolean {
  const before = ctx.text.slice(Math.max(ctx.sentence.start, m.start - 12), m.start);
  // A determiner or a number opening the sentence is capitalised, not a name ("Two Chinese banks").
  if (SENTENCE_OPENER.test(before)) return false;
  return /(?:\p{Lu}[\p{L}.]*\s+|-)$/u.test(before) || /^-/.test(ctx.text.slice(m.end, m.end + 1));
}

/** The next mention after `i` that is not goods (goods inside a description are words of it). */
function nextAgent(ctx: SentenceContext, i: number): MentionView | undefined {
  let j = i + 1;
  while (j < ctx.mentions.length && (ctx.mentions[j] as MentionView).type === 'Goods') j++;
  return ctx.mentions[j];
}

/** Between two members of a list, past a ticker in angle brackets: "A <A.T> and B <B.T>". */
const MEMBER_JOINER = /^\s*(?:<[^>]{1,12}>\s*)?(?:,|and|or|,\s*and)\s*(?:the\s+)?(?:<\s*)?$/;

/** The list the first member opens, with tickers ("Mitsubishi Heavy Industries <MITH.T>") read as part of their member. */
function membersAfter(ctx: SentenceContext, first: MentionView): MentionView[] {
  const list = listForward(ctx, first, ORG_TYPES);
  if (list.length > 1) return list;
  let prevEnd = first.end;
  for (let j = first.index + 1; j < ctx.mentions.length && list.length < 12; j++) {
    const m = ctx.mentions[j] as MentionView;
    if (m.type !== 'Organization') break;
    const gap = between(ctx, prevEnd, m.start);
    // The ticker of the member before is no member.
    if (/^\s*<\s*$/.test(gap)) {
      prevEnd = m.end + (/^[\w.]*>/.exec(ctx.text.slice(m.end, m.end + 8))?.[0].length ?? 0);
      continue;
    }
    if (!MEMBER_JOINER.test(gap)) break;
    list.push(m);
    prevEnd = m.end;
  }
  // A list closes with "and"/"or".
  while (list.length > 1 && !/\b(?:and|or)\b/.test(between(ctx, (list[list.length - 2] as MentionView).end, (list[list.length - 1] as MentionView).start))) list.pop();
  return list;
}

export function locatedOrgKindRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const m of ctx.mentions) {
    if ((m.type !== 'Country' && m.type !== 'Place') || m.reference || insideName(ctx, m)) continue;
    const org = nextAgent(ctx, m.index);
    if (org && org.type === 'Organization' && org.start - m.end < 90) {
      const gap = between(ctx, m.end, org.start);
      const described = DESCRIPTION_BEFORE.exec(gap);
      const such = described ? null : SUCH_AS.exec(gap);
      const match = described ?? such;
      const plural = match !== null && /(?:s|ies)$/.test(match[3] ?? '') && !/(?:ss|us)$/.test(match[3] ?? '');
      // A comma before the name only after a possessive ("Britain's biggest bank, Barclays"); a dash
      // or a colon only before a list ("two Chinese state-run banks - A and B").
      const separator = described?.[4]?.trim() ?? '';
      // After an owner a relational noun names a tie to it, not where the body is ("Russia's partner China").
      const relational = match?.[1] !== undefined && RELATIONAL.test(match[3] ?? '');
      if (match && !relational && descriptionWords(match[2] ?? '', match[3] ?? '') && !(separator === ',' && !described?.[1]) && !(separator !== '' && separator !== ',' && !plural)) {
        if (!such || plural) {
          const members = plural ? membersAfter(ctx, org) : [org];
          const rule = such ? 'located-org-kind.such-as' : 'located-org-kind.before';
          for (const o of members) out.push({ subject: o, predicate: 'LOCATED_IN', object: m, rule: o === org ? rule : `${rule}.list`, confidence: 0.55 });
        }
      }
    }
    // "Gazprom, the Russian gas monopoly": the organization before, the description after.
    const prev = ctx.mentions[m.index - 1];
    if (prev && prev.type === 'Organization' && APPOSITION_OPEN.test(between(ctx, prev.end, m.start))) {
      const tail = ctx.text.slice(m.end, Math.min(ctx.sentence.end, m.end + 70));
      // The goods of the description are words of it ("the Russian gas giant").
      const after = DESCRIPTION_AFTER.exec(tail);
      if (after && descriptionWords(after[2] ?? '', after[3] ?? '') && (after[1] || m.adjectival)) {
        out.push({ subject: prev, predicate: 'LOCATED_IN', object: m, rule: 'located-org-kind.after', confidence: 0.55 });
      }
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'located-org-kind',
  predicate: 'LOCATED_IN',
  subjectTypes: ['Organization'],
  objectTypes: ['Country', 'Place'],
  summary: 'An organization introduced by its country (or city, region) and the kind of body it is ("US supermarket giant Wal-Mart", "Glasgow group X", "Gazprom, the Russian gas monopoly").',
  variants: [
    { id: 'located-org-kind.before', example: '"US supermarket giant X", "German football club X", "New York software firm X", "Britain\'s biggest bank, X", "British casino operators X, Y and Z"' },
    { id: 'located-org-kind.such-as', example: '"US firms such as X and Y", "Japanese banks including X"' },
    { id: 'located-org-kind.after', example: '"X, the Russian gas monopoly", "X, Britain\'s biggest retailer" (not "X, a unit of ...")' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  // Every pattern ends in a noun of organization kinds: a sentence without one is skipped at once.
  cue: new RegExp(`\\b(?:${HEAD})\\b`),
  run: locatedOrgKindRule,
};
