import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { descriptionPosition } from '../description-position.ts';
import { referenceView } from '../references.ts';
import type { MentionView, RelationCandidate, SentenceContext } from '../sentence-context.ts';
import { isSportStory } from '../sport-story.ts';

/**
 * HOLDS_ROLE from a definite description with its owner, in subject position ("The Tory leader
 * said ...", "'We were robbed,' said the Arsenal boss", "..., but the Ireland captain ..."),
 * standing for the person the story introduced with that owner and that job before it ("Tory
 * leader Michael Howard", "Arsenal manager Arsene Wenger": boss, manager and coach are one job).
 * The owner is a party, a club, a band, a company, a country's government or, in a story about
 * sport, a side named by its town or country. The claim records the description's sentence and
 * the one that names the person. Not a former post ("the former Tory leader"), not a description
 * followed by a name ("the Tory leader Michael Howard" is a title, read by `party` and `role`),
 * and nobody when the story gave no one that title: taking the person just named instead ("Mr
 * Blair ... The Tory leader said") reads the wrong one too often.
 */

/** Posts anyone may hold in an organization: a party, a company, a band, a club. */
const ORG_POST =
  '(?:boss|manager|coach|head coach|chairman|chairwoman|chief executive|chief|president|founder|leader|deputy leader|MP|MSP|MEP|spokesman|spokeswoman|frontman|singer|lead singer|guitarist|drummer|bassist|captain|skipper|striker|midfielder|defender|keeper|goalkeeper|winger|forward|fly-half|scrum-half|flanker|full-back|hooker|prop|centre|wing|number eight|owner)';
/** Posts of a side named by its town or country, in a sports story. */
const SIDE_POST =
  '(?:boss|manager|coach|head coach|captain|skipper|striker|midfielder|defender|keeper|goalkeeper|winger|forward|fly-half|scrum-half|flanker|full-back|hooker|prop|centre|wing|number eight)';
/** Posts of a country's government, after its demonym ("the Pakistani president"). */
const STATE_POST = '(?:president|prime minister|premier|foreign minister|finance minister|chancellor|leader|king|queen)';

