import type { GazetteerEntry } from '../../lexicon/gazetteer.ts';
import type { Candidate } from './candidate.ts';
import { isAllCaps, isCapitalised } from './candidate.ts';
import { COMMON_ACRONYMS, COMPASS_WORDS, GOVERNMENT_ROLE_HEADS, HONORIFICS, MISC_LAST_WORDS, ORG_SUFFIXES, TITLE_WORDS } from '../../lexicon/titles.ts';
import { FUNCTION_WORDS } from '../../lexicon/word-classes.ts';
import { ENTITY_TYPE_OF, classify } from './classify.ts';
import type { SentenceScan } from './scan.ts';
import { roleBefore } from './titles.ts';
import { NAME_PARTICLES } from './words.ts';
import { BANK_WORD } from '../../lexicon/company-words.ts';
import { EAST_ASIAN_FAMILY_NAMES } from '../../lexicon/east-asian-surnames.ts';

const SPEECH_AFTER = new Set(['said', 'says', 'told', 'added', 'explained', 'wrote', 'argued', 'insisted', 'who', 'noted', 'asked', 'replied']);
const SPEECH_BEFORE = new Set(['said', 'says', 'by', 'told', 'added', 'asked', 'photo', 'credit', 'reporting']);
const ARTICLES = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'our', 'his', 'her']);
/** Words before a capitalised span that point to a thing or place rather than a person. */
const NOT_BEFORE_NAME = new Set([...ARTICLES, 'in', 'at', 'of', 'into', 'on', 'from', 'all', 'per', 'each', 'via', 'near', 'most', 'many', 'some', 'few', 'several', 'both', 'other', 'fellow']);
/** Members of a party or creed, capitalised but never a person's name ("an Illinois Democrat said"). */
const PARTY_MEMBERS = new Set(['democrat', 'democrats', 'republican', 'republicans', 'tory', 'tories', 'socialist', 'socialists', 'communist', 'communists', 'liberal', 'liberals', 'conservative', 'conservatives', 'nationalist', 'nationalists', 'unionist', 'unionists', 'loyalist', 'loyalists', 'catholic', 'catholics', 'protestant', 'protestants', 'muslim', 'muslims', 'moslem', 'moslems']);
/** Words after a name that make it a company ("Petofi shares"); and before "in"/"of" ("stake in X"). */
const COMPANY_AFTER = new Set(['agency', 'shares', 'shareholders', 'stock', 'subsidiary', 'subsidiaries', 'earnings', 'profits', 'revenues', 'plc', 'ag', 'sa', 'spa', 'nv', 'gdrs', 'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'workers', 'employees', 'headquarters', 'executives', 'unions', 'newspaper', 'shareholder', 'employee']);
/**
 * A lower-case noun of kind right before a name makes it an organization: "the news agency Tanjug",
 * "the official newspaper Granma", "mineral water firm Multico", "telecoms operator Unicom".
 */
const ORG_KIND_BEFORE = new Set(['firm', 'company', 'group', 'newspaper', 'daily', 'weekly', 'agency', 'operator', 'carrier', 'airline', 'insurer', 'distributor', 'maker', 'manufacturer', 'retailer', 'publisher', 'brokerage', 'conglomerate', 'club', 'side', 'consortium', 'bank', 'lender', 'broadcaster', 'magazine', 'station', 'team']);
/** Settlements and areas, written in lower case before "of" and a place's name ("the town of Lowman"). */
const SETTLEMENT_KINDS = new Set(['town', 'towns', 'city', 'cities', 'village', 'villages', 'hamlet', 'port', 'ports', 'province', 'provinces', 'region', 'regions', 'district', 'districts', 'county', 'island', 'islands', 'suburb', 'municipality', 'township', 'borough', 'commune']);
/** Who, in a name list, works for an organization ("X general manager", "X board"). */
const ORG_STAFF_PAIRS = new Set(['general manager', 'managing director', 'chief executive', 'board of']);
/** The first words of ORG_STAFF_PAIRS: the pair is built and looked up only after one of them. */
const ORG_STAFF_FIRST_WORDS = new Set([...ORG_STAFF_PAIRS].map((pair) => pair.slice(0, pair.indexOf(' '))));

/** The two words after b are an ORG_STAFF_PAIRS pair ("Petofi general manager"). */
function orgStaffPairAt(s: SentenceScan, b: number): boolean {
  return b + 1 < s.sentence.lastToken && ORG_STAFF_FIRST_WORDS.has(s.lower(b)) && ORG_STAFF_PAIRS.has(`${s.lower(b)} ${s.lower(b + 1)}`);
}
const COMPANY_BEFORE = new Set(['stake', 'shares', 'subsidiary', 'unit', 'units', 'shareholders', 'takeover', 'acquisition', 'chairman', 'shareholder']);
/** Awards, holidays and festivals: capitalised, never a PER/ORG/LOC name on their own. */
const NOT_NAMES = new Set(['oscar', 'oscars', 'grammy', 'grammys', 'grammies', 'emmy', 'emmys', 'bafta', 'baftas', 'brits', 'christmas', 'easter', 'xmas', 'ramadan', 'diwali', 'hanukkah', 'thanksgiving', 'halloween', 'eid', 'passover', 'lent']);
const NOT_NAME_OPENERS = /^(english|scottish|welsh|european|asian|african|arab|latin|western|eastern|northern|southern|royal|national|international|global|new|old|great|grand|first|second|third|merry|happy)$/;

/**
 * An unknown capitalised span: typed from its context (a role or honorific before it, "-based",
 * the learned lexicon, name lists, acronym shape, company context, quoted speech), or kept untyped
 * for the document passes (surname and acronym resolution).
 */
export function emitUnknown(s: SentenceScan, a: number, b: number): void {
  // Trim title words left over at the edges ("Senator" handled earlier; "Foreign" alone is nothing).
  while (a < b && (FUNCTION_WORDS.has(s.lower(a)) || s.lower(a) === '-')) a++;
  while (b > a && (FUNCTION_WORDS.has(s.lower(b - 1)) || s.tok(b - 1).kind !== 'word')) b--;
  if (a >= b) return;
  const lex = s.ctx.lexicon;
  const n = b - a;
  // "Treasury and Commerce officials": a department's short name coordinated with another.
  const department = n === 1 ? coordinatedDepartment(s, a) : undefined;
  if (department) {
    s.push({ first: a, last: b, type: 'Organization', entry: department, source: 'coordinated-department' });
    return;
  }
  // "Jesse Owens Award", "Davis Cup": events and prizes are no PER/ORG/LOC.
  if (n >= 2 && MISC_LAST_WORDS.has(s.lower(b - 1))) return;
  // "(SUV)" after lower-case words abbreviates a common noun, not a name.
  if (n === 1 && a > s.sentence.firstToken + 1 && s.tok(a - 1).text === '(' && /^\p{Ll}/u.test(s.tok(a - 2).text)) {
    s.push({ first: a, last: b, type: null, source: 'capitalised' });
    return;
  }
  // Awards and holidays ("Oscar", "Christmas") are no person, organization or place.
  if (n <= 2 && NOT_NAMES.has(s.lower(b - 1))) {
    s.push({ first: a, last: b, type: null, source: 'capitalised' });
    return;
  }
  const role = roleBefore(s, a);
  const prevText = a > s.sentence.firstToken ? s.lower(a - 1) : '';
  if (role || HONORIFICS.has(prevText)) {
    const cand: Candidate = { first: a, last: b, type: 'Person', source: role ? 'role-name' : 'honorific', sentenceIndex: s.sentenceIndex };
    if (role && !HONORIFICS.has(role.head)) {
      cand.role = role.text;
      // Affiliation: the entity written right before the role phrase.
      const before = organizationOrCountryEndingAt(s, role.start);
      if (before >= 0) {
        const c = s.out[before] as Candidate;
        if (c.type === 'Organization' || GOVERNMENT_ROLE_HEADS.has(role.head)) cand.affiliation = c;
      }
    }
    s.push(cand);
    return;
  }
  // "the news agency Tanjug", "Tanjug spokesman", "Petofi general manager": said of an organization.
  const after = b < s.sentence.lastToken ? s.lower(b) : '';
  if ((ORG_KIND_BEFORE.has(prevText) && !isAllCaps(s.tok(a))) || ((COMPANY_AFTER.has(after) || orgStaffPairAt(s, b)) && (n >= 2 || !s.isCommonWord(a)) && !personShaped(s, a, b))) {
    s.push({ first: a, last: b, type: 'Organization', source: 'org-context' });
    return;
  }
  // "Halkbank", "Sberbank": one word ending in "bank" names a bank.
  if (n === 1 && BANK_WORD.test(s.tok(a).text) && !s.isCommonWord(a)) {
    s.push({ first: a, last: b, type: 'Organization', source: 'bank-word' });
    return;
  }
  // "the small resort town of Lowman", "the village of Layron": a kind of settlement names a place.
  if (prevText === 'of' && a - 2 >= s.sentence.firstToken && SETTLEMENT_KINDS.has(s.tok(a - 2).text) && n <= 3) {
    s.push({ first: a, last: b, type: 'Place', source: 'settlement-of' });
    return;
  }
  // "the ports of Primorsk and Kozmino": the second of two settlements named after their kind.
  // A person who opens a new clause ("... and Ivan Petrov said") is no second settlement.
  if (prevText === 'and' && n <= 3) {
    const clauseSubject = s.ctx.words.firstNames.has(s.lower(a)) || (b < s.sentence.lastToken && SPEECH_AFTER.has(s.lower(b)));
    if (!clauseSubject && settlementEndsAt(s, a - 1)) {
      s.push({ first: a, last: b, type: 'Place', source: 'settlement-of' });
      return;
    }
  }
  // "Veldhoven-based": a place.
  if (b < s.sentence.lastToken - 1 && s.tok(b).text === '-' && !s.tok(b).spaceBefore && /^(based|born|headquartered|registered|listed)$/.test(s.lower(b + 1))) {
    s.push({ first: a, last: b, type: 'Place', source: 'based-on' });
    return;
  }
  // "Ulf D. Merbold, 47, of the European Space Agency": news style gives a person's age this way.
  if (n <= 4 && ageAfter(s, b) && !isAllCaps(s.tok(a)) && !s.isCommonWord(b - 1)) {
    s.push({ first: a, last: b, type: 'Person', source: 'age-appositive' });
    return;
  }
  // "TAVILDARA , Tajikistan 1996-08-30", "TOFTIR, Faroe Islands (Reuters) -": a dateline's town.
  if (datelineTown(s, a, b)) {
    s.push({ first: a, last: b, type: 'Place', source: 'dateline-town', dateline: true });
    return;
  }
  if (lex) {
    // "Tiger Woods", "Marion Clignet": a given name and name-like words are a person whatever the
    // context statistics say (they vote for the team or the country written next to a name).
    if (n >= 2 && n <= 3 && s.ctx.words.firstNames.has(s.lower(a)) && !s.ctx.words.common.has(s.lower(a)) && !s.gazetteerAt(a, a + 1) && allNameLike(s, a + 1, b) && !isAllCaps(s.tok(a))) {
      s.push({ first: a, last: b, type: 'Person', source: 'name-list' });
      return;
    }
    // "Representatives of ...", "Fruit remained": an ordinary word opening a sentence is no name.
    if (n === 1 && s.isSentenceInitial(a) && s.ctx.words.common.has(s.lower(a)) && !s.ctx.words.firstNames.has(s.lower(a)) && !s.ctx.words.lastNames.has(s.lower(a))) {
      s.push({ first: a, last: b, type: null, source: 'capitalised' });
      return;
    }
    const outcome = classify(s, a, b);
    if (outcome === 'O' || outcome === 'MISC') {
      // Most likely not a PER/ORG/LOC name; still a candidate for surname/acronym resolution.
      s.push({ first: a, last: b, type: null, source: 'capitalised' });
      return;
    }
    s.push({ first: a, last: b, type: ENTITY_TYPE_OF[outcome], source: 'lexicon-context' });
    return;
  }
  emitByNameShape(s, a, b, prevText);
}

/**
 * The rest of emitUnknown, without a type lexicon: a span typed by its own shape (name lists,
 * acronyms, an ampersand) or by what is said of it. (A function of its own: a deopt in one of
 * these rules recompiles this half, not all of emitUnknown.)
 */
function emitByNameShape(s: SentenceScan, a: number, b: number, prevText: string): void {
  const n = b - a;
  // "Douglas & Lomason", "A.G. Edwards & Sons": names joined by an ampersand are a firm.
  for (let k = a + 1; k < b - 1; k++) {
    if (s.tok(k).text === '&') {
      s.push({ first: a, last: b, type: 'Organization', source: 'org-ampersand' });
      return;
    }
  }
  const first = s.lower(a);
  // "Park Jae-hoon": a lower-case given-name syllable after a hyphen (see isGivenNameSyllable in
  // run-end.ts) is part of the word before it; the name's words end there.
  const nameEnd = b - a >= 3 && s.tok(b - 2).text === '-' && s.tok(b - 1).kind === 'word' && !isCapitalised(s.tok(b - 1)) ? b - 2 : b;
  const last = s.lower(nameEnd - 1);
  const words = s.ctx.words;
  // (The tests below are evaluated only for spans of two to four words, the only ones they decide.)
  if (n >= 2 && n <= 4) {
    const nameListOk = !COMPASS_WORDS.has(first) && !(s.gazetteerAt(a, a + 1)?.some((e) => e.form === 'demonym') ?? false) && !isAllCaps(s.tok(b - 1));
    if (
      nameListOk &&
      (words.firstNames.has(first) ||
        words.lastNames.has(last) ||
        // "Bill Clinton": a given name that is also an ordinary word still opens a name before a name-like word.
        (nameEnd - a === 2 && words.givenNames.has(first) && !s.isSentenceInitial(a) && !NOT_BEFORE_NAME.has(prevText) && allNameLike(s, a + 1, nameEnd)) ||
        // "Tan Wei Liang", "Sun Liwei": an East Asian family name before one or two unknown name words.
        (nameEnd - a >= 2 && nameEnd - a <= 3 && EAST_ASIAN_FAMILY_NAMES.has(first) && unknownNameWords(s, a + 1, nameEnd)))
    ) {
      s.push({ first: a, last: b, type: 'Person', source: 'name-list' });
      return;
    }
  }
  if (n === 1 && COMMON_ACRONYMS.has(s.lower(a))) return;
  // "NOTE:", "REUTER": an ordinary word in capitals is no acronym.
  if (n === 1 && isAllCaps(s.tok(a)) && words.common.has(s.lower(a))) {
    s.push({ first: a, last: b, type: null, source: 'capitalised' });
    return;
  }
  if (n === 1 && isAllCaps(s.tok(a)) && s.tok(a).text.length <= 6) {
    s.push({ first: a, last: b, type: 'Organization', source: 'acronym', weak: true });
    return;
  }
  // A company by what is said of it: "Petofi shares", "a stake in Comelf", "a unit of Cofinec".
  const nextText = b < s.sentence.lastToken ? s.lower(b) : '';
  const beforePrev = a - 2 >= s.sentence.firstToken ? s.lower(a - 2) : '';
  if (COMPANY_AFTER.has(nextText) || ((prevText === 'in' || prevText === 'of') && COMPANY_BEFORE.has(beforePrev))) {
    if (!s.isCommonWord(a) || n >= 2) {
      s.push({ first: a, last: b, type: 'Organization', source: 'company-context' });
      return;
    }
  }
  // An unknown two-to-four word name is a person only where people are quoted or credited.
  // Names of things mostly come after an article ("the Millennium Dome"); people's names do not.
  const quoted = SPEECH_AFTER.has(b < s.sentence.lastToken ? s.lower(b) : '') || SPEECH_BEFORE.has(prevText) || prevText === '/';
  if (n >= 2 && n <= 4 && allNameLike(s, a, nameEnd) && (quoted || !NOT_BEFORE_NAME.has(prevText))) {
    s.push({ first: a, last: b, type: 'Person', source: 'name-shape', weak: true });
    return;
  }
  // "Yeltsin said": one unknown name word, quoted, is a person's surname (later mentions follow it).
  // First in a sentence only when the word is no ordinary one ("Walesa said", not "Officials said").
  const initialOk = !s.isSentenceInitial(a) || (!words.common.has(s.lower(a)) && !s.ctx.lowerInDocument.has(s.lower(a)));
  if (n === 1 && SPEECH_AFTER.has(nextText) && nextText !== 'who' && initialOk && !NOT_BEFORE_NAME.has(prevText) && !PARTY_MEMBERS.has(s.lower(a)) && !placeOrCountryEndsAt(s, a) && allNameLike(s, a, b) && !isAllCaps(s.tok(a))) {
    s.push({ first: a, last: b, type: 'Person', source: 'quoted-surname' });
    return;
  }
  s.push({ first: a, last: b, type: null, source: 'capitalised' });
}

/** Index in `s.out` of an organization or country ending at token `end`, or -1. */
function organizationOrCountryEndingAt(s: SentenceScan, end: number): number {
  for (let i = 0; i < s.out.length; i++) {
    const c = s.out[i] as Candidate;
    if (c.last === end && (c.type === 'Organization' || c.type === 'Country')) return i;
  }
  return -1;
}

/** Does a place read from its kind ("the port of X") end at token `end`? */
function settlementEndsAt(s: SentenceScan, end: number): boolean {
  for (let i = 0; i < s.out.length; i++) {
    const c = s.out[i] as Candidate;
    if (c.last === end && c.source === 'settlement-of') return true;
  }
  return false;
}

/** Does a place or country end at token `end`? */
function placeOrCountryEndsAt(s: SentenceScan, end: number): boolean {
  for (let i = 0; i < s.out.length; i++) {
    const c = s.out[i] as Candidate;
    if (c.last === end && (c.type === 'Place' || c.type === 'Country')) return true;
  }
  return false;
}

/** Capitalised words in [a,b) that are no ordinary word, no known name and not written in lower case here. */
function unknownNameWords(s: SentenceScan, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const t = s.tok(k);
    if (!isCapitalised(t) || isAllCaps(t)) return false;
    const w = s.lower(k);
    if (s.ctx.words.common.has(w) || s.ctx.lowerInDocument.has(w) || ORG_SUFFIXES.has(w) || TITLE_WORDS.has(w) || s.gazetteerAt(k, k + 1)) return false;
  }
  return true;
}

/** ", 47 ," (or ", 47)" / ", 47;"): an age, in news style right after a person's name ending at b. */
function ageAfter(s: SentenceScan, b: number): boolean {
  const l = s.sentence.lastToken;
  if (b + 2 >= l || s.tok(b).text !== ',' || s.tok(b + 1).kind !== 'number') return false;
  const age = s.tok(b + 1).text;
  if (!/^\d{1,3}$/.test(age) || Number(age) < 1 || Number(age) > 115) return false;
  const close = s.tok(b + 2).text;
  return close === ',' || close === ';' || close === ')';
}

/**
 * A dateline opens a line with its town in capitals, a comma, the country or state it is in, then
 * the date, the agency in brackets or a dash: [a,b) is that town.
 */
export function datelineTown(s: SentenceScan, a: number, b: number): boolean {
  const l = s.sentence.lastToken;
  if (a !== s.sentence.firstToken || b - a > 3 || b + 1 >= l || s.tok(b).text !== ',') return false;
  for (let k = a; k < b; k++) if (!isAllCaps(s.tok(k)) && s.tok(k).text !== '-') return false;
  for (let m = Math.min(l, b + 4); m > b + 1; m--) {
    const region = s.gazetteerAt(b + 1, m);
    if (!region?.some((e) => (e.type === 'Country' || e.type === 'Place') && e.form !== 'demonym')) continue;
    if (m === l) return true;
    const after = s.tok(m);
    return after.kind === 'number' || after.text === '(' || after.text === '-' || after.text === '—' || after.text === '–';
  }
  return false;
}

/** "Frater spokesman" is rare, "John Smith chairman" never an organization: a given name opens a person. */
function personShaped(s: SentenceScan, a: number, b: number): boolean {
  return b - a >= 2 && s.ctx.words.firstNames.has(s.lower(a));
}

/** Tokens [a,b) look like a personal name: capitalised, no title, organization or ordinary word. */
export function allNameLike(s: SentenceScan, a: number, b: number): boolean {
  if (s.tok(b - 1).text.length === 1) return false; // "Class B": initials come first, not last
  if (a > s.sentence.firstToken && s.tok(a - 1).kind === 'number') return false;
  if (s.gazetteerAt(a, a + 1)?.some((e) => e.form === 'demonym')) return false;
  if (NOT_NAME_OPENERS.test(s.lower(a)) || COMPASS_WORDS.has(s.lower(a))) return false;
  for (let k = a; k < b; k++) {
    const t = s.tok(k);
    if (t.kind !== 'word') return false;
    if (k > a && NAME_PARTICLES.has(t.text)) continue;
    if (!isCapitalised(t) || isAllCaps(t)) return false;
    const w = t.text.toLowerCase();
    // A word also written in lower case in this document is an ordinary word, not a name.
    if (TITLE_WORDS.has(w) || ORG_SUFFIXES.has(w) || s.ctx.words.common.has(w) || s.ctx.lowerInDocument.has(w)) return false;
  }
  return true;
}

/** Staff nouns after coordinated departments: "Treasury and Commerce officials". */
const DEPARTMENT_STAFF = new Set(['officials', 'official', 'officers', 'departments', 'secretaries', 'staff', 'staffers', 'teams', 'delegations', 'negotiators']);

/**
 * The department named by the one word at `a` ("Commerce" → the Commerce Department) when it is
 * coordinated with another department and the pair qualifies staff: "Treasury and Commerce
 * officials", "Commerce and State Department officials". Alone, "Commerce" is ordinary commerce.
 */
function coordinatedDepartment(s: SentenceScan, a: number): GazetteerEntry | undefined {
  const l = s.sentence.lastToken;
  const own = departmentNamedAt(s, a);
  if (!own) return undefined;
  // "Treasury and Commerce officials": the other department before "and".
  if (a - 2 >= s.sentence.firstToken && s.lower(a - 1) === 'and' && isDepartmentAt(s, a - 2, l) && staffAt(s, a + 1, l)) return own;
  // "Commerce and Treasury officials": the other department after "and".
  if (a + 2 < l && s.lower(a + 1) === 'and' && isDepartmentAt(s, a + 2, l) && staffAt(s, a + 3, l)) return own;
  return undefined;
}

/**
 * The department "<word at k> department" names. ("<word> department" is a name key only if
 * <word> is a name prefix: most words are not, and need neither the phrase built nor the lookup.)
 * Module functions, not closures: closures made V8 allocate a context on every call.
 */
function departmentNamedAt(s: SentenceScan, k: number): GazetteerEntry | undefined {
  return s.ctx.gazetteer.namePrefixes.has(s.lower(k)) ? s.ctx.gazetteer.lookup(`${s.lower(k)} department`)?.find((e) => e.type === 'Organization') : undefined;
}

function isDepartmentAt(s: SentenceScan, k: number, l: number): boolean {
  return k >= s.sentence.firstToken && k < l && isCapitalised(s.tok(k)) && (departmentNamedAt(s, k) !== undefined || organizationStartsAt(s, k));
}

function organizationStartsAt(s: SentenceScan, k: number): boolean {
  for (let i = 0; i < s.out.length; i++) {
    const c = s.out[i] as Candidate;
    if (c.first === k && c.type === 'Organization') return true;
  }
  return false;
}

/** "... officials", "... department officials", or the pair named as "the Commerce and Treasury departments". */
function staffAt(s: SentenceScan, k: number, l: number): boolean {
  return k < l && (DEPARTMENT_STAFF.has(s.lower(k)) || s.lower(k) === 'departments' || (s.lower(k) === 'department' && k + 1 < l && DEPARTMENT_STAFF.has(s.lower(k + 1))));
}
