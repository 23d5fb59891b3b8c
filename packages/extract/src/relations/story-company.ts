import { between, type MentionView, type SentenceContext } from './sentence-context.ts';

/**
 * The company a business story is about, as rules read it: wire stories about one company name
 * it in full first ("Carrow Industries Inc said ...") and then give its officers without it
 * ("Chairman Harold Brenner told analysts", "said Susan Park, treasurer"). A company dominates
 * when it is named at least twice and at least three times as often as any other company, or
 * when it is the only organization the story names at all and the lead (its first two sentences)
 * names it: a wire story about one company often names it once and says "the company" after. Stock
 * tickers in angle brackets ("<CAR>") are read as names of their own by the recognizer and are not
 * counted. Null when no company dominates.
 */

const MIN_MENTIONS = 2;
const DOMINANCE = 3;

/** Kinds of organization that are companies (the recognizer's default kind is Company). */
const COMPANY_KINDS: ReadonlySet<string> = new Set(['Company', 'Bank']);

export function isCompanyMention(m: MentionView): boolean {
  return m.type === 'Organization' && !m.adjectival && !m.reference && COMPANY_KINDS.has(m.kind ?? 'Company');
}

/** "<CAR>" right after a name: a ticker, not a mention of a company of its own. */
function isTicker(text: string, m: MentionView): boolean {
  return text.charCodeAt(m.start - 1) === 60 /* < */ && /^[A-Z.]{1,8}$/.test(m.text);
}

function onlyOrganization(doc: readonly MentionView[], entityId: string): boolean {
  for (const m of doc) if (m.type === 'Organization' && m.entityId !== entityId) return false;
  return true;
}

const storyCache = new WeakMap<readonly MentionView[], MentionView | null>();

/** The first mention of the company the story is about, if one dominates its company mentions. */
export function storyCompany(ctx: SentenceContext): MentionView | null {
  const doc = ctx.documentMentions;
  const cached = storyCache.get(doc);
  if (cached !== undefined) return cached;
  const counts = new Map<string, { first: MentionView; count: number }>();
  for (const m of doc) {
    if (!isCompanyMention(m) || isTicker(ctx.text, m)) continue;
    const c = counts.get(m.entityId);
    if (c) c.count++;
    else counts.set(m.entityId, { first: m, count: 1 });
  }
  let top: { first: MentionView; count: number } | null = null;
  let second = 0;
  for (const c of counts.values()) {
    if (!top || c.count > top.count) {
      second = top?.count ?? 0;
      top = c;
    } else if (c.count > second) second = c.count;
  }
  let found = top && top.count >= MIN_MENTIONS && top.count >= DOMINANCE * second ? top.first : null;
  if (!found && top && top.count === 1 && second === 0 && top.first.sentenceIndex <= 1 && onlyOrganization(doc, top.first.entityId)) found = top.first;
  storyCache.set(doc, found);
  return found;
}

/**
 * The company "its" stands for before `pos`: the sentence's first mention (a name or "The
 * company"), a company at the sentence's start, with no other organization up to `pos` ("Acme
 * Corp said a ruling by the SEC let its ..." has two candidates and gives none).
 */
export function openingCompany(ctx: SentenceContext, pos: number): MentionView | null {
  const first = ctx.mentions[0];
  if (!first || first.start >= pos || !isCompanyMention({ ...first, reference: undefined })) return null;
  if (!/^[\s<"“'(]*(?:the\s+)?$/i.test(ctx.text.slice(ctx.sentence.start, first.start))) return null;
  for (let i = 1; i < ctx.mentions.length; i++) {
    const m = ctx.mentions[i] as MentionView;
    if (m.start >= pos) break;
    // A ticker right after the name ("Acme Corp <ACM>") is the same company written again.
    if (m.type === 'Organization' && m.entityId !== first.entityId && !/^\s*<\s*$/.test(between(ctx, (ctx.mentions[i - 1] as MentionView).end, m.start))) return null;
  }
  return first;
}
