/**
 * A regular expression read as literal atoms, for the one-scan cue index (`cue-index.ts`).
 *
 * Most rule cues are alternations of literals ("sanction|tariff|\bban|..."), some with a word
 * boundary at either end, some with a tail the atoms cannot say ("\s+in\b", "\p{Lu}"). This file
 * reads the RegExp's own source, so the cue is defined once: every way the pattern can match is
 * flattened into a sequence of literal characters, word boundaries and "anything else" (opaque);
 * each sequence becomes an atom (its longest literal run, with the boundaries next to it). When no
 * sequence has an opaque part the atoms are *exact*: the regex matches a string exactly when one
 * atom occurs in it with its boundaries. Otherwise they are *necessary*: the regex can match only
 * where an atom occurs, and the caller runs the regex to decide.
 *
 * JavaScript semantics kept: `\b` is between an ASCII word character [A-Za-z0-9_] and anything
 * else (no `u`+`i` pair, where it is wider: refused); `/i` without `u` folds ASCII letters only
 * (an ASCII letter never matches a non-ASCII one, see Canonicalize in ECMA-262), so a
 * case-insensitive atom may hold only ASCII letters and characters without case. Anything this
 * reader does not know (a `y` flag, `v` mode, a branch without a literal) gives null: the caller
 * keeps the regex.
 */

/** One literal a pattern needs, with its case rule and the word boundaries on either side. */
export interface CueAtom {
  /** The literal, lower-cased in its ASCII letters when `caseInsensitive`. */
  readonly text: string;
  readonly caseInsensitive: boolean;
  /** `\b` right before the literal's first character. */
  readonly boundaryBefore: boolean;
  /** `\b` right after its last character. */
  readonly boundaryAfter: boolean;
}

export interface CueAtoms {
  readonly atoms: readonly CueAtom[];
  /** True when an atom occurring with its boundaries is the regex's whole answer. */
  readonly exact: boolean;
}

/** A pattern flattened: literal characters, `\b`, and one token for whatever else may stand there. */
type Token = { kind: 'char'; code: number } | { kind: 'boundary' } | { kind: 'opaque' };
type Sequence = readonly Token[];

const BOUNDARY: Token = { kind: 'boundary' };
const OPAQUE: Token = { kind: 'opaque' };
/** More flattened sequences than this: the cue is no list of literals; keep its regex. */
const MAX_SEQUENCES = 1024;
/** A character class of more members than this is kept opaque ("[A-Z]"), not expanded. */
const MAX_CLASS_MEMBERS = 8;

/** The cause of the errors that mean "no list of literals": the caller keeps the regex. */
const UNSUPPORTED = Symbol('pattern not read as atoms');

function unsupported(why: string): Error {
  return new Error(`cue atoms: ${why}`, { cause: UNSUPPORTED });
}

export function isAsciiWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

function foldAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** Characters that `/i` (no `u`) leaves alone: no case, and no other character folds to them. */
function caseless(code: number): boolean {
  const ch = String.fromCharCode(code);
  return ch.toUpperCase() === ch && ch.toLowerCase() === ch && !/[\p{L}\p{M}]/u.test(ch);
}

/** English letters from the most to the least frequent in running text (a published fact of the language). */
const LETTERS_BY_FREQUENCY = 'etaoinshrdlcumwfgypbvkjxqz';

/**
 * How seldom a character occurs in English news text, 0 (space, comma, "e") to 25 ("z"): between
 * two literal runs of one length, the atom is the rarer, so the scan flags fewer sentences whose
 * regex must then run ("the two men": "men", not "the"). Only the choice of atom depends on it,
 * never an answer.
 */
function rarity(code: number): number {
  const rank = LETTERS_BY_FREQUENCY.indexOf(String.fromCharCode(foldAscii(code)));
  if (rank >= 0) return rank;
  if (code === 32 || code === 44 || code === 46) return 0;
  if (code >= 48 && code <= 57) return 20;
  return 15;
}

function rarityOf(codes: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < codes.length; i++) sum += rarity(codes[i] as number);
  return sum;
}

/**
 * A sequence with the part up to its last opaque token cut to the one run that can still be its
 * atom: the first longest literal run there (with its `\b`), then one opaque token, then the rest
 * as it is. atomOf gives the same atom for both; null when a boundary there cannot hold. Many
 * ways to match ("has now acquired", "had also acquired", ...) then become one.
 */
