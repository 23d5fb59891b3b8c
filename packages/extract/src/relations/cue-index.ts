import { cueAtoms, isAsciiWordCode } from './cue-atoms.ts';

/** How a cue is answered: by its regex on every sentence, by its atoms alone, or by its atoms then its regex. */
const BY_REGEX = 0;
const BY_ATOMS = 1;
const BY_ATOMS_THEN_REGEX = 2;

/** Atom flags. */
const CASE_SENSITIVE = 1;
const BOUNDARY_BEFORE = 2;
const BOUNDARY_AFTER = 4;

/**
 * Answers "does cue i match this sentence?" for many cue regexes with one pass over the sentence:
 * every cue is read into literal atoms (`cue-atoms.ts`) at construction, the atoms of all cues
 * make one Aho–Corasick automaton over ASCII-folded UTF-16 code units, and the first question
 * about a sentence runs it once, marking each cue one of whose atoms occurs with its case and
 * word boundaries. The answer is always exactly `cue.test(sentence)`: a cue whose atoms are only
 * necessary runs its regex when an atom occurs, and a cue that cannot be read as atoms runs its
 * regex every time.
 *
 * Why not a library: the npm Aho–Corasick packages match whole grapheme clusters
 * (modern-ahocorasick) or exact code units only (@monyone/aho-corasick), and return match
 * objects; here one scan needs a per-atom case rule (ASCII-only folding, as `/i` without `u`),
 * the regex `\b` checks and no allocation per match.
 */
export class CueIndex {
  private readonly patterns: readonly (RegExp | null)[];
  private readonly mode: Uint8Array;
  /** Alphabet class of each UTF-16 code unit (0: in no atom), ASCII letters folded. */
  private readonly classOf: Uint16Array;
  private readonly width: number;
  /** Next state for (state * width + class), failure transitions included. */
  private readonly delta: Int32Array;
  /** Atoms ending in state s: outAtoms[outBegin[s] .. outBegin[s + 1]). */
  private readonly outBegin: Int32Array;
  private readonly outAtoms: Int32Array;
  private readonly atomCue: Int32Array;
  private readonly atomLength: Int32Array;
  private readonly atomFlags: Uint8Array;
  private readonly atomText: readonly string[];
  /** Cues answered from the scan (modes BY_ATOMS and BY_ATOMS_THEN_REGEX). */
  private readonly scannedCues: number;

  private text = '';
  private scanned = false;
  private epoch = 0;
  /** hitEpoch[cue] === epoch: an atom of the cue occurs in the current sentence. */
  private readonly hitEpoch: Int32Array;

  constructor(patterns: readonly (RegExp | null)[]) {
    this.patterns = patterns;
    this.mode = new Uint8Array(patterns.length);
    this.hitEpoch = new Int32Array(patterns.length);
    const atoms: Array<{ cue: number; text: string; flags: number }> = [];
    let scannedCues = 0;
    patterns.forEach((pattern, cue) => {
      const read = pattern ? cueAtoms(pattern) : null;
      if (!read) return;
      this.mode[cue] = read.exact ? BY_ATOMS : BY_ATOMS_THEN_REGEX;
      scannedCues++;
      for (const a of read.atoms) {
        const flags = (a.caseInsensitive ? 0 : CASE_SENSITIVE) | (a.boundaryBefore ? BOUNDARY_BEFORE : 0) | (a.boundaryAfter ? BOUNDARY_AFTER : 0);
        atoms.push({ cue, text: a.text, flags });
      }
    });
    this.scannedCues = scannedCues;
    this.atomCue = Int32Array.from(atoms, (a) => a.cue);
    this.atomLength = Int32Array.from(atoms, (a) => a.text.length);
    this.atomFlags = Uint8Array.from(atoms, (a) => a.flags);
    this.atomText = atoms.map((a) => a.text);

    // The alphabet: every folded code unit of an atom; an upper-case ASCII letter shares its lower-case class.
    this.classOf = new Uint16Array(65536);
    let classes = 1;
    for (const a of atoms) {
      for (let j = 0; j < a.text.length; j++) {
        const code = fold(a.text.charCodeAt(j));
        if (this.classOf[code] !== 0) continue;
        this.classOf[code] = classes;
        if (code >= 97 && code <= 122) this.classOf[code - 32] = classes;
        classes++;
      }
    }
    this.width = classes;

    // The trie, then the failure links breadth first, then the full transition table.
    const children: Array<Map<number, number>> = [new Map()];
    const own: number[][] = [[]];
    atoms.forEach((a, index) => {
      let state = 0;
      for (let j = 0; j < a.text.length; j++) {
        const c = this.classOf[fold(a.text.charCodeAt(j))] as number;
        let next = (children[state] as Map<number, number>).get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          own.push([]);
          (children[state] as Map<number, number>).set(c, next);
        }
        state = next;
      }
      (own[state] as number[]).push(index);
    });
    const states = children.length;
    const width = this.width;
    const delta = new Int32Array(states * width);
    const fail = new Int32Array(states);
    const outputs: number[][] = own.map((o) => [...o]);
    const queue: number[] = [];
    for (const [c, next] of children[0] as Map<number, number>) {
      delta[c] = next;
      queue.push(next);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      (outputs[state] as number[]).push(...(outputs[fail[state] as number] as number[]));
      for (let c = 0; c < width; c++) {
        const next = (children[state] as Map<number, number>).get(c);
        if (next === undefined) delta[state * width + c] = delta[(fail[state] as number) * width + c] as number;
        else {
          fail[next] = delta[(fail[state] as number) * width + c] as number;
          delta[state * width + c] = next;
          queue.push(next);
        }
      }
    }
    // Class 0 (a code unit in no atom) always returns to the root.
    for (let s = 0; s < states; s++) delta[s * width] = 0;
    this.delta = delta;
    this.outBegin = new Int32Array(states + 1);
    const flat: number[] = [];
    for (let s = 0; s < states; s++) {
      this.outBegin[s] = flat.length;
      flat.push(...(outputs[s] as number[]));
    }
    this.outBegin[states] = flat.length;
    this.outAtoms = Int32Array.from(flat);
  }

  /** Starts a sentence; nothing is scanned until a cue of it is asked. */
  begin(text: string): void {
    this.text = text;
    this.scanned = false;
  }

  /** Exactly `patterns[cue].test(sentence)` (true for a null pattern). */
  matches(cue: number): boolean {
    const pattern = this.patterns[cue];
    if (!pattern) return true;
    const mode = this.mode[cue];
    if (mode === BY_REGEX) return pattern.test(this.text);
    if (!this.scanned) {
      this.scan();
      this.scanned = true;
    }
    if (this.hitEpoch[cue] !== this.epoch) return false;
    return mode === BY_ATOMS || pattern.test(this.text);
  }

  private scan(): void {
    const text = this.text;
    const n = text.length;
    const epoch = ++this.epoch;
    const { classOf, delta, width, outBegin, outAtoms, atomCue, hitEpoch } = this;
    let remaining = this.scannedCues;
    let state = 0;
    for (let i = 0; i < n; i++) {
      state = delta[state * width + (classOf[text.charCodeAt(i)] as number)] as number;
      const end = outBegin[state + 1] as number;
      for (let k = outBegin[state] as number; k < end; k++) {
        const atom = outAtoms[k] as number;
        const cue = atomCue[atom] as number;
        if (hitEpoch[cue] === epoch || !this.occursAt(atom, text, i)) continue;
        hitEpoch[cue] = epoch;
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
