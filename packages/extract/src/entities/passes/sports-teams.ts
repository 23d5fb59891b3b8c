import type { Token } from '../../text/tokenizer.ts';
import type { Candidate } from '../recognizer.ts';

/**
 * Pass "sports-teams": in a sports report, a town or county written as a side ("Surrey 429 for
 * seven", "v Glamorgan", "Derbyshire beat Kent", "Red Star ( Yugoslavia )") is the team, an
 * Organization; the document then reads every other mention of that name as the team too, except
 * where a place preposition keeps it the place ("at Leeds"). Unknown names in a result line
 * ("Lotte 6 Hyundai 2") are teams as well. Outside sports reports nothing changes.
 */

/** Words of results and match reports; a document with several of them is a sports report. */
const SPORTS_WORDS = new Set(
  `match matches innings wickets wicket batsman bowler goal goals scored halftime half-time striker midfielder
  goalkeeper league championship tournament semifinal semi-final quarterfinal quarter-final final cup season
  playoff playoffs coach rugby soccer cricket baseball basketball hockey tennis golf points draw drew beat
  defeated seeded innings runs touchdown inning`
    .split(/\s+/)
    .filter(Boolean),
);
const SIDE_AFTER = new Set(['beat', 'beats', 'drew', 'lost', 'won', 'defeated', 'captain', 'coach', 'manager', 'boss', 'striker', 'midfielder', 'defender', 'winger', 'goalkeeper', 'batsman', 'bowler', 'all-rounder', 'skipper', 'v', 'vs', 'vs.', 'versus']);
const SIDE_BEFORE = new Set(['v', 'vs', 'vs.', 'versus', 'beat', 'defeated', 'over', 'against']);
const PLACE_BEFORE = new Set(['in', 'at', 'from', 'near', 'to', 'of', 'outside', 'into']);

export function isSportsDocument(lowerWords: ReadonlySet<string>): boolean {
  let n = 0;
  for (const w of SPORTS_WORDS) if (lowerWords.has(w) && ++n >= 3) return true;
  return false;
}

export function markSportsTeams(text: string, tokens: readonly Token[], candidates: Candidate[], surface: (c: Candidate) => string): void {
  const teams = new Set<string>();
  // Towns and counties field teams; countries and regions ("England") are national sides, left as places.
  const town = (c: Candidate) => c.type === 'Place' && c.entry?.type === 'Place' && !c.entry.capitalOf && (c.entry.attributes.kind === 'city' || c.entry.attributes.kind === 'province');
  const open = (c: Candidate) => town(c) || c.type === null;
  const lower = (i: number) => (i >= 0 && i < tokens.length ? (tokens[i] as Token).text.toLowerCase() : '');
  const isNumber = (i: number) => i >= 0 && i < tokens.length && (tokens[i] as Token).kind === 'number';
  const lineStart = (i: number) => i === 0 || (tokens[i] as Token).text !== '' && (tokens[i - 1] as Token).end < (tokens[i] as Token).start && /\n/.test(text.slice((tokens[i - 1] as Token).end, (tokens[i] as Token).start));
  for (const c of candidates) {
    if (!open(c)) continue;
    const prev = lower(c.first - 1);
    const next = lower(c.last);
    if (PLACE_BEFORE.has(prev)) continue;
    // "MILWAUKEE 1996-08-29" is a dateline, not a score.
    const dateAfter = isNumber(c.last) && /^\d{4}$/.test((tokens[c.last] as Token).text) && lower(c.last + 1) === '-';
    const score = isNumber(c.last) && !dateAfter;
    if (c.type === null) {
      // An unknown name is a side only in a result line: "Lotte 6 Hyundai 2" (players are named in prose).
      if (score && (lineStart(c.first) || isNumber(c.first - 1))) teams.add(surface(c).toLowerCase());
      continue;
    }
    const bracketCountry = next === '(' && candidates.some((d) => d.first === c.last + 1 && d.type === 'Country');
    if (score || SIDE_AFTER.has(next) || SIDE_BEFORE.has(prev) || bracketCountry) teams.add(surface(c).toLowerCase());
  }
  if (teams.size === 0) return;
  for (const c of candidates) {
    if (!open(c) || !teams.has(surface(c).toLowerCase())) continue;
    if (PLACE_BEFORE.has(lower(c.first - 1))) continue;
    c.type = 'Organization';
    delete c.entry;
    c.weak = false;
    c.source = 'team-context';
  }
}

