import {
  EDGE_MODALITIES,
  InputError,
  isEntityType,
  isModality,
  isPredicate,
  type Antecedent,
  type Article,
  type ArticleDocument,
  type Claim,
  type Entity,
  type EntityAttributes,
  type Mention,
  type Modality,
  type Predicate,
} from '@newsgraph/shared';
import { articleEventDate, toUtcInstant } from '../store-dates.ts';
import { normalizeEdgeEnds } from './symmetric-edges.ts';

/**
 * One aggregated edge contribution of one article: how many of its claims state that edge. Only
 * claims of an edge modality (EDGE_MODALITIES: asserted, planned) contribute; negated and
 * hypothetical claims are stored as evidence only.
 */
export interface EdgeContribution {
  subjectId: string;
  predicate: Predicate;
  objectId: string;
  claimCount: number;
}

/**
 * An ArticleDocument checked and reshaped for writing: entities merged by id, symmetric claims
 * normalised to subject id < object id, per-entity mention counts and per-edge claim counts.
 * Checking everything before the first write is what lets a batch refuse a bad document
 * without writing half of it.
 */
export interface PreparedDocument {
  article: Article;
  eventDate: string;
  /** `eventDate` as epoch milliseconds. */
  eventMs: number;
  entities: Entity[];
  mentionCounts: Map<string, number>;
  mentions: Mention[];
  claims: Claim[];
  edges: EdgeContribution[];
  /** Ids of the document's entities the article is REPORTED_BY (its outlet, an agency it relays), in order, distinct. */
  reportedBy: string[];
}

/** A claim's modality as stored: absent means asserted. */
export function modalityOf(claim: Claim): Modality {
  return claim.evidence.modality ?? 'asserted';
}

/** Whether the claim counts toward aggregated edges (EDGE_MODALITIES). */
export function countsAsEdge(claim: Claim): boolean {
  return EDGE_MODALITIES.has(modalityOf(claim));
}

function checkAntecedent(value: unknown, input: string, where: string, textLength: number): Antecedent | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new InputError(input, `${where}.antecedent must be an object {sentence, start, end}`);
  const { sentence, start, end } = value;
  if (typeof sentence !== 'string') throw new InputError(input, `${where}.antecedent.sentence must be a string`);
  if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) < (start as number) || (end as number) > textLength) {
    throw new InputError(input, `${where}.antecedent span ${String(start)}..${String(end)} is not a span of the text`);
  }
  return { sentence, start: start as number, end: end as number };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireString(value: unknown, input: string, field: string, allowEmpty = false): string {
  if (typeof value !== 'string' || (!allowEmpty && value.length === 0)) {
    throw new InputError(input, `${field} must be a ${allowEmpty ? '' : 'non-empty '}string`);
  }
  return value;
}

function requireNullableString(value: unknown, input: string, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new InputError(input, `${field} must be a string or null`);
  return value;
}

