import type { Entity, ListingLink } from '@newsgraph/shared';
import type { ListMatcher } from './list-matcher.ts';

/** Entity attributes that tie an entity to a country (ISO alpha-2): `country` (set by the recognizer), `countryIso`, `nationality`, `iso`. */
const COUNTRY_ATTRIBUTES = ['country', 'countryIso', 'nationality'] as const;

export function entityCountries(entity: Pick<Entity, 'attributes'>): string[] {
  const out = new Set<string>();
  for (const key of COUNTRY_ATTRIBUTES) {
    const value = entity.attributes[key];
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string' && /^[A-Za-z]{2}$/.test(v)) out.add(v.toUpperCase());
  }
  return [...out];
}

/** The LISTED_AS links of one entity (Person or Organization; others get none). */
export function listingsForEntity(entity: Pick<Entity, 'id' | 'type' | 'name' | 'aliases' | 'attributes'>, matcher: ListMatcher): ListingLink[] {
  if (entity.type !== 'Person' && entity.type !== 'Organization') return [];
  return matcher.match({ name: entity.name, aliases: entity.aliases, type: entity.type, countries: entityCountries(entity) }).map((m) => ({
    entityId: entity.id,
    list: m.entry.list,
    entryId: m.entry.id,
    score: m.score,
    features: m.features,
    matchedName: m.matchedName,
  }));
}
