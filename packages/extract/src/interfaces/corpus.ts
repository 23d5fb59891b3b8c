import type { EntityAttributes, EntityType, ExtractedEntity } from '@newsgraph/shared';

/** A full form found for a short form, surname or acronym, with why it was chosen. */
export interface AliasResolution {
  id: string;
  type: EntityType;
  name: string;
  attributes: EntityAttributes;
  /** Human-readable reason, e.g. "surname of Ronald Reagan, the only full name with it in 4 earlier articles". */
  reason: string;
}

/** What one article taught the corpus: its entities, and for each the rules that found it. */
export interface LearnedArticle {
  entities: ReadonlyArray<{ entity: ExtractedEntity; sources: ReadonlySet<string>; roles: readonly string[] }>;
  /** Words written in lower case in the article: ordinary words of this corpus, never short forms. */
  lowerWords?: ReadonlySet<string>;
}

/**
 * Knowledge that grows as articles arrive (the cross-document alias index): names seen in strong
 * patterns (title + name, a legal-form suffix, a defined acronym) become known to later articles,
 * and a surname, short form or acronym resolves to a full form when the corpus makes it
 * unambiguous. An exact name in the gazetteer always beats an alias from here.
 */
export interface EntityCorpus {
  /**
   * The full form for a one-word surname/short form or an acronym, or null when absent or
   * ambiguous. `role`: the title written with the mention; `context`: ids of the other entities of
   * the article, one of which must have been named with the full form before (namesakes stay apart).
   */
  resolveAlias(surface: string, type: EntityType | null, role?: string, context?: ReadonlySet<string>): AliasResolution | null;
  /** The type strong patterns gave this name in earlier articles, or null. */
  knownType(surface: string): EntityType | null;
  /** Record one analysed article. */
  learn(article: LearnedArticle): void;
}