function checkAttributes(value: unknown, input: string): EntityAttributes {
  if (!isObject(value)) throw new InputError(input, 'attributes must be an object');
  for (const [key, v] of Object.entries(value)) {
    const ok =
      typeof v === 'string' ||
      typeof v === 'boolean' ||
      (typeof v === 'number' && Number.isFinite(v)) ||
      (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    if (!ok) throw new InputError(input, `attribute "${key}" must be a string, finite number, boolean or string array`);
  }
  return value as EntityAttributes;
}

/** Union of alias lists in first-seen order, without the entity's own name. */
export function mergeAliases(name: string, ...lists: string[][]): string[] {
  const out: string[] = [];
  const seen = new Set<string>([name]);
  for (const list of lists) {
    for (const alias of list) {
      if (seen.has(alias) || alias.trim() === '') continue;
      seen.add(alias);
      out.push(alias);
    }
  }
  return out;
}

/**
 * Validates `doc` and prepares it for writing; `label` names it in errors (e.g. `docs[3]`).
 * `shareInput`: keep the caller's (checked) mention and claim objects instead of copying them.
 * Only for a caller that writes synchronously right after, before the caller can change them
 * (the SQLite store); copying a million claims is measurable garbage-collection work.
 */
export function prepareDocument(doc: ArticleDocument, label?: string, shareInput = false): PreparedDocument {
  if (!isObject(doc) || !isObject(doc.article)) {
    throw new InputError(label ?? 'article document', 'not an ArticleDocument (missing article)');
  }
  const raw = doc.article;
  const idForMessage = typeof raw.id === 'string' && raw.id ? raw.id : '(no id)';
  const input = label ? `${label} (article ${idForMessage})` : `article ${idForMessage}`;
  const article: Article = {
    id: requireString(raw.id, input, 'article.id'),
    url: requireString(raw.url, input, 'article.url'),
    canonicalUrl: requireString(raw.canonicalUrl, input, 'article.canonicalUrl'),
    title: requireString(raw.title, input, 'article.title', true),
    outlet: requireNullableString(raw.outlet, input, 'article.outlet'),
    author: requireNullableString(raw.author, input, 'article.author'),
    publishedAt: requireNullableString(raw.publishedAt, input, 'article.publishedAt'),
    fetchedAt: requireString(raw.fetchedAt, input, 'article.fetchedAt'),
    language: requireNullableString(raw.language, input, 'article.language'),
    text: requireString(raw.text, input, 'article.text', true),
    contentHash: requireString(raw.contentHash, input, 'article.contentHash'),
    sourceId: requireNullableString(raw.sourceId, input, 'article.sourceId'),
  };
  const fetched = toUtcInstant(article.fetchedAt, `${input} fetchedAt`);
  const eventDate = article.publishedAt ? articleEventDate(article) : fetched;
  if (!Array.isArray(doc.entities) || !Array.isArray(doc.mentions) || !Array.isArray(doc.claims)) {
    throw new InputError(input, 'entities, mentions and claims must be arrays');
  }

  const entities = new Map<string, Entity>();
  for (const [i, e] of doc.entities.entries()) {
    const where = `entities[${i}]`;
    if (!isObject(e)) throw new InputError(input, `${where} is not an object`);
    const id = requireString(e.id, input, `${where}.id`);
    if (!isEntityType(e.type)) throw new InputError(input, `${where}.type "${String(e.type)}" is not an entity type`);
    const name = requireString(e.name, input, `${where}.name`);
    if (name.trim() === '') throw new InputError(input, `${where}.name is blank`);
    const aliases = e.aliases ?? [];
    if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string')) {
      throw new InputError(input, `${where}.aliases must be an array of strings`);
    }
    const attributes = checkAttributes(e.attributes ?? {}, `${input} ${where}`);
    const previous = entities.get(id);
    if (previous) {
      entities.set(id, {
        ...previous,
        aliases: mergeAliases(previous.name, previous.aliases, [name], aliases),
        attributes: { ...previous.attributes, ...attributes },
      });
    } else {
      entities.set(id, { id, type: e.type, name, aliases: mergeAliases(name, aliases), attributes: { ...attributes } });
    }
  }

  const mentionCounts = new Map<string, number>();
  for (const id of entities.keys()) mentionCounts.set(id, 0);
  const textLength = article.text.length;
  const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  // Hot loops: cheap checks first; messages are only built for a document that fails them.
  const mentions: Mention[] = new Array(doc.mentions.length);
  for (let i = 0; i < doc.mentions.length; i++) {
    const m = doc.mentions[i];
    if (!isObject(m)) throw new InputError(input, `mentions[${i}] is not an object`);
    const { entityId, start, end, text } = m;
    const count = typeof entityId === 'string' ? mentionCounts.get(entityId) : undefined;
    if (count === undefined) throw new InputError(input, `mentions[${i}] names entity "${String(entityId)}" that is not in the document's entities`);
    if (m.articleId !== article.id) throw new InputError(input, `mentions[${i}].articleId "${String(m.articleId)}" is not the article's id`);
    if (!isOffset(start) || !isOffset(end) || end < start || end > textLength) {
      throw new InputError(input, `mentions[${i}] span ${String(start)}..${String(end)} is not a span of the text`);
    }
    if (typeof text !== 'string') throw new InputError(input, `mentions[${i}].text must be a string`);
    mentions[i] = shareInput ? (m as unknown as Mention) : { entityId: entityId as string, articleId: article.id, start, end, text };
    mentionCounts.set(entityId as string, count + 1);
  }

  const claims: Claim[] = new Array(doc.claims.length);
  const edges = new Map<string, EdgeContribution>();
  for (let i = 0; i < doc.claims.length; i++) {
    const c = doc.claims[i];
    if (!isObject(c) || !isObject(c.evidence)) throw new InputError(input, `claims[${i}] is not a claim with evidence`);
    const predicate = c.predicate;
    if (!isPredicate(predicate)) throw new InputError(input, `claims[${i}].predicate "${String(predicate)}" is not a predicate`);
    let subjectId = c.subjectId;
    let objectId = c.objectId;
    const unknownId = typeof subjectId !== 'string' || !entities.has(subjectId) ? subjectId : typeof objectId !== 'string' || !entities.has(objectId) ? objectId : null;
    if (unknownId !== null) throw new InputError(input, `claims[${i}] names entity "${String(unknownId)}" that is not in the document's entities`);
    const ev = c.evidence;
    if (ev.articleId !== article.id) throw new InputError(input, `claims[${i}].evidence.articleId "${String(ev.articleId)}" is not the article's id`);
    const { start, end, sentence, rule, confidence } = ev;
    const modality = ev.modality;
    if (modality !== undefined && !isModality(modality)) throw new InputError(input, `claims[${i}].evidence.modality "${String(modality)}" is not one of asserted, planned, negated, hypothetical`);
    const antecedent = checkAntecedent(ev.antecedent, input, `claims[${i}].evidence`, textLength);
    if (!isOffset(start) || !isOffset(end) || end < start) throw new InputError(input, `claims[${i}].evidence span ${String(start)}..${String(end)} is not a span`);
    if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) {
      throw new InputError(input, `claims[${i}].evidence.confidence must be a number from 0 to 1`);
    }
    if (typeof sentence !== 'string') throw new InputError(input, `claims[${i}].evidence.sentence must be a string`);
    if (typeof rule !== 'string' || rule === '') throw new InputError(input, `claims[${i}].evidence.rule must be a non-empty string`);
    [subjectId, objectId] = normalizeEdgeEnds(subjectId as string, predicate, objectId as string);
    const evidence: Claim['evidence'] = { articleId: article.id, sentence, start, end, rule, confidence };
    if (modality !== undefined) evidence.modality = modality;
    if (antecedent !== undefined) evidence.antecedent = antecedent;
    claims[i] = shareInput && subjectId === c.subjectId && (ev.antecedent === undefined || ev.antecedent === antecedent) ? (c as unknown as Claim) : { subjectId, predicate, objectId, evidence };
    if (modality !== undefined && !EDGE_MODALITIES.has(modality)) continue;
    const key = `${subjectId}\u0000${predicate}\u0000${objectId}`;
    const edge = edges.get(key);
    if (edge) edge.claimCount += 1;
    else edges.set(key, { subjectId, predicate, objectId, claimCount: 1 });
  }

  const reportedBy: string[] = [];
  const reporters = doc.reportedBy ?? [];
  if (!Array.isArray(reporters)) throw new InputError(input, 'reportedBy must be an array of entity ids');
  for (const [i, id] of reporters.entries()) {
    if (typeof id !== 'string' || !entities.has(id)) throw new InputError(input, `reportedBy[${i}] names entity "${String(id)}" that is not in the document's entities`);
    if (!reportedBy.includes(id)) reportedBy.push(id);
  }

  return { article, eventDate, eventMs: Date.parse(eventDate), entities: [...entities.values()], mentionCounts, mentions, claims, edges: [...edges.values()], reportedBy };
}
