import { z } from 'zod';
import { PREDICATES, SYMMETRIC_PREDICATES, type ArticleDocument, type Claim, type Entity, type Mention, type Predicate } from './domain.ts';
import { InputError } from './errors.ts';
import { slugify } from './ids.ts';

/**
 * Curation: what journalists correct by hand (merge two nodes, split a wrongly resolved alias off,
 * rename, mark an edge or one claim wrong or confirmed, add a note). Actions are kept in a log
 * (who, when, why), never applied destructively: every article document is passed through
 * `applyCuration` before it is written, so a correction survives re-ingest and re-extraction,
 * and undoing an action is marking it undone and rewriting the articles it touched.
 */

export const CURATION_KINDS = [
  'merge',
  'split-alias',
  'rename',
  'reject-edge',
  'confirm-edge',
  'reject-claim',
  'confirm-claim',
  'note',
] as const;
export type CurationKind = (typeof CURATION_KINDS)[number];

/** Longest text a curation field takes (names, reasons, notes): a person types these. */
export const CURATION_TEXT_MAX = 2000;
const ID_MAX = 500;

const entityId = z.string().trim().min(1).max(ID_MAX);
const text = z.string().trim().min(1).max(CURATION_TEXT_MAX);
const predicate = z.enum(PREDICATES);
const edge = { subject: entityId, predicate, object: entityId };
const claim = { ...edge, articleId: z.string().trim().min(1).max(ID_MAX), start: z.number().int().min(0) };

export const curationActionSchema = z.discriminatedUnion('kind', [
  /** `from` and everything extracted as `from` become `into`. */
  // `intoName`: the survivor's name when recorded, for documents that name only the merged one.
  // `fromNames`, `intoAliases`: the names before the merge, so that undo takes back the aliases it added.
  z
    .object({
      kind: z.literal('merge'),
      into: entityId,
      from: entityId,
      intoName: text.optional(),
      fromNames: z.array(text).max(10_000).optional(),
      intoAliases: z.array(text).max(10_000).optional(),
    })
    .strict(),
  /** Mentions of `entity` written as `alias` (case-insensitive) become an entity of their own. */
  z.object({ kind: z.literal('split-alias'), entity: entityId, alias: text }).strict(),
  z.object({ kind: z.literal('rename'), entity: entityId, name: text, previousName: text.optional() }).strict(),
  z.object({ kind: z.literal('reject-edge'), ...edge }).strict(),
  z.object({ kind: z.literal('confirm-edge'), ...edge }).strict(),
  z.object({ kind: z.literal('reject-claim'), ...claim }).strict(),
  z.object({ kind: z.literal('confirm-claim'), ...claim }).strict(),
  z
    .object({
      kind: z.literal('note'),
      text,
      entity: entityId.optional(),
      subject: entityId.optional(),
      predicate: predicate.optional(),
      object: entityId.optional(),
    })
    .strict()
    .refine((n) => n.entity !== undefined || (n.subject !== undefined && n.predicate !== undefined && n.object !== undefined), {
      message: 'a note is about an entity (entity) or an edge (subject, predicate, object)',
    }),
]);
export type CurationAction = z.infer<typeof curationActionSchema>;

/** One line of the curation log. */
export interface CurationEntry {
  /** `cur_` + a random id, given when the entry is recorded. */
  id: string;
  /** Order of recording, from 1. */
  seq: number;
  /** ISO 8601. */
  at: string;
  author: string;
  reason: string;
  action: CurationAction;
  undoneAt: string | null;
  undoneBy: string | null;
  undoReason: string | null;
}

export const curationRequestSchema = z
  .object({ action: z.unknown(), author: text, reason: z.string().trim().max(CURATION_TEXT_MAX).default('') })
  .strict();

/** Validates one action; the error names `where` and the field. */
export function parseCurationAction(input: unknown, where = 'action'): CurationAction {
  const parsed = curationActionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.length > 0 ? `.${issue.path.join('.')}` : '';
    throw new InputError(`${where}${path}`, issue.message);
  }
  const action = parsed.data;
  if (action.kind === 'merge' && action.into === action.from) throw new InputError(`${where}.from`, 'an entity cannot be merged into itself');
  return action;
}

