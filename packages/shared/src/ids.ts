import { createHash } from 'node:crypto';
import type { EntityType } from './domain.ts';

/** Hex sha256 of a string (UTF-8). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The content hash stored on every article: a changed hash means the article changed. */
export function contentHash(text: string): string {
  return sha256Hex(text);
}

/** Stable article id from its canonical URL (or any other stable key, such as a file's content hash). */
export function articleIdFor(canonicalKey: string): string {
  return `art_${sha256Hex(canonicalKey).slice(0, 20)}`;
}

const TYPE_PREFIX: Record<EntityType, string> = {
  Person: 'person',
  Organization: 'org',
  Country: 'country',
  Place: 'place',
  Goods: 'goods',
};

/** Printable ASCII only (names with other characters take the Unicode-aware steps). */
const ASCII = /^[ -~]*$/;

/**
 * Lower-case ASCII slug: accents folded, anything that is not a letter or digit becomes one dash.
 * Names in other scripts keep their letters (Unicode-aware) so they still get distinct ids.
 */
export function slugify(name: string): string {
  // Printable ASCII (most names): NFKD changes nothing and there are no combining marks, so the Unicode
  // steps below reduce to these, without the normalisation and the Unicode-aware scans.
  if (ASCII.test(name)) return name.toLowerCase().replace(/['`]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Stable entity id. Countries use their ISO 3166-1 alpha-2 code so that every spelling
 * ("US", "U.S.", "United States", "American") meets in one node; everything else uses a slug
 * of its canonical name under a type prefix.
 */
export function entityIdFor(type: EntityType, canonicalName: string, isoCode?: string): string {
  if (type === 'Country' && isoCode) return `country:${isoCode.toUpperCase()}`;
  const slug = slugify(canonicalName);
  if (!slug) throw new Error(`cannot make an entity id from an empty name (type ${type})`);
  return `${TYPE_PREFIX[type]}:${slug}`;
}
