import type { EntityType } from '@newsgraph/shared';
import { GOODS_LIKE_HEADS } from '../lexicon/company-words.ts';
import type { Gazetteer, GazetteerEntry } from '../lexicon/gazetteer.ts';
import {
  COMMON_ACRONYMS,
  COMPASS_WORDS,
  GOVERNMENT_ROLE_HEADS,
  HONORIFICS,
  MISC_LAST_WORDS,
  ORG_OF_HEADS,
  ORG_SUFFIXES,
  PLACE_OF_HEADS,
  PLACE_SUFFIXES,
  ROLE_HEADS,
  TITLE_WORDS,
} from '../lexicon/titles.ts';
import { contextWord, suffixKey } from '../lexicon/type-lexicon.ts';
import type { LabelCounts, TypeLexicon } from '../lexicon/type-lexicon.ts';
import { ACTOR_VERBS, FUNCTION_WORDS, MONTHS_AND_DAYS } from '../lexicon/word-classes.ts';
import { GOODS_CONTEXT_WORDS, STRICT_GOODS_CONTEXT_WORDS } from '../lexicon/goods.ts';
import type { WordClasses } from '../lexicon/word-classes.ts';
import type { TokenSentence } from '../text/sentence-splitter.ts';
import type { Token } from '../text/tokenizer.ts';

/** A recognised span before document-level canonicalisation. */
export interface Candidate {
  /** Token range [first, last). */
  first: number;
  last: number;
  sentenceIndex: number;
  /** null: a capitalised span of unknown type, kept for document-level resolution (surname, acronym). */
  type: EntityType | null;
  entry?: GazetteerEntry;
  source: string;
  /** Low confidence: dropped unless the document confirms it. */
  weak?: boolean;
  adjectival?: boolean;
  role?: string;
  /** The organization or country the person works for, when written next to the role. */
  affiliation?: Candidate;
  /** For a capital city used as its government ("Washington said"). */
  metonymic?: boolean;
  /** A place name opening an article or line as its dateline ("WASHINGTON:"). */
  dateline?: boolean;
}

export interface RecognizerContext {
  text: string;
  tokens: readonly Token[];
  gazetteer: Gazetteer;
  lexicon: TypeLexicon | undefined;
  words: WordClasses;
  /** Words that occur in lower case somewhere in the document. */
  lowerInDocument: ReadonlySet<string>;
  /** Lookup key of each token (lower case, apostrophes folded), parallel to `tokens`. */
  keys: readonly string[];
}

const NAME_PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'du', 'van', 'von', 'der', 'den', 'ter', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'y']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '-', '–', '—', ':']);
const SPEECH_AFTER = new Set(['said', 'says', 'told', 'added', 'explained', 'wrote', 'argued', 'insisted', 'who', 'noted', 'asked', 'replied']);
const SPEECH_BEFORE = new Set(['said', 'says', 'by', 'told', 'added', 'asked', 'photo', 'credit', 'reporting']);
/** Forms of address that are no role ("Mr", "Dr", "Sir"). */
const PURE_HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'rev', 'fr', 'madam', 'mme', 'm']);
const ARTICLES = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'our', 'his', 'her']);
/** Words before a capitalised span that point to a thing or place rather than a person. */
const NOT_BEFORE_NAME = new Set([...ARTICLES, 'in', 'at', 'of', 'into', 'on', 'from', 'all', 'per', 'each', 'via', 'near']);
/** Words before a capital that make it the city ("in Washington", "visited Washington"). */
const CITY_BEFORE = new Set(['in', 'at', 'to', 'from', 'into', 'near', 'around', 'outside', 'across', 'visited', 'visit', 'visiting', 'visits', 'reached', 'left', 'arrived', 'via', 'through']);
/** Measures whose target, when a capital, is its government ("sanctions on Moscow"). */
const MEASURE_NOUNS = new Set(['sanctions', 'restrictions', 'tariffs', 'pressure', 'curbs', 'penalties', 'embargo', 'embargoes', 'controls', 'measures']);
/** Verbs whose object, when a capital, is its government ("urged Beijing to stop"). */
const GOVERNMENT_OBJECT_VERBS = new Set(['urged', 'urges', 'urging', 'warned', 'warns', 'warning', 'accused', 'accuses', 'pressed', 'presses', 'pressing', 'sanctioned', 'condemned', 'criticised', 'criticized', 'blamed', 'lobbied', 'rebuked']);
/** Auxiliaries and adverbs between a capital and its verb ("Washington has also sanctioned"). */
const METONYMY_SKIP = new Set(['has', 'have', 'had', 'also', 'again', 'now', 'then', 'already', 'long', 'recently', 'repeatedly', 'since', 'itself', 'too', 'is', 'was', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'not', 'never', 'first', 'last', 'soon', 'still', 'yet', 'once', 'separately', 'previously']);
/** Words after a name that make it a company ("Petofi shares"); and before "in"/"of" ("stake in X"). */
const COMPANY_AFTER = new Set(['agency', 'shares', 'shareholders', 'stock', 'subsidiary', 'subsidiaries', 'earnings', 'profits', 'revenues', 'plc', 'ag', 'sa', 'spa', 'nv']);
const COMPANY_BEFORE = new Set(['stake', 'shares', 'subsidiary', 'unit', 'units', 'shareholders', 'takeover', 'acquisition', 'chairman', 'shareholder']);
const BODY_OWNERS = new Set(['his', 'her', 'their', 'my', 'your', 'its', 'our', 'whose', 'open', 'folded', 'outstretched']);
const MEDAL_WORDS = new Set(['olympic', 'medal', 'medals', 'medallist', 'medalist', 'winning', 'won', 'win', 'wins', 'clinched', 'took', 'silver', 'bronze', 'championship', 'championships', 'record', 'disc', 'discs', 'album', 'standard']);
/** Outcomes of typing an unseen span, in the order the type lexicon's count arrays use. */
type Outcome = 'PER' | 'ORG' | 'LOC' | 'MISC' | 'O';
const OUTCOMES: readonly Outcome[] = ['PER', 'ORG', 'LOC', 'MISC', 'O'];
const ENTITY_TYPE_OF: Record<'PER' | 'ORG' | 'LOC', EntityType> = { PER: 'Person', ORG: 'Organization', LOC: 'Place' };

