import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { ORG_TYPES, between, listForward, subjectBefore, triggers, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * PART_OF for a company another has bought, when the purchase is done: "Acme said it has acquired
 * Zed Inc", "Acme completed its acquisition of Zed", "Zed, acquired by Acme in 1986,", "Zed was
 * bought by Acme". A bought company is the buyer's. Only a whole company named right after the
 * verb: "acquired a 40 pct stake in Zed", "bought Zed shares", "acquired Zed's cable unit" and
 * "acquired the assets of Zed" are no purchase of Zed; "agreed to acquire", "plans to buy" and
 * "offered to buy" are not done (the verb forms read are the past and perfect ones only).
 */

const DONE =
  /\b(?:(?:has|have|had)\s+(?:now\s+|also\s+|already\s+)?)?(?:acquired|bought|purchased|took\s+over|completed\s+(?:the|its)\s+(?:previously\s+announced\s+|proposed\s+|planned\s+)?(?:acquisition|purchase|takeover)\s+of)\s+(?:(?:all\s+of\s+)?the\s+)?(?:(?:privately|closely)[\s-]held\s+)?(?=[A-Z<])/g;
/** "Zed, acquired by Acme", "Zed was bought by Acme", "Zed, which was acquired by Acme in 1986". */
const BY =
  /^\s*(?:<[^>]{1,12}>\s*)?(?:,\s*(?:which\s+(?:was|has\s+been)\s+)?|\s+(?:was|has\s+been|had\s+been)\s+)(?:(?:recently|later|since|subsequently)\s+)?(?:acquired|bought|purchased|taken\s+over)\s+(?:(?:last\s+\w+|in\s+\d{4}|earlier\s+this\s+\w+)\s+)?by\s+(?:the\s+)?$/;
/** What a purchase of part of a company is a purchase of. */
const PART_AFTER = /^\s*(?:<[^>]{1,12}>\s*)?(?:['’]s\b|-\s*owned|\s+(?:shares?|stock|stakes?|pct|percent|interest|assets|units?|divisions?|operations|business(?:es)?|plants?|stores?|brands?|subsidiar(?:y|ies)|holdings?|properties|debt|bonds?|notes|warrants|preferred|common)\b)/i;
/** "said it (has)", "said that it", between the buyer and the verb. */
const SAID_IT = /^\s*(?:<[^>]{1,12}>\s*)?\s+(?:(?:also|today|yesterday|recently)\s+)?(?:said|announced|reported)\s+(?:(?:on\s+\w+|today|yesterday)\s+)?(?:that\s+)?(?:it|its\s+(?:[a-z-]+\s+){0,2}(?:unit|subsidiary)(?:\s+[A-Z][\w.&-]*){0,4})\s+$/;

function isCompany(m: MentionView | undefined): m is MentionView {
  return m !== undefined && m.type === 'Organization' && m.kind !== 'PoliticalParty' && m.kind !== 'MediaOutlet' && m.kind !== 'GovernmentAgency' && !m.adjectival;
}

/** A ticker in angle brackets right after a name ("Corning <GLW>") stands for that name. */
function tickerOwner(ctx: SentenceContext, m: MentionView): MentionView {
  const prev = ctx.mentions[m.index - 1];
  if (prev && /^\s*<\s*$/.test(between(ctx, prev.end, m.start)) && /^[\s.A-Z]*>/.test(ctx.text.slice(m.end, m.end + 6))) return prev;
  return m;
}

/** The buyer before the verb: the clause's subject, or "Acme Corp of Ohio said it ...". */
function buyer(ctx: SentenceContext, pos: number): MentionView | null {
  const direct = subjectBefore(ctx, pos, ORG_TYPES);
  if (direct) {
    const owner = tickerOwner(ctx, direct);
    return isCompany(owner) ? owner : null;
  }
  // Past a ticker and "of <place>": the nearest company whose gap reads "said it".
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i] as MentionView;
    if (m.end > pos) continue;
    if (pos - m.end > 90) break;
    if (!isCompany(m)) continue;
    const gap = between(ctx, m.end, pos).replace(/\s+of\s+(?:\p{Lu}[\p{L}.]*,?\s*){1,4}(?=\s)/u, ' ');
    return SAID_IT.test(gap) ? m : null;
  }
  return null;
}

export function acquiredRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, DONE)) {
    const first = ctx.mentions.find((m) => m.start >= t.end && m.start <= t.end + 1);
    if (!isCompany(first)) continue;
    const acquirer = buyer(ctx, t.start);
    if (!acquirer) continue;
    const targets = listForward(ctx, first, ORG_TYPES);
    // "acquired Johnson and Johnson Co's Pitman-Moore unit": a part of the last name, not the names.
    if (targets.some((m) => PART_AFTER.test(ctx.text.slice(m.end, m.end + 24)))) continue;
    for (const target of targets) {
      if (!isCompany(target) || target.entityId === acquirer.entityId) continue;
      out.push({ subject: target, predicate: 'PART_OF', object: acquirer, rule: target === first ? 'acquired.verb' : 'acquired.verb.list', confidence: 0.7 });
    }
  }
  for (let i = 0; i + 1 < ctx.mentions.length; i++) {
    const target = ctx.mentions[i] as MentionView;
    const acquirer = tickerOwner(ctx, ctx.mentions[i + 1] as MentionView);
    if (!isCompany(target) || !isCompany(acquirer) || target.entityId === acquirer.entityId) continue;
    if (BY.test(between(ctx, target.end, (ctx.mentions[i + 1] as MentionView).start))) {
      out.push({ subject: target, predicate: 'PART_OF', object: acquirer, rule: 'acquired.passive', confidence: 0.7 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'acquired',
  predicate: 'PART_OF',
  subjectTypes: ['Organization'],
  objectTypes: ['Organization'],
  summary: 'A company another has bought (a completed purchase of the whole company; not a stake, a unit of it or a pending bid).',
  variants: [
    { id: 'acquired.verb', example: '"Acme said it has acquired Zed Inc", "Acme completed its acquisition of Zed" (not "agreed to acquire", "acquired a stake in")' },
    { id: 'acquired.passive', example: '"Zed, acquired by Acme in 1986,", "Zed was bought by Acme"' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  cue: /\b(?:acquired|bought|purchased|took over|taken over|completed)\b/,
  run: acquiredRule,
};
