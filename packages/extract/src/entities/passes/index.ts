import type { ExtractedEntity } from '@newsgraph/shared';
import type { EntityMention, ExtractOptions, Sentence } from '../../interfaces/analysis.ts';
import type { EntityCorpus, LearnedArticle } from '../../interfaces/corpus.ts';
import type { Gazetteer } from '../../lexicon/gazetteer.ts';
import { wordClasses } from '../../lexicon/word-classes.ts';
import type { Token } from '../../text/tokenizer.ts';
import { canonicalize } from '../canonicalizer.ts';
import type { Candidate } from '../recognizer/index.ts';
import { isSportsDocument, markSportsTeams } from './sports-teams.ts';
import { markAppositivePersons } from './appositive-persons.ts';
import { markTitleOwners } from './title-owners.ts';
import { markUsTowns } from './us-towns.ts';

/** What the document passes share: the text, its tokens and sentences, the candidates, and the result. */
export interface DocumentState {
  body: string;
  tokens: readonly Token[];
  sentences: readonly Sentence[];
  candidates: Candidate[];
  gazetteer: Gazetteer;
  lowerInDocument: ReadonlySet<string>;
  /** Start offsets of the sentences, built once for the passes that ask whether a token opens one. */
  sentenceStarts: ReadonlySet<number>;
  options: ExtractOptions;
  entities: ExtractedEntity[];
  mentions: EntityMention[];
}

export interface DocumentPass {
  name: string;
  run(state: DocumentState): void;
}

/**
 * The whole-document passes, in the order they run after the per-sentence recognizer. To add one:
 * write `passes/<name>.ts` exporting a small pure function over candidates or entities, and list
 * it here (see docs/adding-an-entity-type.md).
 */
export const DOCUMENT_PASSES: readonly DocumentPass[] = [
  {
    name: 'sports-teams',
    run(s) {
      if (!isSportsDocument(s.lowerInDocument, s.tokens)) return;
      markSportsTeams(s.body, s.tokens, s.candidates, (c) => s.body.slice((s.tokens[c.first] as Token).start, (s.tokens[c.last - 1] as Token).end), wordClasses());
    },
  },
  {
    name: 'appositive-persons',
    run(s) {
      markAppositivePersons(s.tokens, s.candidates, s.lowerInDocument, s.sentenceStarts);
    },
  },
  {
    name: 'title-owners',
    run(s) {
      markTitleOwners(s.tokens, s.candidates, s.lowerInDocument, s.sentenceStarts);
    },
  },
  {
    name: 'us-towns',
    run(s) {
      markUsTowns(s.tokens, s.candidates, s.sentences);
    },
  },
  {
    // Ids, aliases, acronyms, surnames, corpus resolution; its last step is the country-scope pass.
    name: 'canonicalize',
    run(s) {
      const corpus = s.options.corpus;
      const out = canonicalize({ text: s.body, tokens: s.tokens, sentences: s.sentences, candidates: s.candidates, gazetteer: s.gazetteer, outlet: s.options.outlet ?? null, ...(corpus ? { corpus } : {}) });
      s.entities = out.entities;
      s.mentions = out.mentions;
    },
  },
  {
    name: 'learn',
    run(s) {
      const corpus: EntityCorpus | undefined = s.options.corpus;
      if (corpus) corpus.learn({ ...learnedArticle(s.entities, s.mentions), lowerWords: s.lowerInDocument });
    },
  },
];

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
