import { cueAtoms, isAsciiWordCode, type CueAtom, type CueAtoms } from './cue-atoms.ts';

/**
 * How a pattern is answered: by its regex on every sentence, by its atoms alone, by its atoms
 * then its regex, or (registered since the last build) by its regex until the next build.
 */
const BY_REGEX = 0;
const BY_ATOMS = 1;
const BY_ATOMS_THEN_REGEX = 2;
const PENDING = 3;

/** Sentences without a new pattern before the patterns registered meanwhile join the automaton. */
const REBUILD_AFTER_SENTENCES = 50;
/**
 * And the regex work the waiting patterns have cost since they came (patterns × sentences) before
 * a rebuild pays: a rebuild of the whole automaton costs about 3 ms of CPU, a waiting pattern's
 * regex about half a microsecond per sentence (at most; only the rules that reach it run it). The
 * first build (no automaton yet) waits for the burst to end only.
 */
const REBUILD_AFTER_PENDING_SENTENCES = 5_000;

/** Atom flags. */
const CASE_SENSITIVE = 1;
const BOUNDARY_BEFORE = 2;
const BOUNDARY_AFTER = 4;

/**
 * Answers "can pattern i match this sentence?" for many regexes with one pass over the sentence:
 * every pattern is read into literal atoms (`cue-atoms.ts`), the atoms of all patterns make one
 * Aho–Corasick automaton over ASCII-folded UTF-16 code units, and the first question about a
 * sentence runs it once, marking each pattern one of whose atoms occurs there with its case and
 * word boundaries. `matches` is always exactly the regex's own answer: a pattern whose atoms are
 * only necessary runs its regex when an atom occurs, and one that cannot be read as atoms runs
 * its regex every time.
 *
 * Patterns are registered by `idOf` when first used (the rules keep their patterns private). A
 * new pattern is answered by its regex until no other new one has come for
 * REBUILD_AFTER_SENTENCES sentences and, once an automaton exists, until the waiting patterns'
 * regexes have cost more than a rebuild (REBUILD_AFTER_PENDING_SENTENCES); then the automaton is
 * rebuilt with them all (a few times per process: the rules' patterns are module constants, most
 * of them used in the first documents).
 *
 * Why not a library: the npm Aho–Corasick packages match whole grapheme clusters
 * (modern-ahocorasick) or exact code units only (@monyone/aho-corasick), and return match
 * objects; here one scan needs a per-atom case rule (ASCII-only folding, as `/i` without `u`),
 * the regex `\b` checks and no allocation per match.
 */
export class CueIndex {
  private readonly patterns: RegExp[] = [];
  /** The regex `matches` runs: the pattern itself, or a copy without `g` (test() with g is stateful). */
  private readonly testers: RegExp[] = [];
  private readonly ids = new Map<RegExp, number>();
  private mode = new Uint8Array(16);
  /** hitEpoch[id] === epoch: an atom of the pattern occurs in the current sentence. */
  private hitEpoch = new Int32Array(16);
  /** Each pattern read as atoms (read once, at its first build). */
  private readonly reads: Array<CueAtoms | null> = [];
  /** How many patterns (the first ones) the automaton holds. */
  private built = 0;
  /** Sentences selected so far, and that count when the last pattern was registered. */
  private sentences = 0;
  private registeredAt = 0;
  /** Regex work of the patterns waiting for the next build: their count times the sentences since each came. */
  private pendingWork = 0;

  /** Alphabet class of each UTF-16 code unit (0: in no atom), ASCII letters folded. */
  private readonly classOf = new Uint16Array(65536);
  private width = 1;
  /**
   * The transitions, failure links included: entry (row + class) is the next state's row
   * (state * width), or its bitwise complement when atoms end in that state, so the scan reads
   * one number per character and tests its sign.
   */
  private delta = new Int32Array(1);
  /** Atoms ending in state s: outAtoms[outBegin[s] .. outBegin[s + 1]). */
  private outBegin = new Int32Array(2);
  private outAtoms = new Int32Array(0);
  private atomPattern = new Int32Array(0);
  private atomLength = new Int32Array(0);
  private atomFlags = new Uint8Array(0);
  private atomText: readonly string[] = [];
  /** Patterns answered from the scan: when all have an atom, the scan can stop. */
  private scannedPatterns = 0;

  private text: string | null = null;
  private scanned = false;
  private epoch = 0;

  constructor(patterns: readonly RegExp[] = []) {
    for (const p of patterns) this.idOf(p);
    this.build();
  }

  /** The pattern's id, registering it on first sight. */
  idOf(pattern: RegExp): number {
    const known = this.ids.get(pattern);
    if (known !== undefined) return known;
    const id = this.patterns.length;
    this.ids.set(pattern, id);
    this.patterns.push(pattern);
    this.testers.push(pattern.global ? new RegExp(pattern.source, pattern.flags.replace('g', '')) : pattern);
    if (id >= this.mode.length) {
      const mode = new Uint8Array(this.mode.length * 2);
      mode.set(this.mode);
      this.mode = mode;
      const hit = new Int32Array(this.hitEpoch.length * 2);
      hit.set(this.hitEpoch);
      this.hitEpoch = hit;
    }
    this.mode[id] = PENDING;
    this.registeredAt = this.sentences;
    return id;
  }