function compact(seq: Sequence): Sequence | null {
  let lastOpaque = -1;
  for (let i = seq.length - 1; i >= 0; i--) {
    if ((seq[i] as Token).kind === 'opaque') {
      lastOpaque = i;
      break;
    }
  }
  if (lastOpaque <= 0) return seq;
  let best: Token[] = [];
  let bestChars = 0;
  let bestRarity = 0;
  let run: Token[] = [];
  let runChars = 0;
  let runRarity = 0;
  const finish = (): void => {
    if (runChars > bestChars || (runChars === bestChars && runChars > 0 && runRarity > bestRarity)) {
      best = run;
      bestChars = runChars;
      bestRarity = runRarity;
    }
    run = [];
    runChars = 0;
    runRarity = 0;
  };
  for (let i = 0; i < lastOpaque; i++) {
    const token = seq[i] as Token;
    if (token.kind === 'opaque') finish();
    else if (token.kind === 'boundary') {
      if (run[run.length - 1]?.kind !== 'boundary') run.push(token);
    } else {
      const last = run[run.length - 1];
      const before = run[run.length - 2];
      if (last?.kind === 'boundary' && before?.kind === 'char') {
        // A boundary between two known characters: known now, and then no longer needed.
        if (isAsciiWordCode(before.code) === isAsciiWordCode(token.code)) return null;
        run.pop();
      }
      run.push(token);
      runChars++;
      runRarity += rarity(token.code);
    }
  }
  finish();
  return [...best, OPAQUE, ...seq.slice(lastOpaque + 1)];
}

function sequenceKey(seq: Sequence): string {
  let key = '';
  for (const t of seq) key += t.kind === 'char' ? `${t.code},` : t.kind === 'boundary' ? 'b,' : 'o,';
  return key;
}

/** The sequences, compacted, each once; too many: no list of literals. */
function distinct(seqs: Iterable<Sequence>): Sequence[] {
  const byKey = new Map<string, Sequence>();
  for (const seq of seqs) {
    const c = compact(seq);
    if (!c) continue;
    byKey.set(sequenceKey(c), c);
    if (byKey.size > MAX_SEQUENCES) throw unsupported('too many sequences');
  }
  return [...byKey.values()];
}

/** Whether a sequence holds only characters and boundaries (no opaque token). */
function isLiteral(seq: Sequence): boolean {
  for (let i = 0; i < seq.length; i++) if ((seq[i] as Token).kind === 'opaque') return false;
  return true;
}

/**
 * Every pair of sequences from `a` (distinct and compacted, as `distinct` returns them) then `b`.
 * When `b` is one sequence without an opaque token (a literal character, `\b`: most terms of a
 * source) the pairs need no `distinct`: appending it moves no sequence's last opaque token, so
 * compact leaves each pair as it is, and distinct sequences stay distinct.
 */
function product(a: readonly Sequence[], b: readonly Sequence[]): Sequence[] {
  if (b.length === 1 && isLiteral(b[0] as Sequence)) {
    const tail = b[0] as Sequence;
    const out: Sequence[] = [];
    for (let i = 0; i < a.length; i++) out.push((a[i] as Sequence).concat(tail));
    return out;
  }
  if (a.length * b.length > MAX_SEQUENCES * 16) throw unsupported('too many sequences');
  const pairs = function* (): Generator<Sequence> {
    for (const x of a) for (const y of b) yield [...x, ...y];
  };
  return distinct(pairs());
}

/** A recursive-descent reader of the pattern source into flattened sequences. */
class PatternReader {
  private pos = 0;
  private readonly source: string;
  private readonly unicode: boolean;

  constructor(source: string, unicode: boolean) {
    this.source = source;
    this.unicode = unicode;
  }

  read(): Sequence[] {
    const out = this.disjunction();
    if (this.pos !== this.source.length) throw unsupported(`unexpected ${this.source[this.pos]}`);
    return out;
  }

  private peek(): string | undefined {
    return this.source[this.pos];
  }

  private disjunction(): Sequence[] {
    const out = [...this.alternative()];
    while (this.peek() === '|') {
      this.pos++;
      out.push(...this.alternative());
      if (out.length > MAX_SEQUENCES) throw unsupported('too many sequences');
    }
    return distinct(out);
  }

  private alternative(): Sequence[] {
    let seqs: Sequence[] = [[]];
    for (let ch = this.peek(); ch !== undefined && ch !== '|' && ch !== ')'; ch = this.peek()) {
      const term = this.term();
      seqs = product(seqs, this.quantified(term));
    }
    return seqs;
  }

