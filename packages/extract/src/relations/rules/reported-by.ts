import type { RelationRule } from '../../interfaces/relation-rule.ts';
import {
  ARTICLE_SUBJECT,
  isMediaOutlet,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/**
 * REPORTED_BY with the article as subject: the text attributes itself (or what it relays) to a
 * news outlet. "— Bloomberg" closing a paragraph, "Bloomberg News has reported", "The Wall Street
 * Journal reported Monday", "according to Nikkei Asia", "it said Nikkei Asia", "seen by Nikkei Asia".
 * Photo credits ("REUTERS/Jane Doe") are not attributions.
 */

const AFTER_REPORTED = /^\s+(?:(?:has|have|had|first|earlier|previously|also|exclusively)\s+)*(?:reported|reports|reporting|said|says|wrote|writes|revealed|reveals|cited|cites|quoted|learned|confirmed)\b/i;
const BEFORE_ATTRIBUTION =
  /(?:\baccording\s+to|\b(?:it|they|he|she|sources?|officials?|documents?)\s+(?:said|told|say|says)|\bsaid|\b(?:told|spoke\s+to|speaking\s+to|seen\s+by|obtained\s+by|reviewed\s+by|cited\s+by|reported\s+by|first\s+reported\s+by|quoted\s+by)|\b(?:sources?|people)\s+(?:who\s+spoke\s+to|familiar\s+with\s+the\s+matter\s+told))\s+(?:(?:two|three|several|multiple|some)\s+)?(?:the\s+)?$/i;
const DASH_CREDIT = /(?:^|\s)[—–-]{1,2}\s*$/;

export function reportedByRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const m of ctx.mentions) {
    if (!isMediaOutlet(m)) continue;
    // A photo credit or byline glued with a slash is not an attribution.
    if (/^\s*\//.test(ctx.text.slice(m.end, m.end + 2))) continue;
    const left = ctx.text.slice(Math.max(ctx.sentence.start, m.start - 60), m.start);
    const right = ctx.text.slice(m.end, Math.min(ctx.sentence.end, m.end + 40));
    let rule: string | null = null;
    let confidence = 0.9;
    if (AFTER_REPORTED.test(right)) rule = 'reported-by.verb';
    else if (BEFORE_ATTRIBUTION.test(left)) rule = 'reported-by.attribution';
    else if (DASH_CREDIT.test(left) && /^[\s.]*$/.test(ctx.text.slice(m.end, ctx.sentence.end))) rule = 'reported-by.credit';
    // Wire datelines "WASHINGTON (Reuters) -", "BELGRADE, Yugoslavia (AP)"; "© 2024 The Associated Press".
    else if (/\(\s*$/.test(left) && /^\s*\)\s*(?:[-—–_:]|$)/.test(right) && m.start - ctx.sentence.start < 80) rule = 'reported-by.dateline';
    else if (/(?:©|\(c\)|\bcopyright)\s*(?:\d{4}\s*)?(?:the\s+)?$/i.test(left)) rule = 'reported-by.credit';
    else if (/^\s+(?:sources?|reporting|report|reported)\b/i.test(right) && /\b(?:to|according to)\s+(?:(?:two|three|several)\s+)?$/i.test(left)) {
      rule = 'reported-by.attribution';
      confidence = 0.8;
    }
    if (rule) out.push({ subject: ARTICLE_SUBJECT, predicate: 'REPORTED_BY', object: m, rule, confidence });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'reported-by',
  predicate: 'REPORTED_BY',
  subjectTypes: [],
  objectTypes: ['Organization'],
  summary: 'The article (subject `ARTICLE`) is reported by, or relays, a news outlet.',
  variants: [
    { id: 'reported-by.verb', example: '"Bloomberg News has reported"' },
    { id: 'reported-by.attribution', example: '"according to Nikkei Asia", "it said Nikkei Asia"' },
    { id: 'reported-by.credit', example: '"— Bloomberg" closing a paragraph, "© The Associated Press"' },
    { id: 'reported-by.dateline', example: '"WASHINGTON (Reuters) -"' },
    { id: 'reported-by.outlet', example: 'the `outlet` option: the publisher of the article (no sentence needed)' },
  ],
  acceptsReferences: false,
  minMentions: 1,
  sidesInSentence: 'object',
  run: reportedByRule,
};
