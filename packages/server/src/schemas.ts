import { ENTITY_TYPES, MODALITIES, PREDICATES } from '@newsgraph/shared';

/**
 * JSON schemas of every route's parameters and responses. Fastify validates requests against
 * them (so a bad parameter is a 400 naming it before any store call), serialises responses
 * with them, and @fastify/swagger turns the same objects into /openapi.json.
 */

export const MAX_HOPS = 6;
export const MAX_LIMIT = 500;
/** Furthest a neighbour page may start (the store's own bound). */
export const MAX_OFFSET = 100_000;
/**
 * Longest entity or article id any endpoint accepts, in the path or the query. One rule for every
 * endpoint: a longer id is a 400 `invalid_parameter` naming the parameter, never a 404.
 */
export const MAX_ID_LENGTH = 400;

const isoDate = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?$',
  description: 'ISO 8601 date (YYYY-MM-DD) or date-time',
} as const;

const entityId = { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH, description: 'Entity id, e.g. country:RU' } as const;

export const entityTypeList = {
  type: 'array',
  items: { type: 'string', enum: [...ENTITY_TYPES] },
  maxItems: ENTITY_TYPES.length,
  description: `Entity types (repeat the parameter or separate with commas): ${ENTITY_TYPES.join(', ')}`,
} as const;

export const predicateList = {
  type: 'array',
  items: { type: 'string', enum: [...PREDICATES] },
  maxItems: PREDICATES.length,
  description: `Predicates (repeat the parameter or separate with commas): ${PREDICATES.join(', ')}`,
} as const;

function limit(defaultValue: number, max = MAX_LIMIT) {
  return { type: 'integer', minimum: 1, maximum: max, default: defaultValue, description: `At most ${max}` } as const;
}

const nullableString = { type: ['string', 'null'] } as const;

export const entitySummarySchema = {
  type: 'object',
  required: ['id', 'type', 'name', 'aliases', 'articleCount'],
  properties: {
    id: { type: 'string' },
    type: { type: 'string', enum: [...ENTITY_TYPES] },
    name: { type: 'string' },
    aliases: { type: 'array', items: { type: 'string' } },
    articleCount: { type: 'integer' },
  },
} as const;

const attributesSchema = {
  type: 'object',
  additionalProperties: true,
  description: 'Free-form facts: ISO code, role/title, organization kind, country, HS code...',
} as const;

export const entityDetailSchema = {
  type: 'object',
  required: ['id', 'type', 'name', 'aliases', 'attributes', 'articleCount', 'mentionCount', 'firstSeen', 'lastSeen'],
  properties: {
    id: { type: 'string' },
    type: { type: 'string', enum: [...ENTITY_TYPES] },
    name: { type: 'string' },
    aliases: { type: 'array', items: { type: 'string' } },
    attributes: attributesSchema,
    articleCount: { type: 'integer' },
    mentionCount: { type: 'integer' },
    firstSeen: nullableString,
    lastSeen: nullableString,
    corpusAliases: {
      type: 'array',
      description: 'What the cross-document alias index did with this entity, newest first: short names resolved to it, aliases that became ambiguous (absent when none)',
      items: {
        type: 'object',
        required: ['kind', 'entityId', 'alias', 'reason', 'articleId', 'seq'],
        properties: {
          kind: { type: 'string', enum: ['resolved', 'ambiguous'] },
          entityId: { type: 'string' },
          alias: { type: 'string' },
          reason: { type: 'string' },
          articleId: { type: 'string' },
          seq: { type: 'integer' },
        },
      },
    },
  },
} as const;

const neighborSchema = {
  type: 'object',
  required: ['entity', 'predicate', 'direction', 'articleCount', 'claimCount', 'firstSeen', 'lastSeen'],
  properties: {
    entity: entitySummarySchema,
    predicate: { type: 'string', enum: [...PREDICATES] },
    direction: { type: 'string', enum: ['out', 'in'], description: "'out': the queried entity is the subject" },
    articleCount: { type: 'integer' },
    claimCount: { type: 'integer' },
    firstSeen: nullableString,
    lastSeen: nullableString,
  },
} as const;