  /** The term's sequences under the quantifier that follows it, if any. */
  private quantified(term: Sequence[]): Sequence[] {
    const ch = this.peek();
    let out: Sequence[];
    if (ch === '?') {
      this.pos++;
      out = [...term, []];
    } else if (ch === '*') {
      this.pos++;
      out = [[OPAQUE]];
    } else if (ch === '+') {
      this.pos++;
      // t+ is t then t*: the first t is needed, the rest says nothing.
      out = term.map((s) => [...s, OPAQUE]);
    } else if (ch === '{' && /^\{\d+(?:,\d*)?\}/.test(this.source.slice(this.pos))) {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(this.source.slice(this.pos)) as RegExpExecArray;
      this.pos += m[0].length;
      out = Number(m[1]) >= 1 ? term.map((s) => [...s, OPAQUE]) : [[OPAQUE]];
    } else return term;
    // A lazy quantifier matches the same strings: test() needs no more.
    if (this.peek() === '?') this.pos++;
    return out;
  }

  private term(): Sequence[] {
    const ch = this.peek() as string;
    if (ch === '(') return this.group();
    if (ch === '[') return this.characterClass();
    if (ch === '\\') return this.escape();
    this.pos++;
    if (ch === '.' || ch === '^' || ch === '$') return [[OPAQUE]];
    if (ch === '*' || ch === '+' || ch === '?' || ch === '{' || ch === '}' || ch === ']') throw unsupported(`bare ${ch}`);
    return [[this.char(ch.charCodeAt(0))]];
  }

  private char(code: number): Token {
    // A surrogate half: a code point of two units, which `u` mode reads otherwise.
    if (code >= 0xd800 && code <= 0xdfff) return OPAQUE;
    return { kind: 'char', code };
  }

  private group(): Sequence[] {
    this.pos++; // (
    const rest = this.source.slice(this.pos);
    if (rest.startsWith('?:')) this.pos += 2;
    else if (/^\?<?[=!]/.test(rest)) {
      // A lookaround: it consumes nothing, but constrains; the atoms before it stay necessary.
      this.pos += rest[1] === '<' ? 3 : 2;
      this.disjunction();
      this.expect(')');
      return [[OPAQUE]];
    } else if (rest.startsWith('?<')) this.pos = this.source.indexOf('>', this.pos) + 1;
    else if (rest.startsWith('?')) throw unsupported('group modifier');
    const inner = this.disjunction();
    this.expect(')');
    return inner;
  }

  private expect(ch: string): void {
    if (this.peek() !== ch) throw unsupported(`expected ${ch}`);
    this.pos++;
  }

  private escape(): Sequence[] {
    const code = this.escapedCode();
    if (code === 'boundary') return [[BOUNDARY]];
    if (code === 'opaque') return [[OPAQUE]];
    return [[this.char(code)]];
  }

