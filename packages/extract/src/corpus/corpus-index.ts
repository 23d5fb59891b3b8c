import type { EntityAttributes, EntityType } from '@newsgraph/shared';
import type { AliasAmbiguityNote, AliasArticleLearning, AliasKind, AliasResolution, AliasResolutionNote, EntityCorpus, LearnedArticle } from '../interfaces/corpus.ts';
import { defaultGazetteer } from '../lexicon/gazetteer.ts';
import { ORG_SUFFIXES, ROLE_HEADS, TITLE_WORDS } from '../lexicon/titles.ts';
import { wordClasses } from '../lexicon/word-classes.ts';
import { coMentionAt, countCoMention, emptyCoMentions, setCoMention, type CoMentions } from './co-mentions.ts';

/** An ordinary word, or any name the gazetteer knows (a demonym, a party, a place): never a short form. */
function defaultOrdinaryWord(lower: string): boolean {
  return wordClasses().common.has(lower) || TITLE_WORDS.has(lower) || ROLE_HEADS.has(lower) || ORG_SUFFIXES.has(lower) || defaultGazetteer().lookup(lower) !== undefined;
}

/** Adjectives of places and peoples ("Asian", "Olympic", "Japanese"): never the short form of a name. */
const ADJECTIVE_ENDING = /(?:an|ese|ish|ic)$/;

/** A short form needs its full form in this many articles: one article's odd name teaches nothing. */
const SHORT_FORM_MIN_ARTICLES = 2;

/** Rules whose reading of a name is reliable enough to teach later articles. */
const STRONG_SOURCES = new Set(['title-name', 'role-name', 'honorific', 'org-suffix', 'org-of', 'team-context', 'name-list', 'place-suffix', 'based-on']);
const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'in', '&', 'de', 'du', 'der', 'von', 'van']);

export interface Known {
  id: string;
  type: EntityType;
  name: string;
  attributes: EntityAttributes;
  articles: number;
  roles: Set<string>;
  /** Other entities named in the articles of this one (by entity number → articles), for telling namesakes apart. */
  context: CoMentions;
}

/** Distinct lower-case words whose ordinariness is remembered (a vocabulary, not a corpus). */
const ORDINARY_MEMO_LIMIT = 200_000;

/** How many co-mentioned entities an entity remembers. */
const CONTEXT_LIMIT = 300;

/** Everything a CorpusIndex holds (see `state()`); opaque to callers, which only pass it on. */
export interface CorpusIndexState {
  entities: ReadonlyMap<string, Known>;
  /** Entity number → id (the numbering of the entities' contexts). */
  entityIds: readonly string[];
  surnames: ReadonlyMap<string, Set<string>>;
  acronyms: ReadonlyMap<string, Set<string>>;
  shortForms: ReadonlyMap<string, Set<string>>;
  singlePersons: ReadonlyMap<string, string>;
  merged: ReadonlyMap<string, { into: string; reason: string }>;
  types: ReadonlyMap<string, Map<EntityType, number>>;
  lowerSeen: ReadonlySet<string>;
  resolvedAliases: ReadonlyMap<string, Map<string, number>>;
}

export interface CorpusIndexSnapshot {
  version: 1;
  entities: Array<{ id: string; type: EntityType; name: string; attributes: EntityAttributes; articles: number; roles: string[]; context: Array<[string, number]> }>;
  merges: Array<{ from: string; into: string; reason: string }>;
  types: Array<[string, EntityType, number]>;
}

/**
 * In-process corpus index: the pipeline creates one per run (ingest, extract --jsonl, eval) and
 * passes it to every `extract` call, so what one article teaches is known to the next. It holds
 * only names, ids and counts, so `snapshot()` / `CorpusIndex.restore()` let a store keep it.
 * Linear memory in the number of distinct entities learned.
 */
