import type { KnownNames } from '../entities/known-names.ts';
import type { ExtractedEntity } from '@newsgraph/shared';

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
  /** Names from stored lists to find even where no pattern would (entities/known-names.ts). */
  knownNames?: KnownNames;
}
