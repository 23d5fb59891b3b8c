/**
 * The domain of newsgraph: articles, the entities they mention, and the claims
 * (subject–predicate–object with evidence) extracted from their sentences.
 *
 * Every other package speaks in these types. Offsets are UTF-16 code units into
 * `Article.text`, because that is what JavaScript strings index by and what the
 * `extract --jsonl` line format promises.
 */

export const ENTITY_TYPES = ['Person', 'Organization', 'Country', 'Place', 'Goods'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const PREDICATES = [
  'VISITED',
  'MET_WITH',
  'URGED',
  'SUPPLIES',
  'SHIPPED_VIA',
  'SANCTIONS',
  'TRADES_WITH',
  'HOLDS_ROLE',
  'PART_OF',
  'LOCATED_IN',
  'REPORTED_BY',
  'NATIONAL_OF',
] as const;
export type Predicate = (typeof PREDICATES)[number];

/** Predicates whose direction carries no meaning; stores keep them with subject id < object id. */
export const SYMMETRIC_PREDICATES: ReadonlySet<Predicate> = new Set<Predicate>(['MET_WITH', 'TRADES_WITH']);

export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}

export function isPredicate(value: unknown): value is Predicate {
  return typeof value === 'string' && (PREDICATES as readonly string[]).includes(value);
}

/** A news article after fetching and main-text extraction. */
export interface Article {
  /** Stable id derived from the canonical URL (or, for local files, the content hash). */
  id: string;
  url: string;
  canonicalUrl: string;
  title: string;
  /** Publisher name, e.g. "Nikkei Asia". */
  outlet: string | null;
  author: string | null;
  /** ISO 8601 timestamps. */
  publishedAt: string | null;
  fetchedAt: string;
  /** BCP 47 language tag such as "en", when known. */
  language: string | null;
  /** Main text only: no navigation, related links or other page chrome. */
  text: string;
  /** sha256 of `text`, hex; a changed hash means the article changed. */
  contentHash: string;
  /** Id of the source (feed or sitemap) it came from, when crawled. */
  sourceId?: string | null;
}

/** Free-form facts about an entity: ISO code, role/title, organization kind, country, HS code... */
export type EntityAttributes = Record<string, string | number | boolean | string[]>;

/** A real-world thing, canonical across articles. */
export interface Entity {
  /** Stable id, e.g. `country:RU`, `person:antony-blinken`, `org:us-department-of-the-treasury`. */
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  attributes: EntityAttributes;
}

/** A character span in an article's text. `end` is exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** One place an entity is named in an article. */
export interface Mention extends Span {
  entityId: string;
  articleId: string;
  text: string;
}

/**
 * How a sentence states a claim. Only asserted and planned claims become edges of the graph;
 * negated ("denied supplying") and hypothetical ("is considering sanctions") claims are kept as
 * evidence so that they stay queryable.
 */
export const MODALITIES = ['asserted', 'planned', 'negated', 'hypothetical'] as const;
export type Modality = (typeof MODALITIES)[number];
export const EDGE_MODALITIES: ReadonlySet<Modality> = new Set<Modality>(['asserted', 'planned']);

export function isModality(value: unknown): value is Modality {
  return typeof value === 'string' && (MODALITIES as readonly string[]).includes(value);
}

/**
 * The sentence that names an entity when the claim's own sentence refers to it only by a
 * pronoun or a description ("He met ...", "the minister ..."), so a reader can check who it is.
 */
export interface Antecedent {
  sentence: string;
  /** Span of that sentence in the article text. */
  start: number;
  end: number;
}

/** Why a claim is believed: the sentence that says so, where, and by which rule. */
export interface Evidence {
  articleId: string;
  sentence: string;
  /** Span of the sentence in the article text. */
  start: number;
  end: number;
  /** Id of the extraction rule that produced the claim, e.g. `visit.verb`. */
  rule: string;
  /** 0..1 */
  confidence: number;
  /** Absent means `asserted`. */
  modality?: Modality;
  /** Present when the subject or object is named only in an earlier sentence. */
  antecedent?: Antecedent;
}

/** A subject–predicate–object statement taken from one sentence of one article. */
export interface Claim {
  subjectId: string;
  predicate: Predicate;
  objectId: string;
  evidence: Evidence;
}

/**
 * What extraction returns for one text, independent of any article: the shape of
 * `newsgraph extract --jsonl` output lines (minus the `id`).
 */
export interface ExtractedEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases?: string[];
  attributes: EntityAttributes;
  mentions: Array<Span & { text: string }>;
}

export interface ExtractedRelation {
  subject: string;
  predicate: Predicate;
  object: string;
  evidence: {
    sentence: string;
    start: number;
    end: number;
    rule: string;
    confidence: number;
    modality?: Modality;
    antecedent?: Antecedent;
  };
}

export interface ExtractionResult {
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
}

/** An article with everything extracted from it: the unit a store writes in one transaction. */
export interface ArticleDocument {
  article: Article;
  entities: Entity[];
  mentions: Mention[];
  claims: Claim[];
  /**
   * Ids of entities in `entities` that the article is REPORTED_BY (its outlet, or an agency whose
   * report it relays), from article-level REPORTED_BY claims. Stored as
   * `(:Article)-[:REPORTED_BY]->(:Entity)`; absent means none.
   */
  reportedBy?: string[];
}