/** The entities whose articles an action (or its undo) changes. */
export function curationEntities(action: CurationAction): string[] {
  switch (action.kind) {
    case 'merge':
      return [action.into, action.from];
    case 'split-alias':
      return [action.entity, splitEntityId(action.entity, action.alias)];
    case 'rename':
      return [action.entity];
    case 'reject-edge':
    case 'reject-claim':
      return [action.subject, action.object];
    case 'confirm-edge':
    case 'confirm-claim':
      return [];
    case 'note':
      return [];
  }
}

/** Whether recording or undoing the action rewrites stored articles (confirmations and notes do not). */
export function curationRewrites(action: CurationAction): boolean {
  return action.kind === 'merge' || action.kind === 'split-alias' || action.kind === 'reject-edge' || action.kind === 'reject-claim';
}

/** Id of the entity that a split alias becomes: stable, so undo and redo meet the same node. */
export function splitEntityId(entity: string, alias: string): string {
  return `${entity}~${slugify(alias) || 'alias'}`;
}

function foldName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What the active (not undone) entries of a log do to a document, compiled once per log revision. */
export interface CurationPlan {
  /** Entity id → the id it was merged into, resolved to the end of the chain. */
  redirects: Map<string, string>;
  /** Entity id → folded alias → split entity id. */
  splits: Map<string, Map<string, string>>;
  /** Entity id → display name. */
  renames: Map<string, string>;
  /** Survivor of a merge → its name, for a document that names only what was merged into it. */
  survivorNames: Map<string, string>;
  /** `subject\0predicate\0object`, symmetric predicates in id order. */
  rejectedEdges: Set<string>;
  /** `article\0subject\0predicate\0object\0start`. */
  rejectedClaims: Set<string>;
}

function edgeKey(subject: string, predicate: Predicate, object: string): string {
  const [s, o] = SYMMETRIC_PREDICATES.has(predicate) && object < subject ? [object, subject] : [subject, object];
  return `${s}\u0000${predicate}\u0000${o}`;
}

function claimKey(articleId: string, subject: string, predicate: Predicate, object: string, start: number): string {
  return `${articleId}\u0000${edgeKey(subject, predicate, object)}\u0000${start}`;
}

export function emptyCurationPlan(): CurationPlan {
  return { redirects: new Map(), splits: new Map(), renames: new Map(), survivorNames: new Map(), rejectedEdges: new Set(), rejectedClaims: new Set() };
}

/** Follows merges to the surviving id; a chain that comes back to its start stops there. */
function resolve(redirects: Map<string, string>, id: string): string {
  let current = id;
  const seen = new Set<string>([id]);
  for (let next = redirects.get(current); next !== undefined && !seen.has(next); next = redirects.get(current)) {
    seen.add(next);
    current = next;
  }
  return current;
}

export function compileCurationPlan(entries: readonly CurationEntry[]): CurationPlan {
  const plan = emptyCurationPlan();
  const active = entries.filter((e) => e.undoneAt === null).sort((a, b) => a.seq - b.seq);
  const direct = new Map<string, string>();
  for (const { action } of active) {
    // A merge whose target already leads back to its source would make a cycle: the later one loses.
    if (action.kind === 'merge' && resolve(direct, action.into) !== action.from) {
      direct.set(action.from, action.into);
      if (action.intoName !== undefined) plan.survivorNames.set(action.into, action.intoName);
    }
  }
  for (const id of direct.keys()) plan.redirects.set(id, resolve(direct, id));
  const to = (id: string): string => plan.redirects.get(id) ?? id;
  for (const { action } of active) {
    switch (action.kind) {
      case 'split-alias': {
        const byAlias = plan.splits.get(action.entity) ?? new Map<string, string>();
        byAlias.set(foldName(action.alias), splitEntityId(action.entity, action.alias));
        plan.splits.set(action.entity, byAlias);
        break;
      }
      case 'rename':
        plan.renames.set(to(action.entity), action.name);
        break;
      case 'reject-edge':
        plan.rejectedEdges.add(edgeKey(to(action.subject), action.predicate, to(action.object)));
        break;
      case 'reject-claim':
        plan.rejectedClaims.add(claimKey(action.articleId, to(action.subject), action.predicate, to(action.object), action.start));
        break;
      default:
        break;
    }
  }
  return plan;
}