export class CorpusIndex implements EntityCorpus {
  private readonly entities = new Map<string, Known>();
  /** Id → entity number, and back: contexts hold numbers (one id string per entity, not one per context entry). */
  private readonly entityNumbers = new Map<string, number>();
  private readonly entityIds: string[] = [];
  /** Lower-case surname (last word of a person's full name) → person ids. */
  private readonly surnames = new Map<string, Set<string>>();
  /** Initials of an organization's capitalised words, or a defined acronym → organization ids. */
  private readonly acronyms = new Map<string, Set<string>>();
  /** Lower-case first distinctive word of a multi-word organization → organization ids. */
  private readonly shortForms = new Map<string, Set<string>>();
  /** One-word person names learned before any full form ("President Reagan") → their entity id. */
  private readonly singlePersons = new Map<string, string>();
  /** Entity id → the id it was found to be, with why (applied by a store to what it already holds). */
  private readonly merged = new Map<string, { into: string; reason: string }>();
  /** Lower-case full name → type → articles in which a strong pattern gave it that type. */
  private readonly types = new Map<string, Map<EntityType, number>>();
  private readonly isOrdinaryWord: (lower: string) => boolean;
  /** Words seen in lower case in any article so far: an ordinary word in this corpus ("radio", "cabinet"). */
  private readonly lowerSeen = new Set<string>();
  private readonly givenNames: ReadonlySet<string>;
  /** `kind:key` of every alias resolved so far → entity id → resolutions: what a new full form can make ambiguous. */
  private readonly resolvedAliases = new Map<string, Map<string, number>>();
  /** Resolutions handed out since the last `learn` (the article being analysed). */
  private pendingResolutions: AliasResolutionNote[] = [];
  /** Ambiguities the current `learn` call found. */
  private articleAmbiguities: AliasAmbiguityNote[] = [];
  /** What the last learned article taught, until `takeArticleLearning` collects it. */
  private lastLearning: AliasArticleLearning | null = null;

  /**
   * `isOrdinaryWord(lower)`: true for a word that is never a surname or short form on its own (an
   * ordinary English word, a demonym, any gazetteer name: "world", "asian", "labour"); defaults to
   * the project's word lists and gazetteer. `givenNames`: lower-case first names.
   */
  constructor(options: { isOrdinaryWord?: (lower: string) => boolean; givenNames?: ReadonlySet<string> } = {}) {
    this.isOrdinaryWord = options.isOrdinaryWord ?? defaultOrdinaryWord;
    this.givenNames = options.givenNames ?? wordClasses().givenNames;
  }

  get size(): number {
    return this.entities.size;
  }

  learn(article: LearnedArticle): void {
    // Resolutions count before this article's own names: one that resolved "Smith" and also names
    // "Jane Smith" makes "Smith" ambiguous at once.
    const inArticle = new Set<string>();
    for (const { entity, sources } of article.entities) if (sources.has('corpus-alias')) inArticle.add(entity.id);
    const resolutions = this.pendingResolutions.filter((r) => inArticle.has(r.entityId));
    this.pendingResolutions = [];
    for (const r of resolutions) this.noteResolution(r);
    this.articleAmbiguities = [];
    this.learnNames(article);
    const lowerWords: string[] = [];
    if (article.lowerWords) for (const w of article.lowerWords) if (!this.isOrdinaryWordMemo(w)) lowerWords.push(w);
    this.lastLearning = {
      version: 1,
      entities: article.entities.map(({ entity, sources, roles }) => ({
        id: entity.id,
        type: entity.type,
        name: entity.name,
        aliases: [...(entity.aliases ?? [])],
        attributes: { ...entity.attributes },
        sources: [...sources],
        roles: [...roles],
      })),
      lowerWords,
      resolutions,
      ambiguities: this.articleAmbiguities,
    };
    this.articleAmbiguities = [];
  }

  /**
   * What the last learned article taught and was told, once (null when nothing was learned since
   * the last call). `extract` is synchronous, so calling this right after it gives that article's.
   */
  takeArticleLearning(): AliasArticleLearning | null {
    const learning = this.lastLearning;
    this.lastLearning = null;
    return learning;
  }

  /**
   * Learns an article again from what `takeArticleLearning` gave (kept by a store): replaying a
   * store's records in their order rebuilds the index a run built, resolutions and merges included.
   */
  replay(learning: AliasArticleLearning): void {
    if (learning?.version !== 1 || !Array.isArray(learning.entities) || !Array.isArray(learning.resolutions)) {
      throw new Error('alias learning record: unsupported version or shape (expected version 1 with entities and resolutions)');
    }
    for (const r of learning.resolutions) this.noteResolution(r);
    this.learnNames({
      entities: learning.entities.map((e) => ({
        entity: { id: e.id, type: e.type, name: e.name, aliases: e.aliases ?? [], attributes: e.attributes ?? {}, mentions: [] },
        sources: new Set(e.sources),
        roles: e.roles ?? [],
      })),
      lowerWords: new Set(learning.lowerWords ?? []),
    });
    this.articleAmbiguities = [];
    this.lastLearning = null;
  }