const AFTER_ORG = new RegExp(`^(?:['’]s?)?\\s+(?:(?:new|current|acting|caretaker|interim)\\s+)?${ORG_POST}\\b`, 'i');
const AFTER_SIDE = new RegExp(`^(?:['’]s?)?\\s+(?:(?:new|current|acting|caretaker|interim)\\s+)?${SIDE_POST}\\b`, 'i');
const AFTER_STATE = new RegExp(`^\\s+(?:(?:new|current|acting)\\s+)?${STATE_POST}\\b`, 'i');
/** The description ends: a verb, an adverb, punctuation, a possessive; not a name ("the Tory leader Michael Howard"). */
const DESCRIPTION_END = /^(?:\s*[,.;:!?'’"”)]|\s+\p{Ll})/u;
const THE_BEFORE = /\b[Tt]he\s+$/;

function post(ctx: SentenceContext, owner: MentionView): RegExpExecArray | null {
  const after = ctx.text.slice(owner.end, Math.min(ctx.sentence.end, owner.end + 40));
  if (owner.type === 'Organization' && !owner.adjectival) return AFTER_ORG.exec(after);
  if (owner.type === 'Place' && !owner.adjectival && isSportStory(ctx.text)) return AFTER_SIDE.exec(after);
  if (owner.type === 'Country') return (owner.adjectival ? AFTER_STATE.exec(after) : null) ?? (isSportStory(ctx.text) && !owner.adjectival ? AFTER_SIDE.exec(after) : null);
  return null;
}

/** Posts that name the same job: "the Chelsea boss" is the one titled "Chelsea manager". */
const SAME_JOB: ReadonlyArray<ReadonlySet<string>> = [new Set(['boss', 'manager', 'coach', 'head coach']), new Set(['captain', 'skipper']), new Set(['chief', 'chief executive', 'boss']), new Set(['winger', 'wing']), new Set(['keeper', 'goalkeeper']), new Set(['singer', 'lead singer', 'frontman'])];
const HONORIFIC_GAP = '(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame)\\.?\\s+)?';

/** The post's words as written, lower case, without the owner's possessive and qualifiers. */
function postHead(written: string): string {
  return written.replace(/^(?:['’]s?)?\s+/, '').replace(/^(?:new|current|acting|caretaker|interim)\s+/i, '').toLowerCase();
}

function sameJob(a: string, b: string): boolean {
  return a === b || SAME_JOB.some((set) => set.has(a) && set.has(b));
}

/** Between an owner and a name: up to two words, the post (one or two words), an honorific. */
const TITLE_GAP = new RegExp(`^(?:['’]s?)?\\s+((?:[a-z-]+\\s+){0,2}?)([a-z-]+(?:\\s+[a-z-]+)?)\\s+${HONORIFIC_GAP}$`, 'i');

interface Titled {
  person: MentionView;
  owner: string;
  /** The last word and the last two words of the title, lower case. */
  tails: [string, string];
}

const titledCache = new WeakMap<readonly MentionView[], Titled[]>();

/** Every name of the document written right after an owner and a title ("Tory leader X"), in order; once per document. */
function titledNames(ctx: SentenceContext): Titled[] {
  const doc = ctx.documentMentions;
  const known = titledCache.get(doc);
  if (known) return known;
  const list: Titled[] = [];
  for (let i = 1; i < doc.length; i++) {
    const m = doc[i] as MentionView;
    if (m.type !== 'Person' || m.reference) continue;
    const q = doc[i - 1] as MentionView;
    if (q.sentenceIndex !== m.sentenceIndex || m.start - q.end > 50) continue;
    const title = TITLE_GAP.exec(ctx.text.slice(q.end, m.start));
    if (!title) continue;
    const words = `${title[1] ?? ''}${title[2] ?? ''}`.toLowerCase().trim();
    if (/\b(?:former|ex|then)\b/.test(words)) continue;
    const parts = words.split(/\s+/);
    list.push({ person: m, owner: q.entityId, tails: [parts[parts.length - 1] ?? '', parts.slice(-2).join(' ')] });
  }
  titledCache.set(doc, list);
  return list;
}

/**
 * The person last written with the same owner and the same job before the description ("Tory
 * leader Michael Howard ... The Tory leader said"): a definite description names the one the story
 * has introduced with that title. The view keeps that person's entity with the description's span.
 */
function titledBefore(ctx: SentenceContext, owner: MentionView, job: string, start: number, end: number): MentionView | null {
  let found: MentionView | null = null;
  for (const t of titledNames(ctx)) {
    if (t.person.start >= start) break;
    if (t.owner === owner.entityId && (sameJob(t.tails[0], job) || sameJob(t.tails[1], job))) found = t.person;
  }
  if (!found) return null;
  return { ...referenceView(found, start, ctx.sentenceIndex), end };
}

export function roleDefiniteRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const owner of ctx.namedMentions) {
    const left = ctx.text.slice(Math.max(ctx.sentence.start, owner.start - 5), owner.start);
    const the = THE_BEFORE.exec(left);
    if (!the) continue;
    const found = post(ctx, owner);
    if (!found) continue;
    const end = owner.end + found[0].length;
    if (!DESCRIPTION_END.test(ctx.text.slice(end, end + 3))) continue;
    const start = owner.start - left.length + the.index;
    if (!descriptionPosition(ctx, start)) continue;
    const person = titledBefore(ctx, owner, postHead(found[0]), start, end);
    if (!person) continue;
    out.push({ subject: person, predicate: 'HOLDS_ROLE', object: owner, rule: 'role-definite.subject', confidence: 0.6 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'role-definite',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Organization', 'Country', 'Place'],
  summary: 'A definite description with its owner in subject position ("The Ireland captain said", "said the Arsenal boss") stands for the person just named.',
  variants: [
    { id: 'role-definite.subject', example: '"X created a try. The Ireland captain said ...", "Mr X insisted ... The Tory leader ...", "\'...,\' said the Arsenal boss" (the person named just before)' },
  ],
  acceptsReferences: true,
  minMentions: 1,
  // Every description ends in one of its posts: the cue-index answers this from its one scan.
  cue: /\b(?:boss|manager|coach|chairman|chairwoman|chief|president|founder|leader|MP|MSP|MEP|spokesman|spokeswoman|frontman|singer|guitarist|drummer|bassist|captain|skipper|striker|midfielder|defender|keeper|goalkeeper|winger|forward|fly-half|scrum-half|flanker|full-back|hooker|prop|centre|wing|number eight|owner|minister|premier|chancellor|king|queen)\b/i,
  sidesInSentence: 'object',
  run: roleDefiniteRule,
};
