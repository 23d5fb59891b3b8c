import type { EntityType } from '@newsgraph/shared';
import type { AliasArticleLearning, AliasResolution, EntityCorpus } from '../interfaces/corpus.ts';

/**
 * The alias index as one article saw it when it was extracted, from that article's learning
 * record: its recorded resolutions and learned types, nothing else, and it learns nothing.
 * Re-extracting a stored article (a curation rewrite) with it gives the article the same full
 * forms it was stored with, whatever the index has learned since (an alias that became ambiguous
 * later does not undo an earlier resolution).
 */
export class RecordedArticleCorpus implements EntityCorpus {
  readonly #resolutions = new Map<string, AliasResolution>();
  readonly #types = new Map<string, EntityType>();

  constructor(learning: AliasArticleLearning) {
    const entities = new Map(learning.entities.map((e) => [e.id, e]));
    for (const r of learning.resolutions) {
      const e = entities.get(r.entityId);
      if (e && !this.#resolutions.has(r.alias)) this.#resolutions.set(r.alias, { id: e.id, type: e.type, name: e.name, attributes: { ...e.attributes }, reason: r.reason });
    }
    for (const e of learning.entities) if (e.sources.includes('corpus-type')) this.#types.set(e.name.toLowerCase(), e.type);
  }

  resolveAlias(surface: string): AliasResolution | null {
    const r = this.#resolutions.get(surface.trim());
    return r ? { ...r, attributes: { ...r.attributes } } : null;
  }

  knownType(surface: string): EntityType | null {
    return this.#types.get(surface.trim().toLowerCase()) ?? null;
  }

  learn(): void {}
}
