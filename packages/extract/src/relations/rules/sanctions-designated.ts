import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { governmentOfCapital } from '../capital-government.ts';
import { between, listForward, mentionAfter, subjectBefore, triggers, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * SANCTIONS in designations the sanctions rule leaves out. A verb that is not "sanction" itself,
 * in a story about sanctions:
 * "Tokyo also listed X and an Armenian freight forwarder, Y"; "The United States added X to its
 * own sanctions list". "Listed" is a sanction only when the subject is a country or a public body
 * and the words sanction, designation, asset freeze, entity list or blacklist occur in the
 * sentence or the two before ("the company listed its shares", "the manifest listed fertiliser"
 * are not); the targets are named companies or people, each of a list, and a member introduced by
 * its description after "and" ("and an Armenian freight forwarder, Y"). A capital as the subject
 * ("Tokyo also listed") is its country's government when the story names the country. And two
 * passives with their agent after "by": "X, which was sanctioned by the US in 2023,"; "Sanctions
 * were imposed on X and Y by the EU".
 */

const SANCTIONER: ReadonlySet<EntityType> = new Set<EntityType>(['Organization', 'Country', 'Place']);
const TARGET: ReadonlySet<EntityType> = new Set<EntityType>(['Organization', 'Person']);
const LISTED = /\b(?:listed|lists|blacklisted|delisted)\b/gi;
const ADDED = /\b(?:added|adds|adding|add|placed|places|put|puts)\b/gi;
const OWN_LIST = /^(.{1,120}?)\bto\s+(?:its|their|the)\s+(?:own\s+|expanded\s+|updated\s+|consolidated\s+)?(?:(?:\p{Lu}[\p{L}.]*|trade|export|financial)\s+)?(?:sanctions?\s+list|entity\s+list|blacklist|black\s+list|list\s+of\s+(?:sanctioned|designated)|designation\s+list|sdn\s+list)/iu;
const SANCTION_CONTEXT = /\b(?:sanction\w*|designat\w*|asset\s+freezes?|froze|freez\w+|entity\s+list|blacklist\w*|export\s+ban|travel\s+ban)\b/i;
/** A public body rather than a company: its kind, or a word of its name. */
const PUBLIC_BODY = /\b(?:treasury|department|ministry|office|commission|council|union|government|bureau|agency|administration|state|ofac|ofsi|bis|meti|parliament|cabinet)\b/i;
/** Between the verb and the first target: a short description ("the Dubai trader", "an Armenian freight forwarder,"). */
const FIRST_GAP =
  /^\s+(?:(?:also|further|separately|on\s+\w+day)\s+)?(?:(?:the|a|an|two|three|four|five)\s+(?:(?!(?:that|which|who|whom|whose|of|to|in|on|for|with|by|and|or|its|their|is|was|are|were|has|had|owns|owned)\s)[\p{L}-]+\s+){0,4}?(?:,\s+)?)?$/u;
/** ", and an Armenian freight forwarder, Y": a further member under its description. */
const DESCRIBED_MEMBER = /,?\s+and\s+(?:a|an|the)\s+[^,;:()"“”]{1,50},\s+$/;
const CLAUSE_END = /[;:]|\b(?:for|because|after|saying|accusing|which|who|said|says)\b/i;

function sanctionsStory(ctx: SentenceContext): boolean {
  const from = ctx.sentences[Math.max(0, ctx.sentenceIndex - 2)]?.start ?? ctx.sentence.start;
  return SANCTION_CONTEXT.test(ctx.text.slice(from, ctx.sentence.end));
}

/** A capital acting ("Tokyo also listed") is its government; any other place is no sanctioner. */
function governing(ctx: SentenceContext, m: MentionView | null): MentionView | null {
  return m && m.type === 'Place' ? governmentOfCapital(ctx, m) : m;
}

function isPublic(m: MentionView): boolean {
  return m.type === 'Country' || m.kind === 'GovernmentAgency' || PUBLIC_BODY.test(m.name);
}

function targets(ctx: SentenceContext, from: number, to: number): MentionView[] {
  const first = mentionAfter(ctx, from, TARGET, FIRST_GAP);
  if (!first || first.end > to) return [];
  const list = listForward(ctx, first, TARGET).filter((m) => m.end <= to);
  for (let i = first.index + 1; i < ctx.mentions.length; i++) {
    const m = ctx.mentions[i] as MentionView;
    if (m.start >= to) break;
    if (!TARGET.has(m.type) || list.includes(m)) continue;
    if (DESCRIBED_MEMBER.test(ctx.text.slice(Math.max(from, m.start - 70), m.start))) list.push(m);
  }
  return list;
}

function clauseEnd(ctx: SentenceContext, from: number): number {
  const rest = ctx.text.slice(from, ctx.sentence.end);
  const stop = CLAUSE_END.exec(rest);
  return stop ? from + stop.index : ctx.sentence.end;
}

/** "X, which was sanctioned by the US in 2023,": the passive in a relative clause, its agent after "by". */
const RELATIVE_PASSIVE =
  /^\s*,\s*(?:which|who)\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+)(?:(?:also|already|first|previously|recently)\s+)?(?:sanctioned|designated|blacklisted|listed)\s+(?:(?:in|on|last|this)\s+[\w,]+\s+(?:\d{4}\s+)?)?by\s+(?:the\s+)?$/i;
/** "Sanctions were imposed on X and Y by the EU": the targets, then the agent after "by". */
const IMPOSED_ON = /\bsanctions\s+(?:were|have\s+been|had\s+been|was|are|will\s+be)\s+(?:also\s+)?(?:imposed|placed|slapped)\s+on\s+(?:the\s+)?/gi;

export function sanctionsDesignatedRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const add = (s: MentionView, list: MentionView[], rule: string): void => {
    list.forEach((o, k) => {
      if (o.entityId !== s.entityId) out.push({ subject: s, predicate: 'SANCTIONS', object: o, rule: k === 0 ? rule : `${rule}.list`, confidence: 0.7 });
    });
  };
  for (const t of triggers(ctx, LISTED)) {
    // "was listed", "listed companies": a passive or an adjective names no designating body here.
    if (/\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?$/i.test(ctx.text.slice(Math.max(ctx.sentence.start, t.start - 20), t.start))) continue;
    if (!sanctionsStory(ctx)) continue;
    const subject = governing(ctx, subjectBefore(ctx, t.start, SANCTIONER));
    if (!subject || subject.adjectival || !isPublic(subject)) continue;
    add(subject, targets(ctx, t.end, clauseEnd(ctx, t.end)), 'sanctions-designated.listed');
  }
  for (const t of triggers(ctx, ADDED)) {
    const own = OWN_LIST.exec(ctx.text.slice(t.end, Math.min(ctx.sentence.end, t.end + 200)));
    if (!own) continue;
    const subject = governing(ctx, subjectBefore(ctx, t.start, SANCTIONER));
    if (!subject || subject.adjectival) continue;
    add(subject, targets(ctx, t.end, t.end + (own[1]?.length ?? 0)), 'sanctions-designated.added');
  }
  for (const m of ctx.mentions) {
    if (!TARGET.has(m.type) || m.reference) continue;
    const next = ctx.mentions[m.index + 1];
    if (!next || !SANCTIONER.has(next.type) || !RELATIVE_PASSIVE.test(between(ctx, m.end, next.start))) continue;
    const agent = governing(ctx, next);
    if (agent && !agent.adjectival) add(agent, [m], 'sanctions-designated.relative-passive');
  }
  for (const t of triggers(ctx, IMPOSED_ON)) {
    const first = mentionAfter(ctx, t.end, TARGET, /^$/);
    if (!first) continue;
    const list = listForward(ctx, first, TARGET);
    const last = list[list.length - 1] as MentionView;
    const agent = governing(ctx, mentionAfter(ctx, last.end, SANCTIONER, /^\s+(?:(?:in|on|last|this)\s+\w+\s+)?by\s+(?:the\s+)?$/i));
    if (agent && !agent.adjectival) add(agent, list, 'sanctions-designated.imposed-on-by');
  }
  return out;
}

