import { FUNCTION_WORDS, type WordClasses } from '../../lexicon/word-classes.ts';
import type { Token } from '../../text/tokenizer.ts';
import type { Candidate } from '../recognizer/index.ts';

/**
 * Pass "sports-teams": in a sports report, a town or county written as a side ("Surrey 429 for
 * seven", "v Glamorgan", "Derbyshire beat Kent", "Red Star ( Yugoslavia )", "Cleveland 's lead",
 * "homered for Cleveland", "Essex and Kent") is the team, an Organization; the document then reads
 * every other mention of that name as the team too, except where a place preposition keeps it the
 * place ("at Leeds"). Unknown names in a result or standings line ("Lotte 6 Hyundai 2", "Haitai 64
 * 2 43 .596") and after a rider's country ("Ludwig ( Germany ) Telekom") are teams as well.
 * Outside sports reports nothing changes.
 */

/** Words of results and match reports; a document with several of them is a sports report. */
const SPORTS_WORDS = new Set(
  `match matches innings wickets wicket batsman bowler goal goals scored halftime half-time striker midfielder
  goalkeeper league championship tournament semifinal semi-final quarterfinal quarter-final final cup season
  playoff playoffs coach rugby soccer cricket baseball basketball hockey tennis golf points draw drew beat
  defeated seeded innings runs touchdown inning scoreboard standings overs stumps batting bowling homered homer
  homers pitcher pitched games defender teammate scrum-half penalty`
    .split(/\s+/)
    .filter(Boolean),
);
/** Names of sports: the wire's headline convention ("SOCCER - ...") marks a sports report on its own. */
const SPORT_NAMES = new Set(['soccer', 'cricket', 'baseball', 'basketball', 'rugby', 'tennis', 'golf', 'cycling', 'athletics', 'hockey', 'boxing', 'squash', 'motor-racing', 'football', 'nfl', 'nba', 'nhl']);
const SIDE_AFTER = new Set([
  'beat', 'beats', 'drew', 'lost', 'won', 'defeated', 'captain', 'coach', 'manager', 'boss', 'striker', 'midfielder', 'goalkeeper', 'batsman', 'bowler',
  'all', 'skipper', 'playmaker', 'forward', 'defender', 'winger', 'player', 'players', 'fans', 'supporters', 'v', 'vs', 'vs.', 'versus', 'reached',
  'rallied', 'blanked', 'routed', 'tied', 'scored', 'trailed', 'led', 'leads', 'declared', 'replied', 'finished',
]);
/** SPORTS_WORDS as an array, read by index once per document. */
const SPORTS_WORD_LIST = [...SPORTS_WORDS];
const SIDE_BEFORE = new Set(['v', 'vs', 'vs.', 'versus', 'beat', 'defeated', 'over', 'against', 'for', 'joined', 'join', 'joins', 'rivals', 'hopefuls', 'champions', 'leaders', 'former', 'blanked', 'routed', 'club', 'side']);
/** Scorecard words around a fielder's or bowler's name: "c Cork b Croft", "lbw b Akram", "st Russell". */
const DISMISSALS = new Set(['c', 'b', 'lbw', 'st']);
const SIDE_VERSUS = new Set(['v', 'vs', 'vs.', 'versus']);
const PLACE_BEFORE = new Set(['in', 'at', 'from', 'near', 'to', 'of', 'outside', 'into']);
const COORDINATORS = new Set(['and', 'or', ',', '&']);

export function isSportsDocument(lowerWords: ReadonlySet<string>, tokens: readonly Token[] = []): boolean {
  let n = 0;
  for (let i = 0; i < SPORTS_WORD_LIST.length; i++) if (lowerWords.has(SPORTS_WORD_LIST[i] as string) && ++n >= 3) return true;
  // "BASEBALL - RESULTS OF ...": a sport's name in the headline convention.
  for (let i = 0; i + 1 < tokens.length && i < 40; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'word' && SPORT_NAMES.has(t.text.toLowerCase()) && (tokens[i + 1] as Token).text === '-') return true;
  }
  return false;
}

