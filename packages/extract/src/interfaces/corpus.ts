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

/** Which of the index's alias tables a short name was looked up in. */
export type AliasKind = 'surname' | 'acronym' | 'short form';

/** A short name of one article resolved to a full form from other articles, with why. */
export interface AliasResolutionNote {
  kind: AliasKind;
  /** The name as written ("Reagan", "NAO"). */
  alias: string;
  entityId: string;
  reason: string;
}

/**
 * A short name that had been resolved before and that this article made ambiguous (a second
 * full form with the same surname, initials or first word). Earlier resolutions stay as written;
 * from this article on the name is resolved only where a role tells the full forms apart.
 */
export interface AliasAmbiguityNote {
  kind: AliasKind;
  /** Lower-case alias key ("smith"); upper case for acronyms. */
  alias: string;
  /** Every full form the alias now fits, the earlier ones first. */
  entityIds: string[];
  reason: string;
}

/**
 * What one article taught the corpus index and what the index told it, as plain JSON: a store
 * keeps one per article so that a fresh process rebuilds the same index by replaying them in
 * order (`CorpusIndex.replay`). Version 1.
 */
export interface AliasArticleLearning {
  version: 1;
  entities: Array<{ id: string; type: EntityType; name: string; aliases: string[]; attributes: EntityAttributes; sources: string[]; roles: string[] }>;
  /** Lower-case words of the article that are not ordinary words already (names written in lower case here). */
  lowerWords: string[];
  resolutions: AliasResolutionNote[];
  ambiguities: AliasAmbiguityNote[];
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
