import { InputError } from '@newsgraph/shared';
import type { ExtractedEntity } from '@newsgraph/shared';
import type { EntityAnalysis, EntityMention, ExtractOptions, Sentence } from './interfaces/analysis.ts';
import type { LearnedArticle } from './interfaces/corpus.ts';
import { canonicalize } from './entities/canonicalizer.ts';
import { SentenceRecognizer } from './entities/recognizer.ts';
import type { Candidate } from './entities/recognizer.ts';
import { defaultGazetteer, tokenKey } from './lexicon/gazetteer.ts';
import type { TypeLexicon } from './lexicon/type-lexicon.ts';
import { wordClasses } from './lexicon/word-classes.ts';
import { trailingChromeStart } from './text/chrome.ts';
import { splitSentences } from './text/sentence-splitter.ts';
import { tokenize } from './text/tokenizer.ts';
import type { Token } from './text/tokenizer.ts';
import { isSportsDocument, markSportsTeams } from './entities/passes/sports-teams.ts';

export interface EntityAnalysisOptions extends ExtractOptions {
  /** A type lexicon learned from labelled data (e.g. `loadConllLexicon`), consulted before the rules. */
  typeLexicon?: TypeLexicon;
  /** Keep trailing page chrome ("Follow us ...", headline lists) instead of ignoring it. Default false. */
  keepTrailingChrome?: boolean;
}

/**
 * Entity recognition and canonicalisation for one text: Person, Organization, Country, Place and
 * Goods with attributes and every mention (UTF-16 offsets, end exclusive). Linear in the text length.
 */
export function analyzeEntities(text: string, options: EntityAnalysisOptions = {}): EntityAnalysis {
  if (typeof text !== 'string') throw new InputError('analyzeEntities text', `must be a string, got ${text === null ? 'null' : typeof text}`);
  const limit = options.keepTrailingChrome ? text.length : trailingChromeStart(text);
  const body = limit < text.length ? text.slice(0, limit) : text;
  const tokens = tokenize(body);
  const tokenSentences = splitSentences(tokens);
  const sentences: Sentence[] = tokenSentences.map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) }));
  const lowerInDocument = new Set<string>();
  for (const t of tokens) if (t.kind === 'word' && t.text.charCodeAt(0) >= 97 && t.text.charCodeAt(0) <= 122) lowerInDocument.add(t.text);
  const recognizer = new SentenceRecognizer({
    text: body,
    tokens,
    gazetteer: defaultGazetteer(),
    lexicon: options.typeLexicon,
    words: wordClasses(),
    lowerInDocument,
    keys: tokens.map((t) => tokenKey(t.text)),
  });
  const candidates: Candidate[] = [];
  tokenSentences.forEach((s, i) => {
    for (const c of recognizer.recognize(s, i)) candidates.push(c);
  });
  if (isSportsDocument(lowerInDocument)) markSportsTeams(body, tokens, candidates, (c) => body.slice((tokens[c.first] as Token).start, (tokens[c.last - 1] as Token).end));
  const { entities, mentions } = canonicalize({ text: body, tokens, sentences, candidates, gazetteer: defaultGazetteer(), outlet: options.outlet ?? null, ...(options.corpus ? { corpus: options.corpus } : {}) });
  if (options.corpus) options.corpus.learn({ ...learnedArticle(entities, mentions), lowerWords: lowerInDocument });
  return { text, sentences, entities, mentions };
}

/** Each entity of an article with the rules that found its mentions and the roles written next to them. */
function learnedArticle(entities: readonly ExtractedEntity[], mentions: readonly EntityMention[]): LearnedArticle {
  const byId = new Map<string, { sources: Set<string>; roles: string[] }>();
  for (const m of mentions) {
    let e = byId.get(m.entityId);
    if (!e) byId.set(m.entityId, (e = { sources: new Set(), roles: [] }));
    e.sources.add(m.source);
    if (m.role) e.roles.push(m.role);
  }
  return { entities: entities.map((entity) => ({ entity, sources: byId.get(entity.id)?.sources ?? new Set(), roles: byId.get(entity.id)?.roles ?? [] })) };
}