/** Sources that only guess a person from the shape of a name (a team's name can look like one). */
const WEAK_PERSON_SOURCES = new Set(['name-list', 'name-shape', 'surname', 'quoted-surname', 'capitalised', 'corpus-alias', 'corpus-type']);

export function markSportsTeams(text: string, tokens: readonly Token[], candidates: Candidate[], surface: (c: Candidate) => string, words: Pick<WordClasses, 'firstNames'>): void {
  const teams = new Set<string>();
  // Towns and counties field teams; countries and regions ("England") are national sides, left as places.
  const town = (c: Candidate) => c.type === 'Place' && c.entry?.type === 'Place' && !c.entry.capitalOf && (c.entry.attributes.kind === 'city' || c.entry.attributes.kind === 'province');
  const guessed = (c: Candidate) => c.type === null || c.type === 'Organization' || (c.type === 'Person' && WEAK_PERSON_SOURCES.has(c.source));
  const oneWordGuess = (c: Candidate) => c.last - c.first === 1 && guessed(c);
  /** "Greenock Morton", "Port Vale": two or three words guessed a person from their shape. */
  const longGuess = (c: Candidate) => c.last - c.first >= 2 && c.last - c.first <= 3 && guessed(c) && !words.firstNames.has(lower(c.first));
  /** What may be read as a side: a town, an unknown or guessed name, a "... County" / "... City" club. */
  // A paragraph's first word is capitalised whatever it is ("The 34-year-old ..."): a function word is never a side.
  const sideable = (c: Candidate) =>
    !(c.last - c.first === 1 && FUNCTION_WORDS.has(lower(c.first))) &&
    (town(c) || c.type === null || oneWordGuess(c) || longGuess(c) || (c.type === 'Place' && c.source === 'place-suffix'));
  const lower = (i: number) => (i >= 0 && i < tokens.length ? (tokens[i] as Token).text.toLowerCase() : '');
  const isNumber = (i: number) => i >= 0 && i < tokens.length && (tokens[i] as Token).kind === 'number';
  const lineStart = (i: number) => i === 0 || ((tokens[i] as Token).text !== '' && (tokens[i - 1] as Token).end < (tokens[i] as Token).start && /\n/.test(text.slice((tokens[i - 1] as Token).end, (tokens[i] as Token).start)));
  const dateAfter = (i: number) => isNumber(i) && /^\d{4}$/.test((tokens[i] as Token).text) && lower(i + 1) === '-';
  // Candidates by their first and last token, so that each context test is a lookup (no scan per candidate).
  const byFirst = new Map<number, Candidate>();
  const byLast = new Map<number, Candidate>();
  for (let ci = 0; ci < candidates.length; ci++) {
    const d = candidates[ci] as Candidate;
    if (!byFirst.has(d.first)) byFirst.set(d.first, d);
    if (!byLast.has(d.last)) byLast.set(d.last, d);
  }
  const countryInBrackets = (i: number) => lower(i) === '(' && byFirst.get(i + 1)?.type === 'Country' && lower(i + 2) === ')';
  /** "LEEDS 1996-08-30", "ARLINGTON , Texas 1996-08-31": a dateline's place (first in its line, a date close after). */
  const dateline = (c: Candidate) => {
    if (dateAfter(c.last)) return true;
    if (!lineStart(c.first)) return false;
    for (let i = c.last; i < c.last + 6 && i < tokens.length; i++) if (dateAfter(i)) return true;
    return false;
  };
  /** Count of numbers right after token i (a standings row has three or more). */
  const numbersAfter = (i: number) => {
    let n = 0;
    while (isNumber(i + n) || (lower(i + n) === '.' && isNumber(i + n + 1))) n++;
    return n;
  };
  /** "O'Meara 73 71 69 71": a golfer's card, every number a round's score. */
  const golfCard = (i: number) => {
    let n = 0;
    for (; isNumber(i + n); n++) {
      const v = Number((tokens[i + n] as Token).text);
      if (!(v >= 60 && v <= 89) && !(n >= 4 && v >= 240 && v <= 360)) return false;
    }
    return n >= 2;
  };
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    const prev = lower(c.first - 1);
    const next = lower(c.last);
    // "Cork 3-0-15-0", "c Cork b Croft": a bowler's figures and a scorecard's dismissals name players.
    const figures = isNumber(c.last) && lower(c.last + 1) === '-' && isNumber(c.last + 2) && lower(c.last + 3) === '-';
    if (c.type === 'Person' && (DISMISSALS.has(prev) || DISMISSALS.has(next) || figures)) continue;
    // "34-year-old", "10-point": a number joined to a word is a modifier, not a score ("3-2" is one).
    const compound = lower(c.last + 1) === '-' && !isNumber(c.last + 2);
    const score = isNumber(c.last) && !dateAfter(c.last) && !figures && !compound;
    // "WIGAN , England 1996-08-31": the dateline's place, not a side.
    if (dateline(c)) continue;
    if (sideable(c)) {
      // An unknown name is a side in a result line ("Lotte 6 Hyundai 2"), a standings row, or after
      // a rider's country ("Ludwig ( Germany ) Telekom 4:08"); players are named in prose.
      const resultLine = score && (lineStart(c.first) || isNumber(c.first - 1));
      const standings = lineStart(c.first) && numbersAfter(c.last) >= 3 && !golfCard(c.last);
      const afterRiderCountry = prev === ')' && c.first >= 3 && countryInBrackets(c.first - 3) && byLast.get(c.first - 3)?.type === 'Person';
      if (!town(c) && (resultLine || standings || afterRiderCountry)) {
        teams.add(surface(c).toLowerCase());
        continue;
      }
    }
    if (longGuess(c)) {
      // A longer name looks like a player's: a side only in a pairing ("Wigan 42 Bradford Bulls 36",
      // "St Johnstone v Airdrieonians") or a league table row (a golfer's card has fewer numbers).
      // Players carry an initial or their country in brackets ("M. Alleyne 4-80", "Greg Rusedski ( Britain ) vs.").
      const player = /^\p{Lu}\.$/u.test((tokens[c.first] as Token).text) || countryInBrackets(c.last) || prev === ')';
      const pairing = !player && ((score && (isNumber(c.first - 1) || (lineStart(c.first) && isNumber(byFirst.get(c.last + 1)?.last ?? -1)))) || SIDE_VERSUS.has(next) || SIDE_VERSUS.has(prev));
      const tableRow = !player && lineStart(c.first) && numbersAfter(c.last) >= 6;
      if (pairing || tableRow) teams.add(surface(c).toLowerCase());
      continue;
    }
    if (!town(c)) continue;
    if (PLACE_BEFORE.has(prev)) continue;
    const possessive = c.last < tokens.length && (tokens[c.last] as Token).kind === 'possessive';
    if (score || possessive || SIDE_AFTER.has(next) || SIDE_BEFORE.has(prev) || countryInBrackets(c.last)) teams.add(surface(c).toLowerCase());
  }
  if (teams.size === 0) return;
  // Sides coordinated with a side are sides ("Essex , Derbyshire and Surrey"; "v Gloucestershire or Sussex").
  const ordered = candidates.slice().sort((a, b) => a.first - b.first);
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i + 1 < ordered.length; i++) {
      const a = ordered[i] as Candidate;
      const b = ordered[i + 1] as Candidate;
      if (b.first !== a.last + 1 || !COORDINATORS.has(lower(a.last))) continue;
      const ka = surface(a).toLowerCase();
      const kb = surface(b).toLowerCase();
      if (teams.has(ka) && town(b)) teams.add(kb);
      else if (teams.has(kb) && town(a)) teams.add(ka);
    }
  }
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    if (!sideable(c) || !teams.has(surface(c).toLowerCase())) continue;
    if (PLACE_BEFORE.has(lower(c.first - 1)) || dateline(c)) continue;
    c.type = 'Organization';
    delete c.entry;
    c.weak = false;
    c.source = 'team-context';
  }
}
