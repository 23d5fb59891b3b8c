import type { Sentence } from '../../interfaces/analysis.ts';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { ROLE_HEADS } from '../../lexicon/titles.ts';
import { firstMentionOf, referenceView } from '../references.ts';
import { STATE_TYPES, firstDocumentMentionAtOrAfter, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * HOLDS_ROLE across sentences: a story first describes an office-holder without a name ("a
 * spokesman for the Taiwan Textile Federation said", "An EU spokesman dismissed the complaint",
 * "The Japanese ambassador to the U.S. suggested ...") and names the person in the next sentence or
 * the one after ("Charles Chen told Reuters", "said Anthony Gooch", "Ambassador Nobuo Matsunaga
 * made the recommendation"). The named person holds the described office.
 *
 * English, not one story: the description is indefinite or definite and carries its owner (a
 * demonym or a name before the title, or "for/of/at X" after it); the person is named for the
 * first time in the document, within two sentences, either bare (no title or appositive of their
 * own) or under the same title word; and no other person who could be the holder (bare, or with
 * the same title) is named between the two. The claim records the description's sentence as the
 * antecedent.
 */

/** "a spokesman", "An EU spokesman", "The Japanese ambassador", "a Lufthansa spokeswoman". */
const ARTICLE_BEFORE = /\b(?:a|an|the)\s+(?:(?:senior|top|chief|deputy|former|new)\s+)?$/i;
const TITLE_AFTER = /^\s+(?:(?:senior|top|chief|deputy|trade|foreign|finance|economic|press)\s+)?([a-z-]+)\b/;
const OWNER_AFTER = /\b(?:a|an|the)\s+(?:(?:senior|top|chief|deputy)\s+)?([a-z-]+)\s+(?:for|of|at|with)\s+(?:the\s+)?$/i;
const TITLE_WORDS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'envoy', 'official', 'negotiator', 'delegate', 'representative', 'minister', 'secretary', 'commissioner', 'chairman', 'chairwoman', 'director', 'executive', 'diplomat', 'adviser', 'advisor']);