  /** The character an escape stands for, or what it is when it is none. */
  private escapedCode(): number | 'boundary' | 'opaque' {
    this.pos++; // backslash
    const ch = this.source[this.pos++];
    if (ch === undefined) throw unsupported('trailing backslash');
    if (ch === 'b') return 'boundary';
    if ('BdDsSwW'.includes(ch)) return 'opaque';
    if (ch === 'p' || ch === 'P') {
      if (this.peek() === '{') this.pos = this.source.indexOf('}', this.pos) + 1;
      return 'opaque';
    }
    if (/[1-9k]/.test(ch)) return 'opaque'; // a back reference
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11 };
    if (ch in simple) return simple[ch] as number;
    if (ch === '0' && !/\d/.test(this.peek() ?? '')) return 0;
    if (ch === 'x' && /^[0-9a-fA-F]{2}/.test(this.source.slice(this.pos))) {
      this.pos += 2;
      return parseInt(this.source.slice(this.pos - 2, this.pos), 16);
    }
    if (ch === 'u' && /^[0-9a-fA-F]{4}/.test(this.source.slice(this.pos))) {
      this.pos += 4;
      return parseInt(this.source.slice(this.pos - 4, this.pos), 16);
    }
    if (/[\^$\\.*+?()[\]{}|/\-'’"#%&,:;<=>@`~!]/.test(ch) || (!this.unicode && !/[A-Za-z0-9]/.test(ch))) return ch.charCodeAt(0);
    throw unsupported(`escape \\${ch}`);
  }

  /** A class of a few literal members becomes one sequence per member; anything else is opaque. */
  private characterClass(): Sequence[] {
    this.pos++; // [
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const members: number[] = [];
    let opaque = negated;
    while (this.peek() !== ']') {
      if (this.peek() === undefined) throw unsupported('unclosed class');
      let code: number | 'boundary' | 'opaque';
      if (this.peek() === '\\') {
        code = this.escapedCode();
        // Inside a class \b is a backspace.
        if (code === 'boundary') code = 8;
      } else code = this.source.charCodeAt(this.pos++);
      if (code === 'opaque') {
        opaque = true;
        continue;
      }
      if (this.peek() === '-' && this.source[this.pos + 1] !== ']') {
        this.pos++;
        const high = this.peek() === '\\' ? this.escapedCode() : this.source.charCodeAt(this.pos++);
        if (typeof high !== 'number' || high < code) throw unsupported('class range');
        if (high - code >= MAX_CLASS_MEMBERS) opaque = true;
        else for (let c = code; c <= high; c++) members.push(c);
        continue;
      }
      members.push(code);
    }
    this.pos++; // ]
    if (opaque || members.length > MAX_CLASS_MEMBERS || members.length === 0) return [[OPAQUE]];
    return [...new Set(members)].map((c) => [this.char(c)]);
  }
}

/** A run of literal characters of a sequence, with the `\b` right before and after it. */
interface Run {
  codes: number[];
  boundaryBefore: boolean;
  boundaryAfter: boolean;
}

/**
 * A flattened sequence as an atom, or null when it cannot match (a boundary between two known
 * characters that cannot hold). Without an opaque part the sequence is one run and the atom is
 * exact; with one, the longest literal run is the atom, a necessary part of every match.
 */
function atomOf(seq: Sequence, caseInsensitive: boolean): { atom: CueAtom; exact: boolean } | null {
  const runs: Run[] = [];
  let run: Run = { codes: [], boundaryBefore: false, boundaryAfter: false };
  let pendingBoundary = false;
  let exact = true;
  const close = (): void => {
    run.boundaryAfter = pendingBoundary;
    if (run.codes.length > 0) runs.push(run);
    run = { codes: [], boundaryBefore: false, boundaryAfter: false };
    pendingBoundary = false;
  };
  for (const token of seq) {
    // A non-ASCII letter under /i matches its other cases too ("communiqu[eé]" under /i), which an
    // atom compared by ASCII folding cannot say: it stands there like anything else.
    if (token.kind === 'opaque' || (token.kind === 'char' && caseInsensitive && token.code >= 128 && !caseless(token.code))) {
      exact = false;
      close();
      continue;
    }
    if (token.kind === 'boundary') {
      if (run.codes.length === 0) run.boundaryBefore = true;
      else pendingBoundary = true;
      continue;
    }
    if (pendingBoundary) {
      // A boundary between two known characters is known now; case does not change it.
      if (isAsciiWordCode(run.codes[run.codes.length - 1] as number) === isAsciiWordCode(token.code)) return null;
      pendingBoundary = false;
    }
    run.codes.push(caseInsensitive ? foldAscii(token.code) : token.code);
  }
  close();
  let best: Run | undefined;
  for (const r of runs) if (!best || r.codes.length > best.codes.length || (r.codes.length === best.codes.length && rarityOf(r.codes) > rarityOf(best.codes))) best = r;
  if (!best) throw unsupported('a branch with no literal');
  return {
    atom: { text: String.fromCharCode(...best.codes), caseInsensitive, boundaryBefore: best.boundaryBefore, boundaryAfter: best.boundaryAfter },
    exact,
  };
}

/**
 * The atoms of a regular expression, or null when it cannot be read as atoms (the caller keeps
 * the regex for every sentence). A `g` pattern's atoms are those of the pattern without `g`: they
 * say where it can match, not what a stateful test() answers.
 */
export function cueAtoms(pattern: RegExp): CueAtoms | null {
  const flags = pattern.flags;
  if (/[yv]/.test(flags) || (flags.includes('u') && flags.includes('i'))) return null;
  const caseInsensitive = flags.includes('i');
  try {
    const sequences = new PatternReader(pattern.source, flags.includes('u')).read();
    const byKey = new Map<string, CueAtom>();
    let exact = true;
    for (const seq of sequences) {
      const read = atomOf(seq, caseInsensitive);
      if (!read) continue;
      exact &&= read.exact;
      const { atom } = read;
      byKey.set(`${atom.text}\u0000${atom.boundaryBefore}\u0000${atom.boundaryAfter}`, atom);
    }
    if (byKey.size === 0) return null;
    return { atoms: [...byKey.values()], exact };
  } catch (e) {
    if (e instanceof Error && e.cause === UNSUPPORTED) return null;
    throw e;
  }
}
