import type { EntityType } from '@newsgraph/shared';
import { firstDocumentMentionAtOrAfter, type MentionView, type SentenceContext } from './sentence-context.ts';

/**
 * Plural references: "the firms", "the three companies", "the banks", "them" stand for the list of
 * organizations named together just before ("The designations target A, B and C. ... the firms
 * shipped ..."). references.ts resolves one antecedent per reference; a plural one needs every
 * member of the list, so rules that read one call `pluralAntecedents` at the phrase instead.
 *
 * Choices (English, not a test document):
 * - The antecedent is the nearest coordinated list ("A, B and C", "A and B") of two or more
 *   organizations, in this sentence before the phrase or in the two sentences before it.
 * - A number in the phrase ("the three firms", "the two banks") must be the list's length; with
 *   a number or "same" the phrase points back on purpose, so it may reach six sentences back.
 * - "the banks" / "the lenders" take a list of banks only; "the firms", "the companies", "the
 *   entities", "the suppliers" a list of companies (or organizations of unknown kind).
 * - A member may carry a described place ("Kuala Lumpur-based Meridian Avionics").
 */

/** "the (same) (three) firms", "them": group 1 the number word, group 2 the head noun, or group 3 the pronoun. */
export const PLURAL_PHRASE =
  /\b(?:(?:the|these|those)\s+(?:same\s+)?(?:(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?(?:[a-z]+\s+)?(firms|companies|entities|suppliers|traders|banks|lenders)\b|(them))/gi;

const NUMBER_WORDS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
/** Between two members of a list: a comma, "and", "as well as", with an optional described place or a short description. */
const MEMBER_GAP = /^\s*(?:\([A-Z][A-Za-z.&-]{1,11}\)\s*)?(?:,\s*(?:and\s+)?|and\s+|as\s+well\s+as\s+)(?:the\s+)?(?:[a-z]+\s+){0,2}$/;
const PLACE_GLUE = /^-(?:based|registered|headquartered)\s/;
/** A described place at the end of a gap: "and Kuala Lumpur-based ". */
const DESCRIBED_PLACE_TAIL = /[\p{Lu}][\p{L}\s]*?-(?:based|registered|headquartered)\s+$/u;
const LOOKBACK_SENTENCES = 2;
const COUNTED_LOOKBACK_SENTENCES = 6;
const MAX_MEMBERS = 24;
/** Mentions looked at, at most: a sentence of thousands of names is a table, not prose. */
const MAX_WINDOW = 400;

function isBank(m: MentionView): boolean {
  return m.kind === 'Bank' || /\b(?:bank|bankasi|banca|banco)\b/i.test(m.name);
}

function isCompany(m: MentionView): boolean {
  if (m.type !== 'Organization' || m.adjectival) return false;
  if (m.kind === 'Company' || m.kind === 'Bank') return true;
  return m.kind === null && !/\b(?:ministry|department|agency|office|bureau|commission|council|government|union|party)\b/i.test(m.name);
}

/** The lists of organizations among `mentions` (document order), each of two or more members. */
function listsOf(ctx: SentenceContext, mentions: readonly MentionView[]): MentionView[][] {
  const lists: MentionView[][] = [];
  let current: MentionView[] = [];
  let gapFrom = -1;
  const close = (): void => {
    if (current.length >= 2) lists.push(current);
    current = [];
  };
  for (const m of mentions) {
    if ((m.type === 'Place' || m.type === 'Country') && PLACE_GLUE.test(ctx.text.slice(m.end, m.end + 14))) continue; // part of the next member's description
    if (m.type !== 'Organization' || m.adjectival) {
      if (m.type !== 'Goods') close();
      continue;
    }
    const last = current[current.length - 1];
    if (last && last.sentenceIndex === m.sentenceIndex && current.length < MAX_MEMBERS) {
      const gap = ctx.text.slice(gapFrom, m.start).replace(DESCRIBED_PLACE_TAIL, '');
      if (MEMBER_GAP.test(gap)) {
        current.push(m);
        gapFrom = m.end;
        continue;
      }
    }
    close();
    current = [m];
    gapFrom = m.end;
  }
  close();
  return lists;
}

/**
 * The organizations a plural phrase at `pos` stands for (empty when no list fits). `head` is the
 * phrase's noun ("firms", "banks", or "them"), `count` its number when it has one.
 */
export function pluralAntecedents(ctx: SentenceContext, pos: number, head: string, count: number | null, same = false): MentionView[] {
  const doc = ctx.documentMentions;
  const from = ctx.sentenceIndex - (count !== null || same ? COUNTED_LOOKBACK_SENTENCES : LOOKBACK_SENTENCES);
  const window: MentionView[] = [];
  for (let i = firstDocumentMentionAtOrAfter(ctx, pos) - 1; i >= 0 && window.length < MAX_WINDOW; i--) {
    const m = doc[i] as MentionView;
    if (m.sentenceIndex < from) break;
    window.push(m);
  }
  window.reverse();
  const banks = /^(?:banks|lenders)$/i.test(head);
  const lists = listsOf(ctx, window);
  for (let i = lists.length - 1; i >= 0; i--) {
    const list = lists[i] as MentionView[];
    if (count !== null && list.length !== count) continue;
    if (!list.every((m) => (banks ? isBank(m) : isCompany(m)))) continue;
    return list;
  }
  return [];
}

/** The number a plural phrase gives ("three", "12"), or null. */
export function phraseCount(word: string | undefined): number | null {
  if (!word) return null;
  const n = NUMBER_WORDS[word.toLowerCase()] ?? Number.parseInt(word, 10);
  return Number.isFinite(n) ? n : null;
}

/** A view of `member` standing at the plural phrase, recording the sentence that names it. */
export function pluralView(member: MentionView, start: number, end: number, ctx: SentenceContext): MentionView {
  return {
    ...member,
    start,
    end,
    text: ctx.text.slice(start, end),
    sentenceIndex: ctx.sentenceIndex,
    index: -1,
    reference: { kind: 'description', antecedent: member, possessive: false },
  };
}


/** Between two members of a list in one sentence: a comma or "and", as `listForward` reads them. */
const LIST_GAP = /^\s*(?:\([A-Z][A-Za-z.&-]{1,11}\)\s*)?(?:,\s*(?:and\s+)?|and\s+|as\s+well\s+as\s+)(?:the\s+)?$/;
/** "and the Indian electronics distributor ": a member introduced by a short description ending in a company noun. */
const DESCRIBED_MEMBER_GAP =
  /^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,3}(?:distributor|maker|manufacturer|firm|company|supplier|trader|exporter|importer|bank|lender|group|shipper|operator|producer|carrier|conglomerate|developer|dealer)\s+$/u;
/** ", a Wuhan-based maker of memory chips, and ", ", registered in Fujairah, and ": an appositive after the previous member. */
const APPOSITIVE_GAP = /^\s*(?:\([A-Z][A-Za-z.&-]{1,11}\)\s*)?,\s*(?:a|an|the|registered|based|headquartered|incorporated)\s+[^,;:()]{1,90},\s*(?:and\s+)?(?:the\s+)?$/;

/**
 * The coordinated list starting at `first` and running right, where a member may carry a
 * described place ("A, B and Kuala Lumpur-based C"), a short description ("and the Indian
 * distributor D") or an appositive ("A, a Wuhan-based maker of memory chips, and B"). Members must
 * have one of `types`; like `listForward`, a list closes with "and" (a trailing ", D" is no member).
 */
export function listForwardDescribed(ctx: SentenceContext, first: MentionView, types: ReadonlySet<EntityType>): MentionView[] {
  const list = [first];
  const gaps: string[] = [];
  let prev = first;
  for (let i = first.index + 1; i < ctx.mentions.length && list.length < MAX_MEMBERS; i++) {
    const m = ctx.mentions[i] as MentionView;
    if ((m.type === 'Place' || m.type === 'Country') && PLACE_GLUE.test(ctx.text.slice(m.end, m.end + 14))) continue;
    // ", registered in Fujairah, and B": the place is a word of the appositive.
    if ((m.type === 'Place' || m.type === 'Country') && /^\s*,\s*(?:registered|based|headquartered|incorporated)\s+in\s+(?:the\s+)?$/.test(ctx.text.slice(prev.end, m.start))) continue;
    // Words of a description or an appositive: "the Indian distributor", "a maker of memory chips".
    if ((m.adjectival || m.type === 'Goods') && !types.has(m.type)) continue;
    const gap = ctx.text.slice(prev.end, m.start).replace(DESCRIBED_PLACE_TAIL, '');
    if (!types.has(m.type) || m.adjectival || !(LIST_GAP.test(gap) || DESCRIBED_MEMBER_GAP.test(gap) || APPOSITIVE_GAP.test(gap))) break;
    list.push(m);
    gaps.push(gap);
    prev = m;
  }
  while (list.length > 1 && /^\s*,\s*(?:the\s+)?$/.test(gaps[gaps.length - 1] as string)) {
    list.pop();
    gaps.pop();
  }
  return list;
}
