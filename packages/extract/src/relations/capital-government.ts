import { entityIdFor } from '@newsgraph/shared';
import { COUNTRIES } from '../lexicon/countries.ts';
import type { MentionView, SentenceContext } from './sentence-context.ts';

/**
 * A capital named where a government acts or receives: "Tokyo also listed X", "forwarded the
 * goods to Moscow". When the recognizer kept the capital as a Place, the rules that need a state
 * there read it as its country, but only when the story names that country itself (so the
 * country is an entity of the document): the capital alone may be just a city.
 */

let capitals: Map<string, { iso: string; name: string }> | null = null;

function capitalIndex(): Map<string, { iso: string; name: string }> {
  if (!capitals) {
    capitals = new Map();
    for (const c of COUNTRIES) if (c.capital) capitals.set(c.capital.toLowerCase(), { iso: c.iso, name: c.name });
  }
  return capitals;
}

/** The country view of a capital's mention, or null when `m` is no capital or its country is not in the story. */
export function governmentOfCapital(ctx: SentenceContext, m: MentionView): MentionView | null {
  if (m.type !== 'Place' || m.reference) return null;
  const country = capitalIndex().get(m.name.toLowerCase());
  if (!country) return null;
  const entity = ctx.entities.get(entityIdFor('Country', country.name, country.iso));
  if (!entity) return null;
  return { ...m, entityId: entity.id, type: 'Country', name: entity.name, kind: null };
}