  /** Every pattern registered so far, in id order. */
  registered(): readonly RegExp[] {
    return this.patterns;
  }

  /** Whether pattern `id` matches somewhere in `text`: exactly its test() (for a `g` pattern, that of its copy without `g`). */
  matches(id: number, text: string): boolean {
    this.select(text);
    const mode = this.mode[id];
    if (mode === BY_REGEX || mode === PENDING) return (this.testers[id] as RegExp).test(text);
    if (!this.hasAtom(id)) return false;
    return mode === BY_ATOMS || (this.testers[id] as RegExp).test(text);
  }

  /** False only when pattern `id` cannot match `text` (none of its atoms occurs): the test before an exec loop. */
  mayMatch(id: number, text: string): boolean {
    this.select(text);
    const mode = this.mode[id];
    return mode === BY_REGEX || mode === PENDING || this.hasAtom(id);
  }

  /** Makes `text` the current sentence: nothing scanned yet; the patterns registered since the last build join the automaton. */
  private select(text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.scanned = false;
    this.sentences++;
    const waiting = this.patterns.length - this.built;
    if (waiting === 0) return;
    // New patterns come in bursts (the first documents use most of the rules' patterns): build
    // once they have stopped coming for a while, not once per pattern; after the first build, only
    // once the stragglers' regexes have cost more than a rebuild.
    this.pendingWork += waiting;
    if (this.sentences - this.registeredAt < REBUILD_AFTER_SENTENCES) return;
    if (this.built === 0 || this.pendingWork >= REBUILD_AFTER_PENDING_SENTENCES) this.build();
  }

  /** How many registered patterns wait for the next build (answered by their regex meanwhile). */
  waiting(): number {
    return this.patterns.length - this.built;
  }

  private hasAtom(id: number): boolean {
    if (!this.scanned) {
      this.scan(this.text as string);
      this.scanned = true;
    }
    return this.hitEpoch[id] === this.epoch;
  }