/** Awards, holidays and festivals: capitalised, never a PER/ORG/LOC name on their own. */
const NOT_NAMES = new Set(['oscar', 'oscars', 'grammy', 'grammys', 'grammies', 'emmy', 'emmys', 'bafta', 'baftas', 'brits', 'christmas', 'easter', 'xmas', 'ramadan', 'diwali', 'hanukkah', 'thanksgiving', 'halloween', 'eid', 'passover', 'lent']);
const LEGAL_FORM_WORDS = new Set(['co', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'plc', 'llc', 'ag', 'sa', 'nv', 'bv', 'gmbh', 'company', 'cos', 'group', 'holdings']);
const CONTRACTION = /^i['’](?:ve|d|m|ll)$/;
/** Bodies after which "for" opens a constituency or brief, not more of the name ("Member of Parliament for Leeds"). */
const NO_FOR_HEADS = new Set(['parliament', 'assembly', 'congress', 'senate']);
const ORG_IN_HEADS = new Set(['consulate', 'embassy', 'consulate-general', 'mission']);

function isUpperLetter(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function stripDot(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

export function isCapitalised(t: Token): boolean {
  return t.kind === 'word' && isUpperLetter(t.text.charAt(0));
}

export function isAllCaps(t: Token): boolean {
  if (t.kind !== 'word') return false;
  let letters = 0;
  for (const ch of t.text) {
    if (ch === '.' || ch === '&' || ch === "'") continue;
    if (ch !== ch.toUpperCase()) return false;
    if (ch !== ch.toLowerCase()) letters++;
  }
  return letters >= 2;
}

/** Recognises entity candidates in one sentence. Linear in the sentence length (bounded lookups). */
export class SentenceRecognizer {
  private readonly ctx: RecognizerContext;
  private readonly out: Candidate[] = [];
  private sentenceIndex = 0;
  private sentence: TokenSentence = { start: 0, end: 0, firstToken: 0, lastToken: 0 };
  private capsMode = false;

  constructor(ctx: RecognizerContext) {
    this.ctx = ctx;
  }

  recognize(sentence: TokenSentence, sentenceIndex: number): Candidate[] {
    this.out.length = 0;
    this.sentence = sentence;
    this.sentenceIndex = sentenceIndex;
    this.capsMode = this.isCapsSentence();
    const { firstToken: f, lastToken: l } = sentence;
    if (this.capsMode) this.scanKnownOnly(f, l);
    else {
      let k = f;
      while (k < l) {
        if (!this.isNameToken(k)) {
          k++;
          continue;
        }
        const state = this.usStateAbbreviation(k, l);
        if (state > k) {
          k = state;
          continue;
        }
        const end = this.runEnd(k, l);
        this.segmentRun(k, end);
        k = end;
      }
    }
    this.matchGoods(f, l);
    this.out.sort((a, b) => a.first - b.first);
    return this.out.slice();
  }

  /**
   * "Albany, N.Y.", "San Jose, Calif.", "Sen. Jane Doe, D-Calif.": a US state abbreviation where
   * news style puts one (after "City," or a party letter). Returns the end token, or -1.
   */
  private usStateAbbreviation(k: number, l: number): number {
    const f = this.sentence.firstToken;
    // "D-Calif.": the party letter opens the capitalised run.
    if (/^[RDI]$/.test(this.tok(k).text) && k + 2 < l && this.tok(k + 1).text === '-' && !this.tok(k + 1).spaceBefore && !this.tok(k + 2).spaceBefore) {
      return this.usStateAbbreviation(k + 2, l);
    }
    let text = this.tok(k).text;
    let end = k + 1;
    if (text === 'W.' && end < l && this.tok(end).text === 'Va' && !this.tok(end).spaceBefore) {
      text = 'W.Va';
      end++;
    }
    const entry = this.ctx.gazetteer.usStateAbbreviations.get(text.replace(/\./g, ''));
    if (!entry) return -1;
    const dot = this.ctx.tokens[end];
    if (!text.endsWith('.') && !(dot && dot.text === '.' && !dot.spaceBefore)) return -1;
    const prev = k - 1 >= f ? this.tok(k - 1).text : '';
    const cityBefore = prev === ',' && k - 2 >= f && isCapitalised(this.tok(k - 2));
    const party = prev === '-' && k - 2 >= f && /^[RDI]$/.test(this.tok(k - 2).text);
    if (!cityBefore && !party) return -1;
    this.push({ first: k, last: end, type: 'Place', entry, source: 'us-state' });
    return end;
  }

  // ---- helpers over tokens -------------------------------------------------------------------

  private tok(i: number): Token {
    return this.ctx.tokens[i] as Token;
  }

  private lower(i: number): string {
    return this.ctx.keys[i] as string;
  }

  /** A headline-like sentence: no word with a lower-case letter, at least one all-caps word. */
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

  private isNameToken(i: number): boolean {
    const t = this.tok(i);
    if (!isCapitalised(t)) return false;
    const lower = t.text.toLowerCase();
    // "I've", "I'd", "I'm": the pronoun, never a name.
    if (CONTRACTION.test(lower)) return false;
    if (MONTHS_AND_DAYS.has(stripDot(lower)) && !this.ctx.gazetteer.lookup(lower)) return false;
    return true;
  }

  private keyOf(a: number, b: number): string {
    let key = this.ctx.keys[a] as string;
    for (let i = a + 1; i < b; i++) key += ' ' + (this.ctx.keys[i] as string);
    return key;
  }

  /** Could a known name continue after this key? */
  private hasPrefix(key: string): boolean {
    return this.ctx.gazetteer.namePrefixes.has(key) || (this.ctx.lexicon?.prefixes.has(key) ?? false);
  }

  private spanText(a: number, b: number): string {
    return this.ctx.text.slice(this.tok(a).start, this.tok(b - 1).end);
  }

  /** Gazetteer entries for tokens [a,b), honouring exact-case acronyms. */
  private gazetteerAt(a: number, b: number, key?: string): GazetteerEntry[] | null {
    const list = this.ctx.gazetteer.lookup(key ?? this.keyOf(a, b));
    if (!list) return null;
    const surface = b - a === 1 ? this.tok(a).text : null;
    const ok = list.filter((e) => !e.exactCase || (surface !== null && surface === e.exactCase) || (b - a > 1 && this.spanText(a, b) === e.exactCase));
    if (ok.length === 0) return null;
    // Names must be written capitalised unless the alias itself starts lower case ("mainland China").
    const first = this.tok(a);
    if (!isCapitalised(first) && !ok.some((e) => e.name.charAt(0) === e.name.charAt(0).toLowerCase())) return null;
    return ok;
  }

  private lexiconAt(a: number, b: number, key?: string): LabelCounts | null {
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

  private isKnown(a: number, b: number, key?: string): boolean {
    const k = key ?? this.keyOf(a, b);
    return this.gazetteerAt(a, b, k) !== null || this.lexiconAt(a, b, k) !== null;
  }

  /** Known in an all-caps line: smaller GeoNames towns ("RUGBY", "UNION") are left out there. */
  private isKnownInCaps(a: number, b: number, key: string): boolean {
    const g = this.gazetteerAt(a, b, key);
    if (g && g.some((e) => !e.minor)) return true;
    return this.lexiconAt(a, b, key) !== null;
  }

  // ---- runs of capitalised tokens ---------------------------------------------------------------

  private runEnd(start: number, limit: number): number {
    let end = start + 1;
    let sawOfAfterOrgHead = false;
    const lex = this.ctx.lexicon;
    while (end < limit) {
      const t = this.tok(end);
      if (t.blankLineBefore) break;
      if (this.isNameToken(end)) {
        end++;
        continue;
      }
      const afterParticles = this.particlesThenName(end, limit);
      if (afterParticles > 0) {
        end = afterParticles;
        continue;
      }
      const next = end + 1 < limit ? end + 1 : -1;
      // "Moody's Investors Service Inc", "McDonald's Corp": a possessive inside a company name that
      // ends in a corporate word, after a word that is no known name ("Britain's Labour Party" is two).
      if (t.kind === 'possessive' && next > 0 && this.isNameToken(next) && !this.gazetteerAt(end - 1, end) && end - start === 1 && this.companyNameAhead(next, limit)) {
        end = next + 1;
        continue;
      }
      // "Trade Co., Ltd.", "Acme, Inc.": a comma before a company suffix stays inside the name.
      if (t.text === ',' && next > 0 && /^(ltd|limited|inc|llc|plc|corp|co|gmbh|ag|sa|nv|bv|llp|lp)\.?$/.test(this.lower(next)) && (ORG_SUFFIXES.has(this.lower(end - 1)) || this.isNameToken(end - 1))) {
        end = next + 1;
        continue;
      }
      // "Central Bank of the UAE", "Ministry of the Interior": "of the" after an organization head.
      if (t.kind === 'word' && t.text === 'of' && next > 0 && next + 1 < limit && this.tok(next).text === 'the' && ORG_OF_HEADS.has(stripDot(this.lower(end - 1))) && this.isNameToken(next + 1) && !this.tok(next + 1).blankLineBefore) {
        sawOfAfterOrgHead = true;
        end = next + 2;
        continue;
      }
      if (next < 0 || !this.isNameToken(next) || this.tok(next).blankLineBefore) break;
      const w = t.text.toLowerCase();
      const prev = stripDot(this.lower(end - 1));
      if (t.kind === 'punct' && (t.text === '-' || t.text === '&') && !t.spaceBefore && !this.tok(next).spaceBefore) {
        end = next + 1;
        continue;
      }
      if (t.text === '&') {
        end = next + 1;
        continue;
      }
      if (w === 'of' || w === 'for') {
        if (w === 'for' && NO_FOR_HEADS.has(prev)) break;
        if (ORG_OF_HEADS.has(prev) || PLACE_OF_HEADS.has(prev) || ROLE_HEADS.has(prev) || lex?.connectorHeads.has(prev)) {
          if (ORG_OF_HEADS.has(prev) || lex?.connectorHeads.has(prev)) sawOfAfterOrgHead = true;
          end = next + 1;
          continue;
        }
        break;
      }
      if (w === 'and') {
        const soFar = `${this.keyOf(start, end)} and`;
        if (sawOfAfterOrgHead || this.ctx.gazetteer.namePrefixes.has(soFar) || lex?.prefixes.has(soFar)) {
          end = next + 1;
          continue;
        }
        // Multi-word country names with "and" (Trinidad and Tobago).
        let joined = false;
        for (let m = next + 1; m <= Math.min(limit, next + 4); m++) {
          if (this.ctx.gazetteer.lookup(this.keyOf(start, m))) {
            end = m;
            joined = true;
            break;
          }
        }
        if (joined) continue;
        break;
      }
      if (w === 'in' && (ORG_IN_HEADS.has(prev) || sawOfAfterOrgHead)) {
        end = next + 1;
        continue;
      }
      if (NAME_PARTICLES.has(w) && t.kind === 'word') {
        end = next + 1;
        continue;
      }
      break;
    }
    return end;
  }

  /** Capitalised words from k on that end, within four, in a legal-form or corporate head word. */
  private companyNameAhead(k: number, limit: number): boolean {
    for (let m = k; m < limit && m < k + 4; m++) {
      if (!this.isNameToken(m)) return false;
      const w = stripDot(this.lower(m));
      if (LEGAL_FORM_WORDS.has(w) || w === 'service' || w === 'services') return true;
    }
    return false;
  }

  /** "van der Westhuizen", "de la Fuente": up to three particles followed by a name word. */
  private particlesThenName(k: number, limit: number): number {
    let m = k;
    while (m < limit && m - k < 3 && this.tok(m).kind === 'word' && NAME_PARTICLES.has(this.lower(m)) && !this.tok(m).blankLineBefore) m++;
    return m > k && m < limit && this.isNameToken(m) && !this.tok(m).blankLineBefore ? m + 1 : -1;
  }

  private isSentenceInitial(i: number): boolean {
    if (i === this.sentence.firstToken) return true;
    const prev = this.tok(i - 1);
    if (OPENERS.has(prev.text)) return i - 1 === this.sentence.firstToken || OPENERS.has(this.tok(i - 2).text) || this.tok(i - 2).kind === 'punct';
    return false;
  }

  private isCommonWord(i: number): boolean {
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

  // ---- segmentation of a run into candidates ---------------------------------------------------

  private segmentRun(start: number, end: number): void {
    let i = start;
    // A title in front of a name: "Deputy Treasury Secretary Wally Adeyemo".
    if (this.splitTitle(i, end)) return;
    // Drop capitalised ordinary words at the start of a sentence ("Speakers from HSBC").
    while (i < end && !this.isKnown(i, end) && !(i + 1 < end && this.tok(i + 1).kind === 'possessive') && ((this.isSentenceInitial(i) && this.isCommonWord(i)) || (this.lower(i) === 'the' && i + 1 < end))) {
      i++;
    }
    if (i >= end) return;
    if (i > start && this.splitTitle(i, end)) return;
    if (this.splitMidTitle(i, end)) return;
    // "the Uruguay round (of talks)": a negotiation named after a place, written in lower case.
    if (end < this.sentence.lastToken && this.lower(end) === 'round' && this.gazetteerAt(i, end)?.some((e) => e.type === 'Country' || e.type === 'Place')) return;
    // Whole run known.
    if (this.emitKnown(i, end, 'gazetteer')) return;
    // "Uruguay Round", "Davis Cup", "Gulf War": an event named after a place is no mention of the place.
    if (end - i === 2 && MISC_LAST_WORDS.has(this.lower(end - 1)) && isCapitalised(this.tok(end - 1)) && this.gazetteerAt(i, i + 1)?.some((e) => e.type === 'Country' || e.type === 'Place')) return;
    // Organisation constructions: "... Authority", "Bank of ...", "Consulate in ...".
    const lastWord = stripDot(this.lower(end - 1));
    const goodsAfterDemonym = end - i === 2 && GOODS_LIKE_HEADS.has(lastWord) && (this.gazetteerAt(i, i + 1)?.some((e) => e.form === 'demonym') ?? false);
    if (end - i >= 2 && (ORG_SUFFIXES.has(lastWord) || ORG_SUFFIXES.has(this.lower(end - 1))) && !PLACE_SUFFIXES.has(lastWord) && !goodsAfterDemonym) {
      // "Co Inc", "Corp PLC": legal forms with no name before them are no organization.
      if (this.onlyLegalForms(i, end)) return;
      this.emitNew(i, end, 'Organization', 'org-suffix');
      return;
    }
    for (let p = i; p + 1 < end; p++) {
      const w = this.lower(p + 1);
      const head = stripDot(this.lower(p));
      const isOrgHead = ORG_OF_HEADS.has(head) && (w === 'of' || w === 'for' || w === 'in');
      const isPlaceHead = PLACE_OF_HEADS.has(head) && w === 'of';
      if (!isOrgHead && !isPlaceHead) continue;
      let from = p;
      if (p > i && this.prefixBelongsToOrg(i, p)) from = i;
      if (from > i) this.segmentGreedy(i, from);
      if (!this.emitKnown(from, end, 'gazetteer')) this.emitNew(from, end, isOrgHead ? 'Organization' : 'Place', isOrgHead ? 'org-of' : 'place-of');
      return;
    }
    if (end - i >= 2 && PLACE_SUFFIXES.has(lastWord) && !this.isKnown(i, end)) {
      this.emitNew(i, end, 'Place', 'place-suffix');
      return;
    }
    // With a learned lexicon an unknown run is one name typed as a whole ("Michael Johnson" is not
    // "Michael" + "Johnson"); with public lexicons only, known pieces are taken and the rest typed.
    if (this.ctx.lexicon && end - i >= 2 && !this.startsWithKnownCountry(i, end) && !this.splitsIntoKnownNames(i, end)) {
      this.emitUnknown(i, end);
      return;
    }
    this.segmentGreedy(i, end);
  }

  /** "Lebed Chechnya": the run is wholly made of known names of different types. */
  private splitsIntoKnownNames(a: number, b: number): boolean {
    const types = new Set<string>();
    let k = a;
    while (k < b) {
      const m = this.longestKnown(k, b);
      if (m <= k || m > b) return false;
      const g = this.gazetteerAt(k, m);
      const lex = this.lexiconAt(k, m);
      types.add(g ? (g[0] as GazetteerEntry).type.replace('Country', 'Place') : lex ? ['Person', 'Organization', 'Place', 'MISC'][argmax(lex)] as string : '?');
      k = m;
    }
    return types.size >= 2;
  }

  /** "Iranian Mahan Air": a leading country/demonym that is a separate mention. */
  private startsWithKnownCountry(a: number, b: number): boolean {
    const m = this.longestKnownWithin(a, b);
    if (m <= a || m >= b) return false;
    const g = this.gazetteerAt(a, m);
    return g !== null && g.some((e) => e.type === 'Country' && e.form === 'demonym');
  }

  /**
   * "Boxing Association President Ramon Manzanares": an organization, a title, then a name, all
   * capitalised. The organization becomes the person's affiliation.
   */
  private splitMidTitle(a: number, b: number): boolean {
    if (b - a < 3 || this.isKnown(a, b)) return false;
    for (let h = a + 1; h < b - 1; h++) {
      const w = stripDot(this.lower(h));
      if (!ROLE_HEADS.has(w) || !isCapitalised(this.tok(h)) || PURE_HONORIFICS.has(w)) continue;
      // The name after the title: 1-4 name-like words, none of them an organization or place word.
      if (b - (h + 1) > 4) return false;
      for (let k = h + 1; k < b; k++) {
        const x = stripDot(this.lower(k));
        if (ORG_SUFFIXES.has(x) || PLACE_SUFFIXES.has(x) || MISC_LAST_WORDS.has(x) || ROLE_HEADS.has(x) || TITLE_WORDS.has(x)) return false;
      }
      // Title words right before the head belong to the title ("Foreign Minister").
      let t = h;
      while (t > a + 1 && TITLE_WORDS.has(this.lower(t - 1)) && !this.gazetteerAt(t - 1, t)) t--;
      const before = this.out.length;
      this.segmentLeft(a, t);
      const left = this.out.length > before ? (this.out[this.out.length - 1] as Candidate) : undefined;
      if (!this.splitTitle(t, b)) {
        this.out.length = before;
        return false;
      }
      const person = this.out[this.out.length - 1] as Candidate;
      if (left && left.last === t && person.type === 'Person' && !person.affiliation && (left.type === 'Organization' || left.type === 'Country')) person.affiliation = left;
      return true;
    }
    return false;
  }

  /** The part of a run before a title: a known name, an organization construction or a typed unknown. */
  private segmentLeft(a: number, b: number): void {
    if (this.emitKnown(a, b, 'gazetteer')) return;
    const last = stripDot(this.lower(b - 1));
    if (b - a >= 2 && ORG_SUFFIXES.has(last)) {
      this.emitNew(a, b, 'Organization', 'org-suffix');
      return;
    }
    this.segmentGreedy(a, b);
  }

  private prefixBelongsToOrg(a: number, b: number): boolean {
    for (let k = a; k < b; k++) {
      const g = this.gazetteerAt(k, k + 1);
      if (g?.some((e) => e.type === 'Country')) continue;
      if (TITLE_WORDS.has(this.lower(k))) continue;
      return false;
    }
    return true;
  }

  /** Longest known phrase at each position; unknown stretches are typed by context. */
  private segmentGreedy(a: number, b: number): void {
    let k = a;
    let pending = -1;
    const flush = (upTo: number) => {
      if (pending >= 0 && upTo > pending) this.emitUnknown(pending, upTo);
      pending = -1;
    };
    while (k < b) {
      const m = this.longestKnown(k, b);
      // A small town's name inside a longer unknown name ("Wang Donghai") is part of that name.
      if (m > k && m - k < b - a && this.onlyMinorTown(k, m)) {
        if (pending < 0) pending = k;
        k = m;
        continue;
      }
      if (m > k) {
        flush(k);
        this.emitKnown(k, m, 'gazetteer');
        k = m;
        continue;
      }
      // Compass word + known region: "Northwestern Europe" is a mention of Europe.
      if (COMPASS_WORDS.has(this.lower(k)) && k + 1 < b) {
        const m2 = this.longestKnown(k + 1, b);
        if (m2 > k + 1) {
          const g = this.gazetteerAt(k + 1, m2);
          const place = g?.find((e) => e.type === 'Place');
          if (place) {
            flush(k);
            this.push({ first: k, last: m2, type: 'Place', entry: place, source: 'gazetteer' });
            k = m2;
            continue;
          }
        }
      }
      if (pending < 0) pending = k;
      k++;
    }
    flush(b);
  }

  private onlyLegalForms(a: number, b: number): boolean {
    for (let k = a; k < b; k++) if (!LEGAL_FORM_WORDS.has(stripDot(this.lower(k))) && this.tok(k).kind === 'word') return false;
    return true;
  }

  private onlyMinorTown(a: number, b: number): boolean {
    if (this.lexiconAt(a, b)) return false;
    const g = this.gazetteerAt(a, b);
    return g !== null && g.every((e) => e.minor === true);
  }

  /** End of the longest known phrase starting at k, within the run or stretching over lower-case words after it. */
  private longestKnown(k: number, b: number): number {
    const limit = this.sentence.lastToken;
    let best = k;
    let key = '';
    for (let m = k + 1; m <= limit; m++) {
      key = m === k + 1 ? (this.ctx.keys[k] as string) : key + ' ' + (this.ctx.keys[m - 1] as string);
      if (m > b) {
        // Beyond the run only gazetteer names that continue in lower case ("Arab world").
        if (this.tok(m - 1).kind === 'word' && this.gazetteerAt(k, m, key)) best = m;
      } else if (this.isKnown(k, m, key)) best = m;
      if (!this.hasPrefix(key)) break;
    }
    return best;
  }

  /** Emit tokens [a,b) as a known phrase; false if unknown. */
  private emitKnown(a: number, b: number, source: string): boolean {
    const g = this.gazetteerAt(a, b);
    const lexCounts = this.lexiconAt(a, b);
    if (!g && !lexCounts) return false;
    const entry: GazetteerEntry | undefined = g ? this.pickEntry(g, a, b) : undefined;
    const table = this.tableContext(a, b);
    if (table === 'team' && (entry ? entry.type === 'Place' : lexCounts !== null && argmax(lexCounts) <= 2)) {
      this.push({ first: a, last: b, type: 'Organization', source: 'team-context' });
      return true;
    }
    if (table === 'dateline' && (entry ? entry.type === 'Place' : lexCounts !== null && argmax(lexCounts) <= 2)) {
      this.push({ first: a, last: b, type: 'Place', source: 'dateline', ...(entry ? { entry } : {}) });
      return true;
    }
    if (lexCounts) {
      const lexType = argmax(lexCounts);
      const total = lexCounts[0] + lexCounts[1] + lexCounts[2] + lexCounts[3];
      if (!entry) {
        let label = lexType;
        // Seen once: let the token and context statistics have their say too.
        if (total <= 1 && b - a === 1) {
          const guess = this.classify(a, b);
          if (guess === 'PER' || guess === 'ORG' || guess === 'LOC') label = OUTCOMES.indexOf(guess);
        }
        if (label === 3) return true; // known MISC: consume, emit nothing
        this.push({ first: a, last: b, type: (['Person', 'Organization', 'Place'] as const)[label] ?? 'Place', source: 'lexicon' });
        return true;
      }
      // The lexicon overrides the gazetteer only when it is clearly of another opinion.
      const gazLabel = entry.type === 'Person' ? 0 : entry.type === 'Organization' ? 1 : entry.type === 'Goods' ? 3 : 2;
      if (entry.weak && lexType !== gazLabel) {
        if (lexType === 3) return true;
        this.push({ first: a, last: b, type: (['Person', 'Organization', 'Place'] as const)[lexType] ?? 'Place', source: 'lexicon' });
        return true;
      }
      // A place that the training data only ever saw as something else (a city's sports club).
      if (entry.type === 'Place' && lexType !== gazLabel && (lexCounts[gazLabel] ?? 0) === 0 && (lexCounts[lexType] ?? 0) >= 3) {
        if (lexType === 3) return true;
        this.push({ first: a, last: b, type: (['Person', 'Organization', 'Place'] as const)[lexType] ?? 'Place', source: 'lexicon' });
        return true;
      }
      if (entry.form !== 'demonym' && entry.type !== 'Place' && entry.type !== 'Country' && lexType !== gazLabel && total >= 3 && (lexCounts[lexType] ?? 0) >= 3 * (lexCounts[gazLabel] ?? 0)) {
        if (lexType === 3) return true;
        this.push({ first: a, last: b, type: (['Person', 'Organization', 'Place'] as const)[lexType] ?? 'Place', source: 'lexicon' });
        return true;
      }
    }
    if (!entry) return false;
    if (entry.type === 'Goods' && entry.goodsMilitary && !this.hasGoodsContext(this.sentence.firstToken, this.sentence.lastToken)) return false;
    if (entry.form === 'demonym') {
      this.push({ first: a, last: b, type: entry.type, entry, source: 'demonym', adjectival: true });
      return true;
    }
    const cand: Candidate = { first: a, last: b, type: entry.type, entry, source, sentenceIndex: this.sentenceIndex };
    if (entry.capitalOf && this.isMetonymic(a, b)) cand.metonymic = true;
    if (a === this.sentence.firstToken && b < this.sentence.lastToken && (isAllCaps(this.tok(a)) || table === 'dateline')) {
      const next = this.tok(b).text;
      if (next === ':' || next === '-' || next === '—' || next === '–' || next === '(' || table === 'dateline') cand.dateline = true;
    }
    this.push(cand);
    return true;
  }

  private pickEntry(list: GazetteerEntry[], a: number, b: number): GazetteerEntry {
    if (list.length === 1) return list[0] as GazetteerEntry;
    // Prefer exact-case acronyms, then names over demonyms, then countries over places.
    const text = this.spanText(a, b);
    const exact = list.find((e) => e.exactCase === text);
    if (exact) return exact;
    const order = (e: GazetteerEntry) => (e.form === 'name' ? 0 : 1) * 10 + (e.type === 'Country' ? 0 : e.type === 'Organization' ? 1 : 2);
    return [...list].sort((x, y) => order(x) - order(y))[0] as GazetteerEntry;
  }

  /**
   * Result tables and datelines: "Leeds 2 Chelsea 1" (a city followed by a score is a team),
   * "MILWAUKEE 1996-08-29" (a place first in the line, followed by a date).
   */
  private tableContext(a: number, b: number): 'team' | 'dateline' | null {
    const l = this.sentence.lastToken;
    if (b >= l || this.tok(b).kind !== 'number') return null;
    const afterNumber = b + 1 < l ? this.tok(b + 1) : null;
    const isDate = afterNumber !== null && afterNumber.text === '-' && !afterNumber.spaceBefore && /^\d{4}$/.test(this.tok(b).text);
    const first = a === this.sentence.firstToken;
    if (isDate) return first ? 'dateline' : null;
    if (first || this.tok(a - 1).kind === 'number') return 'team';
    return null;
  }

  /** "Washington said", "Beijing's response": a capital standing for its government. */
  private isMetonymic(a: number, b: number): boolean {
    const l = this.sentence.lastToken;
    if (b >= l) return false;
    const next = this.tok(b);
    const prev = a > this.sentence.firstToken ? this.lower(a - 1) : '';
    if ((prev === 'between' || prev === 'with' || prev === 'by') && b + 1 < l && this.lower(b) === 'and') return true;
    // "in Washington", "visited Washington": the city, whatever follows.
    if (CITY_BEFORE.has(prev)) return false;
    // "sanctions on Moscow", "restrictions against Tehran": measures target the government.
    if ((prev === 'on' || prev === 'against') && a - 2 >= this.sentence.firstToken && MEASURE_NOUNS.has(this.lower(a - 2))) return true;
    // "urged Beijing to", "warned Washington against": the government is addressed.
    if (GOVERNMENT_OBJECT_VERBS.has(prev)) return true;
    if (next.kind === 'possessive') return true;
    // "Washington on Tuesday imposed", "Washington has also banned": skip adverbs and a time phrase.
    let k = b;
    for (let steps = 0; k < l && steps < 4; steps++) {
      const w = this.lower(k);
      if (this.tok(k).kind !== 'word') break;
      if (ACTOR_VERBS.has(w) && !METONYMY_SKIP.has(w)) return true;
      if (METONYMY_SKIP.has(w) || (w.endsWith('ly') && w.length > 4)) k++;
      else if ((w === 'on' || w === 'last' || w === 'this' || w === 'earlier' || w === 'later') && k + 1 < l && MONTHS_AND_DAYS.has(this.lower(k + 1))) k += 2;
      else if ((w === 'last' || w === 'this') && k + 1 < l && /^(week|month|year)$/.test(this.lower(k + 1))) k += 2;
      else break;
    }
    // "has", "will" alone still count ("Washington has said" was taken above; "Washington will").
    return next.kind === 'word' && ACTOR_VERBS.has(next.text.toLowerCase());
  }

  private emitNew(a: number, b: number, type: EntityType, source: string): void {
    this.push({ first: a, last: b, type, source });
  }

  // ---- titles and roles --------------------------------------------------------------------------

  /**
   * "US Secretary of State Antony Blinken": a (country/demonym) + title words ending in a role head,
   * followed by a name. Emits the country/org mentions inside the title and the person.
   */
  private splitTitle(start: number, end: number): boolean {
    let j = start;
    let sawHead = false;
    const inner: Array<[number, number]> = [];
    while (j < end) {
      const w = stripDot(this.lower(j));
      if (ROLE_HEADS.has(w) || HONORIFICS.has(this.lower(j))) {
        sawHead = true;
        j++;
        continue;
      }
      if (TITLE_WORDS.has(w) || ((w === 'of' || w === 'for' || w === 'and' || w === '-') && j > start)) {
        // "Treasury" inside a title is still a mention of the Treasury.
        const g = this.gazetteerAt(j, j + 1);
        if (g?.some((e) => e.type === 'Organization')) inner.push([j, j + 1]);
        j++;
        continue;
      }
      const m = this.longestKnownWithin(j, end);
      if (m > j && !sawHead) {
        const g = this.gazetteerAt(j, m);
        if (g?.some((e) => e.type === 'Country' || e.type === 'Organization')) {
          inner.push([j, m]);
          j = m;
          continue;
        }
      }
      break;
    }
    if (!sawHead) return false;
    // The last title token must be a role head ("Finance Minister"), not "Finance Ministry".
    let lastHead = -1;
    for (let k = start; k < j; k++) if (ROLE_HEADS.has(stripDot(this.lower(k))) || HONORIFICS.has(this.lower(k))) lastHead = k;
    if (lastHead < 0) return false;
    const nameStart = j;
    if (nameStart < end) {
      // "Major League Baseball" is not Major + "League Baseball": names hold no organization words.
      for (let k = nameStart; k < end; k++) {
        const w = stripDot(this.lower(k));
        if (ORG_SUFFIXES.has(w) || PLACE_SUFFIXES.has(w) || MISC_LAST_WORDS.has(w)) return false;
      }
      // "the Economist Intelligence Unit (EIU)": a name defined with an acronym is an organization.
      if (end + 2 < this.ctx.tokens.length && this.tok(end).text === '(' && isAllCaps(this.tok(end + 1)) && this.tok(end + 2).text === ')') return false;
      const known = this.gazetteerAt(nameStart, end);
      if (known && known.some((e) => e.type !== 'Person') && end - nameStart > 0) {
        // "Coach ... Manchester United": the rest is not a name.
        if (!HONORIFICS.has(this.lower(lastHead))) return false;
      }
    }
    const innerIdx: number[] = [];
    for (const [a, b] of inner) {
      const before = this.out.length;
      this.emitKnown(a, b, 'title');
      if (this.out.length > before) innerIdx.push(this.out.length - 1);
    }
    if (nameStart >= end) return true; // a bare title ("Prime Minister"): no person here
    const role = this.spanText(start, lastHead + 1);
    const head = stripDot(this.lower(lastHead));
    let affiliation: Candidate | undefined;
    const innerCands = innerIdx.map((x) => this.out[x] as Candidate);
    const org = innerCands.find((c) => c.type === 'Organization');
    const country = innerCands.find((c) => c.type === 'Country');
    if (org) affiliation = org;
    else if (country && GOVERNMENT_ROLE_HEADS.has(head)) affiliation = country;
    // Strip the country from the role text: "US Secretary of State" -> "Secretary of State".
    let roleStart = start;
    for (const [a, b] of inner) if (a === roleStart && this.out.some((c) => c.first === a && c.type === 'Country')) roleStart = b;
    const roleText = roleStart < nameStart ? this.spanText(roleStart, nameStart) : role;
    let isHonorific = true;
    for (let k = roleStart; k <= lastHead; k++) if (!PURE_HONORIFICS.has(stripDot(this.lower(k)))) isHonorific = false;
    this.push({
      first: nameStart,
      last: end,
      type: 'Person',
      source: 'title-name',
      ...(isHonorific ? {} : { role: roleText }),
      ...(affiliation ? { affiliation } : {}),
    });
    return true;
  }

  private longestKnownWithin(k: number, b: number): number {
    let best = k;
    let key = '';
    for (let m = k + 1; m <= b; m++) {
      key = m === k + 1 ? (this.ctx.keys[k] as string) : key + ' ' + (this.ctx.keys[m - 1] as string);
      if (this.gazetteerAt(k, m, key)) best = m;
      if (!this.ctx.gazetteer.namePrefixes.has(key)) break;
    }
    return best;
  }

  /**
   * A lower-case role phrase right before a name: "financial crimes specialist Elizabeth Rosenberg",
   * "assistant secretary of commerce for export administration Thea Kendler".
   */
  private roleBefore(nameStart: number): { text: string; start: number; head: string } | null {
    const f = this.sentence.firstToken;
    let k = nameStart - 1;
    let start = -1;
    let head = '';
    let steps = 0;
    while (k >= f && steps < 10) {
      const t = this.tok(k);
      const w = stripDot(t.text.toLowerCase());
      if (t.kind === 'punct' && t.text === '-' && !t.spaceBefore) {
        k--;
        steps++;
        continue;
      }
      if (t.kind !== 'word') break;
      if (this.out.some((c) => k >= c.first && k < c.last)) break;
      const isRoleHead = ROLE_HEADS.has(w) || HONORIFICS.has(t.text.toLowerCase());
      const isConnector = w === 'of' || w === 'for' || w === 'and';
      if (!isRoleHead && !isConnector) {
        if (isCapitalised(t) && !TITLE_WORDS.has(w)) break;
        if (FUNCTION_WORDS.has(w) || this.ctx.words.verbForms.has(w) || MONTHS_AND_DAYS.has(w)) break;
      }
      if (isConnector && start < 0) break;
      if (isRoleHead && !head) head = w;
      start = k;
      k--;
      steps++;
    }
    if (start < 0 || !head) return null;
    // The role head ends the phrase ("crimes specialist X") or takes an of/for complement
    // ("secretary of commerce for export administration X"); "official news agency MTI" is no role.
    let lastHead = -1;
    for (let x = start; x < nameStart; x++) {
      const w = stripDot(this.lower(x));
      if (ROLE_HEADS.has(w) || HONORIFICS.has(this.lower(x))) lastHead = x;
    }
    if (lastHead < 0) return null;
    if (lastHead !== nameStart - 1 && !['of', 'for', 'to', 'at', 'in'].includes(this.lower(lastHead + 1))) return null;
    // Do not start the role with a connector.
    while (start < nameStart && ['of', 'for', 'and', '-'].includes(this.lower(start))) start++;
    if (start >= nameStart) return null;
    return { text: this.spanText(start, nameStart), start, head };
  }

  // ---- unknown capitalised spans -----------------------------------------------------------------

  private emitUnknown(a: number, b: number): void {
    // Trim title words left over at the edges ("Senator" handled earlier; "Foreign" alone is nothing).
    while (a < b && (FUNCTION_WORDS.has(this.lower(a)) || this.lower(a) === '-')) a++;
    while (b > a && (FUNCTION_WORDS.has(this.lower(b - 1)) || this.tok(b - 1).kind !== 'word')) b--;
    if (a >= b) return;
    const lex = this.ctx.lexicon;
    const n = b - a;
    // "Jesse Owens Award", "Davis Cup": events and prizes are no PER/ORG/LOC.
    if (n >= 2 && MISC_LAST_WORDS.has(this.lower(b - 1))) return;
    // "(SUV)" after lower-case words abbreviates a common noun, not a name.
    if (n === 1 && a > this.sentence.firstToken + 1 && this.tok(a - 1).text === '(' && /^\p{Ll}/u.test(this.tok(a - 2).text)) {
      this.push({ first: a, last: b, type: null, source: 'capitalised' });
      return;
    }
    // Awards and holidays ("Oscar", "Christmas") are no person, organization or place.
    if (n <= 2 && NOT_NAMES.has(this.lower(b - 1))) {
      this.push({ first: a, last: b, type: null, source: 'capitalised' });
      return;
    }
    const role = this.roleBefore(a);
    const prevText = a > this.sentence.firstToken ? this.lower(a - 1) : '';
    if (role || HONORIFICS.has(prevText)) {
      const cand: Candidate = { first: a, last: b, type: 'Person', source: role ? 'role-name' : 'honorific', sentenceIndex: this.sentenceIndex };
      if (role && !HONORIFICS.has(role.head)) {
        cand.role = role.text;
        // Affiliation: the entity written right before the role phrase.
        const before = this.out.findIndex((c) => c.last === role.start && (c.type === 'Organization' || c.type === 'Country'));
        if (before >= 0) {
          const c = this.out[before] as Candidate;
          if (c.type === 'Organization' || GOVERNMENT_ROLE_HEADS.has(role.head)) cand.affiliation = c;
        }
      }
      this.push(cand);
      return;
    }
    // "Veldhoven-based": a place.
    if (b < this.sentence.lastToken - 1 && this.tok(b).text === '-' && !this.tok(b).spaceBefore && /^(based|born|headquartered|registered|listed)$/.test(this.lower(b + 1))) {
      this.push({ first: a, last: b, type: 'Place', source: 'based-on' });
      return;
    }
    if (lex) {
      const outcome = this.classify(a, b);
      if (outcome === 'O' || outcome === 'MISC') {
        // Most likely not a PER/ORG/LOC name; still a candidate for surname/acronym resolution.
        this.push({ first: a, last: b, type: null, source: 'capitalised' });
        return;
      }
      this.push({ first: a, last: b, type: ENTITY_TYPE_OF[outcome], source: 'lexicon-context' });
      return;
    }
    const first = this.lower(a);
    const last = this.lower(b - 1);
    const words = this.ctx.words;
    // "Bill Clinton": a given name that is also an ordinary word still opens a name before a name-like word.
    const givenFirst = n === 2 && words.givenNames.has(first) && !this.isSentenceInitial(a) && !NOT_BEFORE_NAME.has(prevText) && this.allNameLike(a + 1, b);
    const nameListOk = !COMPASS_WORDS.has(first) && !(this.gazetteerAt(a, a + 1)?.some((e) => e.form === 'demonym') ?? false) && !isAllCaps(this.tok(b - 1));
    if (n >= 2 && n <= 4 && nameListOk && (words.firstNames.has(first) || words.lastNames.has(last) || givenFirst)) {
      this.push({ first: a, last: b, type: 'Person', source: 'name-list' });
      return;
    }
    if (n === 1 && COMMON_ACRONYMS.has(this.lower(a))) return;
    // "NOTE:", "REUTER": an ordinary word in capitals is no acronym.
    if (n === 1 && isAllCaps(this.tok(a)) && words.common.has(this.lower(a))) {
      this.push({ first: a, last: b, type: null, source: 'capitalised' });
      return;
    }
    if (n === 1 && isAllCaps(this.tok(a)) && this.tok(a).text.length <= 6) {
      this.push({ first: a, last: b, type: 'Organization', source: 'acronym', weak: true });
      return;
    }
    // A company by what is said of it: "Petofi shares", "a stake in Comelf", "a unit of Cofinec".
    const nextText = b < this.sentence.lastToken ? this.lower(b) : '';
    const beforePrev = a - 2 >= this.sentence.firstToken ? this.lower(a - 2) : '';
    if (COMPANY_AFTER.has(nextText) || ((prevText === 'in' || prevText === 'of') && COMPANY_BEFORE.has(beforePrev))) {
      if (!this.isCommonWord(a) || n >= 2) {
        this.push({ first: a, last: b, type: 'Organization', source: 'company-context' });
        return;
      }
    }
    // An unknown two-to-four word name is a person only where people are quoted or credited.
    // Names of things mostly come after an article ("the Millennium Dome"); people's names do not.
    const quoted = SPEECH_AFTER.has(b < this.sentence.lastToken ? this.lower(b) : '') || SPEECH_BEFORE.has(prevText) || prevText === '/';
    if (n >= 2 && n <= 4 && this.allNameLike(a, b) && (quoted || !NOT_BEFORE_NAME.has(prevText))) {
      this.push({ first: a, last: b, type: 'Person', source: 'name-shape', weak: true });
      return;
    }
    // "Yeltsin said": one unknown name word, quoted, is a person's surname (later mentions follow it).
    if (n === 1 && SPEECH_AFTER.has(nextText) && nextText !== 'who' && !this.isSentenceInitial(a) && this.allNameLike(a, b) && !isAllCaps(this.tok(a))) {
      this.push({ first: a, last: b, type: 'Person', source: 'quoted-surname' });
      return;
    }
    this.push({ first: a, last: b, type: null, source: 'capitalised' });
  }

  private allNameLike(a: number, b: number): boolean {
    if (this.tok(b - 1).text.length === 1) return false; // "Class B": initials come first, not last
    if (a > this.sentence.firstToken && this.tok(a - 1).kind === 'number') return false;
    if (this.gazetteerAt(a, a + 1)?.some((e) => e.form === 'demonym')) return false;
    if (/^(english|scottish|welsh|european|asian|african|arab|latin|western|eastern|northern|southern|royal|national|international|global|new|old|great|grand|first|second|third|merry|happy)$/.test(this.lower(a)) || COMPASS_WORDS.has(this.lower(a))) return false;
    for (let k = a; k < b; k++) {
      const t = this.tok(k);
      if (t.kind !== 'word') return false;
      if (k > a && NAME_PARTICLES.has(t.text)) continue;
      if (!isCapitalised(t) || isAllCaps(t)) return false;
      const w = t.text.toLowerCase();
      // A word also written in lower case in this document is an ordinary word, not a name.
      if (TITLE_WORDS.has(w) || ORG_SUFFIXES.has(w) || this.ctx.words.common.has(w) || this.ctx.lowerInDocument.has(w)) return false;
    }
    return true;
  }

  /**
   * Naive-Bayes typing of an unseen span from the learned lexicon: per-token label votes, the word
   * before and after, and the last letters of the last word. Returns the named outcome (PER, ORG,
   * LOC, MISC, or O for not-a-name); the lexicon's count arrays are indexed in OUTCOMES order.
   */
  private classify(a: number, b: number): Outcome {
    const lex = this.ctx.lexicon as TypeLexicon;
    const ctx = lex.context;
    const n = b - a;
    const prev = a > this.sentence.firstToken ? contextWord(this.tok(a - 1).text) : '<edge>';
    const next = b < this.sentence.lastToken ? contextWord(this.tok(b).text) : '<edge>';
    const features = [ctx.prev.get(prev), ctx.next.get(next), ctx.suffix.get(suffixKey(this.tok(b - 1).text))];
    let best = 4;
    let bestScore = -Infinity;
    for (let label = 0; label < 5; label++) {
      const total = ctx.totals[label as 0] + 1;
      let score = Math.log(total);
      if (label === 4) score += (n - 1) * Math.log(0.05);
      if (label === 3) score += Math.log(0.7);
      for (const f of features) score += Math.log(((f?.[label as 0] ?? 0) + 0.5) / (total + 2500));
      for (let k = a; k < b; k++) {
        const st = lex.tokens.get(this.lower(k));
        if (!st) continue;
        const counts = [st.labels[0], st.labels[1], st.labels[2], st.labels[3], st.capitalOther];
        const sum = counts.reduce((x, y) => x + y, 0);
        if (sum === 0) continue;
        score += 1.5 * Math.log(((counts[label] ?? 0) + 0.1) / (sum + 0.5));
      }
      if (score > bestScore) {
        bestScore = score;
        best = label;
      }
    }
    return OUTCOMES[best] as Outcome;
  }

  // ---- caps-only sentences (headlines) and goods ---------------------------------------------

  /** In an all-caps sentence capitalisation says nothing: only known phrases are taken. */
  private scanKnownOnly(f: number, l: number): void {
    let k = f;
    while (k < l) {
      if (this.tok(k).kind !== 'word') {
        k++;
        continue;
      }
      let m = k;
      let key = '';
      for (let e = k + 1; e <= l; e++) {
        key = e === k + 1 ? (this.ctx.keys[k] as string) : key + ' ' + (this.ctx.keys[e - 1] as string);
        if (this.tok(e - 1).kind === 'word' && this.isKnownInCaps(k, e, key)) m = e;
        if (!this.hasPrefix(key)) break;
      }
      if (m > k) {
        this.emitKnown(k, m, 'gazetteer');
        k = m;
      } else {
        // Unknown words of a headline may still be a surname or short name used in the body.
        const w = this.lower(k);
        if (w.length >= 3 && !FUNCTION_WORDS.has(w) && !this.ctx.words.common.has(w) && /^\p{L}+$/u.test(w)) {
          this.push({ first: k, last: k + 1, type: null, source: 'headline' });
        }
        k++;
      }
    }
  }

  private matchGoods(f: number, l: number): void {
    const g = this.ctx.gazetteer;
    const taken = new Uint8Array(l - f);
    for (const c of this.out) for (let k = c.first; k < c.last; k++) if (k >= f && k < l) taken[k - f] = 1;
    let k = f;
    while (k < l) {
      const t = this.tok(k);
      if (t.kind !== 'word' || taken[k - f] || (isCapitalised(t) && !this.isSentenceInitial(k) && !this.capsMode)) {
        k++;
        continue;
      }
      let found = -1;
      let foundEntry: GazetteerEntry | undefined;
      let key = '';
      for (let e = k + 1; e <= l; e++) {
        if (taken[e - 1 - f]) break;
        key = e === k + 1 ? (this.ctx.keys[k] as string) : key + ' ' + (this.ctx.keys[e - 1] as string);
        const entry = g.goods.get(key);
        if (entry) {
          found = e;
          foundEntry = entry;
        }
        if (!g.goodsPrefixes.has(key)) break;
      }
      // Bare "crude" is an adjective unless it is somebody's crude or crude being traded.
      if (found === k + 1 && this.lower(k) === 'crude' && !this.isCrudeOil(k, f, l)) found = -1;
      // One word ("arms", "gold", "chips", "technology") is goods only in a sentence about trade,
      // shipping or the military, and never as a body part or a medal.
      if (found === k + 1 && foundEntry && !foundEntry.goodsAlways && !this.isGoodsSense(k, f, l)) found = -1;
      if (found === k + 1 && foundEntry?.goodsStrict && !this.sentenceHas(STRICT_GOODS_CONTEXT_WORDS, f, l)) found = -1;
      if (found > k && foundEntry) {
        this.push({ first: k, last: found, type: 'Goods', entry: foundEntry, source: 'goods' });
        k = found;
      } else k++;
    }
  }

  private goodsContextSentence = -1;
  private goodsContext = false;

  /** Does the sentence speak of trade, shipping or the military (computed once per sentence)? */
  private hasGoodsContext(f: number, l: number): boolean {
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

  private sentenceHas(words: ReadonlySet<string>, f: number, l: number): boolean {
    for (let i = f; i < l; i++) if (words.has(this.lower(i))) return true;
    return false;
  }

  private isGoodsSense(k: number, f: number, l: number): boolean {
    const prev = k > f ? this.lower(k - 1) : '';
    const next = k + 1 < l ? this.lower(k + 1) : '';
    // "his arms", "the goalkeeper's arms", "Olympic gold", "gold medal".
    if (BODY_OWNERS.has(prev) || (k > f && this.tok(k - 1).kind === 'possessive' && this.lower(k) === 'arms')) return false;
    if (MEDAL_WORDS.has(prev) || MEDAL_WORDS.has(next)) return false;
    return this.hasGoodsContext(f, l);
  }

  private isCrudeOil(k: number, f: number, l: number): boolean {
    if (k > f && this.out.some((c) => c.last === k && c.type === 'Country')) return true;
    const next = k + 1 < l ? this.lower(k + 1) : '';
    return /^(prices?|exports?|imports?|output|production|supplies|supply|shipments?|cargoes|cargo|sales|futures|oil|inventories|stocks|purchases|buyers?|\.|,)$/.test(next);
  }

  private push(c: Omit<Candidate, 'sentenceIndex'>): void {
    (c as Candidate).sentenceIndex = this.sentenceIndex;
    this.out.push(c as Candidate);
  }
}

function argmax(c: LabelCounts): number {
  let best = 0;
  for (let i = 1; i < 4; i++) if ((c[i] as number) > (c[best] as number)) best = i;
  return best;
}