export const pathSchema = {
  type: 'object',
  required: ['nodes', 'edges'],
  properties: {
    nodes: { type: 'array', items: entitySummarySchema },
    edges: {
      type: 'array',
      description: 'edges[i] joins nodes[i] and nodes[i+1], in either direction',
      items: {
        type: 'object',
        required: ['subjectId', 'predicate', 'objectId', 'articleCount'],
        properties: {
          subjectId: { type: 'string' },
          predicate: { type: 'string', enum: [...PREDICATES] },
          objectId: { type: 'string' },
          articleCount: { type: 'integer' },
        },
      },
    },
  },
} as const;

const articleRefSchema = {
  type: 'object',
  required: ['id', 'url', 'title', 'outlet', 'publishedAt'],
  properties: {
    id: { type: 'string' },
    url: { type: 'string' },
    title: { type: 'string' },
    outlet: nullableString,
    publishedAt: nullableString,
    // The entity the article is REPORTED_BY (its outlet), when known.
    outletEntity: {
      type: ['object', 'null'],
      required: ['id', 'name'],
      properties: { id: { type: 'string' }, name: { type: 'string' } },
    },
  },
} as const;

const evidenceSchema = {
  type: 'object',
  required: ['subjectId', 'predicate', 'objectId', 'sentence', 'start', 'end', 'rule', 'confidence', 'article'],
  properties: {
    subjectId: { type: 'string' },
    predicate: { type: 'string', enum: [...PREDICATES] },
    objectId: { type: 'string' },
    sentence: { type: 'string' },
    start: { type: 'integer' },
    end: { type: 'integer' },
    rule: { type: 'string' },
    confidence: { type: 'number' },
    // Negated and hypothetical claims are evidence only: they make no edge.
    modality: { type: 'string', enum: [...MODALITIES], description: 'How the sentence states the claim' },
    antecedent: {
      type: ['object', 'null'],
      required: ['sentence', 'start', 'end'],
      description: 'The sentence that names an entity the evidence sentence refers to only by a pronoun or a description',
      properties: { sentence: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' } },
    },
    article: articleRefSchema,
    resolvedBy: {
      type: 'object',
      description: 'Why the subject or object was read from a short name in this article (the alias index); absent when neither was',
      properties: { subject: { type: 'string' }, object: { type: 'string' } },
    },
  },
} as const;

const entityCountSchema = {
  type: 'object',
  required: ['entity', 'count'],
  properties: { entity: entitySummarySchema, count: { type: 'integer' } },
} as const;

const articleSchema = {
  type: 'object',
  required: ['id', 'url', 'canonicalUrl', 'title', 'outlet', 'author', 'publishedAt', 'fetchedAt', 'language', 'text', 'contentHash'],
  properties: {
    id: { type: 'string' },
    url: { type: 'string' },
    canonicalUrl: { type: 'string' },
    title: { type: 'string' },
    outlet: nullableString,
    author: nullableString,
    publishedAt: nullableString,
    fetchedAt: { type: 'string' },
    language: nullableString,
    text: { type: 'string' },
    contentHash: { type: 'string' },
    sourceId: nullableString,
  },
} as const;

const publicationSchema = {
  type: 'object',
  required: ['url', 'title', 'outlet', 'publishedAt', 'fetchedAt'],
  properties: {
    url: { type: 'string' },
    title: { type: 'string' },
    outlet: nullableString,
    publishedAt: nullableString,
    fetchedAt: { type: 'string' },
  },
} as const;

export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'invalid_parameter, not_found, unauthorized, rate_limited, internal' },
        message: { type: 'string' },
        parameter: { type: 'string', description: 'The offending parameter, for invalid_parameter' },
      },
    },
  },
} as const;

const errors = {
  400: { description: 'A parameter is missing or invalid; `error.parameter` names it', ...errorSchema },
  401: { description: 'Missing or wrong bearer token (only when the server has a token)', ...errorSchema },
  429: { description: 'Rate limit exceeded', ...errorSchema },
} as const;

const notFound = { 404: { description: 'Unknown id', ...errorSchema } } as const;

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: entityId },
} as const;

const security = [{ bearerAuth: [] }];

/** Routes without query parameters still refuse unknown ones, as every other route does. */
const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