  /** Words recur from article to article: the gazetteer lookup behind isOrdinaryWord is paid once per word. */
  private readonly ordinaryMemo = new Map<string, boolean>();
  private isOrdinaryWordMemo(lower: string): boolean {
    let ordinary = this.ordinaryMemo.get(lower);
    if (ordinary === undefined) {
      ordinary = this.isOrdinaryWord(lower);
      if (this.ordinaryMemo.size < ORDINARY_MEMO_LIMIT) this.ordinaryMemo.set(lower, ordinary);
    }
    return ordinary;
  }

  private noteResolution(r: AliasResolutionNote): void {
    const key = aliasKey(r.kind, r.alias);
    let ids = this.resolvedAliases.get(key);
    if (!ids) this.resolvedAliases.set(key, (ids = new Map()));
    ids.set(r.entityId, (ids.get(r.entityId) ?? 0) + 1);
  }

  /**
   * Adds a full form under an alias key; when the alias had been resolved before and now fits
   * more than one full form, records why it stops resolving (earlier resolutions stay as written).
   */
  private addAlias(kind: AliasKind, map: Map<string, Set<string>>, key: string, id: string): void {
    const existing = map.get(key);
    if (existing?.has(id)) return;
    const before = existing ? [...existing] : [];
    add(map, key, id);
    if (before.length === 0) return;
    const resolved = this.resolvedAliases.get(aliasKey(kind, key));
    if (!resolved) return;
    const ids = [...before, id];
    const names = ids.map((x) => this.entities.get(x)?.name ?? x);
    const earlier = [...resolved].map(([x, n]) => `${n} to ${this.entities.get(x)?.name ?? x}`).join(', ');
    this.articleAmbiguities.push({
      kind,
      alias: key,
      entityIds: ids,
      reason: `"${key}" is now the ${kind} of ${ids.length} names (${names.join(', ')}): it is no longer resolved unless a role tells them apart; earlier resolutions (${earlier}) are kept as written`,
    });
  }

  private learnNames(article: LearnedArticle): void {
    if (article.lowerWords) for (const w of article.lowerWords) this.lowerSeen.add(w);
    for (const { entity, sources, roles } of article.entities) {
      let strong = false;
      for (const s of sources) if (STRONG_SOURCES.has(s) || s === 'gazetteer') strong = true;
      if (!strong) continue;
      if (entity.type !== 'Person' && entity.type !== 'Organization' && entity.type !== 'Place') continue;
      const words = entity.name.split(/\s+/).filter(Boolean);
      // Names are what is learned; gazetteer entries are already known, their short forms are not.
      let known = this.entities.get(entity.id);
      if (!known) {
        known = { id: entity.id, type: entity.type, name: entity.name, attributes: { ...entity.attributes }, articles: 0, roles: new Set(), context: emptyCoMentions() };
        this.entities.set(entity.id, known);
      }
      known.articles++;
      for (const r of roles) known.roles.add(r.toLowerCase());
      for (const other of article.entities) {
        const id = other.entity.id;
        if (id === entity.id || other.entity.type === 'Country' || other.entity.type === 'Goods') continue;
        if (known.context.size < CONTEXT_LIMIT) countCoMention(known.context, this.entityNumber(id), CONTEXT_LIMIT);
        else {
          // Full: only entities already held are counted, and no number is made for the others.
          const n = this.entityNumbers.get(id);
          if (n !== undefined) countCoMention(known.context, n, CONTEXT_LIMIT);
        }
      }
      const fromRule = [...sources].some((s) => STRONG_SOURCES.has(s));
      if (fromRule) {
        const key = entity.name.toLowerCase();
        let t = this.types.get(key);
        if (!t) this.types.set(key, (t = new Map()));
        t.set(entity.type, (t.get(entity.type) ?? 0) + 1);
      }
      if (entity.type === 'Person' && words.length >= 2 && this.looksLikeFullName(words, sources)) {
        const surname = (words[words.length - 1] as string).toLowerCase();
        this.addAlias('surname', this.surnames, surname, entity.id);
        this.mergeSingle(surname, known);
      }
      if (entity.type === 'Person' && words.length === 1 && fromRule && !this.isOrdinaryWord(words[0]!.toLowerCase())) {
        const key = (words[0] as string).toLowerCase();
        if (!this.singlePersons.has(key)) this.singlePersons.set(key, entity.id);
        const full = this.surnames.get(key);
        if (full?.size === 1) this.mergeSingle(key, this.entities.get([...full][0] as string) as Known);
      }
      if (entity.type === 'Organization') {
        const content = words.filter((w) => !CONNECTORS.has(w.toLowerCase()));
        const caps = content.filter((w) => /^\p{Lu}/u.test(w));
        if (caps.length >= 2) this.addAlias('acronym', this.acronyms, caps.map((w) => w.charAt(0)).join('').toUpperCase(), entity.id);
        for (const alias of entity.aliases ?? []) if (/^[A-Z]{2,6}$/.test(alias)) this.addAlias('acronym', this.acronyms, alias, entity.id);
        const first = content[0]?.toLowerCase();
        if (first && content.length >= 2 && !this.isOrdinaryWord(first) && /^\p{Lu}\p{Ll}/u.test(content[0] as string)) this.addAlias('short form', this.shortForms, first, entity.id);
      }
    }
  }

