import { LIST_ENTRY_TYPES, LIST_FORMATS } from '@newsgraph/shared';
import { MAX_HOPS, entitySummarySchema, errorSchema, pathSchema } from './schemas.ts';

/** JSON schemas of the sanctions-list routes (routes/list-routes.ts); see schemas.ts for how they are used. */

const nullableString = { type: ['string', 'null'] } as const;
const strings = { type: 'array', items: { type: 'string' } } as const;
const listName = { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$', description: 'A list name given at import, e.g. ofac-sdn' } as const;
const entityId = { type: 'string', minLength: 1, maxLength: 400 } as const;
const errors = {
  400: { description: 'A parameter is missing or invalid; `error.parameter` names it', ...errorSchema },
  401: { description: 'Missing or wrong bearer token (only when the server has a token)', ...errorSchema },
  429: { description: 'Rate limit exceeded', ...errorSchema },
} as const;
const notFound = { 404: { description: 'Unknown id', ...errorSchema } } as const;
const security = [{ bearerAuth: [] }];
const idParams = { type: 'object', required: ['id'], properties: { id: entityId } } as const;

export const listEntrySchema = {
  type: 'object',
  required: ['list', 'id', 'type', 'name', 'aliases', 'programs', 'listedOn', 'nationalities', 'countries', 'identifiers', 'remarks'],
  properties: {
    list: { type: 'string' },
    id: { type: 'string', description: "The entry's id on its list (SDN ent_num, UN reference number, FtM id)" },
    type: { type: 'string', enum: [...LIST_ENTRY_TYPES] },
    name: { type: 'string' },
    aliases: strings,
    programs: strings,
    listedOn: nullableString,
    nationalities: strings,
    countries: strings,
    identifiers: {
      type: 'array',
      items: { type: 'object', required: ['type', 'value'], properties: { type: { type: 'string' }, value: { type: 'string' }, country: nullableString } },
    },
    remarks: nullableString,
  },
} as const;

export const listingSchema = {
  type: 'object',
  required: ['entityId', 'list', 'entryId', 'score', 'features', 'matchedName', 'entry'],
  properties: {
    entityId: { type: 'string' },
    list: { type: 'string' },
    entryId: { type: 'string' },
    score: { type: 'number', description: '0..1, at or above the lists.matchThreshold setting' },
    features: { type: 'object', additionalProperties: { type: 'number' }, description: 'Why it matched (docs/sanctions.md)' },
    matchedName: { type: 'string' },
    entry: listEntrySchema,
  },
} as const;

const listedSchema = {
  type: 'object',
  required: ['entity', 'listings'],
  properties: { entity: entitySummarySchema, listings: { type: 'array', items: listingSchema } },
} as const;

export const listRouteSchemas = {
  lists: {
    summary: 'The stored sanctions lists, with their versions (counts of entries added and removed per import)',
    tags: ['lists'],
    security,
    response: {
      200: {
        type: 'object',
        required: ['lists'],
        properties: {
          lists: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                format: { type: 'string', enum: [...LIST_FORMATS] },
                versionDate: nullableString,
                importedAt: { type: 'string' },
                entryCount: { type: 'integer' },
                versions: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { versionDate: nullableString, importedAt: { type: 'string' }, entryCount: { type: 'integer' }, added: { type: 'integer' }, removed: { type: 'integer' } },
                  },
                },
              },
            },
          },
        },
      },
      ...errors,
    },
  },
  listed: {
    summary: 'Entities matched to a list entry, best score first',
    tags: ['lists'],
    security,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        list: listName,
        program: { type: 'string', minLength: 1, maxLength: 100 },
        limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
      },
    },
    response: { 200: { type: 'object', required: ['listed'], properties: { listed: { type: 'array', items: listedSchema } } }, ...errors },
  },
  listings: {
    summary: 'Listings of many entities at once (the explorer badges its nodes with them)',
    tags: ['lists'],
    security,
    querystring: {
      type: 'object',
      required: ['ids'],
      additionalProperties: false,
      properties: { ids: { type: 'string', minLength: 1, maxLength: 100_000, description: 'Entity ids separated by commas (at most 500)' } },
    },
    response: {
      200: { type: 'object', required: ['listings'], properties: { listings: { type: 'object', additionalProperties: { type: 'array', items: listingSchema } } } },
      ...errors,
    },
  },
  entityListings: {
    summary: "An entity's listings with score and reasons",
    tags: ['lists'],
    security,
    params: idParams,
    response: { 200: { type: 'object', required: ['listings'], properties: { listings: { type: 'array', items: listingSchema } } }, ...errors, ...notFound },
  },
  exposure: {
    summary: 'Shortest paths from an entity to the nearest listed entities',
    tags: ['lists'],
    security,
    params: idParams,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxHops: { type: 'integer', minimum: 1, maximum: MAX_HOPS, default: 4 },
        limit: { type: 'integer', minimum: 1, maximum: 50, default: 5 },
      },
    },
    response: {
      200: {
        type: 'object',
        required: ['exposure'],
        properties: {
          exposure: {
            type: 'array',
            items: {
              type: 'object',
              required: ['target', 'hops', 'listings', 'path'],
              properties: { target: entitySummarySchema, hops: { type: 'integer' }, listings: { type: 'array', items: listingSchema }, path: pathSchema },
            },
          },
        },
      },
      ...errors,
      ...notFound,
    },
  },
} as const;
