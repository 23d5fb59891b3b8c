import type { RelationRule } from '../../interfaces/relation-rule.ts';
import type { MentionView, RelationCandidate, SentenceContext } from '../sentence-context.ts';

/**
 * PART_OF for a company's subsidiary, in the forms of company reporting: "Acme Corp said its Zed
 * Co subsidiary", "Acme said its Zed unit", "Zed Co is a wholly owned subsidiary of Acme", "Zed,
 * wholly owned by Acme,". Ownership is PART_OF only when whole or stated as a subsidiary or unit:
 * a stake ("owns 40 pct of") or a pending purchase ("agreed to buy") is no part of the buyer yet,
 * so neither is read.
 */

const UNIT = /^\s*(?:>\s*)?(?:subsidiary|subsidiaries|unit|units|division|affiliate|arm|operating company)\b/i;
/** A company's legal ending: "Acme said its Zed Co will ..." names a company it owns. */
const COMPANY_NAME = /\b(?:co|corp|corporation|inc|ltd|plc|ag|sa|nv|bv|llc|gmbh)\.?$/i;
const AFTER_COMPANY = /^\s*(?:<[^>]*>\s*)?(?:[,.;]|$|(?:said|has|had|is|was|will|would|plans|agreed|reported|posted)\b)/;
const SAID_ITS = /^\s*(?:<[^>]*>\s*)?\s+(?:said|says)\s+(?:that\s+)?its\s+(?:(?:wholly[- ]owned|majority[- ]owned|[\w.]+\s+pct[- ]owned)\s+)?$/i;
const COPULA_SUBSIDIARY = /^\s*(?:<[^>]*>\s*)?(?:,\s*which\s+)?\s*(?:is|was|became|has become|,)\s*(?:(?:a|an|the)\s+)?(?:wholly[- ]owned|majority[- ]owned|[\w.]+\s+pct[- ]owned)?\s*(?:[A-Z][\w.]*\s+)?(?:subsidiary|unit|division|affiliate)\s+of\s+(?:the\s+)?$/i;
const WHOLLY_OWNED_BY = /^\s*(?:<[^>]*>\s*)?(?:,\s*(?:which\s+is\s+)?|\s+(?:is|was)\s+)wholly[- ]owned\s+by\s+(?:the\s+)?$/i;

function isCompany(m: MentionView): boolean {
  return m.type === 'Organization' && m.kind !== 'PoliticalParty' && m.kind !== 'MediaOutlet';
}

export function subsidiaryRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.namedMentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1]!;
    if (!isCompany(a) || !isCompany(b) || a.entityId === b.entityId) continue;
    // "its West German subsidiary": a demonym read as a name is no company.
    if (b.adjectival || /^(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+(?:an|ese|ish|ch)$/.test(b.text)) continue;
    const gap = ctx.text.slice(a.end, b.start);
    const after = ctx.text.slice(b.end, Math.min(ctx.sentence.end, b.end + 30));
    if (SAID_ITS.test(gap) && (UNIT.test(after) || (COMPANY_NAME.test(b.text) && AFTER_COMPANY.test(after)))) {
      out.push({ subject: b, predicate: 'PART_OF', object: a, rule: 'subsidiary.said-its', confidence: 0.75 });
    } else if (COPULA_SUBSIDIARY.test(gap) && /\b(?:is|was|became|which)\b/i.test(gap)) {
      out.push({ subject: a, predicate: 'PART_OF', object: b, rule: 'subsidiary.copula', confidence: 0.8 });
    } else if (WHOLLY_OWNED_BY.test(gap)) {
      out.push({ subject: a, predicate: 'PART_OF', object: b, rule: 'subsidiary.owned', confidence: 0.75 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'subsidiary',
  predicate: 'PART_OF',
  subjectTypes: ['Organization'],
  objectTypes: ['Organization'],
  summary: 'A company is a subsidiary of another (stated as a subsidiary or unit, or wholly owned; not a stake or a pending purchase).',
  variants: [
    { id: 'subsidiary.said-its', example: '"Acme Corp said its Zed Co subsidiary", "Acme said its Zed Inc will" (not "Acme said its Zed deal")' },
    { id: 'subsidiary.copula', example: '"Zed Co is a wholly owned subsidiary of Acme"' },
    { id: 'subsidiary.owned', example: '"Zed, wholly owned by Acme," (not "Zed, 40 pct owned by Acme")' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  sidesInSentence: 'both',
  run: subsidiaryRule,
};
