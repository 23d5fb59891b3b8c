import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { ROLE_HEADS } from '../../lexicon/titles.ts';
import type { MentionView, RelationCandidate, SentenceContext } from '../sentence-context.ts';

/**
 * HOLDS_ROLE for a speaker introduced by the body they speak for: "X, from Microsoft, said",
 * "X, for the Liberal Democrats, said", "X, BT's managing director, said"; and the wire forms of
 * appointments, "Acme Corp said it named X president", "Acme Corp said its chief executive X".
 * Only organizations (a place after "from" is a home town) and never a news outlet ("X, from
 * the BBC's ..." is often the reporter's source, but "told the BBC" is an interview).
 */

const POST_WORD = new RegExp(`\\b(?:${[...ROLE_HEADS].map((w) => w.replace(/[-]/g, '\\-')).join('|')}|producer|editor|engineer|researcher|designer|consultant|partner|president|head|[a-z]+ologist|futurist|economist|strategist|analyst)s?\\b`, 'i');
/** "X, from (the) Y" closed by punctuation or a speech verb; "X, from the pressure group Y": a description of the body between. */
const FROM_GAP = /^\s*,\s+(?:from|of|at|with)\s+(?:the\s+)?(?:(?:[a-z][a-z-]*\s+){0,2}(?:group|union|association|charity|campaign|think-tank|think\s+tank|organisation|organization|body|firm|consultancy|agency|network|watchdog|institute|society|federation|council)\s+)?$/i;
const FOR_GAP = /^\s*,\s+(?:speaking\s+)?for\s+(?:the\s+)?$/i;
const CLOSED = /^\s*(?:[,.;:)]|$|(?:said|says|told|added|explained|warned)\b)/;
/**
 * What may close "X, from Y" besides: a bracketed acronym ("the Consumer Electronics Association
 * (CEA) told"), the body's kind in lower case ("from the FNSEA agricultural union, told"), or a unit
 * of the body ("from Panasonic's Hollywood Laboratories, said": the person works for Panasonic).
 */
const CLOSED_AFTER_BODY =
  /^(?:\s*\([A-Z][A-Za-z.&-]{1,11}\)|(?:\s+[a-z][a-z-]*){1,3}|['’]s(?:\s+[\w&-]+){1,5})\s*(?:[,.;:)]|$|(?:said|says|told|added|explained|warned)\b)/;
/** "X, BT's managing director,": the organization's possessive, then a post phrase closed by a comma or a verb. */
const POSSESSIVE_APPOSITION = /^\s*,\s+(?:the\s+)?$/i;
const POST_PHRASE = /^['’]s?\s+((?:[\w&-]+\s+){0,5}?[\w-]+)\s*(?:,|\s+(?:said|says|told|added)\b)/;
/** "Acme said it named X", "Acme said it has appointed X". */
const NAMED_GAP = /^\s+(?:said|says)\s+(?:that\s+)?it\s+(?:has\s+)?(?:named|appointed|elected|promoted|hired|nominated)\s+$/i;
const POST_AFTER_NAMED = /^\s*(?:,\s*\d{1,3}\s*,)?\s+(?:as\s+(?:its\s+)?|to\s+(?:the\s+)?(?:new\s+|newly[- ]created\s+)?(?:post|position|office)\s+of\s+)?((?:[\w-]+\s+){0,4}?[\w-]+)(?=[,.;]|\s+(?:and|of|at|for|effective|succeeding|replacing|to|in|on)\b)/i;
/** "Acme said its chief executive X". */
const SAID_ITS_POST = /^\s+(?:said|says)\s+(?:that\s+)?its\s+((?:[\w-]+\s+){0,4}?[\w-]+)\s+$/i;

function isBody(m: MentionView): boolean {
  return m.type === 'Organization' && m.kind !== 'MediaOutlet';
}

export function affiliationRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.namedMentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1]!;
    const gap = ctx.text.slice(a.end, b.start);
    const after = ctx.text.slice(b.end, Math.min(ctx.sentence.end, b.end + 80));
    if (a.type === 'Person' && isBody(b)) {
      if (FROM_GAP.test(gap) && /from/i.test(gap) && (CLOSED.test(after) || CLOSED_AFTER_BODY.test(after))) {
        out.push({ subject: a, predicate: 'HOLDS_ROLE', object: b, rule: 'affiliation.from', confidence: 0.7 });
      } else if (FOR_GAP.test(gap) && /^\s*,/.test(after)) {
        out.push({ subject: a, predicate: 'HOLDS_ROLE', object: b, rule: 'affiliation.for', confidence: 0.75 });
      } else if (POSSESSIVE_APPOSITION.test(gap)) {
        const post = POST_PHRASE.exec(after);
        if (post && POST_WORD.test(post[1]!) && !/\b(?:former|ex-|customers?|users?|fans?|rivals?)\b/i.test(post[1]!)) {
          out.push({ subject: a, predicate: 'HOLDS_ROLE', object: b, rule: 'affiliation.possessive-post', confidence: 0.75 });
        }
      }
    } else if (isBody(a) && b.type === 'Person') {
      if (NAMED_GAP.test(gap)) {
        const post = POST_AFTER_NAMED.exec(after);
        if (post && POST_WORD.test(post[1]!)) out.push({ subject: b, predicate: 'HOLDS_ROLE', object: a, rule: 'affiliation.named', confidence: 0.8 });
      } else {
        const post = SAID_ITS_POST.exec(gap);
        if (post && POST_WORD.test(post[1]!.split(/\s+/).pop()!) && !/\b(?:former|ex-)\b/i.test(post[1]!)) {
          out.push({ subject: b, predicate: 'HOLDS_ROLE', object: a, rule: 'affiliation.said-its', confidence: 0.8 });
        }
      }
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'affiliation',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Organization'],
  summary: 'A speaker introduced by the organization they speak for, or an appointment announced by the organization.',
  variants: [
    { id: 'affiliation.from', example: '"X, from Microsoft, said", "X, from the pressure group Y, said", "X, from Y\'s research laboratories, said" (not a place: "X, from Leeds")' },
    { id: 'affiliation.for', example: '"X, for the Liberal Democrats, said"' },
    { id: 'affiliation.possessive-post', example: '"X, BT\'s managing director, said" (not "X, BT\'s former ...")' },
    { id: 'affiliation.named', example: '"Acme Corp said it named X president"' },
    { id: 'affiliation.said-its', example: '"Acme Corp said its chief executive X"' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  sidesInSentence: 'subject',
  run: affiliationRule,
};