  /** The number of entity `id` in contexts, made at its first use. */
  private entityNumber(id: string): number {
    let n = this.entityNumbers.get(id);
    if (n === undefined) {
      n = this.entityIds.push(id) - 1;
      this.entityNumbers.set(id, n);
    }
    return n;
  }

  /** Whether `id` was named in an article of `known`. */
  private inContext(known: Known, id: string): boolean {
    const n = this.entityNumbers.get(id);
    return n !== undefined && coMentionAt(known.context, n) >= 0;
  }

  /**
   * "President Reagan" was learned before "Ronald Reagan": when the full name is the only one with
   * that surname and the roles agree, the one-word entity is the full one (a merge for the store).
   */
  private mergeSingle(surname: string, full: Known): void {
    const singleId = this.singlePersons.get(surname);
    if (!singleId || singleId === full.id || this.merged.has(singleId)) return;
    if ((this.surnames.get(surname)?.size ?? 0) !== 1) return;
    const single = this.entities.get(singleId);
    if (!single || !rolesAgree(single.roles, full.roles)) return;
    // Namesakes stay apart: the two must have been named with at least one same entity.
    let shared = false;
    const { numbers, size } = single.context;
    for (let i = 0; i < size; i++) if (coMentionAt(full.context, numbers[i]!) >= 0) shared = true;
    if (!shared) return;
    this.merged.set(singleId, { into: full.id, reason: `surname of ${full.name}, the only full name with it in the corpus` });
  }

  /** The id an entity was merged into (or its own), following merges. */
  canonicalId(id: string): string {
    let cur = id;
    for (let i = 0; i < 5; i++) {
      const m = this.merged.get(cur);
      if (!m) break;
      cur = m.into;
    }
    return cur;
  }

  /** Every merge so far: one-word entities found to be a full name learned later. */
  merges(): Array<{ from: string; into: string; reason: string }> {
    return [...this.merged].map(([from, m]) => ({ from, into: m.into, reason: m.reason }));
  }

  /** "Ronald Reagan", "President Ray Charles": a given name first, or a title written before; the surname no ordinary word. */
  private looksLikeFullName(words: readonly string[], sources: ReadonlySet<string>): boolean {
    const last = (words[words.length - 1] as string).toLowerCase();
    if (this.isOrdinaryWord(last) || !/^\p{Lu}\p{Ll}/u.test(words[words.length - 1] as string)) return false;
    if (words.some((w) => /['’]/.test(w) && /['’](?:ve|d|m|ll|re|s)$/i.test(w))) return false;
    const first = (words[0] as string).toLowerCase().replace(/\.$/, '');
    return this.givenNames.has(first) || sources.has('title-name') || sources.has('role-name') || sources.has('honorific');
  }

