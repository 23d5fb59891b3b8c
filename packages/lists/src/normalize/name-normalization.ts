import anyAscii from 'any-ascii';
import type { ListEntryType } from '@newsgraph/shared';
import { LEGAL_FORMS, LEGAL_FORM_PHRASES } from './legal-forms.ts';

/**
 * Folds a name for comparison: any script transliterated to ASCII (any-ascii: "Сбербанк" →
 * "Sberbank", "Ḥasan" → "Hasan"), lower case, apostrophes dropped ("O'Neil" = "ONeil"), dots
 * between single letters joined ("S.A." → "sa", "J.S.C." → "jsc"), any other punctuation a space.
 * This is also the key of the exact-match baseline in the matching evaluation.
 */
export function foldName(text: string): string {
  return anyAscii(text)
    .toLowerCase()
    .replace(/['`\u2018\u2019\u02bc\u02bb]/g, '')
    .replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1')
    .replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words that are no part of what names an organization. */
const ORG_STOPWORDS: ReadonlySet<string> = new Set(['the', 'and', 'of']);

/** Removes legal-form phrases and words (never all of the name). Input is folded. */
export function removeLegalForms(folded: string): { tokens: string[]; removed: boolean } {
  let text = ` ${folded} `;
  for (const phrase of LEGAL_FORM_PHRASES) text = text.split(` ${phrase} `).join(' ');
  const all = text.trim().split(' ').filter(Boolean);
  const kept = all.filter((t) => !LEGAL_FORMS.has(t) && !ORG_STOPWORDS.has(t));
  if (kept.length === 0) return { tokens: folded.split(' ').filter(Boolean), removed: false };
  return { tokens: kept, removed: kept.length !== folded.split(' ').filter(Boolean).length };
}

export type NameKind = 'person' | 'organization';

/** Person names keep every word; the names of organizations, vessels and aircraft lose their legal forms. */
export function nameKindOf(type: ListEntryType): NameKind {
  return type === 'person' ? 'person' : 'organization';
}

export interface NameTokens {
  tokens: string[];
  /** True when legal-form words were removed. */
  legalFormRemoved: boolean;
}

/** The comparable words of a name. */
export function nameTokens(name: string, kind: NameKind): NameTokens {
  const folded = foldName(name);
  if (!folded) return { tokens: [], legalFormRemoved: false };
  if (kind === 'person') return { tokens: folded.split(' '), legalFormRemoved: false };
  const { tokens, removed } = removeLegalForms(folded);
  return { tokens, legalFormRemoved: removed };
}

/**
 * A consonant skeleton that transliteration variants of one word share ("Mohammad", "Muhammad",
 * "Mohamed" → "mhmd"; "Qaida", "Qaeda" → "kd"): digraphs reduced, similar consonants merged,
 * vowels and doubled letters dropped after the first letter. Used to find candidates and as one
 * similarity signal, never alone as a match.
 */
export function skeleton(token: string): string {
  const t = token
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/sh|sch|ch|zh|tch/g, 's')
    .replace(/x/g, 'ks')
    .replace(/ck|q|c/g, 'k')
    .replace(/w/g, 'v')
    .replace(/z/g, 's')
    .replace(/j/g, 'y')
    .replace(/dh/g, 'd');
  const body = t.slice(1).replace(/[aeiouy]/g, '');
  const first = /[aeiouy]/.test(t[0] ?? '') ? '' : t[0] ?? '';
  return (first + body).replace(/(.)\1+/g, '$1');
}
