import { HONORIFICS, MISC_LAST_WORDS, ORG_SUFFIXES, PLACE_SUFFIXES, ROLE_HEADS, TITLE_WORDS, GOVERNMENT_ROLE_HEADS } from '../../lexicon/titles.ts';
import { FUNCTION_WORDS, MONTHS_AND_DAYS } from '../../lexicon/word-classes.ts';
import { isAllCaps, isCapitalised, stripDot } from './candidate.ts';
import type { Candidate } from './candidate.ts';
import { emitKnown, longestKnownWithin } from './known.ts';
import type { SentenceScan } from './scan.ts';
import { PURE_HONORIFICS } from './words.ts';

/**
 * "US Secretary of State Antony Blinken": a (country/demonym) + title words ending in a role head,
 * followed by a name. Emits the country/org mentions inside the title and the person.
 */
export function splitTitle(s: SentenceScan, start: number, end: number): boolean {
  // Only a role head or an honorific makes a title (the loop below needs one), and most runs have
  // none: they are answered without the loop's lookups of known names.
  if (!hasRoleHead(s, start, end)) return false;
  let j = start;
  let sawHead = false;
  const inner: Array<[number, number]> = [];
  while (j < end) {
    const w = stripDot(s.lower(j));
    if (ROLE_HEADS.has(w) || HONORIFICS.has(s.lower(j))) {
      sawHead = true;
      j++;
      continue;
    }
    if (TITLE_WORDS.has(w) || ((w === 'of' || w === 'for' || w === 'and' || w === '-') && j > start)) {
      // "Treasury" inside a title is still a mention of the Treasury.
      const g = s.gazetteerAt(j, j + 1);
      if (g?.some((e) => e.type === 'Organization')) inner.push([j, j + 1]);
      j++;
      continue;
    }
    const m = longestKnownWithin(s, j, end);
    if (m > j && !sawHead) {
      const g = s.gazetteerAt(j, m);
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
  for (let k = start; k < j; k++) if (ROLE_HEADS.has(stripDot(s.lower(k))) || HONORIFICS.has(s.lower(k))) lastHead = k;
  if (lastHead < 0) return false;
  const nameStart = j;
  if (nameStart < end) {
    // "Major League Baseball" is not Major + "League Baseball": names hold no organization words.
    for (let k = nameStart; k < end; k++) {
      const w = stripDot(s.lower(k));
      // An event word only ends an event's name: "Rep. Bill Nelson" is a person, "... Open" is not.
      // A place word opening the name is a surname ("Minister Park Jae-hoon"); after a name word it
      // makes the run a place ("Governor Hyde Park").
      if (ORG_SUFFIXES.has(w) || (PLACE_SUFFIXES.has(w) && k > nameStart) || (k === end - 1 && MISC_LAST_WORDS.has(w))) return false;
    }
    // "the Economist Intelligence Unit (EIU)": a name defined with an acronym is an organization.
    if (end + 2 < s.ctx.tokens.length && s.tok(end).text === '(' && isAllCaps(s.tok(end + 1)) && s.tok(end + 2).text === ')') return false;
    const known = s.gazetteerAt(nameStart, end);
    if (known && known.some((e) => e.type !== 'Person') && end - nameStart > 0) {
      // "Coach ... Manchester United": the rest is not a name.
      if (!HONORIFICS.has(s.lower(lastHead))) return false;
    }
  }
  const innerIdx: number[] = [];
  for (const [a, b] of inner) {
    const before = s.out.length;
    emitKnown(s, a, b, 'title');
    if (s.out.length > before) innerIdx.push(s.out.length - 1);
  }
  if (nameStart >= end) return true; // a bare title ("Prime Minister"): no person here
  const role = s.spanText(start, lastHead + 1);
  const head = stripDot(s.lower(lastHead));
  let affiliation: Candidate | undefined;
  const innerCands = innerIdx.map((x) => s.out[x] as Candidate);
  const org = innerCands.find((c) => c.type === 'Organization');
  const country = innerCands.find((c) => c.type === 'Country');
  if (org) affiliation = org;
  else if (country && GOVERNMENT_ROLE_HEADS.has(head)) affiliation = country;
  // Strip the country from the role text: "US Secretary of State" -> "Secretary of State".
  let roleStart = start;
  for (const [a, b] of inner) if (a === roleStart && s.out.some((c) => c.first === a && c.type === 'Country')) roleStart = b;
  const roleText = roleStart < nameStart ? s.spanText(roleStart, nameStart) : role;
  let isHonorific = true;
  for (let k = roleStart; k <= lastHead; k++) if (!PURE_HONORIFICS.has(stripDot(s.lower(k)))) isHonorific = false;
  s.push({
    first: nameStart,
    last: end,
    type: 'Person',
    source: 'title-name',
    ...(isHonorific ? {} : { role: roleText }),
    ...(affiliation ? { affiliation } : {}),
  });
  return true;
}

function hasRoleHead(s: SentenceScan, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (ROLE_HEADS.has(stripDot(s.lower(k))) || HONORIFICS.has(s.lower(k))) return true;
  return false;
}

/**
 * A lower-case role phrase right before a name: "financial crimes specialist Elizabeth Rosenberg",
 * "assistant secretary of commerce for export administration Thea Kendler".
 */
export function roleBefore(s: SentenceScan, nameStart: number): { text: string; start: number; head: string } | null {
  const f = s.sentence.firstToken;
  let k = nameStart - 1;
  let start = -1;
  let head = '';
  let steps = 0;
  while (k >= f && steps < 10) {
    const t = s.tok(k);
    const lower = t.text.toLowerCase();
    const w = stripDot(lower);
    if (t.kind === 'punct' && t.text === '-' && !t.spaceBefore) {
      k--;
      steps++;
      continue;
    }
    if (t.kind !== 'word') break;
    if (s.isTaken(k)) break;
    const isRoleHead = ROLE_HEADS.has(w) || HONORIFICS.has(lower);
    const isConnector = w === 'of' || w === 'for' || w === 'and';
    if (!isRoleHead && !isConnector) {
      if (isCapitalised(t) && !TITLE_WORDS.has(w)) break;
      if (FUNCTION_WORDS.has(w) || s.ctx.words.verbForms.has(w) || MONTHS_AND_DAYS.has(w)) break;
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
    const w = stripDot(s.lower(x));
    if (ROLE_HEADS.has(w) || HONORIFICS.has(s.lower(x))) lastHead = x;
  }
  if (lastHead < 0) return null;
  if (lastHead !== nameStart - 1 && !['of', 'for', 'to', 'at', 'in'].includes(s.lower(lastHead + 1))) return null;
  // "the secretary's official Kent house": "official" right after an article or a possessive qualifies a thing.
  if (start === lastHead && s.lower(lastHead) === 'official' && start > f && (s.tok(start - 1).kind === 'possessive' || ['the', 'its', 'his', 'her', 'their', 'an', 'a'].includes(s.lower(start - 1)))) return null;
  // Do not start the role with a connector.
  while (start < nameStart && ['of', 'for', 'and', '-'].includes(s.lower(start))) start++;
  if (start >= nameStart) return null;
  return { text: s.spanText(start, nameStart), start, head };
}