  knownType(surface: string): EntityType | null {
    const key = surface.toLowerCase();
    // An ordinary word or an adjective ("European", "NOTE") is typed by its own article only.
    if (!key.includes(' ') && (this.isOrdinaryWord(key) || this.lowerSeen.has(key) || ADJECTIVE_ENDING.test(key))) return null;
    const t = this.types.get(key);
    if (!t) return null;
    let best: EntityType | null = null;
    let bestN = 0;
    let total = 0;
    for (const [type, n] of t) {
      total += n;
      if (n > bestN) [best, bestN] = [type, n];
    }
    // A clear majority only: a name strong patterns read two ways is left to the article.
    return bestN * 3 >= total * 2 ? best : null;
  }

  resolveAlias(surface: string, type: EntityType | null, role?: string, context?: ReadonlySet<string>): AliasResolution | null {
    this.currentContext = context ?? null;
    try {
      return this.resolve(surface, type, role);
    } finally {
      this.currentContext = null;
    }
  }

  private currentContext: ReadonlySet<string> | null = null;

  private resolve(surface: string, type: EntityType | null, role?: string): AliasResolution | null {
    const s = surface.trim();
    if (!s || /\s/.test(s)) return null;
    if (/^[A-Z]{2,6}$/.test(s) && type !== 'Person') return this.unique('acronym', s, this.acronyms.get(s), null, (k) => `acronym of ${k.name}, the only organization with these initials in ${k.articles} earlier article(s)`);
    const key = s.toLowerCase();
    if (this.isOrdinaryWord(key)) return null;
    if (type === null || type === 'Person') {
      const r = this.unique('surname', s, this.surnames.get(key), role ?? null, (k) => `surname of ${k.name}, the only full name with it in ${k.articles} earlier article(s)${role ? ` (role ${role})` : ''}`);
      if (r) return r;
      if (type === 'Person') return null;
    }
    if (this.surnames.has(key) || this.lowerSeen.has(key) || ADJECTIVE_ENDING.test(key)) return null; // a surname and a short form at once, or a common word here
    const ids = this.shortForms.get(key);
    const supported = ids ? new Set([...ids].filter((id) => (this.entities.get(id)?.articles ?? 0) >= SHORT_FORM_MIN_ARTICLES)) : undefined;
    if (ids && supported && supported.size !== ids.size) return null;
    return this.unique('short form', s, supported, null, (k) => `short form of ${k.name}, the only organization starting with it in ${k.articles} earlier article(s)`);
  }

  /** The single entity among ids (after narrowing by role), or null when there are none or several. */
  private unique(kind: AliasKind, alias: string, ids: Set<string> | undefined, role: string | null, reason: (k: Known) => string): AliasResolution | null {
    if (!ids || ids.size === 0) return null;
    let candidates = [...ids].map((id) => this.entities.get(id)).filter((k): k is Known => k !== undefined);
    if (role) {
      // People are told apart by role: "Vice President Bush" is not the President Bush learned before.
      const mention = new Set([role.toLowerCase()]);
      candidates = candidates.filter((k) => rolesAgree(mention, k.roles));
      // One with that very role beats others of whom no role is known ("President Reagan": Ronald, not Nancy).
      const withRole = candidates.filter((k) => k.roles.size > 0);
      if (withRole.length === 1) candidates = withRole;
    }
    if (candidates.length !== 1) return null;
    const k = candidates[0] as Known;
    // A namesake in another story ("Brown scored" is not Gordon Brown): the article must name at
    // least one entity that was named with the full form before.
    const ctx = this.currentContext;
    if (ctx) {
      let shared = false;
      for (const id of ctx) if (this.inContext(k, id)) shared = true;
      if (!shared) return null;
    }
    const why = reason(k);
    this.pendingResolutions.push({ kind, alias, entityId: k.id, reason: why });
    return { id: k.id, type: k.type, name: k.name, attributes: { ...k.attributes }, reason: why };
  }

  /**
   * The whole index as structured-cloneable data (Maps and Sets, no functions): what a worker
   * thread's replica starts from (`CorpusIndex.fromState`), exactly, unlike the JSON snapshot.
   */
  state(): CorpusIndexState {
    return {
      entities: this.entities,
      entityIds: this.entityIds,
      surnames: this.surnames,
      acronyms: this.acronyms,
      shortForms: this.shortForms,
      singlePersons: this.singlePersons,
      merged: this.merged,
      types: this.types,
      lowerSeen: this.lowerSeen,
      resolvedAliases: this.resolvedAliases,
    };
  }

