import type { KnownNames } from '../entities/known-names.ts';
import type { ExtractedEntity } from '@newsgraph/shared';
import type { EntityCorpus } from './corpus.ts';

/**
 * The seam between the two halves of extraction: entity recognition and canonicalization
 * (`analyzeEntities`) produces an EntityAnalysis; relation rules (`extractRelations`) read it.
 */

export interface Sentence {
  /** Span in the analysed text, UTF-16 code units, end exclusive. */
  start: number;
  end: number;
  text: string;
}

export interface EntityMention {
  entityId: string;
  start: number;
  end: number;
  text: string;
  /** Index into EntityAnalysis.sentences. */
  sentenceIndex: number;
  /** How it was recognised, e.g. 'gazetteer', 'title-name', 'acronym', 'demonym', 'metonymy'. */
  source: string;
  /** True for a demonym/adjective use ("Iranian drones"), which relation rules may weigh differently. */
  adjectival?: boolean;
  /** Role or title written next to a person mention ("Deputy Treasury Secretary"). */
  role?: string;
  /** Why a short form, surname or acronym was resolved to this entity from other articles (source 'corpus-alias'). */
  resolvedBy?: string;
}

export interface EntityAnalysis {
  text: string;
  sentences: Sentence[];
  /** Canonical entities of this text, each with all its mentions. */
  entities: ExtractedEntity[];
  /** Every mention of every entity, sorted by start. */
  mentions: EntityMention[];
}

export interface ExtractOptions {
  /** The publishing outlet, for REPORTED_BY (e.g. "Nikkei Asia"). */
  outlet?: string | null;
  title?: string | null;
  /**
   * The corpus seen so far (cross-document alias index, names learned from strong patterns). The
   * pipeline passes one per run; the article being analysed is added to it afterwards.
   */
  corpus?: EntityCorpus;
  /** Names from stored lists to find even where no pattern would (entities/known-names.ts). */
  knownNames?: KnownNames;
}
