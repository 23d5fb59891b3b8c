/**
 * Page chrome that scrapers leave after an article ("Follow us on ...", "Next In Business News",
 * "Others Also Read" and a list of headlines). The ingest layer trims it too; this is a second,
 * conservative guard: only a marker line followed by nothing but short lines is cut.
 */
const MARKERS = /^(follow us\b|next in\b|others also read\b|also read\b|read more\b|related (articles|stories|news|coverage)\b|more from\b|recommended\b|you may also like\b|sign up\b|subscribe\b|advertisement\b|share this\b|most (read|popular)\b|trending\b|top stories\b)/i;

/** Offset where trailing chrome begins, or text.length when there is none. */
export function trailingChromeStart(text: string): number {
  // Only look at the last 60 lines; walk backwards while lines stay short.
  let end = text.length;
  let lines = 0;
  let cut = text.length;
  while (end > 0 && lines < 60) {
    const nl = text.lastIndexOf('\n', end - 1);
    const lineStart = nl + 1;
    const line = text.slice(lineStart, end).trim();
    lines++;
    if (line.length > 140) break;
    if (line && MARKERS.test(line)) cut = lineStart;
    if (nl < 0) break;
    end = nl;
  }
  return cut;
}