/** The described holder speaks or acts in its sentence: "a spokesman for X said", "An X spokesman dismissed". */
const REPORTING_VERB =
  /^(?:[^.;:"“”]|(?<=[A-Z])\.){0,60}?\b(?:said|says|told|tells|added|adds|dismissed|denied|declined|confirmed|stated|rejected|commented|explained|suggested|recommended|advised|warned|insisted|argued|noted|announced)\b/i;
/** The named person stands bare as a speaker: at the start of the sentence, or after "said" / "according to". */
const BARE_BEFORE = /(?:[,"”]\s*said\s+|\bsaid\s+|\baccording\s+to\s+)$/i;
const SPEAKS_AFTER = /^\s*(?:[.,;]|(?:also\s+|later\s+|then\s+)?(?:said|says|told|tells|added|adds|noted|stated|explained|insisted|argued|confirmed|denied|declined|made|advised|cited|returned)\b)/i;

interface Description {
  owner: MentionView;
  head: string;
  sentenceIndex: number;
  end: number;
}

const descriptionCache = new WeakMap<readonly MentionView[], Map<number, Description[]>>();

/** The unnamed office-holders described in one sentence (read once per sentence). */
function descriptionsIn(ctx: SentenceContext, sentenceIndex: number): Description[] {
  let bySentence = descriptionCache.get(ctx.documentMentions);
  if (!bySentence) {
    bySentence = new Map();
    descriptionCache.set(ctx.documentMentions, bySentence);
  }
  const known = bySentence.get(sentenceIndex);
  if (known) return known;
  const found = readDescriptions(ctx, sentenceIndex);
  bySentence.set(sentenceIndex, found);
  return found;
}

function readDescriptions(ctx: SentenceContext, sentenceIndex: number): Description[] {
  const out: Description[] = [];
  const doc = ctx.documentMentions;
  const sentence = ctx.sentences[sentenceIndex];
  if (!sentence) return out;
  for (let i = firstDocumentMentionAtOrAfter(ctx, sentence.start); i < doc.length; i++) {
    const m = doc[i] as MentionView;
    if (m.sentenceIndex > sentenceIndex) break;
    if (m.sentenceIndex !== sentenceIndex || !STATE_TYPES.has(m.type)) continue;
    const before = ctx.text.slice(Math.max(0, m.start - 20), m.start);
    const after = ctx.text.slice(m.end, m.end + 40);
    // "An EU spokesman", "The Japanese ambassador": article, owner, title word.
    const title = TITLE_AFTER.exec(after);
    if (ARTICLE_BEFORE.test(before) && title && TITLE_WORDS.has((title[1] as string).toLowerCase())) {
      // The title must not run on into a name ("the EU spokesman John Smith" names the person there).
      const next = doc[i + 1];
      const titleEnd = m.end + title[0].length;
      if (!(next && next.type === 'Person' && next.start - titleEnd < 3) && REPORTING_VERB.test(ctx.text.slice(titleEnd, sentence.end))) out.push({ owner: m, head: (title[1] as string).toLowerCase(), sentenceIndex, end: titleEnd });
      continue;
    }
    // "a spokesman for the Taiwan Textile Federation".
    const left = ctx.text.slice(Math.max(0, m.start - 40), m.start);
    const owned = OWNER_AFTER.exec(left);
    if (owned && TITLE_WORDS.has((owned[1] as string).toLowerCase()) && REPORTING_VERB.test(ctx.text.slice(m.end, sentence.end))) {
      out.push({ owner: m, head: (owned[1] as string).toLowerCase(), sentenceIndex, end: m.end });
    }
  }
  return out;
}

/** The title word written right before a person's name ("Ambassador Nobuo Matsunaga"), lower case, or ''. */
function titleBefore(ctx: SentenceContext, m: MentionView): string {
  const word = /([A-Za-z-]+)\.?\s+$/.exec(ctx.text.slice(Math.max(0, m.start - 25), m.start))?.[1] ?? '';
  return ROLE_HEADS.has(word.toLowerCase()) ? word.toLowerCase() : '';
}

/** ", an analyst at X", ", the chief executive": the person comes with a description of their own. */
function hasOwnAppositive(ctx: SentenceContext, m: MentionView): boolean {
  return /^\s*,\s*(?:a|an|the|who|whose|[a-z]+(?:\s+[a-z]+)?\s+(?:of|for|at)|[A-Z][\w-]*(?:\s+[\w-]+)?\s+(?:chief|head|spokes\w+|president|director|chairman|counsel|executive|officer|minister|secretary))\b/.test(ctx.text.slice(m.end, m.end + 40)) || /^\s*(?:\(|of\b)/.test(ctx.text.slice(m.end, m.end + 4));
}

/** A sentence that may describe an office-holder: one of the title words (tested once per sentence). */
const TITLE_CUE = new RegExp(`\\b(?:${[...TITLE_WORDS].join('|')})\\b`, 'i');
const titledSentences = new WeakMap<readonly Sentence[], boolean[]>();

function describesOffice(ctx: SentenceContext, index: number): boolean {
  let flags = titledSentences.get(ctx.sentences);
  if (!flags) {
    flags = ctx.sentences.map((s) => TITLE_CUE.test(s.text));
    titledSentences.set(ctx.sentences, flags);
  }
  return flags[index] === true;
}

export function roleDescriptionRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const doc = ctx.documentMentions;
  // Cheap test first: neither of the two sentences before names an office.
  if (!describesOffice(ctx, ctx.sentenceIndex - 1) && !describesOffice(ctx, ctx.sentenceIndex - 2)) return out;
  for (const p of ctx.namedMentions) {
    if (p.type !== 'Person') continue;
    // Named here for the first time in the document.
    const at = firstDocumentMentionAtOrAfter(ctx, p.start);
    if ((firstMentionOf(doc, p.entityId)?.start ?? p.start) < p.start) continue;
    const ownTitle = titleBefore(ctx, p);
    // A full name ("Charles Chen"), bare as a speaker, or under the described title ("Ambassador X").
    if (!/\s/.test(p.text.trim())) continue;
    if (!ownTitle && (hasOwnAppositive(ctx, p) || !(/^[\s"“'‘]*$/.test(ctx.text.slice(ctx.sentence.start, Math.min(p.start, ctx.sentence.start + 4))) && p.start - ctx.sentence.start < 4) && !BARE_BEFORE.test(ctx.text.slice(Math.max(ctx.sentence.start, p.start - 30), p.start)) || !SPEAKS_AFTER.test(ctx.text.slice(p.end, p.end + 20)))) continue;
    for (let back = 1; back <= 2 && ctx.sentenceIndex - back >= 0; back++) {
      const descriptions = descriptionsIn(ctx, ctx.sentenceIndex - back);
      const d = descriptions[descriptions.length - 1];
      if (!d) continue;
      if (ownTitle && ownTitle !== d.head) break;
      // Another person who could hold the office, named between: the description is theirs.
      let rival = false;
      for (let i = firstDocumentMentionAtOrAfter(ctx, d.end); i < at && !rival; i++) {
        const o = doc[i] as MentionView;
        rival = o.type === 'Person' && o.entityId !== p.entityId && (!titleBefore(ctx, o) || titleBefore(ctx, o) === d.head);
      }
      if (rival) break;
      const owner = d.owner;
      if (owner.entityId === p.entityId) break;
      out.push({
        subject: p,
        predicate: 'HOLDS_ROLE',
        object: referenceView(owner, p.start, ctx.sentenceIndex),
        rule: 'role-description.named-next',
        confidence: 0.55,
      });
      break;
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'role-description',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Organization', 'Country'],
  summary: 'An office-holder described without a name, then named in the next sentence or the one after.',
  variants: [
    {
      id: 'role-description.named-next',
      example: '"a spokesman for X said ... . John Doe told reporters", "An X spokesman dismissed ... , said John Doe", "The X ambassador suggested ... . Ambassador John Doe"',
    },
  ],
  acceptsReferences: false,
  minMentions: 1,
  sidesInSentence: 'subject',
  run: roleDescriptionRule,
};
