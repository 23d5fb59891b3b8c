/**
 * Page chrome that scrapers leave after an article ("Follow us on ...", "Next In Business News",
 * "Others Also Read" and a list of headlines). The ingest layer trims it too; this is a second,
 * conservative guard: only a marker line followed by nothing but short lines is cut.
 */
/** Phrases that open a line of page chrome (lower case, ASCII, whole words; matched ignoring case). */
const MARKER_PHRASES = [
  'follow us', 'next in', 'others also read', 'also read', 'read more', 'related articles', 'related stories', 'related news', 'related coverage',
  'more from', 'recommended', 'you may also like', 'sign up', 'subscribe', 'advertisement', 'share this', 'most read', 'most popular', 'trending', 'top stories',
];
const MARKERS = new RegExp(`^(?:${MARKER_PHRASES.join('|')})\\b`, 'i');
/** First letters of the phrases, by ASCII code: a line opening with any other character is no marker (no slice, no regex). */
const MARKER_INITIALS = new Uint8Array(128);
for (const phrase of MARKER_PHRASES) {
  const c = phrase.charCodeAt(0);
  MARKER_INITIALS[c] = 1;
  MARKER_INITIALS[c - 32] = 1;
}

/** Could the (trimmed) line opening with code unit c be a marker line? Case is ignored for ASCII letters only (`/i` without `u`). */
function opensMarker(c: number): boolean {
  return c < 128 && MARKER_INITIALS[c] === 1;
}

/**
 * The characters `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator): tab,
 * vertical tab, form feed, space, no-break space, BOM, the Zs spaces, LF, CR, LS, PS.
 */
export function isTrimmedSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Offset where trailing chrome begins, or text.length when there is none. */
export function trailingChromeStart(text: string): number {
  // Only look at the last 60 lines; walk backwards while lines stay short. Each line's trimmed
  // bounds are found in place: the trimmed line is built only to test a non-empty one (the walk
  // ran over every line of wrapped wire copy, and slicing and trimming each was its cost).
  let end = text.length;
  let lines = 0;
  let cut = text.length;
  while (end > 0 && lines < 60) {
    const nl = text.lastIndexOf('\n', end - 1);
    const lineStart = nl + 1;
    let from = lineStart;
    let to = end;
    while (from < to && isTrimmedSpace(text.charCodeAt(from))) from++;
    while (to > from && isTrimmedSpace(text.charCodeAt(to - 1))) to--;
    lines++;
    if (to - from > 140) break;
    if (to > from && opensMarker(text.charCodeAt(from)) && MARKERS.test(text.slice(from, to))) cut = lineStart;
    if (nl < 0) break;
    end = nl;
  }
  return cut;
}