export const rule: RelationRule = {
  id: 'sanctions-designated',
  predicate: 'SANCTIONS',
  subjectTypes: ['Organization', 'Country'],
  objectTypes: ['Organization', 'Person'],
  summary: 'A designation the sanctions rule leaves out: "Tokyo also listed X" in a sanctions story, "added X to its own sanctions list", "X, which was sanctioned by the US", "Sanctions were imposed on X by the EU".',
  variants: [
    { id: 'sanctions-designated.listed', example: '"Japan also listed X and an Armenian freight forwarder, Y" (a public body, in a sentence about sanctions or after one)' },
    { id: 'sanctions-designated.added', example: '"The United States added X to its own sanctions list", "added X and Y to the EU sanctions list"' },
    { id: 'sanctions-designated.relative-passive', example: '"X, which was sanctioned by the US in 2023,"' },
    { id: 'sanctions-designated.imposed-on-by', example: '"Sanctions were imposed on X and Y by the EU"' },
  ],
  acceptsReferences: true,
  minMentions: 2,
  cue: /\b(?:listed|lists|blacklisted|sanctioned|designated)\b|\bsanctions\s+(?:were|have|had|was|are|will)\b|\b(?:add|added|adds|adding|placed|places|put|puts)\b[^.;]{1,120}?\bto\s+(?:its|their|the)\s[^.;]{0,30}?\b(?:list|blacklist)\b/i,
  sidesInSentence: 'both',
  run: sanctionsDesignatedRule,
};
