import nlp from 'compromise';
import { entityIdFor } from '@newsgraph/shared';
import type { Gazetteer } from './gazetteer.ts';
import { keyOf } from './gazetteer.ts';

const TYPES: Record<string, { type: 'Organization' | 'Place'; kind: string }> = {
  City: { type: 'Place', kind: 'city' },
  Region: { type: 'Place', kind: 'province' },
  SportsTeam: { type: 'Organization', kind: 'SportsTeam' },
  Organization: { type: 'Organization', kind: 'Company' },
};

function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * Adds compromise's own word list of cities, regions, sports teams and organizations to the
 * gazetteer (compromise is not run over text; only its lexicon is read, once). Entries never
 * replace the hand-written ones, and single words that are ordinary English words are skipped.
 */
export function addCompromiseEntries(g: Gazetteer, commonWords: ReadonlySet<string>): void {
  const world = nlp.world() as { model: { one: { lexicon: Record<string, string | string[]> } } };
  for (const [word, tagValue] of Object.entries(world.model.one.lexicon)) {
    const tag = Array.isArray(tagValue) ? tagValue[0] : tagValue;
    const spec = tag ? TYPES[tag] : undefined;
    if (!spec || word.length <= 3) continue;
    if (!word.includes(' ') && commonWords.has(word)) continue;
    if (g.lookup(keyOf(word))) continue;
    const name = titleCase(word);
    g.add(name, {
      type: spec.type,
      id: entityIdFor(spec.type, name),
      name,
      attributes: { kind: spec.kind },
      form: 'name',
      weak: true,
    });
  }
}