  /**
   * The automaton of the atoms of every registered pattern. Plain loops over typed arrays (the
   * trie's edges in the transition table itself, outputs counted then copied): it runs a few
   * times per process, in code not yet compiled, where every operation costs.
   */
  private build(): void {
    let scannedPatterns = 0;
    let atomCount = 0;
    let atomChars = 0;
    for (let id = 0; id < this.patterns.length; id++) {
      if (id >= this.reads.length) this.reads.push(cueAtoms(this.patterns[id] as RegExp));
      const read = this.reads[id] as CueAtoms | null;
      if (!read) {
        this.mode[id] = BY_REGEX;
        continue;
      }
      this.mode[id] = read.exact ? BY_ATOMS : BY_ATOMS_THEN_REGEX;
      scannedPatterns++;
      atomCount += read.atoms.length;
      for (let k = 0; k < read.atoms.length; k++) atomChars += (read.atoms[k] as CueAtom).text.length;
    }
    const atomPattern = new Int32Array(atomCount);
    const atomLength = new Int32Array(atomCount);
    const atomFlags = new Uint8Array(atomCount);
    const atomText: string[] = [];
    for (let id = 0, a = 0; id < this.patterns.length; id++) {
      const read = this.reads[id] as CueAtoms | null;
      if (!read) continue;
      for (let k = 0; k < read.atoms.length; k++, a++) {
        const atom = read.atoms[k] as CueAtom;
        atomPattern[a] = id;
        atomLength[a] = atom.text.length;
        atomFlags[a] = (atom.caseInsensitive ? 0 : CASE_SENSITIVE) | (atom.boundaryBefore ? BOUNDARY_BEFORE : 0) | (atom.boundaryAfter ? BOUNDARY_AFTER : 0);
        atomText.push(atom.text);
      }
    }
    this.built = this.patterns.length;
    this.pendingWork = 0;
    this.scannedPatterns = scannedPatterns;
    this.atomPattern = atomPattern;
    this.atomLength = atomLength;
    this.atomFlags = atomFlags;
    this.atomText = atomText;

    // The alphabet: every folded code unit of an atom; an upper-case ASCII letter shares its lower-case class.
    const classOf = this.classOf;
    classOf.fill(0);
    let classes = 1;
    for (let a = 0; a < atomCount; a++) {
      const text = atomText[a] as string;
      for (let j = 0; j < text.length; j++) {
        const code = fold(text.charCodeAt(j));
        if (classOf[code] !== 0) continue;
        classOf[code] = classes;
        if (code >= 97 && code <= 122) classOf[code - 32] = classes;
        classes++;
      }
    }
    const width = classes;
    this.width = width;

    // The trie, its edges written into the table (0: no edge; no edge leads back to the root),
    // with the atoms ending in each state as a linked list.
    const maxStates = atomChars + 1;
    const delta = new Int32Array(maxStates * width);
    const firstOwn = new Int32Array(maxStates).fill(-1);
    const nextOwn = new Int32Array(atomCount);
    let states = 1;
    for (let a = 0; a < atomCount; a++) {
      const text = atomText[a] as string;
      let state = 0;
      for (let j = 0; j < text.length; j++) {
        const edge = state * width + (classOf[fold(text.charCodeAt(j))] as number);
        let next = delta[edge] as number;
        if (next === 0) {
          next = states++;
          delta[edge] = next;
        }
        state = next;
      }
      nextOwn[a] = firstOwn[state] as number;
      firstOwn[state] = a;
    }

    // Failure links breadth first, completing the table: a missing edge takes the failure state's.
    // Each state's outputs are its own atoms, then those of its failure state (counted here).
    const fail = new Int32Array(states);
    const queue = new Int32Array(states);
    const outCount = new Int32Array(states);
    let tail = 0;
    for (let c = 1; c < width; c++) {
      const next = delta[c] as number;
      if (next !== 0) queue[tail++] = next;
    }
    for (let head = 0; head < tail; head++) {
      const state = queue[head] as number;
      const failed = fail[state] as number;
      let own = 0;
      for (let a = firstOwn[state] as number; a !== -1; a = nextOwn[a] as number) own++;
      outCount[state] = own + (outCount[failed] as number);
      const row = state * width;
      const failedRow = failed * width;
      for (let c = 1; c < width; c++) {
        const next = delta[row + c] as number;
        if (next === 0) delta[row + c] = delta[failedRow + c] as number;
        else {
          fail[next] = delta[failedRow + c] as number;
          queue[tail++] = next;
        }
      }
    }
    const outBegin = new Int32Array(states + 1);
    for (let s = 0; s < states; s++) outBegin[s + 1] = (outBegin[s] as number) + (outCount[s] as number);
    const outAtoms = new Int32Array(outBegin[states] as number);
    // Breadth first, so a failure state's list is complete before it is copied.
    for (let head = 0; head < tail; head++) {
      const state = queue[head] as number;
      let at = outBegin[state] as number;
      for (let a = firstOwn[state] as number; a !== -1; a = nextOwn[a] as number) outAtoms[at++] = a;
      const failed = fail[state] as number;
      for (let k = outBegin[failed] as number; k < (outBegin[failed + 1] as number); k++) outAtoms[at++] = outAtoms[k] as number;
    }
    // Class 0 (a code unit in no atom) stays 0: back to the root, which no atom ends in.
    const table = new Int32Array(states * width);
    for (let k = 0; k < table.length; k++) {
      const next = delta[k] as number;
      table[k] = outCount[next] !== 0 ? ~(next * width) : next * width;
    }
    this.delta = table;
    this.outBegin = outBegin;
    this.outAtoms = outAtoms;
  }

  private scan(text: string): void {
    const n = text.length;
    const epoch = ++this.epoch;
    const { classOf, delta, width, outBegin, outAtoms, atomPattern, hitEpoch } = this;
    let remaining = this.scannedPatterns;
    let row = 0;
    for (let i = 0; i < n; i++) {
      const next = delta[row + (classOf[text.charCodeAt(i)] as number)] as number;
      if (next >= 0) {
        row = next;
        continue;
      }
      row = ~next;
      const state = (row / width) | 0;
      const end = outBegin[state + 1] as number;
      for (let k = outBegin[state] as number; k < end; k++) {
        const atom = outAtoms[k] as number;
        const pattern = atomPattern[atom] as number;
        if (hitEpoch[pattern] === epoch || !this.occursAt(atom, text, i)) continue;
        hitEpoch[pattern] = epoch;
        if (--remaining === 0) return;
      }
    }
  }

  /** Whether the atom ending at `last` (its folded letters already matched) keeps its case and boundaries there. */
  private occursAt(atom: number, text: string, last: number): boolean {
    const flags = this.atomFlags[atom] as number;
    if (flags === 0) return true;
    const start = last + 1 - (this.atomLength[atom] as number);
    if (flags & CASE_SENSITIVE) {
      const literal = this.atomText[atom] as string;
      for (let j = 0; j < literal.length; j++) if (text.charCodeAt(start + j) !== literal.charCodeAt(j)) return false;
    }
    if (flags & BOUNDARY_BEFORE && wordAt(text, start - 1) === wordAt(text, start)) return false;
    if (flags & BOUNDARY_AFTER && wordAt(text, last) === wordAt(text, last + 1)) return false;
    return true;
  }
}

function fold(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** Whether position i of the text holds an ASCII word character (false outside the text). */
function wordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isAsciiWordCode(text.charCodeAt(i));
}

/**
 * The relation side's one index: the rule families' cues, the rules' trigger patterns and the
 * references' tests, so that each sentence is scanned once for all of them.
 */
export const SENTENCE_CUES = new CueIndex();
