import type { Gazetteer, GazetteerEntry } from '../../lexicon/gazetteer.ts';
import { GOODS_CONTEXT_WORDS } from '../../lexicon/goods.ts';
import type { LabelCounts } from '../../lexicon/type-lexicon.ts';
import { MONTHS_AND_DAYS } from '../../lexicon/word-classes.ts';
import type { TokenSentence } from '../../text/sentence-splitter.ts';
import type { Token } from '../../text/tokenizer.ts';
import { isCapitalised, newCandidate, stripDot } from './candidate.ts';
import type { Candidate, RecognizerContext } from './candidate.ts';

const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '-', '–', '—', ':']);
const CONTRACTION = /^i['’](?:ve|d|m|ll)$/;
/** Spans of this many tokens or more are not kept by gazetteerAt (no gazetteer name is that long). */
const SPAN_LIMIT = 64;

/**
 * One sentence being recognised: the document context, the sentence's bounds, the candidates found
 * so far (`out`, in the order the passes push them), and the token lookups every pass shares.
 */
export class SentenceScan {
  readonly ctx: RecognizerContext;
  readonly out: Candidate[] = [];
  sentenceIndex = 0;
  sentence: TokenSentence = { start: 0, end: 0, firstToken: 0, lastToken: 0 };
  /** A headline-like sentence: no word with a lower-case letter, at least one all-caps word. */
  capsMode = false;
  private goodsContextSentence = -1;
  private goodsContext = false;
  /**
   * gazetteerAt answers of this document: one-token spans (four questions in five) by their token,
   * an array read; longer ones by `a * SPAN_LIMIT + (b - a)`. Undefined: not asked yet.
   */
  private readonly oneTokenEntries: (readonly GazetteerEntry[] | null | undefined)[];
  private readonly spanEntries = new Map<number, readonly GazetteerEntry[] | null>();

  constructor(ctx: RecognizerContext) {
    this.ctx = ctx;
    this.oneTokenEntries = new Array(ctx.tokens.length);
  }

  get gazetteer(): Gazetteer {
    return this.ctx.gazetteer;
  }

  start(sentence: TokenSentence, sentenceIndex: number): void {
    this.out.length = 0;
    this.sentence = sentence;
    this.sentenceIndex = sentenceIndex;
    this.capsMode = this.isCapsSentence();
  }

  tok(i: number): Token {
    return this.ctx.tokens[i] as Token;
  }

  lower(i: number): string {
    return this.ctx.keys[i] as string;
  }

  private isCapsSentence(): boolean {
    let caps = 0;
    for (let i = this.sentence.firstToken; i < this.sentence.lastToken; i++) {
      const t = this.tok(i);
      if (t.kind !== 'word') continue;
      if (t.text !== t.text.toUpperCase()) return false;
      if (t.text.length >= 2) caps++;
    }
    return caps >= 1;
  }

  isNameToken(i: number): boolean {
    const t = this.tok(i);
    if (!isCapitalised(t)) return false;
    // The token's key is its lower case with ’ folded to ', which neither test below tells apart.
    const lower = this.lower(i);
    // "I've", "I'd", "I'm": the pronoun, never a name.
    if (lower.charCodeAt(0) === 105 && CONTRACTION.test(lower)) return false;
    if (MONTHS_AND_DAYS.has(stripDot(lower)) && !this.ctx.gazetteer.lookup(lower)) return false;
    return true;
  }

  keyOf(a: number, b: number): string {
    let key = this.ctx.keys[a] as string;
    for (let i = a + 1; i < b; i++) key += ' ' + (this.ctx.keys[i] as string);
    return key;
  }

  /** Could a known name continue after this key? */
  hasPrefix(key: string): boolean {
    return this.ctx.gazetteer.namePrefixes.has(key) || (this.ctx.lexicon?.prefixes.has(key) ?? false);
  }

  spanText(a: number, b: number): string {
    return this.ctx.text.slice(this.tok(a).start, this.tok(b - 1).end);
  }

  /**
   * Gazetteer entries for tokens [a,b), honouring exact-case acronyms. The segmenters and passes
   * ask about the same spans several times (about two calls in three repeat one), and the answer
   * depends only on the document's tokens, so it is kept per span for the document, instead of
   * building, hashing and comparing the phrase key again. `key`, when given, is `keyOf(a, b)`
   * (every caller builds it that way while extending a span).
   */
  gazetteerAt(a: number, b: number, key?: string): readonly GazetteerEntry[] | null {
    const length = b - a;
    if (length === 1 && a >= 0 && a < this.oneTokenEntries.length) {
      const known = this.oneTokenEntries[a];
      if (known !== undefined) return known;
      return (this.oneTokenEntries[a] = this.gazetteerAtUncached(a, b, key));
    }
    if (length >= SPAN_LIMIT) return this.gazetteerAtUncached(a, b, key);
    const span = a * SPAN_LIMIT + length;
    const known = this.spanEntries.get(span);
    if (known !== undefined) return known;
    const found = this.gazetteerAtUncached(a, b, key);
    this.spanEntries.set(span, found);
    return found;
  }

  private gazetteerAtUncached(a: number, b: number, key?: string): readonly GazetteerEntry[] | null {
    const list = this.ctx.gazetteer.lookup(key ?? this.keyOf(a, b));
    if (!list) return null;
    // The entry list itself when no entry is case-restricted (most keys), so a lookup allocates nothing.
    let ok: readonly GazetteerEntry[] = list;
    for (let i = 0; i < list.length; i++) {
      const e = list[i] as GazetteerEntry;
      if (!e.exactCase) continue;
      const surface = b - a === 1 ? this.tok(a).text : null;
      ok = list.filter((x) => !x.exactCase || (surface !== null && surface === x.exactCase) || (b - a > 1 && this.spanText(a, b) === x.exactCase));
      break;
    }
    if (ok.length === 0) return null;
    // Names must be written capitalised unless the alias itself starts lower case ("mainland China").
    const first = this.tok(a);
    if (!isCapitalised(first) && !ok.some((e) => e.name.charAt(0) === e.name.charAt(0).toLowerCase())) return null;
    return ok;
  }

  lexiconAt(a: number, b: number, key?: string): LabelCounts | null {
    const lex = this.ctx.lexicon;
    if (!lex) return null;
    const k = key ?? this.keyOf(a, b);
    const counts = lex.phrases.get(k);
    if (!counts) return null;
    if (b - a === 1) {
      // A word that is usually not a name when capitalised ("The") is not known as a name.
      const stats = lex.tokens.get(k);
      const named = counts[0] + counts[1] + counts[2] + counts[3];
      if (stats && stats.capitalOther + stats.initialOther > named) return null;
    }
    return counts;
  }

  isKnown(a: number, b: number, key?: string): boolean {
    // Without a type lexicon the phrase key is built only when the span's gazetteer answer is not
    // kept yet (gazetteerAt builds it then), not on every question.
    if (!this.ctx.lexicon) return this.gazetteerAt(a, b, key) !== null;
    const k = key ?? this.keyOf(a, b);
    return this.gazetteerAt(a, b, k) !== null || this.lexiconAt(a, b, k) !== null;
  }

  /** Known in an all-caps line: smaller GeoNames towns ("RUGBY", "UNION") are left out there. */
  isKnownInCaps(a: number, b: number, key: string): boolean {
    const g = this.gazetteerAt(a, b, key);
    if (g && g.some((e) => !e.minor)) return true;
    return this.lexiconAt(a, b, key) !== null;
  }

  isSentenceInitial(i: number): boolean {
    if (i === this.sentence.firstToken) return true;
    const prev = this.tok(i - 1);
    if (OPENERS.has(prev.text)) return i - 1 === this.sentence.firstToken || OPENERS.has(this.tok(i - 2).text) || this.tok(i - 2).kind === 'punct';
    return false;
  }

  isCommonWord(i: number): boolean {
    const lower = this.lower(i);
    const lex = this.ctx.lexicon;
    if (lex) {
      const s = lex.tokens.get(lower);
      if (s) {
        const named = s.labels[0] + s.labels[1] + s.labels[2] + s.labels[3];
        if (s.lower + s.initialOther + s.capitalOther > named * 2 + 1) return true;
        if (named > 0) return false;
      }
    }
    if (this.ctx.words.firstNames.has(lower) || this.ctx.words.lastNames.has(lower)) return false;
    return this.ctx.words.common.has(lower) || this.ctx.lowerInDocument.has(lower);
  }

  /** Does the sentence speak of trade, shipping or the military (computed once per sentence)? */
  hasGoodsContext(f: number, l: number): boolean {
    if (this.goodsContextSentence !== f) {
      this.goodsContextSentence = f;
      this.goodsContext = false;
      for (let i = f; i < l; i++) {
        if (GOODS_CONTEXT_WORDS.has(this.lower(i))) {
          this.goodsContext = true;
          break;
        }
      }
    }
    return this.goodsContext;
  }

  sentenceHas(words: ReadonlySet<string>, f: number, l: number): boolean {
    for (let i = f; i < l; i++) if (words.has(this.lower(i))) return true;
    return false;
  }

  /**
   * Is token k inside a candidate found so far in this sentence? (A loop, not `out.some` with a
   * closure: a closure capturing the caller's loop variable makes V8 allocate a context for it.)
   */
  isTaken(k: number): boolean {
    for (let i = 0; i < this.out.length; i++) {
      const c = this.out[i] as Candidate;
      if (k >= c.first && k < c.last) return true;
    }
    return false;
  }

  /** Adds a candidate of this sentence (a copy in the one candidate shape: later changes go to `out`). */
  push(c: Omit<Candidate, 'sentenceIndex'>): void {
    this.out.push(newCandidate(c, this.sentenceIndex));
  }
}
