import type { RelationRule } from '../../interfaces/relation-rule.ts';
import {
  LOCATION_TYPES,
  PERSON_TYPES,
  STATE_TYPES,
  listBackward,
  listForward,
  type MentionView,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/**
 * HOLDS_ROLE: a person holds a post in an organization or a country's government.
 * "US Secretary of State Antony Blinken", "Turkish Finance Minister Nureddin Nebati",
 * "Treasury Secretary Janet Yellen", "Jane Doe, chief executive of Acme", "John Roe, a spokesman
 * for the agency", "Kendler leads Washington's group", "Wang Ziqiang at the Institute of Mechanics".
 */

/** Posts that make a person part of a government (a country) or of any organization. */
const STATE_ROLE =
  '(?:secretary|secretary-general|undersecretary|under-secretary|minister|ministers|president|vice-president|premier|chancellor|ambassador|envoy|officials?|commissioner|spokes(?:man|woman|person)|governor|senator|lawmaker|legislator|diplomat|negotiator|chief|head|director|administrator|deputy|adviser|advisor|counsel(?:or|lor)?|attorney|general|admiral|commander|king|queen|prince|emperor|leader|mayor|consul|chair(?:man|woman|person)?|regulator|czar|tsar|coordinator|representative|prosecutor|judge|justice|speaker|monarch|dictator|ruler|strongman|lieutenant|colonel|major|captain|sheikh|emir|crown prince)';
const ORG_ONLY_ROLE =
  '(?:executive|ceo|cfo|coo|cto|founder|co-founder|owner|manager|analyst|economist|strategist|researcher|scientist|engineer|employee|lawyer|partner|professor|editor|reporter|correspondent|columnist|boss|member|trader|banker|principal|lecturer|fellow|officer|agent|staffer|aide|worker|chairman|treasurer|auditor|designer|architect|coach|player|manager|superintendent|dean|rector|provost|curator|conductor|pastor|bishop|cardinal|rabbi|imam|priest|official|astronaut|pilot|publisher|anchor|anchorman|anchorwoman|candidate|placekicker|quarterback|pitcher|striker|goalkeeper|midfielder|defender|forward|captain|trustee|governor|spokesman|spokeswoman|spokesperson|vice president|vice-president|president|director|chief|head|secretary|singer|vocalist|guitarist|bassist|drummer|keyboardist|frontman|frontwoman|physio|physiotherapist|patriarch|co-ordinator|vice-chairman|vice-chairwoman|co-chairman|co-chairwoman)';
const ROLE_WORD_STATE = new RegExp(`\\b${STATE_ROLE}s?\\b`, 'i');
const ROLE_WORD_ANY = new RegExp(`\\b(?:${STATE_ROLE}|${ORG_ONLY_ROLE})s?\\b`, 'i');
/** Occupations by their endings, for appositives: "an ecologist and entomologist at Cornell". */
const OCCUPATION = '(?:[a-z]+(?:ist|ologist|ician|eer|ant|ent|or|er|man|woman|person)s?)';
/** Words a role phrase is made of: "assistant secretary of commerce for export administration". */
const ROLE_PHRASE = /^(?:\s?['’]s)?(?:\s+(?:[A-Za-z][\w.-]*|&)){1,9}\s+$/;
const NOT_IN_ROLE = /\b(?:said|says|say|told|tells|asked|according|met|with|by|to|from|as|when|who|which|that|is|was|are|were|has|have|had|will|would|on|in|at|a|an|this|it|its|including|such|like|among|olympic|sports?)\b/i;

function roleWords(gap: string, org: MentionView): boolean {
  if (org.type === 'Place' || !ROLE_PHRASE.test(gap)) return false;
  const words = gap.replace(/^\s?['’]s/, '');
  if (/^\s+(?:and|or|of|for)\b/i.test(words) || NOT_IN_ROLE.test(words)) return false;
  // "Hong Kong director Wong Kar-Wai", "German chief executive X": a nationality with an
  // occupation; a country's posts are the government's ("US Secretary", "Turkish Finance Minister").
  if (org.type === 'Country' && /^\s*(?:[a-z-]+\s+)?(?:director|chief|head|executive|manager|coach|player|artist|captain|star|striker|team|side|squad|champion|skipper|international)s?\s+$/i.test(words)) return false;
  return org.type === 'Country' ? ROLE_WORD_STATE.test(words) : ROLE_WORD_ANY.test(words);
}

/** ", D-Calif.," after a US legislator's name. */
const PARTY = '(?:,\\s*(?:[DRI]-[A-Z][\\w.]*|\\d{1,3})\\s*)?';
const APPOSITIVE_OF = new RegExp(
  `^\\s*${PARTY},\\s*(?:(?:the|a|an|its|his|her|their|another|one of the)\\s+)?(?:[\\w.-]+\\s+){0,4}?(?:${STATE_ROLE}|${ORG_ONLY_ROLE}|${OCCUPATION})(?:\\s+(?:and\\s+)?[\\w.-]+){0,3}?\\s+(?:of|for|at|with|to|in)\\s+(?:the\\s+)?(?:[a-z][\\w-]*\\s+){0,4}$`,
  'i',
);
const APPOSITIVE_BEFORE_ORG =
  /^\s*(?:,\s*(?:[DRI]-[A-Z][\w.]*|\d{1,3})\s*)?,\s*(?:(?:the|a|an|another|one of the)\s+)?(?:(?:former|deputy|acting|senior|top|then|current|outgoing|incoming|fellow|longtime|veteran)\s+){0,2}$/i;
/** "X, 46, was a feature reporter for KIRO", "X is Middle East correspondent for The Associated Press". */
const COPULA_ROLE_OF = new RegExp(
  `^\\s*(?:,\\s*\\d{1,3}\\s*,)?\\s+(?:(?:also|now|later|then|subsequently)\\s+)?(?:is|was|has been|had been|became|becomes|remains|has become|has also become|(?:was|has been|had been|is|will be)\\s+(?:appointed|named|elected|made|promoted\\s+to|installed\\s+as)(?:\\s+as)?|(?:will|would)\\s+become)\\s+(?:(?:a|an|the)\\s+)?(?:(?:former|deputy|acting|senior|top|longtime|veteran)\\s+)?(?:[\\w.-]+\\s+){0,3}?(?:${STATE_ROLE}|${ORG_ONLY_ROLE}|${OCCUPATION})\\s+(?:of|for|at|with)\\s+(?:the\\s+)?$`,
  'i',
);
/** "X, 54, is a former University of Iowa professor". */
const COPULA_BEFORE_ORG = /^\s*(?:,\s*\d{1,3}\s*,)?\s+(?:is|was|has been|had been|became|remains)\s+(?:(?:a|an|the)\s+)?(?:(?:former|deputy|acting|senior|top|longtime|veteran)\s+)?$/i;
/** "named Larry Jinks publisher of the San Jose Mercury News". */
const BARE_ROLE_OF = new RegExp(`^\\s+(?:[a-z][\\w-]*\\s+){0,2}(?:${STATE_ROLE}|${ORG_ONLY_ROLE})\\s+(?:of|for|at)\\s+(?:the\\s+)?$`, 'i');
/** "the chairman of the United Djibouti Opposition Front, Mohamed Ahmed Issa". */
const HEAD_OF_BEFORE = new RegExp(`\\b(?:${STATE_ROLE}|${ORG_ONLY_ROLE})\\s+(?:of|at|for)\\s+(?:the\\s+)?$`, 'i');
const ROLE_AFTER_ORG = new RegExp(`^(?:\\s?['’]s)?\\s+(?:[\\w.-]+\\s+){0,3}?(?:${STATE_ROLE}|${ORG_ONLY_ROLE})s?\\b`, 'i');
const WORKS_FOR =
  /^\s*(?:,\s*who\s+)?(?:(?:now|currently|previously|formerly|also|still)\s+)?(?:works?|worked|working|serves?|served|serving)\s+(?:as\s+(?:[\w-]+\s+){1,5}?)?(?:for|at|with|in|on)\s+(?:the\s+)?$/i;
const LEADS =
  /^\s*(?:,\s*who\s+)?(?:(?:now|currently|previously|formerly|also|still)\s+)?(?:heads|headed|leads|led|chairs|chaired|runs|ran|directs|directed|founded|co-founded|owns|owned|co-owns|co-owned|manages|managed|joined|represents|represented)\s+(?:the\s+)?$/i;
const AT_OF = /^(?:\s*,\s*\d{1,3}\s*,)?\s+(?:of|at)\s+(?:the\s+)?$|^\s*,\s*(?:\d{1,3}\s*,\s*)?(?:of|at)\s+(?:the\s+)?$/i;
/** "X, of the agency's water division", "X of the network's ``Evening News''": a unit or a programme of the organization. */
const UNIT_AFTER_OWNER = /^\s?['’]s\s+(?:(?:[a-z][a-z-]*\s+){0,2}(?:division|department|office|unit|bureau|board|staff|team|desk|section|branch|service|program|programme|show)\b|[`'"“‘])/;
/** A second post after the first: "X, director of A and a member of B". */
const SECOND_ROLE = new RegExp(`^\\s+and\\s+(?:(?:the|a|an)\\s+)?(?:[\\w.-]+\\s+){0,3}?(?:${STATE_ROLE}|${ORG_ONLY_ROLE})\\s+(?:of|for|at)\\s+(?:the\\s+)?$`, 'i');
/** A post in a national side, written between the country's name (a noun, not a demonym) and the person. */
const NATIONAL_SIDE_POST = /^\s+(?:(?:national|caretaker|interim|new|former|assistant|team)\s+)?(?:coach|manager|boss|captain|skipper|striker|midfielder|defender|goalkeeper|keeper|winger|full-back|fly-half|scrum-half|hooker|prop|lock|flanker|centre|batsman|bowler|all-rounder|wicketkeeper)\s+$/i;
/** "Musk's Tesla", "Mulroney's Conservative Party": a person's organization (not a ministry of the person's country). */
const OWNER_POSSESSIVE = /^\s?['’]s\s+(?:[a-z-]+\s+){0,2}$/;

export function rolesRule(ctx: SentenceContext): RelationCandidate[] {
  const out = rolesOfPersons(ctx);
  // "Bellona members Nils Bemer and Tomas Nilsen", "James Blight and David Welch of Harvard":
  // every person coordinated with the one the rule read.
  const extra: RelationCandidate[] = [];
  for (const c of out) {
    if (c.subject === 'ARTICLE') continue;
    const list = c.object.index < c.subject.index ? listForward(ctx, c.subject, PERSON_TYPES) : listBackward(ctx, c.subject, PERSON_TYPES);
    for (const p of list) if (p !== c.subject) extra.push({ ...c, subject: p, rule: `${c.rule}.list`, confidence: c.confidence - 0.05 });
    // "of Harvard University's Kennedy School": the school and the university.
    const outer = ctx.mentions[c.object.index + 1];
    if (c.object.index > c.subject.index && outer?.type === 'Organization' && /^\s?['’]s\s+(?:the\s+)?$/.test(ctx.text.slice(c.object.end, outer.start))) {
      extra.push({ ...c, object: outer, rule: `${c.rule}.unit`, confidence: c.confidence - 0.05 });
    }
  }
  // "X, director of A and a member of B": the second post too.
  for (const c of out) {
    if (c.subject === 'ARTICLE' || c.rule !== 'role.appositive' || c.object.index <= c.subject.index) continue;
    const second = ctx.mentions[c.object.index + 1];
    if (second && STATE_TYPES.has(second.type) && !second.adjectival && SECOND_ROLE.test(ctx.text.slice(c.object.end, second.start))) {
      extra.push({ ...c, object: second, rule: 'role.appositive.second', confidence: c.confidence - 0.1 });
    }
  }
  // "Trade Representative Clayton Yeutter", "Home Secretary Charles Clarke": offices that exist only in
  // one country's government (public fact), in a text that names that country elsewhere.
  for (const person of ctx.mentions) {
    if (person.type !== 'Person' || person.reference || out.some((c) => c.subject !== 'ARTICLE' && c.subject.entityId === person.entityId)) continue;
    const before = ctx.text.slice(Math.max(ctx.sentence.start, person.start - 60), person.start);
    if (!OFFICE_WORD.test(before)) continue;
    const office = NATIONAL_OFFICES.find((o) => o.title.test(before));
    const title = office?.title.exec(before);
    if (!office || !title) continue;
    // A country or demonym right before the title names the state itself ("British Trade Secretary").
    const prev = ctx.mentions[person.index - 1];
    if (prev && prev.end >= person.start - title[0].length - 12 && prev.type === 'Country') continue;
    const country = countryNamed(ctx, person, office.country);
    if (country) extra.push({ subject: person, predicate: 'HOLDS_ROLE', object: country, rule: office.rule, confidence: 0.6 });
  }
  // "Brian Mulroney's Progressive Conservative Party", "Musk's Tesla": the person's organization.
  for (let i = 0; i + 1 < ctx.mentions.length; i++) {
    const person = ctx.mentions[i]!;
    const org = ctx.mentions[i + 1]!;
    if (person.type !== 'Person' || person.reference || org.type !== 'Organization' || org.adjectival) continue;
    if (!OWNER_POSSESSIVE.test(ctx.text.slice(person.end, org.start)) || /\b(?:ministry|department|government|embassy|army|navy|police)\b/i.test(org.name)) continue;
    if (out.some((c) => c.subject !== 'ARTICLE' && c.subject.entityId === person.entityId && c.object.entityId === org.entityId)) continue;
    extra.push({ subject: person, predicate: 'HOLDS_ROLE', object: org, rule: 'role.owner', confidence: 0.5 });
  }
  return [...out, ...extra];
}

/** "Rostec's chief executive, Sergei Ivanov": a title with an owner, then the name after a comma. */
const OWNER_TITLE_COMMA = new RegExp(`^\\s?['’]s\\s+(?:(?:new|former|acting|deputy|interim|longtime|current|outgoing|incoming)\\s+)?(?:[a-z-]+\\s+){0,3}?(?:${STATE_ROLE}|${ORG_ONLY_ROLE})s?,\\s*$`, 'i');
/** "Jet Airways, founded by X", "the party, led by X": the organization before, the person after. */
const LED_BY = /^\s*,?\s*(?:(?:which|that)\s+(?:is|was|has been)\s+|(?:is|was|are|were|has been|have been)\s+)?(?:(?:now|currently|then|still)\s+)?(?:founded|co-founded|led|headed|run|chaired|directed|managed|owned)\s+by\s+(?:(?:its|the)\s+(?:[a-z-]+\s+){0,2})?$/i;

/** Offices of the US federal government only: no other state has a "Trade Representative". */
const US_OFFICE =
  /\b(?:(?:Deputy|Acting|Former)\s+)?(?:Secretary\s+of\s+State|Treasury\s+Secretary|Secretary\s+of\s+the\s+Treasury|Commerce\s+Secretary|Secretary\s+of\s+Commerce|Agriculture\s+Secretary|Secretary\s+of\s+Agriculture|Defen[cs]e\s+Secretary|Secretary\s+of\s+Defen[cs]e|Labor\s+Secretary|Energy\s+Secretary|Trade\s+Representative|National\s+Security\s+Adviser|White\s+House\s+Chief\s+of\s+Staff)\s+$/i;
/**
 * Offices of the UK government only, by their British names (public fact): "Home Secretary",
 * "Chancellor of the Exchequer". Not "Defence Secretary" (British writers give the US one that
 * name too) nor a bare "Chancellor" (Germany's head of government); not a shadow post, which is the opposition's. Capitalised, as titles are.
 */
const UK_OFFICE =
  /\b(?<![Ss]hadow\s)(?:(?:Deputy|Acting|Former)\s+)?(?<![Ss]hadow\s)(?:Home\s+Secretary|Foreign\s+Secretary|Chancellor\s+of\s+the\s+Exchequer|Culture\s+Secretary|Health\s+Secretary|Education\s+Secretary|Work\s+and\s+Pensions\s+Secretary|Trade\s+and\s+Industry\s+Secretary|Transport\s+Secretary|Environment\s+Secretary|Northern\s+Ireland\s+Secretary|Lord\s+Chancellor|Chief\s+Secretary\s+to\s+the\s+Treasury)\s+$/;
/** Words every national office above contains: a cheap test before the full patterns. */
const OFFICE_WORD = /Secretary|Representative|Adviser|Chancellor|Staff/i;
const NATIONAL_OFFICES: ReadonlyArray<{ title: RegExp; country: string; rule: string }> = [
  { title: US_OFFICE, country: 'country:US', rule: 'role.us-office' },
  { title: UK_OFFICE, country: 'country:GB', rule: 'role.uk-office' },
];

/** The country as the text names it: this sentence's mention, else the nearest before (as a reference). */
function countryNamed(ctx: SentenceContext, near: MentionView, countryId: string): MentionView | null {
  const here = ctx.mentions.find((m) => m.entityId === countryId && !m.reference);
  if (here) return here;
  let found: MentionView | null = null;
  for (const m of ctx.documentMentions) {
    if (m.entityId !== countryId) continue;
    if (m.start > near.start && found) break;
    found = m;
  }
  if (!found) return null;
  return { ...found, start: near.start, end: near.end, text: near.text, sentenceIndex: ctx.sentenceIndex, index: -1, reference: { kind: 'description', antecedent: found, possessive: false } };
}

function rolesOfPersons(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  for (let i = 1; i < ms.length; i++) {
    const person = ms[i]!;
    const prev = ms[i - 1]!;
    if (person.type !== 'Person' || person.reference || !STATE_TYPES.has(prev.type) || prev.adjectival) continue;
    const gap = ctx.text.slice(prev.end, person.start);
    if (OWNER_TITLE_COMMA.test(gap) && (prev.type === 'Organization' || ROLE_WORD_STATE.test(gap))) {
      out.push({ subject: person, predicate: 'HOLDS_ROLE', object: prev, rule: 'role.title', confidence: 0.8 });
    } else if (prev.type === 'Organization' && LED_BY.test(gap)) {
      out.push({ subject: person, predicate: 'HOLDS_ROLE', object: prev, rule: 'role.led-by', confidence: 0.7 });
    }
  }
  for (let i = 0; i < ms.length; i++) rolesOfPerson(ctx, i, out);
  return out;
}

/**
 * The posts of the person mentioned at `i`: a title before the name, an appositive or a verb
 * after it. A function of its own: one loop of all of them was recompiled by Maglev some twenty
 * times while warming up (mention views have many shapes).
 */
function rolesOfPerson(ctx: SentenceContext, i: number, out: RelationCandidate[]): void {
  const ms = ctx.mentions;
  const person = ms[i]!;
  if (person.type !== 'Person') return;
  // Title before the name: "<Org|Country> <role words> <Person>" (a name, never "he").
  const prev = ms[i - 1];
  // A place holds no post except as a national side ("Wales boss John Toshack").
  if (prev && (STATE_TYPES.has(prev.type) || (prev.type === 'Place' && NATIONAL_SIDE_POST.test(ctx.text.slice(prev.end, person.start)))) && !person.reference) {
    const gap = ctx.text.slice(prev.end, person.start);
    const unbracketed = gap.replace(/^\s*\)/, '');
    if (roleWords(unbracketed, prev)) {
      out.push({ subject: person, predicate: 'HOLDS_ROLE', object: prev, rule: 'role.title', confidence: 0.85 });
      // "the Foreign Ministry's Southeast Asian Department Chief X", "CHP (Republican People's Party) leader X".
      const outer = ms[i - 2];
      if (outer?.type === 'Organization' && /^(?:\s?['’]s\s+(?:the\s+)?|\s*\(\s*)$/.test(ctx.text.slice(outer.end, prev.start))) {
        out.push({ subject: person, predicate: 'HOLDS_ROLE', object: outer, rule: 'role.title-unit', confidence: 0.75 });
      }
      // "Chinese Foreign Ministry spokesman Zhao": the ministry's country too.
      const before = ms[i - 2];
      // ... when the organization is part of the state ("Egypt FA spokesman" speaks for a football body).
      if (prev.type === 'Organization' && before && before.type === 'Country' && /^\s*$/.test(ctx.text.slice(before.end, prev.start)) && /\b(?:ministry|department|government|office|embassy|agency|army|navy|air force|council|commission|parliament|treasury|cabinet|police|customs|central bank)\b/i.test(prev.name)) {
        out.push({ subject: person, predicate: 'HOLDS_ROLE', object: before, rule: 'role.title-country', confidence: 0.7 });
      }
    } else if (prev.type !== 'Organization' && !prev.adjectival && NATIONAL_SIDE_POST.test(gap)) {
      // "Scotland manager Walter Smith", "Germany coach Jurgen Klinsmann": the national side, named by its country.
      out.push({ subject: person, predicate: 'HOLDS_ROLE', object: prev, rule: 'role.team', confidence: 0.7 });
    } else if (prev.type === 'Organization' && /^\s?['’]s\s+$/.test(gap) && !prev.adjectival) {
      // "GM's Rick Wagoner".
      out.push({ subject: person, predicate: 'HOLDS_ROLE', object: prev, rule: 'role.possessive', confidence: 0.6 });
    } else if (prev.type === 'Organization' && person.role && /^\s*$/.test(gap)) {
      out.push({ subject: person, predicate: 'HOLDS_ROLE', object: prev, rule: 'role.title', confidence: 0.8 });
    }
  }
  // The recognizer's affiliation for a titled name ("Deputy Treasury Secretary X"), when the
  // affiliated entity is named just before the person in this sentence.
  const affiliation = ctx.entities.get(person.entityId)?.attributes['affiliation'];
  if (typeof affiliation === 'string' && !out.some((c) => c.subject === person)) {
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const m = ms[j]!;
      if (m.entityId === affiliation && person.start - m.end < 80 && !/[,;:()]/.test(ctx.text.slice(m.end, person.start))) {
        out.push({ subject: person, predicate: 'HOLDS_ROLE', object: m, rule: 'role.affiliation', confidence: 0.7 });
        break;
      }
    }
  }
  // "the chairman of the Front, Mohamed Ahmed Issa", "The head of the Service, Dr. Russell Strong".
  if (prev?.type === 'Organization' && /^\s*,\s*(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep)\.?\s+)?$/.test(ctx.text.slice(prev.end, person.start)) && HEAD_OF_BEFORE.test(ctx.text.slice(Math.max(ctx.sentence.start, prev.start - 50), prev.start))) {
    out.push({ subject: person, predicate: 'HOLDS_ROLE', object: prev, rule: 'role.head-of', confidence: 0.75 });
  }
  let next = ms[i + 1];
  if (!next) return;
  // "Sen. X, D-Mich., chairman of ...": the state in a legislator's party tag is no object.
  if (next.type === 'Place' && /^\s*,\s*[DRI]-$/.test(ctx.text.slice(person.end, next.start)) && ms[i + 2]) next = ms[i + 2]!;
  // "attorney for the Peruvian mining company Minpeco": the demonym describes the organization.
  const following = ms[i + 2];
  if (next.adjectival && following?.type === 'Organization' && /^[\s-]+(?:[a-z][\w-]*\s+){0,4}$/.test(ctx.text.slice(next.end, following.start))) next = following;
  if (!STATE_TYPES.has(next.type)) return;
  // Read only when the next mention is a state or an organization: the replace is the dearest line here.
  const after = ctx.text.slice(person.end, next.start).replace(/\b[A-Z][a-z]+(?:an|ese|ish|i)\b/g, (w) => w.toLowerCase());
  // "X, ambassador to Japan" serves another country.
  // "head of the Greek Olympic team": a demonym describing a team or a body is no government post.
  // "vice president of search at Ask Jeeves in the US": the post is with the company named between.
  const companyBetween = next.type === 'Country' && /\b(?:at|of|for|with)\s+(?:the\s+)?\p{Lu}[\w&.'-]*(?:\s+\p{Lu}[\w&.'-]*)*\s+(?:in|of|from)\s+(?:the\s+)?$/u.test(ctx.text.slice(person.end, next.start));
  if (companyBetween) return;
  const describesBody = next.type === 'Country' && next.adjectival && /^\s+(?:[A-Z][\w-]*\s+)*(?:olympic\s+|national\s+|football\s+|rugby\s+|cricket\s+|davis\s+cup\s+)?(?:team|side|squad|delegation|federation|association|club|league|orchestra|band)\b/i.test(ctx.text.slice(next.end, next.end + 40)) && !/delegation/i.test(ctx.text.slice(next.end, next.end + 20));
  // "an activist in Algeria's Ettahadi party", "leader of Bosnian Serbs": the post is in what the country's name opens.
  const countryOpensName = next.type === 'Country' && (/^\s?['’]s\s/.test(ctx.text.slice(next.end, next.end + 4)) || (next.adjectival === true && /^\s+\p{Lu}/u.test(ctx.text.slice(next.end, next.end + 3))));
  // "one of the top military strategists in Israel": an occupation is no post of the state.
  const occupationInCountry = next.type === 'Country' && !ROLE_WORD_STATE.test(after);
  if (APPOSITIVE_OF.test(after) && !describesBody && !countryOpensName && !occupationInCountry && !(next.type === 'Country' && /\bto\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}$/i.test(after))) {
    out.push({ subject: person, predicate: 'HOLDS_ROLE', object: next, rule: 'role.appositive', confidence: 0.8 });
  } else if (
    APPOSITIVE_BEFORE_ORG.test(after) &&
    ROLE_AFTER_ORG.test(ctx.text.slice(next.end, next.end + 80)) &&
    // "X, Gazprom chief Aleksey Miller": the title belongs to the next name.
    !(ms[next.index + 1]?.type === 'Person' && /^(?:\s?['’]s)?(?:\s+[\w.-]+){1,4}\s+$/.test(ctx.text.slice(next.end, ms[next.index + 1]!.start)))
  ) {
    const roleText = ctx.text.slice(next.end, next.end + 80);
    if (next.type === 'Organization' || ROLE_WORD_STATE.test(roleText.split(/[,;.]/)[0] ?? '')) {
      out.push({ subject: person, predicate: 'HOLDS_ROLE', object: next, rule: 'role.appositive', confidence: 0.75 });
    }
  } else if (WORKS_FOR.test(after) && (next.type === 'Organization' || /\bas\b/i.test(after))) {
    out.push({ subject: person, predicate: 'HOLDS_ROLE', object: next, rule: 'role.works-for', confidence: 0.75 });
  } else if (LEADS.test(after) && (next.type === 'Organization' || /^\s?['’]s\s/.test(ctx.text.slice(next.end, next.end + 3)))) {
    out.push({ subject: person, predicate: 'HOLDS_ROLE', object: next, rule: 'role.leads', confidence: 0.7 });
  } else if (COPULA_ROLE_OF.test(after) && next.type === 'Organization') {
    out.push({ subject: person, predicate: 'HOLDS_ROLE', object: next, rule: 'role.copula', confidence: 0.7 });
  } else if (COPULA_BEFORE_ORG.test(after) && next.type === 'Organization' && ROLE_AFTER_ORG.test(ctx.text.slice(next.end, next.end + 60))) {
    out.push({ subject: person, predicate: 'HOLDS_ROLE', object: next, rule: 'role.copula', confidence: 0.7 });
  } else if (BARE_ROLE_OF.test(after) && next.type === 'Organization') {
    out.push({ subject: person, predicate: 'HOLDS_ROLE', object: next, rule: 'role.bare', confidence: 0.6 });
  } else if (AT_OF.test(after) && LOCATION_TYPES.has(next.type) && ms[next.index + 1]?.type === 'Organization' && /^\s?['’]s\s+(?:the\s+)?$/.test(ctx.text.slice(next.end, ms[next.index + 1]!.start))) {
    out.push({ subject: person, predicate: 'HOLDS_ROLE', object: ms[next.index + 1]!, rule: 'role.at', confidence: 0.6 });
  } else if (AT_OF.test(after) && next.type === 'Organization' && (!/^\s*['’]s\b/.test(ctx.text.slice(next.end, next.end + 3)) || ms[next.index + 1]?.type === 'Organization' || UNIT_AFTER_OWNER.test(ctx.text.slice(next.end, next.end + 40)))) {
    out.push({ subject: person, predicate: 'HOLDS_ROLE', object: next, rule: 'role.at', confidence: 0.6 });
  }
}

export const rule: RelationRule = {
  id: 'role',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Organization', 'Country', 'Place'],
  summary: "A person holds a post in an organization or a country's government.",
  variants: [
    { id: 'role.title', example: '"US Secretary of State X", "Rostec chief X", "Rostec\'s chief executive, X"' },
    { id: 'role.title-unit', example: '"the Foreign Ministry\'s Asia Department chief X" (the outer organization)' },
    { id: 'role.title-country', example: '"Chinese Foreign Ministry spokesman X" (the ministry\'s country)' },
    { id: 'role.team', example: '"Scotland manager X", "Germany coach X" (a national side, named by its country)' },
    { id: 'role.possessive', example: '"GM\'s X"' },
    { id: 'role.affiliation', example: "the recognizer's affiliation of a titled name" },
    { id: 'role.head-of', example: '"the chairman of Y, X"' },
    { id: 'role.appositive', example: '"X, a spokesman for Y", "X, the chief executive of Y"' },
    { id: 'role.works-for', example: '"X works for Y"' },
    { id: 'role.leads', example: '"X heads Y", "X, who owned Y"' },
    { id: 'role.copula', example: '"X, 46, was a reporter for Y", "X was named chief executive of Y", "He has become chairman of Y"' },
    { id: 'role.bare', example: '"named X publisher of Y"' },
    { id: 'role.led-by', example: '"Jet Airways, founded by X", "the party, led by X"' },
    { id: 'role.us-office', example: '"Trade Representative X", "Secretary of State X" (offices only the US has; the US named elsewhere in the text)' },
    { id: 'role.uk-office', example: '"Home Secretary X", "Chancellor of the Exchequer X" (offices only the UK has; the UK named elsewhere in the text)' },
    { id: 'role.owner', example: '"Mulroney\'s Conservative Party", "Musk\'s Tesla"' },
    { id: 'role.at', example: '"X of the Institute of ...", "X at Y"' },
  ],
  acceptsReferences: true,
  minMentions: 1,
  sidesInSentence: 'subject',
  run: rolesRule,
};
