/**
 * Whether a story is about sport: several of its words occur. Rules that read a club, a side or a
 * competitor's country ask it, since "Leeds's X" or "X of France" elsewhere is a resident or an
 * official, not a player. Memoized for the last text, since every sentence of a story asks.
 */

/** Words of sport; a story with four or more of them is about sport. */
const SPORT_WORDS = /\b(?:match|matches|goals?|scored|striker|midfielder|defender|goalkeeper|keeper|season|league|cup|coach|squad|fixture|tries|caps?|fly-half|scrum-half|premiership|tournament|olympic|medal|champions?|championship|semi-final|quarter-final|referee|stadium|injury|replacements|substitutes?|wicket|innings|sprint|marathon|club|clubs|team-mate|signing|transfer)\b/gi;
const MIN_WORDS = 4;

let lastText = '';
let lastIsSport = false;

export function isSportStory(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    let n = 0;
    SPORT_WORDS.lastIndex = 0;
    while (n < MIN_WORDS && SPORT_WORDS.exec(text)) n++;
    lastIsSport = n >= MIN_WORDS;
  }
  return lastIsSport;
}
