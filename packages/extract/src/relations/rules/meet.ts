import type { RelationRule } from '../../interfaces/relation-rule.ts';
import {
  AGENT_TYPES,
  PERSON_TITLE_GAP,
  PERSON_TYPES,
  listBackward,
  listForward,
  mentionBefore,
  mentionAfter,
  sentenceSubject,
  pronounSubject,
  subjectBefore,
  isMediaOutlet,
  firstDocumentMentionAtOrAfter,
  firstMentionAtOrAfter,
  type MentionView,
  titledPerson,
  describedOrganization,
  SPORTS_FIXTURE,
  triggers,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/** MET_WITH (symmetric): "A met (with) B", "A held talks with B", "A and B met". */

const MEET =
  /\b(?:met|meets|meet|meeting|meetings|held talks|hold talks|holds talks|holding talks|talks|sat down|spoke|speaks|speaking|talked|talking|conferred|conversations|conversation|discussions|consultations|negotiations|summit|(?:phone|telephone|video)\s+(?:call|conversation)s?|call|calls)(?:\s+(?:by\s+(?:phone|telephone|video\s+link)\s+)?(?:with|to))?\b/gi;
/** "Absa has said it is still in talks with": the reported clause's "it" is the sayer. */
const SAID_IT_IS = /^\s+(?:(?:has|have|had)\s+)?(?:said|says|confirmed|confirms|announced|announces)\s+(?:that\s+)?(?:it|they|he|she)\b/i;
/** "X will visit Treasury Secretary Y": a visit to a person is a meeting with that person. */
const VISIT_PERSON = /\b(?:visit|visits|visited|visiting)\s+$/i;
/** What every match of VISIT_PERSON contains. */
const VISIT_WORD = /visit/i;
/**
 * "Brazilian and U.S. trade officials held a three-day meeting", "Japan and China began talks":
 * a coordinated subject holding a meeting with no "with" after it met among itself.
 */
const JOINT_MEETING =
  /\b(?:held|hold|holds|holding|began|begin|begins|opened|open|opens|resumed|resume|resumes|concluded|conclude|concludes|wrapped\s+up|ended|end|ends|started|start|starts|had|have|has)\s+(?:(?:the|a|an|two|three|four|several|first|second|third|final|last|latest|new|fresh|further|of|more|days?|rounds?|[a-z]+-day|[a-z]+-level|[a-z]+-hour|\w+\s+of)\s+){0,5}(?:talks|meetings?|negotiations|discussions|consultations|summit)\b/gi;
const JOINT_SUBJECT_NOUN = /^\s+(?:[A-Za-z-]+\s+)?(?:officials?|delegations?|delegates|negotiators?|leaders?|ministers?|representatives?|envoys?|diplomats?|teams?)\b/i;

const NOUN_MEETING = /^(?:meeting|meetings|talks|conversations|conversation|discussions|consultations|negotiations|summit|call|calls|phone|telephone|video)\b/;
const HOLDS_NOUN =
  /^(?:['’]s\s+(?:[a-z-]+\s+){0,2}|\s+(?:(?:has|have|had|also|then|later|will|would|is|was|were|are|to|still|now|already|due\s+to|set\s+to|expected\s+to|\w+ly)\s+){0,3}(?:held|hold|holds|holding|had|have|has|began|begin|begins|opened|open|opens|resumed|resume|concluded|continued|entered|is\s+in|was\s+in|are\s+in|were\s+in|in|during|after|ahead\s+of|before|for)\s+(?:(?:a|an|the|his|her|their|its|two|three|several|new|fresh|further|more|direct|bilateral|private|secret|lengthy|long|brief|first|second|separate|closed-door|informal|formal|[a-z]+-day|[a-z]+-level|telephone|phone|video|membership|trade|peace|exploratory|preliminary|technical|official|urgent|emergency|face-to-face|one-on-one)\s+){0,3}|\s+)$/i;
/** Verbs whose object is met as a guest: "Xi hosted Lula", "the king received Macron". */
const HOST = /\b(?:hosted|hosts|hosting|host|received|receives|receiving|welcomed|welcomes|welcoming)\b/gi;
/** "The two sides met", "the two leaders held talks": the two agents of the sentences before. */
const TWO_SIDES = /\b(?:the\s+)?(?:two|both)\s+(?:sides|leaders|ministers|men|women|countries|nations|governments|delegations|presidents|premiers|officials|parties|companies|firms|groups|banks)\b/gi;
/** "HSBC and Standard Chartered attended the meeting": participants of a meeting named before. */
const ATTENDED = /\b(?:attended|attend|attends|attending|joined|joins|took\s+part\s+in|take\s+part\s+in|takes\s+part\s+in|participated\s+in|participate\s+in|were\s+(?:present\s+)?at|was\s+(?:present\s+)?at|were\s+among\s+(?:the\s+)?(?:participants|attendees)\s+(?:at|of|in))\s+(?:the|that|those|these)\s+(?:[\w-]+\s+){0,2}?(?:meetings?|talks|sessions?|briefings?|conference|summit|discussions)\b/gi;
/** The meeting of a sentence before and who held it: "meetings, held by officials from X", "X held a meeting with". */
const HELD_BY = /\b(?:meetings?|talks|sessions?|briefings?|conference|summit|discussions)\b[^.;]{0,40}?\b(?:held|hosted|organi[sz]ed|convened|led|chaired|called)\s+by\s+(?:(?:\w+\s+){0,3}(?:officials?|representatives?|members?|staff|delegates?|envoys?)\s+(?:from|of)\s+)?(?:the\s+)?$/i;
const HOSTED_MEETING = /^\s+(?:(?:has|have|had)\s+)?(?:held|hosted|organi[sz]ed|convened|chaired|called)\s+(?:a|an|the|two|three|several)\s+(?:[\w-]+\s+){0,3}?(?:meetings?|talks|sessions?|briefings?|conference|summit|discussions)\b/i;
/** "met with officials from the United Arab Emirates", "met his counterpart from Japan". */
const OBJECT_GAP =
  /^\s*(?:the\s+|his\s+|her\s+|their\s+|its\s+|a\s+|an\s+|both\s+)?(?:(?:senior|top|high-ranking|high-level|visiting|leading)\s+)?(?:(?:senior\s+|top\s+|government\s+|\w+\s+)?(?:officials?|representatives?|counterparts?|leaders?|delegations?|executives?|members?|envoys?|ministers?|diplomats?|regulators?)\s+(?:from|of)\s+(?:the\s+)?)?$/i;

const BETWEEN =
  /\b(?:talks|meeting|meetings|summit|call|phone call|negotiations)(?:\s+(?:scheduled|planned|set|due|expected|held|to\s+be\s+held|later|earlier|next|last|this|week|month|year|today|tomorrow|on\s+\w+day|in\s+[A-Z][a-z]+|at\s+[A-Z][a-z]+)){0,5}\s+between\b/gi;
/** "Ambassador X made the recommendation at a meeting with Y": the clause's subject was at the meeting. */
const AT_MEETING = /\b(?:at|during|after|in|following|on\s+the\s+sidelines\s+of)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[a-z-]+\s+){0,2}$/i;
/** "the Baker-Chung meeting", "the Putin-Xi summit": the two named sides of a meeting. */
const PAIR_MEETING = /^\s+(?:[a-z-]+\s+)?(?:meeting|meetings|talks|summit|call|negotiations)\b/i;
/** "A and B signed the accord", "A and his counterpart B agreed to ...": two people who negotiated it. */
const SIGNED =
  /\b(?:signed|sign|signs|initialled|initialed|agreed|agree|agrees)\s+(?:(?:to|on|that)\b|(?:(?:the|a|an|their|a\s+new)\s+)?(?:[a-z-]+\s+){0,2}?(?:accord|agreement|deal|treaty|pact|memorandum|protocol|contract|declaration|communiqu[eé]|accords|agreements|deals)\b)/gi;
const SIGNER_GAP = /^\s*,?\s*(?:(?:have|has|had|jointly|also|formally|then|later|finally|on\s+\w+day|will|would|are\s+to|are\s+due\s+to)\s+)*$/i;
/** Talks that ended: no meeting is claimed. (Refused, cancelled or denied meetings are read, as negated claims.) */
const CALLED_OFF = /\b(?:cut\s+off|broke\s+off|break\s+off|breaking\s+off|suspend\w*|froze|freez\w*)\s+(?:\w+\s+)?$/i;

/** A lower-case title after a country or organization: the one who met is a person the text does not name. */
const UNNAMED_OFFICIAL =
  /^(?:['’]s)?\s+(?:(?:deputy|assistant|acting|former|top|senior|chief|foreign|finance|trade|defen[cs]e|prime|vice|under)\s+)*(?:secretary|minister|president|premier|chancellor|ambassador|envoy|governor|senator|spokesman|spokeswoman|spokesperson|negotiator|diplomat|official|leader|chief|head|director|commissioner|representative|adviser|advisor)(?:\s+(?:of|for)\s+[a-z]+(?:\s+[a-z]+)?)?\s*$/i;

export function meetRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  // A sentence naming nobody can only say "the two sides met".
  if (ctx.mentions.length === 0) {
    if (/\b(?:two|both)\s/i.test(ctx.sentence.text)) twoSides(ctx, out);
    return out;
  }
  for (const t of triggers(ctx, MEET)) {
    const phrase = t.match[0].toLowerCase();
    // "cut off talks with", "refused to meet": no meeting took place.
    if (CALLED_OFF.test(ctx.text.slice(Math.max(ctx.sentence.start, t.start - 30), t.start))) continue;
    const withWith = /\s(?:with|to)$/.test(phrase);
    const speech = /^(?:spoke|speaks|speaking|talked|talking|conversations|conversation|call|calls|phone|telephone|video)/.test(phrase);
    // "meeting"/"talks" without "with" is a noun ("the meeting"), not a claim.
    if (!withWith && !/^(?:met|meets|meet)$/.test(phrase)) continue;
    let subject = subjectBefore(ctx, t.start, AGENT_TYPES) ?? pronounSubject(ctx, t.start);
    const nearest = subject;
    // A noun ("talks with", "meetings with") is the subject's own meeting only after an owner
    // ("his talks with") or a verb that holds it ("held talks with", "is in talks with"):
    // "Novo will miss the meetings with Dundee" is a fixture.
    if (subject && NOUN_MEETING.test(phrase) && !HOLDS_NOUN.test(ctx.text.slice(subject.end, t.start).replace(/^\s*\([A-Z][A-Za-z.&-]{1,11}\)|^\)/, '').replace(SAID_IT_IS, ''))) subject = null;
    // "X prepared to head to Brussels to meet with Y": the infinitive's agent is the clause's subject.
    if (!subject && /\bto\s+$/i.test(ctx.text.slice(Math.max(ctx.sentence.start, t.start - 4), t.start))) {
      const main = sentenceSubject(ctx, AGENT_TYPES);
      if (main && main.end <= t.start && t.start - main.end < 160 && !/[;:]/.test(ctx.text.slice(main.end, t.start))) subject = main;
    }
    // "X made the recommendation at a meeting with Y": the clause's subject was at the meeting.
    let atMeeting = false;
    if (!subject && withWith && NOUN_MEETING.test(phrase) && AT_MEETING.test(ctx.text.slice(Math.max(ctx.sentence.start, t.start - 60), t.start))) {
      // The nearest agent on the left, past a longer verb phrase than a subject's filler allows.
      const main = nearest ?? mentionBefore(ctx, t.start, AGENT_TYPES, /^[^,;:()]*$/);
      if (main && main.end <= t.start && t.start - main.end < 120 && !/[;:“”"]|\b(?:said|says|told|who|which|that)\b/i.test(ctx.text.slice(main.end, t.start))) {
        subject = main;
        atMeeting = true;
      }
    }
    if (!subject) continue;
    // "The Slovakian will meet X in the second round": a demonym used as a noun is a person not named.
    if (subject.adjectival && !/^\s+(?:[a-z-]+\s+)?(?:officials?|delegations?|leaders?|ministers?|diplomats?|negotiators?|envoys?|representatives?|authorities)\b/i.test(ctx.text.slice(subject.end, subject.end + 40))) continue;
    // "Hewitt will meet Clement in the first round": a fixture, not a meeting.
    if (/^(?:met|meets|meet)$/.test(phrase) && sportsContext(ctx, subject)) continue;
    // "The US secretary of state met Wang Yi": an unnamed official met, not the country.
    if (subject.type !== 'Person' && UNNAMED_OFFICIAL.test(ctx.text.slice(subject.end, t.start))) continue;
    const subjects = listBackward(ctx, subject, AGENT_TYPES);
    const objectMention = mentionAfter(ctx, t.end, AGENT_TYPES, OBJECT_GAP) ?? mentionAfter(ctx, t.end, PERSON_TYPES, PERSON_TITLE_GAP);
    let first = objectMention ? describedOrganization(ctx, titledPerson(ctx, objectMention)) : null;
    // "met Japanese officials" is a meeting with Japan; "will meet Swede X" (a match) and
    // "meet U.S. complaints" (demands) are not.
    // "met Mikoliunas' cross", "received Murphy's free-kick": the person owns what was met.
    if (first && /^(?:['’]s\b|['’](?=\s))/.test(ctx.text.slice(first.end, first.end + 2))) first = null;
    // "met Turkish finance ministry officials", "his Swedish and Finnish counterparts": up to two
    // words, or further demonyms of a list, between the demonym and the people met.
    if (first && first.adjectival && !/^\s+(?:(?:and\s+\p{Lu}[\p{L}-]+|[a-z-]+)\s+){0,2}(?:officials?|delegations?|delegates|counterparts?|leaders?|ministers?|diplomats?|negotiators?|envoys?|representatives?|authorities|regulators)\b/iu.test(ctx.text.slice(first.end, first.end + 50))) first = null;
    if (first && /^(?:met|meets|meet)$/.test(phrase) && /^\s+(?:demands?|complaints?|targets?|needs|requirements?|standards?|criteria|deadlines?|expectations?|goals?|obligations?|conditions?|costs?|requests?)\b/i.test(ctx.text.slice(first.end, first.end + 30))) continue;
    // "spoke to Reuters", "told the BBC": an interview, not a meeting.
    if (first && speech && isMediaOutlet(first)) first = null;
    if (!first && !/^(?:met|meet|meets)$/.test(phrase)) continue;
    if (!first) {
      // "Japan and Korea met on Monday": a coordinated subject meets among itself.
      if (subjects.length >= 2 && /^(?:met|meet|meets)$/.test(phrase) && !/^\s*(?:with\b|the\b|\w+\s+(?:of|from)\b)/i.test(ctx.text.slice(t.end, t.end + 20))) {
        for (let i = 0; i < subjects.length; i++) {
          for (let j = i + 1; j < subjects.length; j++) {
            out.push({ subject: subjects[i]!, predicate: 'MET_WITH', object: subjects[j]!, rule: 'meet.coordinated', confidence: 0.7 });
          }
        }
      }
      continue;
    }
    for (const s of subjects) {
      // "his Israeli counterpart, A, and the Palestinian leader, B": each demonym's titled person.
      for (const o of listForward(ctx, first, AGENT_TYPES).map((m) => titledPerson(ctx, m))) {
        if (s.entityId === o.entityId) continue;
        out.push({ subject: s, predicate: 'MET_WITH', object: o, rule: atMeeting ? 'meet.at-meeting' : s === subject && o === first ? 'meet.verb' : 'meet.list', confidence: atMeeting ? 0.7 : 0.8 });
      }
    }
  }
  // "Xi hosted Lula in Beijing", "the king received the Japanese prime minister Y".
  for (const t of triggers(ctx, HOST)) {
    const host = subjectBefore(ctx, t.start, AGENT_TYPES);
    if (!host) continue;
    const guestMention = mentionAfter(ctx, t.end, PERSON_TYPES, PERSON_TITLE_GAP) ?? mentionAfter(ctx, t.end, AGENT_TYPES, /^\s+(?:the\s+|his\s+|her\s+)?$/i);
    const guest = guestMention ? titledPerson(ctx, guestMention) : null;
    // Only people are received as guests ("received drones", "welcomed the decision" name none).
    if (!guest || guest.type !== 'Person' || guest.entityId === host.entityId) continue;
    // "received Murphy's free-kick": the person owns what was received.
    if (/^['’]s\b/.test(ctx.text.slice(guest.end, guest.end + 2))) continue;
    // "Mourinho receives Robson warning" (a headline): a noun after the name is what was received.
    if (!/^\s*(?:[,.;:)]|$|(?:in|at|on|for|to|and|during|when|after|before|last|this|with|as)\b)/i.test(ctx.text.slice(guest.end, guest.end + 12))) continue;
    for (const h of listBackward(ctx, host, AGENT_TYPES)) {
      for (const g of listForward(ctx, guest, PERSON_TYPES)) if (h.entityId !== g.entityId) out.push({ subject: h, predicate: 'MET_WITH', object: g, rule: 'meet.host', confidence: 0.7 });
    }
  }
  visitedPerson(ctx, out);
  jointMeetings(ctx, out);
  twoSides(ctx, out);
  // "Speakers from HSBC and Standard Chartered attended the meeting": they met its host.
  for (const t of triggers(ctx, ATTENDED)) {
    const last = subjectBefore(ctx, t.start, AGENT_TYPES);
    if (!last) continue;
    const host = meetingHost(ctx, t.start);
    if (!host) continue;
    for (const p of listBackward(ctx, last, AGENT_TYPES)) {
      if (p.entityId !== host.entityId && !p.adjectival) out.push({ subject: p, predicate: 'MET_WITH', object: host, rule: 'meet.attended', confidence: 0.6 });
    }
  }
  // "talks between A and B", "a meeting between A and B".
  for (const t of triggers(ctx, BETWEEN)) {
    const a = mentionAfter(ctx, t.end, AGENT_TYPES, /^\s+(?:the\s+)?$/i);
    if (!a) continue;
    const pa = titledPerson(ctx, a);
    const b = ctx.mentions[pa.index + 1];
    if (!b || !AGENT_TYPES.has(b.type)) continue;
    // "between Reagan and Prime Minister Nakasone": a title may stand before a person.
    const andGap = ctx.text.slice(pa.end, b.start);
    if (!/^\s+and\s+(?:the\s+)?$/i.test(andGap) && !(b.type === 'Person' && /^\s+and\s+(?:the\s+)?(?:(?:[A-Z][a-z]+\.?|of|for)\s+){1,4}$/.test(andGap))) continue;
    const pb = titledPerson(ctx, b);
    if (pa.entityId !== pb.entityId && !pa.adjectival && !pb.adjectival) out.push({ subject: pa, predicate: 'MET_WITH', object: pb, rule: 'meet.between', confidence: 0.75 });
  }
  pairMeetings(ctx, out);
  signers(ctx, out);
  return out;
}

/** "Chung will visit U.S. Treasury Secretary James Baker": visiting a person is meeting that person. */
function visitedPerson(ctx: SentenceContext, out: RelationCandidate[]): void {
  // Every window read below lies inside the sentence: without the verb there, no person's window has it.
  if (!VISIT_WORD.test(ctx.text.slice(ctx.sentence.start, ctx.sentence.end))) return;
  for (const m of ctx.mentions) {
    if (m.type !== 'Person' || m.reference) continue;
    // The title may open with an organization or a demonym ("U.S. Treasury Secretary"): the words before it.
    const owner = ctx.mentions[m.index - 1];
    const titleStart = owner && titledPerson(ctx, owner) === m ? owner.start : m.start;
    const from = Math.max(ctx.sentence.start, titleStart - 40);
    const left = ctx.text.slice(from, titleStart).replace(/(?:(?:[A-Z][a-z]+\.?|of|for)\s+){1,4}$/, '');
    const verb = VISIT_PERSON.exec(left);
    if (!verb) continue;
    const verbAt = from + verb.index;
    const visitor = subjectBefore(ctx, verbAt, AGENT_TYPES) ?? pronounSubject(ctx, verbAt);
    if (!visitor || visitor.entityId === m.entityId || visitor.adjectival) continue;
    // "visited Murphy's grave": the person owns the place visited.
    if (/^['’]s?\b/.test(ctx.text.slice(m.end, m.end + 2))) continue;
    for (const v of listBackward(ctx, visitor, AGENT_TYPES)) if (v.entityId !== m.entityId) out.push({ subject: v, predicate: 'MET_WITH', object: m, rule: 'meet.visit-person', confidence: 0.7 });
  }
}

/** "Brazilian and U.S. trade officials held a three-day meeting": the coordinated parties met. */
function jointMeetings(ctx: SentenceContext, out: RelationCandidate[]): void {
  for (const t of triggers(ctx, JOINT_MEETING)) {
    // "held talks with Y" is read by meet.verb; "concluded their negotiations" may be each with someone else.
    if (/^\s+(?:with|to)\b/i.test(ctx.text.slice(t.end, t.end + 8)) || /\btheir\b/i.test(t.match[0])) continue;
    const last = subjectBefore(ctx, t.start, AGENT_TYPES);
    if (!last) continue;
    const parties = listBackward(ctx, last, AGENT_TYPES);
    if (parties.length < 2) continue;
    // A demonym is a party only through the people it describes ("Brazilian and U.S. officials").
    if (parties.some((p) => p.adjectival) && !JOINT_SUBJECT_NOUN.test(ctx.text.slice(last.end, last.end + 40))) continue;
    for (let i = 0; i < parties.length; i++) {
      for (let j = i + 1; j < parties.length; j++) {
        if (parties[i]!.entityId !== parties[j]!.entityId) out.push({ subject: parties[i]!, predicate: 'MET_WITH', object: parties[j]!, rule: 'meet.joint', confidence: 0.65 });
      }
    }
  }
}

/** "the Baker-Chung meeting", "the US-China talks": two mentions joined by a hyphen before a meeting noun. */
function pairMeetings(ctx: SentenceContext, out: RelationCandidate[]): void {
  for (let i = 0; i + 1 < ctx.mentions.length; i++) {
    const a = ctx.mentions[i]!;
    const b = ctx.mentions[i + 1]!;
    if (!AGENT_TYPES.has(a.type) || !AGENT_TYPES.has(b.type) || a.entityId === b.entityId) continue;
    if (!/^\s?[-–]\s?$/.test(ctx.text.slice(a.end, b.start))) continue;
    if (!PAIR_MEETING.test(ctx.text.slice(b.end, b.end + 40))) continue;
    out.push({ subject: a, predicate: 'MET_WITH', object: b, rule: 'meet.pair', confidence: 0.7 });
  }
}

/**
 * "A and B signed the accord", "A and his Spanish counterpart B agreed to ...": two people named
 * as the joint subject of a signature or an agreement negotiated it together.
 */
function signers(ctx: SentenceContext, out: RelationCandidate[]): void {
  for (const t of triggers(ctx, SIGNED)) {
    const lastIndex = firstMentionAtOrAfter(ctx, t.start) - 1;
    const last = ctx.mentions[lastIndex];
    if (!last || last.type !== 'Person' || !SIGNER_GAP.test(ctx.text.slice(last.end, t.start).replace(/^\s*,[^,;:]{0,80},/, ''))) continue;
    // The other signer: the nearest person before, joined by "and" with only a description between.
    for (let i = lastIndex - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
      const m = ctx.mentions[i]!;
      // "Mr Straw and his Spanish counterpart Miguel Moratinos": the owner and the demonym describe the second signer.
      if (m.type !== 'Person' || m.reference?.possessive) continue;
      const gap = ctx.text.slice(m.end, last.start);
      if (/^\s+and\s+[^;:.()"“”]{0,80}$/.test(gap) && !/\b(?:who|which|that|said|says|told|with|of\s+[A-Z][a-z]+\s+and)\b/.test(gap) && m.entityId !== last.entityId) {
        out.push({ subject: m, predicate: 'MET_WITH', object: last, rule: 'meet.signed', confidence: 0.65 });
      }
      break;
    }
  }
}

export const rule: RelationRule = {
  id: 'meet',
  predicate: 'MET_WITH',
  subjectTypes: ['Person', 'Organization', 'Country'],
  objectTypes: ['Person', 'Organization', 'Country'],
  summary: 'Two agents met or talked (symmetric).',
  variants: [
    { id: 'meet.verb', example: '"X met (with) Y", "held talks with", "spoke by phone with", "his talks with Y", "met Russian President Y" (the person, not the demonym)' },
    { id: 'meet.list', example: '"X and Z met with A and B" (every pair)' },
    { id: 'meet.coordinated', example: '"A and B met on Monday"' },
    { id: 'meet.host', example: '"X hosted Y in Beijing", "the king received Y"' },
    { id: 'meet.two-sides', example: '"A flew to Rome to see B. The two sides agreed ..." (A and B)' },
    { id: 'meet.attended', example: '"meetings held by officials from X ... A and B attended the meeting" (A and B met X)' },
    { id: 'meet.between', example: '"talks between A and B", "the meetings scheduled next month between A and President B"' },
    { id: 'meet.at-meeting', example: '"A made the proposal at a meeting with B", "A spoke during talks with B"' },
    { id: 'meet.visit-person', example: '"X will visit Treasury Secretary Y" (a visit to a person)' },
    { id: 'meet.joint', example: '"A and B officials held a three-day meeting", "A and B began talks"' },
    { id: 'meet.pair', example: '"the A-B meeting", "the A-B talks"' },
    { id: 'meet.signed', example: '"A and B signed the accord", "A and his counterpart B agreed to ..."' },
  ],
  acceptsReferences: true,
  minMentions: 0,
  cue: /\bmet\b|meet|talk|visit|sat down|spok|speak|confer|conversation|discussion|consultation|negotiat|summit|call|host|receiv|welcom|\btwo\b|\bboth\b|attend|join|part|present|among|sign|initial|agree|[-–]/i,
  run: meetRule,
};

/** This sentence, the one before, or the sentence naming a referred subject speaks of a fixture. */
function sportsContext(ctx: SentenceContext, subject: MentionView): boolean {
  const from = Math.max(0, Math.min(ctx.sentenceIndex - 1, subject.reference?.antecedent.sentenceIndex ?? ctx.sentenceIndex));
  for (let i = from; i <= ctx.sentenceIndex && i >= ctx.sentenceIndex - 3; i++) if (SPORTS_FIXTURE.test(ctx.sentences[i]?.text ?? '')) return true;
  return false;
}

/**
 * The two agents a sentence's "the two sides" stands for: the last two distinct persons named in
 * this sentence before it or the two before, or else the last two countries. The views keep the
 * entities with the span of "the two sides".
 */
export function lastTwoAgents(ctx: SentenceContext, pos: number, head = 'sides'): [MentionView, MentionView] | null {
  // The noun says what the two are: "the two presidents" are people, "the two companies" organizations.
  const types: ReadonlyArray<'Person' | 'Country' | 'Organization'> = /^(?:leaders|ministers|men|women|presidents|premiers|officials)$/.test(head)
    ? ['Person']
    : /^(?:countries|nations|governments)$/.test(head)
      ? ['Country']
      : /^(?:companies|firms|groups|banks)$/.test(head)
        ? ['Organization']
        : ['Person', 'Country'];
  for (const type of types) {
    const found: MentionView[] = [];
    const doc = ctx.documentMentions;
    for (let i = firstDocumentMentionAtOrAfter(ctx, pos) - 1, steps = 0; i >= 0 && steps < 80 && found.length < 2; i--, steps++) {
      const m = doc[i] as MentionView;
      if (m.sentenceIndex < ctx.sentenceIndex - 2) break;
      if (m.type !== type || m.adjectival || found.some((f) => f.entityId === m.entityId)) continue;
      // "both companies agreed": companies and banks, not the government body named beside them.
      if (type === 'Organization' && (m.kind === 'GovernmentAgency' || m.kind === 'InternationalOrganization' || /\b(?:ministry|department|agency|commission|council|government|court|office|party)\b/i.test(m.name))) continue;
      found.push(m);
    }
    if (found.length === 2) {
      const [a, b] = found as [MentionView, MentionView];
      const span = { start: pos, end: pos + 1 };
      const view = (m: MentionView): MentionView => ({ ...m, ...span, text: ctx.text.slice(pos, pos + 13), sentenceIndex: ctx.sentenceIndex, index: -1, reference: { kind: 'description', antecedent: m, possessive: false } });
      return [view(b), view(a)];
    }
  }
  return null;
}

/**
 * Who held the meeting that "the meeting" refers to: in this sentence or the three before, the
 * organization, country or person after "meetings held by (officials from)", or the subject of
 * "X held a meeting".
 */
function meetingHost(ctx: SentenceContext, pos: number): MentionView | null {
  const doc = ctx.documentMentions;
  for (let i = firstDocumentMentionAtOrAfter(ctx, pos) - 1, steps = 0; i >= 0 && steps < 120; i--, steps++) {
    const m = doc[i] as MentionView;
    if (m.sentenceIndex < ctx.sentenceIndex - 3) break;
    if (!AGENT_TYPES.has(m.type) || m.adjectival) continue;
    const before = ctx.text.slice(Math.max(0, m.start - 120), m.start);
    const after = ctx.text.slice(m.end, m.end + 80);
    if (HELD_BY.test(before) || HOSTED_MEETING.test(after)) {
      // "the Treasury Department's Bureau of ...": the unit, which is the mention that follows the owner.
      const next = doc[i + 1];
      const host = next && next.sentenceIndex === m.sentenceIndex && /^['’]s\s+(?:the\s+)?$/.test(ctx.text.slice(m.end, next.start)) ? next : m;
      const sentence = ctx.sentences[host.sentenceIndex];
      if (!sentence) return null;
      return host.sentenceIndex === ctx.sentenceIndex ? host : { ...host, index: -1, reference: { kind: 'description', antecedent: host, possessive: false }, start: pos, end: pos + 1, sentenceIndex: ctx.sentenceIndex };
    }
  }
  return null;
}

/** "The two sides met on Monday", "the two leaders held talks": the two agents just named. */
function twoSides(ctx: SentenceContext, out: RelationCandidate[]): void {
  for (const t of triggers(ctx, TWO_SIDES)) {
    const tail = ctx.text.slice(t.end, Math.min(ctx.sentence.end, t.end + 50));
    if (!/^\s+(?:(?:have|had|has|also|then|later|will|would|could|should|may|might|are\s+to|were\s+to|are\s+due\s+to|\w+ly)\s+){0,2}(?:met|meet|held\s+(?:[\w-]+\s+){0,3}?talks|hold\s+(?:[\w-]+\s+){0,3}?talks|talked|spoke|discussed|agreed|signed)\b/i.test(tail)) continue;
    // "the two countries signed a trade protocol with the US": they met the US, not each other.
    if (/^[^.;]{0,80}?\bwith\s+(?:the\s+)?\p{Lu}/u.test(tail.replace(/^\s+\S+/, ''))) continue;
    const head = /(?:two|both)\s+(\w+)/i.exec(t.match[0])?.[1]?.toLowerCase() ?? 'sides';
    const pair = lastTwoAgents(ctx, t.start, head);
    if (pair) out.push({ subject: pair[0], predicate: 'MET_WITH', object: pair[1], rule: 'meet.two-sides', confidence: 0.6 });
  }
}
