import { CURATION_KINDS, CURATION_TEXT_MAX } from '@newsgraph/shared';
import { errorSchema } from './schemas.ts';

/**
 * Schemas of the curation routes. The action itself is checked by the store's own validation
 * (zod, in @newsgraph/shared curation.ts), which names the bad field in a 400: the JSON schema
 * here only keeps the body's shape and size in bounds.
 */

const security = [{ bearerAuth: [] }];

const errors = {
  400: { description: 'The action or a field is invalid; `error.parameter` names it', ...errorSchema },
  401: { description: 'Missing or wrong bearer token', ...errorSchema },
  403: { description: 'The server has no token, so it takes no writes', ...errorSchema },
  429: { description: 'Rate limit exceeded', ...errorSchema },
} as const;

const text = { type: 'string', maxLength: CURATION_TEXT_MAX } as const;

const actionSchema = {
  type: 'object',
  required: ['kind'],
  properties: { kind: { type: 'string', enum: [...CURATION_KINDS] } },
  additionalProperties: true,
  description:
    'One of: {kind:"merge", into, from}; {kind:"split-alias", entity, alias}; {kind:"rename", entity, name}; ' +
    '{kind:"reject-edge"|"confirm-edge", subject, predicate, object}; {kind:"reject-claim"|"confirm-claim", articleId, subject, predicate, object, start}; ' +
    '{kind:"note", text, entity} or {kind:"note", text, subject, predicate, object}',
} as const;

const entrySchema = {
  type: 'object',
  required: ['id', 'seq', 'at', 'author', 'reason', 'action', 'undoneAt', 'undoneBy', 'undoReason'],
  properties: {
    id: { type: 'string' },
    seq: { type: 'integer' },
    at: { type: 'string' },
    author: { type: 'string' },
    reason: { type: 'string' },
    action: { type: 'object', additionalProperties: true },
    undoneAt: { type: ['string', 'null'] },
    undoneBy: { type: ['string', 'null'] },
    undoReason: { type: ['string', 'null'] },
  },
} as const;

const outcomeSchema = {
  type: 'object',
  required: ['entry', 'articlesRewritten'],
  properties: { entry: entrySchema, articlesRewritten: { type: 'integer' } },
} as const;

export const curationSchemas = {
  log: {
    summary: 'The curation log (hand corrections), oldest first; with `entity`, the entries that name it',
    tags: ['curation'],
    security,
    querystring: { type: 'object', properties: { entity: { type: 'string', minLength: 1, maxLength: 400 } } },
    response: { 200: { type: 'object', required: ['entries'], properties: { entries: { type: 'array', items: entrySchema } } }, ...errors },
  },
  record: {
    summary: 'Record and apply a correction: merge, split an alias, rename, reject or confirm an edge or a claim, note',
    tags: ['curation'],
    security,
    body: {
      type: 'object',
      required: ['action', 'author'],
      additionalProperties: false,
      properties: { action: actionSchema, author: { ...text, minLength: 1 }, reason: text },
    },
    response: { 200: outcomeSchema, ...errors },
  },
  undo: {
    summary: 'Undo a logged correction and rewrite what it changed',
    tags: ['curation'],
    security,
    params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 200 } } },
    body: { type: 'object', required: ['author'], additionalProperties: false, properties: { author: { ...text, minLength: 1 }, reason: text } },
    response: { 200: outcomeSchema, ...errors, 404: { description: 'No such entry, or undone already', ...errorSchema } },
  },
} as const;
