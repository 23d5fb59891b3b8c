import type { RelationRule } from '../../interfaces/relation-rule.ts';
import type { MentionView, RelationCandidate, SentenceContext } from '../sentence-context.ts';
import { isSportStory } from '../sport-story.ts';

/**
 * HOLDS_ROLE for a player's or manager's club: "Arsenal keeper X", "Chelsea's X", "X, the
 * Arsenal striker", and squad lists "X (Sale), Y (Leeds), Z (Wasps)". Clubs are often named after
 * their town, so the club may be an Organization or a Place; a country is a national side, read
 * by `role.team` only with a post ("Scotland manager X"), since "Britain's X" and "X (France)" in
 * results and award lists give a nationality, not a post. The variants need a
 * story about sport (several of its words), where "Leeds's X" is a player and not a resident; all
 * variants do, since "star" or "player" before a name elsewhere is no team post.
 */

/** Posts in a sports team. */
const TEAM_POST =
  '(?:goalkeeper|keeper|striker|midfielder|defender|centre-back|centre-half|full-back|left-back|right-back|winger|forward|playmaker|captain|skipper|manager|boss|coach|head coach|fly-half|scrum-half|hooker|prop|lock|flanker|number eight|centre|wing|batsman|bowler|all-rounder|wicketkeeper|team-mate|teammate|player|signing|star|youngster|striker|utility back|back-rower|substitute|replacement|physio|physiotherapist|scout)';
const QUALIFIER = '(?:(?:former|new|veteran|young|teenage|injured|caretaker|interim|assistant|first-team|reserve|on-loan|record|club)\\s+){0,2}';
const POST_BEFORE_NAME = new RegExp(`^\\s+${QUALIFIER}${TEAM_POST}\\s+$`, 'i');
const POSSESSIVE_BEFORE_NAME = new RegExp(`^['’]s?\\s+(?:${QUALIFIER}${TEAM_POST}\\s+)?$`, 'i');
const APPOSITION = new RegExp(`^\\s*,\\s*(?:the|a|an)\\s+${QUALIFIER}$`, 'i');
const POST_AFTER = new RegExp(`^\\s+${QUALIFIER}${TEAM_POST}\\b`, 'i');
/** A squad entry: the club alone in brackets after the name, optionally with "capt". */
const ROSTER_OPEN = /^\s*\($/;
const ROSTER_CLOSE = /^\s*(?:,\s*capt(?:ain)?\.?\s*)?\)/;

function isClub(m: MentionView): boolean {
  return (m.type === 'Organization' && m.kind !== 'PoliticalParty' && m.kind !== 'MediaOutlet' && !m.adjectival) || (m.type === 'Place' && !m.adjectival);
}

export function clubRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  // Every variant needs a story about sport (memoized per text): elsewhere the pair loop can claim nothing.
  if (!isSportStory(ctx.text)) return out;
  const ms = ctx.namedMentions;
  // Squad entries need two or more in the sentence: one "X (Leeds)" may be a constituency or a home town.
  const rosterEntries: Array<[MentionView, MentionView]> = [];
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1]!;
    const gap = ctx.text.slice(a.end, b.start);
    if (isClub(a) && b.type === 'Person') {
      if (POST_BEFORE_NAME.test(gap)) {
        out.push({ subject: b, predicate: 'HOLDS_ROLE', object: a, rule: 'club.post', confidence: 0.8 });
      } else if (POSSESSIVE_BEFORE_NAME.test(gap) && (a.kind !== 'region' || gap.replace(/^['’]s?\s+/, '') !== '')) {
        // "Scotland's X" with no post is a nationality (a region or nation is no club); "Scotland's captain X" is a post.
        out.push({ subject: b, predicate: 'HOLDS_ROLE', object: a, rule: 'club.possessive', confidence: 0.7 });
      }
    } else if (a.type === 'Person' && isClub(b)) {
      if (APPOSITION.test(gap) && POST_AFTER.test(ctx.text.slice(b.end, b.end + 40))) {
        out.push({ subject: a, predicate: 'HOLDS_ROLE', object: b, rule: 'club.appositive', confidence: 0.75 });
      } else if (b.kind !== 'region' && ROSTER_OPEN.test(gap) && ROSTER_CLOSE.test(ctx.text.slice(b.end, b.end + 12))) {
        // "B Cohen (England)" in a selection of national players names his national side, not a club.
        rosterEntries.push([a, b]);
      }
    }
  }
  if (rosterEntries.length >= 2) {
    for (const [person, club] of rosterEntries) out.push({ subject: person, predicate: 'HOLDS_ROLE', object: club, rule: 'club.roster', confidence: 0.7 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'club',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Organization', 'Place'],
  summary: "A player or manager belongs to a club (an organization, or a place standing for its club in a sports story).",
  variants: [
    { id: 'club.post', example: '"Arsenal keeper X", "Leeds striker X" in a sports story ("UK star X" elsewhere is no club)' },
    { id: 'club.possessive', example: '"Chelsea\'s X" in a sports story' },
    { id: 'club.appositive', example: '"X, the Arsenal striker" in a sports story' },
    { id: 'club.roster', example: '"X (Sale), Y (Leeds, capt)": a squad list of two or more entries, in a sports story' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  sidesInSentence: 'both',
  run: clubRule,
};