export const routeSchemas = {
  search: {
    summary: 'Find entities by name or alias',
    tags: ['entities'],
    security,
    querystring: {
      type: 'object',
      required: ['q'],
      additionalProperties: false,
      properties: {
        q: { type: 'string', minLength: 1, maxLength: 200, description: 'Text to look for in names and aliases' },
        type: entityTypeList,
        limit: limit(20, 100),
      },
    },
    response: {
      200: { type: 'object', required: ['results'], properties: { results: { type: 'array', items: entitySummarySchema } } },
      ...errors,
    },
  },
  entity: {
    summary: 'One entity with its aliases, attributes and counts',
    tags: ['entities'],
    security,
    params: idParams,
    querystring: noQuery,
    response: { 200: entityDetailSchema, ...errors, ...notFound },
  },
  neighbors: {
    summary: "An entity's neighbours: one row per (neighbour, predicate, direction) edge",
    tags: ['graph'],
    security,
    params: idParams,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        predicate: predicateList,
        type: entityTypeList,
        since: isoDate,
        until: isoDate,
        direction: { type: 'string', enum: ['out', 'in', 'both'], default: 'both' },
        limit: limit(100),
        offset: { type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0, description: `Rows to skip (paging through a hub); at most ${MAX_OFFSET}` },
      },
    },
    response: {
      200: {
        type: 'object',
        required: ['entity', 'neighbors', 'total', 'offset'],
        properties: {
          entity: entitySummarySchema,
          neighbors: { type: 'array', items: neighborSchema },
          total: { type: 'integer', description: 'Rows the query has without limit and offset' },
          offset: { type: 'integer' },
        },
      },
      ...errors,
      ...notFound,
    },
  },
  neighborGroups: {
    summary: "How many neighbour rows an entity has per (neighbour type, predicate): the facets for paging through a hub",
    tags: ['graph'],
    security,
    params: idParams,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        predicate: predicateList,
        type: entityTypeList,
        since: isoDate,
        until: isoDate,
        direction: { type: 'string', enum: ['out', 'in', 'both'], default: 'both' },
      },
    },
    response: {
      200: {
        type: 'object',
        required: ['entity', 'total', 'groups'],
        properties: {
          entity: entitySummarySchema,
          total: { type: 'integer' },
          groups: {
            type: 'array',
            description: 'Ordered by count desc, type, predicate',
            items: {
              type: 'object',
              required: ['type', 'predicate', 'count'],
              properties: {
                type: { type: 'string', enum: [...ENTITY_TYPES] },
                predicate: { type: 'string', enum: [...PREDICATES] },
                count: { type: 'integer' },
              },
            },
          },
        },
      },
      ...errors,
      ...notFound,
    },
  },
  paths: {
    summary: 'Shortest paths between two entities (edges in either direction)',
    tags: ['graph'],
    security,
    querystring: {
      type: 'object',
      required: ['from', 'to'],
      additionalProperties: false,
      properties: {
        from: entityId,
        to: entityId,
        maxHops: { type: 'integer', minimum: 1, maximum: MAX_HOPS, default: 4 },
        predicate: { ...predicateList, description: `Only these predicates. ${predicateList.description}` },
        exclude: { ...predicateList, description: 'Predicates a path must not use (e.g. HOLDS_ROLE, to avoid paths through every official\'s country)' },
        limit: limit(5, 50),
      },
    },
    response: {
      200: { type: 'object', required: ['paths'], properties: { paths: { type: 'array', items: pathSchema } } },
      ...errors,
      ...notFound,
    },
  },
  evidence: {
    summary: 'The sentences behind an edge, with their articles',
    tags: ['graph'],
    security,
    querystring: {
      type: 'object',
      required: ['subject', 'object'],
      additionalProperties: false,
      properties: {
        subject: entityId,
        predicate: { type: 'string', enum: [...PREDICATES], description: 'Omitted: every predicate between the two' },
        object: entityId,
        limit: limit(50),
      },
    },
    response: {
      200: { type: 'object', required: ['evidence'], properties: { evidence: { type: 'array', items: evidenceSchema } } },
      ...errors,
    },
  },
  timeline: {
    summary: 'Articles mentioning an entity, per day',
    tags: ['entities'],
    security,
    params: idParams,
    querystring: noQuery,
    response: {
      200: {
        type: 'object',
        required: ['points'],
        properties: {
          points: {
            type: 'array',
            items: {
              type: 'object',
              required: ['date', 'articleCount'],
              properties: { date: { type: 'string' }, articleCount: { type: 'integer' } },
            },
          },
        },
      },
      ...errors,
      ...notFound,
    },
  },
  comentioned: {
    summary: 'Entities most often named in the same articles',
    tags: ['entities'],
    security,
    params: idParams,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { limit: limit(20, 100) },
    },
    response: {
      200: { type: 'object', required: ['entities'], properties: { entities: { type: 'array', items: entityCountSchema } } },
      ...errors,
      ...notFound,
    },
  },
  top: {
    summary: 'Most mentioned entities',
    tags: ['entities'],
    security,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { type: entityTypeList, since: isoDate, limit: limit(20, 100) },
    },
    response: {
      200: { type: 'object', required: ['entities'], properties: { entities: { type: 'array', items: entityCountSchema } } },
      ...errors,
    },
  },
  article: {
    summary: 'One article: metadata, main text and its other publications',
    tags: ['articles'],
    security,
    params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH } } },
    querystring: noQuery,
    response: {
      200: {
        type: 'object',
        required: ['article', 'publications'],
        properties: { article: articleSchema, publications: { type: 'array', items: publicationSchema } },
      },
      ...errors,
      ...notFound,
    },
  },
  stats: {
    summary: 'Counts of articles, entities, mentions, claims and edges',
    tags: ['store'],
    security,
    querystring: noQuery,
    response: {
      200: {
        type: 'object',
        required: ['store', 'articles', 'entities', 'mentions', 'claims', 'edges'],
        properties: {
          store: { type: 'string', enum: ['sqlite', 'neo4j'] },
          articles: { type: 'integer' },
          entities: { type: 'integer' },
          mentions: { type: 'integer' },
          claims: { type: 'integer' },
          edges: { type: 'integer' },
        },
      },
      ...errors,
    },
  },
  map: {
    summary: 'SUPPLIES and SHIPPED_VIA edges between entities with a place on the world map, strongest first',
    description:
      'Places are positioned by their `lat`/`lon` attributes, countries by their ISO code (the page uses the outline centroid of ' +
      '`isoNumeric`), other entities by the country in their `country`/`countryIso` attribute. Filtered like the graph.',
    tags: ['graph'],
    security,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        predicate: { ...predicateList, description: 'Narrows SUPPLIES, SHIPPED_VIA (other predicates are never drawn)' },
        type: entityTypeList,
        since: isoDate,
        until: isoDate,
        limit: limit(300),
      },
    },
    response: {
      200: {
        type: 'object',
        required: ['points', 'edges', 'transit', 'unplaced'],
        properties: {
          points: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'type', 'name', 'articleCount', 'placement', 'lat', 'lon', 'iso', 'isoNumeric'],
              properties: {
                id: { type: 'string' },
                type: { type: 'string', enum: [...ENTITY_TYPES] },
                name: { type: 'string' },
                articleCount: { type: 'integer' },
                placement: { type: ['string', 'null'], enum: ['coordinates', 'country', 'country-of', null] },
                lat: { type: ['number', 'null'] },
                lon: { type: ['number', 'null'] },
                iso: nullableString,
                isoNumeric: nullableString,
              },
            },
          },
          edges: {
            type: 'array',
            items: {
              type: 'object',
              required: ['subjectId', 'predicate', 'objectId', 'articleCount'],
              properties: {
                subjectId: { type: 'string' },
                predicate: { type: 'string', enum: [...PREDICATES] },
                objectId: { type: 'string' },
                articleCount: { type: 'integer' },
              },
            },
          },
          transit: {
            type: 'array',
            description: 'SHIPPED_VIA edges whose hub has a place but whose subject (goods) has none',
            items: {
              type: 'object',
              required: ['subjectId', 'subjectName', 'objectId', 'articleCount'],
              properties: {
                subjectId: { type: 'string' },
                subjectName: { type: 'string' },
                objectId: { type: 'string' },
                articleCount: { type: 'integer' },
              },
            },
          },
          unplaced: { type: 'integer', description: 'Edges left out because an end has no place' },
        },
      },
      ...errors,
    },
  },
  health: {
    summary: 'Liveness check; never needs a token',
    tags: ['store'],
    response: {
      200: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } },
    },
  },
};

/** Query parameters that take a list (repeated or comma-separated). */
export const LIST_PARAMETERS: ReadonlySet<string> = new Set(['type', 'predicate', 'exclude']);