  /** A replica of the index whose `state()` (cloned, e.g. by postMessage) this is. */
  static fromState(state: CorpusIndexState, options: ConstructorParameters<typeof CorpusIndex>[0] = {}): CorpusIndex {
    const index = new CorpusIndex(options);
    const copy = <K, V>(from: ReadonlyMap<K, V>, to: Map<K, V>) => {
      for (const [k, v] of from) to.set(k, v);
    };
    copy(state.entities, index.entities);
    for (const id of state.entityIds) index.entityNumber(id);
    copy(state.surnames, index.surnames);
    copy(state.acronyms, index.acronyms);
    copy(state.shortForms, index.shortForms);
    copy(state.singlePersons, index.singlePersons);
    copy(state.merged, index.merged);
    copy(state.types, index.types);
    copy(state.resolvedAliases, index.resolvedAliases);
    for (const w of state.lowerSeen) index.lowerSeen.add(w);
    return index;
  }

  /** An entity's context as [id, articles] pairs, in the order first seen. */
  private contextEntries(k: Known): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    for (let i = 0; i < k.context.size; i++) out.push([this.entityIds[k.context.numbers[i]!]!, k.context.counts[i]!]);
    return out;
  }

  snapshot(): CorpusIndexSnapshot {
    return {
      version: 1,
      entities: [...this.entities.values()].map((k) => ({ id: k.id, type: k.type, name: k.name, attributes: k.attributes, articles: k.articles, roles: [...k.roles], context: this.contextEntries(k) })),
      merges: this.merges(),
      types: [...this.types].flatMap(([name, t]) => [...t].map(([type, n]) => [name, type, n] as [string, EntityType, number])),
    };
  }

  /** Rebuild an index from a snapshot (e.g. kept by a store between runs). */
  static restore(snapshot: CorpusIndexSnapshot, options: ConstructorParameters<typeof CorpusIndex>[0] = {}): CorpusIndex {
    if (snapshot?.version !== 1 || !Array.isArray(snapshot.entities)) throw new Error('corpus index snapshot: unsupported version or shape');
    const index = new CorpusIndex(options);
    for (const e of snapshot.entities) {
      const entity = { id: e.id, type: e.type, name: e.name, aliases: [], attributes: e.attributes, mentions: [] };
      for (let i = 0; i < Math.max(1, e.articles); i++) index.learnNames({ entities: [{ entity, sources: new Set(['gazetteer', 'title-name']), roles: e.roles }] });
      const known = index.entities.get(e.id);
      if (known) for (const [id, n] of e.context ?? []) setCoMention(known.context, index.entityNumber(id), n);
    }
    for (const m of snapshot.merges ?? []) index.merged.set(m.from, { into: m.into, reason: m.reason });
    for (const [name, type, n] of snapshot.types) {
      let t = index.types.get(name);
      if (!t) index.types.set(name, (t = new Map()));
      t.set(type, n);
    }
    return index;
  }
}

// "Former" is the same person later; "Vice", "Deputy"... are another post, so another person.
const ROLE_MODIFIERS = /\b(?:vice|deputy|assistant|under|acting|shadow|junior|associate|co)\b/;

/** Roles agree when either side has none, or one is the other with a complement ("Chancellor" / "Chancellor of the Exchequer"), never with "Vice", "Deputy", "Former"... */
export function rolesAgree(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  const norm = (r: string) => r.toLowerCase().replace(/[.,]/g, '').replace(/^(?:us|uk|u s|british|american|the)\s+/, '').replace(/\s+/g, ' ').trim();
  for (const x of a) {
    for (const y of b) {
      const p = norm(x);
      const q = norm(y);
      if (p === q) return true;
      const [short, long] = p.length <= q.length ? [p, q] : [q, p];
      if (!short) continue;
      const extra = long.startsWith(short) ? long.slice(short.length) : long.endsWith(short) ? long.slice(0, long.length - short.length) : null;
      if (extra !== null && !ROLE_MODIFIERS.test(extra)) return true;
    }
  }
  return false;
}

/** Resolutions are counted per alias table and key ("surname:smith", "acronym:NAO"). */
function aliasKey(kind: AliasKind, alias: string): string {
  return `${kind}:${kind === 'acronym' ? alias : alias.toLowerCase()}`;
}

function add(map: Map<string, Set<string>>, key: string, id: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}
