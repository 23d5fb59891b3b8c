import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import {
  STATE_TYPES,
  between,
  firstDocumentMentionAtOrAfter,
  firstMentionAtOrAfter,
  subjectBefore,
  triggers,
  type MentionView,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';
import { previousSanctioner } from './sanctions.ts';
import { listForwardDescribed } from '../plural-antecedents.ts';
import { referenceView } from '../references.ts';

/**
 * SANCTIONS for the names a designation lists after it is announced: "Japan froze the assets of 11
 * companies. The list includes A and B"; "The Treasury sanctioned a network of firms. The
 * designations target A, B and C"; "The Treasury imposed sanctions on three firms. OFAC named the
 * companies as A, B and C". The sanctioner is the one whose sanctions verb opens this sentence or
 * one of the two before (`previousSanctioner`), or the subject of "named".
 */

const LISTED =
  /\b(?:among\s+them\s+(?:are|were)\s+(?:(?:two|three|four|five|six|several|some|\d+)\s+)?(?:companies|firms|entities|banks|suppliers|traders)\s+(?:in|from|based\s+in)|the\s+(?:list|designations?|measures|package|targets|companies|firms|entities|banks|individuals)\s+(?:also\s+)?(?:includes?|included|targets?|targeted|covers?|covered|names?|named)|named\s+the\s+(?:companies|firms|entities|banks|vessels|individuals|targets)\s+as|said\s+the\s+(?:companies|firms|entities|targets)\s+(?:included|include))\s*:?/gi;
const TARGET_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Person', 'Organization']);
/** "Among them are firms in China and Iran": the countries of the listed firms. */
const COUNTRY_TARGET_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Country']);
/** Before the first name: an article and a short description, places glued to "-based" ("Hong Kong-based"). */
const LEAD_GAP = /^\s*(?:the\s+|a\s+|an\s+)?(?:(?!(?:that|which|who|of|to|in|on|for|with|by|and|or|is|was|are|were)\s)[a-z][a-z-]*\s+|-(?:based|registered|headquartered)\s+){0,4}$/;

function firstTarget(ctx: SentenceContext, from: number): MentionView | null {
  let gapFrom = from;
  for (let i = firstMentionAtOrAfter(ctx, from); i < ctx.mentions.length; i++) {
    const m = ctx.mentions[i] as MentionView;
    const after = ctx.text.slice(m.end, m.end + 12);
    // "Hong Kong-based X", "Dubai-registered X": the place is a word of the description.
    if ((m.type === 'Place' || m.type === 'Country') && /^-(?:based|registered|headquartered)\b/.test(after)) {
      if (!LEAD_GAP.test(between(ctx, gapFrom, m.start))) return null;
      gapFrom = m.end;
      continue;
    }
    if (m.type === 'Goods' || m.adjectival) continue;
    if (!TARGET_TYPES.has(m.type)) return null;
    return LEAD_GAP.test(between(ctx, gapFrom, m.start)) ? m : null;
  }
  return null;
}

const SANCTIONS_PACKAGE = /\bpackage\s+of\s+(?:new\s+|further\s+)?sanctions\b|\bsanctions\s+package\b/i;

/**
 * "The EU approved its 12th package of sanctions. The package adds ...": the first organization or
 * country named in the sentence (of this one and the two before) that announces a sanctions package.
 */
function packageOwner(ctx: SentenceContext, start: number): MentionView | null {
  for (let i = ctx.sentenceIndex; i >= 0 && i >= ctx.sentenceIndex - 2; i--) {
    const s = ctx.sentences[i];
    if (!s || !SANCTIONS_PACKAGE.test(ctx.text.slice(s.start, s.end))) continue;
    for (let j = firstDocumentMentionAtOrAfter(ctx, s.start); j < ctx.documentMentions.length; j++) {
      const m = ctx.documentMentions[j] as MentionView;
      if (m.start >= s.end) break;
      if ((m.type === 'Organization' || m.type === 'Country') && !m.adjectival) {
        return m.sentenceIndex === ctx.sentenceIndex ? m : referenceView(m, start, ctx.sentenceIndex);
      }
    }
  }
  return null;
}

/** "The package adds 61 companies to its list. Among them are firms in China and Iran": the countries of the firms. */
function amongThem(ctx: SentenceContext, start: number, end: number, out: RelationCandidate[]): void {
  const first = ctx.mentions[firstMentionAtOrAfter(ctx, end)];
  if (!first || first.type !== 'Country' || first.adjectival || !/^\s*(?:the\s+)?$/.test(between(ctx, end, first.start))) return;
  const subject = previousSanctioner(ctx, start, end - start) ?? packageOwner(ctx, start);
  if (!subject) return;
  for (const o of listForwardDescribed(ctx, first, COUNTRY_TARGET_TYPES)) {
    if (o.entityId !== subject.entityId) out.push({ subject, predicate: 'SANCTIONS', object: o, rule: 'sanctions-listed.among', confidence: 0.55 });
  }
}

export function sanctionsListedRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, LISTED)) {
    if (/^among/i.test(t.match[0])) {
      amongThem(ctx, t.start, t.end, out);
      continue;
    }
    const target = firstTarget(ctx, t.end);
    if (!target) continue;
    const named = /^named/i.test(t.match[0]);
    const subject = (named ? subjectBefore(ctx, t.start, STATE_TYPES) : null) ?? previousSanctioner(ctx, t.start, Math.min(3, t.end - t.start));
    if (!subject) continue;
    // "named" alone is any naming; it lists designations only after a sanctions sentence.
    if (named && !previousSanctioner(ctx, t.start, 1)) continue;
    for (const o of listForwardDescribed(ctx, target, TARGET_TYPES)) {
      if (o.entityId === subject.entityId) continue;
      out.push({ subject, predicate: 'SANCTIONS', object: o, rule: o === target ? 'sanctions-listed.includes' : 'sanctions-listed.list', confidence: 0.6 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'sanctions-listed',
  predicate: 'SANCTIONS',
  subjectTypes: ['Organization', 'Country'],
  objectTypes: ['Person', 'Organization', 'Country'],
  summary: 'The names a designation lists in the sentence after it: "The list includes A and B".',
  variants: [
    { id: 'sanctions-listed.includes', example: '"X froze the assets of 11 firms. The list includes A", "The designations target A", "Y named the companies as A"' },
    { id: 'sanctions-listed.list', example: 'every further name of the list' },
    { id: 'sanctions-listed.among', example: '"The package adds 61 companies to its list. Among them are firms in A and B" (the countries)' },
  ],
  acceptsReferences: false,
  minMentions: 1,
  cue: /\b(?:list|designations?|measures|package|targets|companies|firms|entities|banks|individuals|among)\b/i,
  run: sanctionsListedRule,
};
