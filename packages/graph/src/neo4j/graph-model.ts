import { ENTITY_TYPES, PREDICATES } from '@newsgraph/shared';
import { STRENGTH_TIER_TYPES } from '../cypher/strength-tiers.ts';

/**
 * The Neo4j graph model in one place, as data: what docs/graph-model.md describes and what a
 * test checks every example query and every store statement against.
 */
export const GRAPH_MODEL = {
  labels: ['Entity', ...ENTITY_TYPES, 'Article', 'Source', 'Claim', 'NameKey', 'Publication', 'CurationEntry', 'List', 'ListEntry', 'ListVersion', 'AliasLearning', 'AliasEvent', 'AliasCounter', 'StoreMeta'],
  relationshipTypes: [...PREDICATES, 'MENTIONS', 'HAS_CLAIM', 'SUBJECT', 'OBJECT', 'FROM_SOURCE', 'REPUBLISHED_AS', 'LISTED_AS', ...STRENGTH_TIER_TYPES],
  properties: {
    Entity: ['id', 'type', 'name', 'aliases', 'aliasesText', 'attributes', 'articleCount', 'mentionCount', 'firstSeen', 'lastSeen'],
    Article: ['id', 'url', 'canonicalUrl', 'title', 'outlet', 'author', 'publishedAt', 'fetchedAt', 'language', 'text', 'contentHash', 'sourceId', 'seenAt'],
    Source: ['id'],
    Claim: [
      'articleId',
      'subjectId',
      'predicate',
      'objectId',
      'sentence',
      'start',
      'end',
      'rule',
      'confidence',
      'modality',
      'antecedentSentence',
      'antecedentStart',
      'antecedentEnd',
      'seenAt',
    ],
    NameKey: ['key', 'entityId', 'full'],
    CurationEntry: ['id', 'seq', 'at', 'author', 'reason', 'action', 'undoneAt', 'undoneBy', 'undoReason'],
    /** The alias index (neo4j/neo4j-aliases.ts): learning is the extractor's JSON text. */
    AliasLearning: ['articleId', 'seq', 'learning'],
    AliasEvent: ['articleId', 'seq', 'entityId', 'kind', 'alias', 'reason'],
    AliasCounter: ['name', 'seq'],
    Publication: ['articleId', 'url', 'title', 'outlet', 'publishedAt', 'fetchedAt', 'sortDate'],
    /** On every predicate relationship between two entities; `key` is "subjectId>objectId" (cypher/edge-keys.ts), indexed per type. */
    Edge: ['articleCount', 'claimCount', 'firstSeen', 'lastSeen', 'key'],
    MENTIONS: ['count', 'starts', 'ends', 'texts', 'seenAt'],
    /** Sanctions lists (lists/neo4j-list-store.ts). */
    List: ['name', 'format', 'versionDate', 'importedAt', 'source', 'entryCount'],
    ListVersion: ['list', 'seq', 'format', 'versionDate', 'importedAt', 'source', 'entryCount', 'added', 'removed'],
    ListEntry: ['key', 'list', 'id', 'type', 'name', 'aliases', 'programs', 'listedOn', 'nationalities', 'countries', 'identifiers', 'remarks'],
    /** (:Entity)-[:LISTED_AS]->(:ListEntry); features is JSON text. */
    LISTED_AS: ['score', 'features', 'matchedName'],
    /** (:Article)-[:REPORTED_BY]->(:Entity); rank 0 is the article's outlet. */
    REPORTED_BY: ['rank'],
    /**
     * (:Entity)-[:STRENGTH_TIER_k {predicate}]->(:Entity) mirrors a typed edge with its counts (cypher/strength-tiers.ts)
     * and its month lists, parallel lists per calendar month of its claims (cypher/mirror-months.ts).
     */
    STRENGTH_TIER: ['predicate', 'articleCount', 'claimCount', 'firstSeen', 'lastSeen', 'months', 'monthArticles', 'monthClaims', 'monthFirst', 'monthLast'],
    /** One node per store-level migration done, e.g. {key: 'strength-tiers', version: 1}. */
    StoreMeta: ['key', 'version'],
  },
  /** Set and removed in the same statement to take a write lock; never stored. */
  lockProperty: '_lock',
} as const;

/** Every property name used anywhere in the model. */
export function modelPropertyNames(): Set<string> {
  return new Set<string>([...Object.values(GRAPH_MODEL.properties).flat(), GRAPH_MODEL.lockProperty]);
}
