import type { TokenSentence } from '../../text/sentence-splitter.ts';
import type { Candidate, RecognizerContext } from './candidate.ts';
import { headline } from './passes/1-headline.ts';
import { capitalisedRuns } from './passes/2-capitalised-runs.ts';
import { goods } from './passes/3-goods.ts';
import type { RunSegmenter, SentencePass } from './run.ts';
import { SentenceScan } from './scan.ts';
import { titleName } from './segmenters/01-title-name.ts';
import { leadingWords } from './segmenters/02-leading-words.ts';
import { midTitle } from './segmenters/03-mid-title.ts';
import { placeRound } from './segmenters/04-place-round.ts';
import { sourceLine } from './segmenters/045-source-line.ts';
import { ordinalUnit } from './segmenters/046-ordinal-unit.ts';
import { knownRun } from './segmenters/05-known-run.ts';
import { eventAfterPlace } from './segmenters/06-event-after-place.ts';
import { orgSuffix } from './segmenters/07-org-suffix.ts';
import { orgOf } from './segmenters/08-org-of.ts';
import { orgPrefix } from './segmenters/085-org-prefix.ts';
import { placeSuffix } from './segmenters/09-place-suffix.ts';
import { lexiconWhole } from './segmenters/10-lexicon-whole.ts';
import { greedy } from './segmenters/11-greedy.ts';

export type { Candidate, RecognizerContext } from './candidate.ts';
export { isAllCaps, isCapitalised, newCandidate } from './candidate.ts';

/**
 * How a run of capitalised tokens is read: the first segmenter that takes the run wins, so the
 * order is the order of precedence (a title before a name beats a known name; a known name beats
 * a construction; the greedy segmenter always takes what is left).
 */
export const RUN_SEGMENTERS: readonly RunSegmenter[] = [
  titleName,
  leadingWords,
  midTitle,
  placeRound,
  sourceLine,
  ordinalUnit,
  knownRun,
  eventAfterPlace,
  orgSuffix,
  orgOf,
  orgPrefix,
  placeSuffix,
  lexiconWhole,
  greedy,
];

/**
 * The per-sentence passes, in the order they run. Headlines are read for known names only; other
 * sentences by their capitalised runs; goods last, over the tokens no name took.
 */
export const SENTENCE_PASSES: readonly SentencePass[] = [headline, capitalisedRuns(RUN_SEGMENTERS), goods];

/** Candidates by first token, the longer reading first. */
function byCandidateOrder(a: Candidate, b: Candidate): number {
  return a.first - b.first || b.last - a.last;
}

function inCandidateOrder(list: readonly Candidate[]): boolean {
  for (let i = 1; i < list.length; i++) if (byCandidateOrder(list[i - 1] as Candidate, list[i] as Candidate) > 0) return false;
  return true;
}

/** Recognises entity candidates in one sentence. Linear in the sentence length (bounded lookups). */
export class SentenceRecognizer {
  private readonly scan: SentenceScan;

  constructor(ctx: RecognizerContext) {
    this.scan = new SentenceScan(ctx);
  }

  recognize(sentence: TokenSentence, sentenceIndex: number): Candidate[] {
    const s = this.scan;
    s.start(sentence, sentenceIndex);
    for (let i = 0; i < SENTENCE_PASSES.length; i++) (SENTENCE_PASSES[i] as SentencePass).run(s);
    // Usually already in order: the check saves the sort's work array (sort is stable, so an
    // ordered list would come out unchanged anyway).
    if (!inCandidateOrder(s.out)) s.out.sort(byCandidateOrder);
    // Words read twice ("Democratic People's Republic of Korea" as one country and its tail
    // "Republic of Korea" as another): the longer reading holds, the nested one is dropped.
    const kept: Candidate[] = [];
    for (let ci = 0; ci < s.out.length; ci++) {
      const c = s.out[ci] as Candidate;
      const outer = kept[kept.length - 1];
      if (outer && c.first >= outer.first && c.last <= outer.last && c.first < outer.last) continue;
      kept.push(c);
    }
    return kept;
  }
}