export function isEmptyCurationPlan(plan: CurationPlan): boolean {
  return plan.redirects.size === 0 && plan.splits.size === 0 && plan.renames.size === 0 && plan.rejectedEdges.size === 0 && plan.rejectedClaims.size === 0;
}

/**
 * Applies a plan to a document as extraction made it. Pure. Splits come first (they are about
 * what extraction resolved an alias to), then merges, renames and rejections.
 */
export function applyCuration(doc: ArticleDocument, plan: CurationPlan): ArticleDocument {
  if (isEmptyCurationPlan(plan)) return doc;
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  // 1. Splits: mentions written as the alias move to the split entity; so do the claims whose
  //    sentence names the entity only through that alias.
  const mentions: Mention[] = [];
  const splitEntities = new Map<string, Entity>();
  for (const m of doc.mentions) {
    const splitId = plan.splits.get(m.entityId)?.get(foldName(m.text));
    if (splitId === undefined) {
      mentions.push(m);
      continue;
    }
    mentions.push({ ...m, entityId: splitId });
    if (!splitEntities.has(splitId)) {
      const from = byId.get(m.entityId);
      splitEntities.set(splitId, { id: splitId, type: from?.type ?? 'Organization', name: m.text.trim(), aliases: [], attributes: {} });
    }
  }
  const sideAfterSplit = (id: string, claim: Claim): string => {
    const byAlias = plan.splits.get(id);
    if (!byAlias) return id;
    const inSentence = doc.mentions.filter((m) => m.entityId === id && m.start >= claim.evidence.start && m.end <= claim.evidence.end);
    const split = inSentence.map((m) => byAlias.get(foldName(m.text)));
    return split.length > 0 && split.every((s) => s !== undefined && s === split[0]) ? split[0]! : id;
  };
  // An entity stays when a mention is left to it (or it had none to begin with).
  const entities: Entity[] = doc.entities.filter((e) => mentions.some((m) => m.entityId === e.id) || doc.mentions.every((m) => m.entityId !== e.id));
  for (const e of splitEntities.values()) if (!byId.has(e.id)) entities.push(e);
  // 2. Merges and renames. Survivors first, so that a merged-in entity adds its name as an alias
  //    of the survivor rather than the other way round.
  const to = (id: string): string => plan.redirects.get(id) ?? id;
  const merged = new Map<string, Entity>();
  const ordered = [...entities.filter((e) => to(e.id) === e.id), ...entities.filter((e) => to(e.id) !== e.id)];
  for (const e of ordered) {
    const id = to(e.id);
    const existing = merged.get(id);
    if (existing) {
      const aliases = new Set([...existing.aliases, ...e.aliases, e.name]);
      aliases.delete(existing.name);
      merged.set(id, { ...existing, aliases: [...aliases], attributes: { ...e.attributes, ...existing.attributes } });
      continue;
    }
    const finalName = plan.renames.get(id) ?? (id !== e.id ? plan.survivorNames.get(id) : undefined) ?? e.name;
    const aliases = new Set(e.aliases);
    if (finalName !== e.name) aliases.add(e.name);
    aliases.delete(finalName);
    merged.set(id, { ...e, id, name: finalName, aliases: [...aliases] });
  }
  // 3. Claims: split, redirected, rejected ones dropped, self-loops made by a merge dropped.
  const claims: Claim[] = [];
  for (const c of doc.claims) {
    const subjectId = to(sideAfterSplit(c.subjectId, c));
    const objectId = to(sideAfterSplit(c.objectId, c));
    if (subjectId === objectId) continue;
    if (plan.rejectedEdges.has(edgeKey(subjectId, c.predicate, objectId))) continue;
    if (plan.rejectedClaims.has(claimKey(doc.article.id, subjectId, c.predicate, objectId, c.evidence.start))) continue;
    claims.push({ ...c, subjectId, objectId });
  }
  const out: ArticleDocument = {
    article: doc.article,
    entities: [...merged.values()],
    mentions: mentions.map((m) => ({ ...m, entityId: to(m.entityId) })),
    claims,
  };
  if (doc.reportedBy) out.reportedBy = [...new Set(doc.reportedBy.map(to))];
  return out;
}
