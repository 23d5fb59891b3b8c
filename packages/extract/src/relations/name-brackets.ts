/**
 * Wire stories put a company's name or its stock ticker in angle brackets ("<Metallurg Inc>",
 * "Boeing Co <BA>"). The recognizer reads the name inside; the brackets are left in the words
 * between two mentions. This drops the closing bracket of the name before and the opening bracket
 * of the name after, so a pattern of the words between reads "X, a unit of Y" for
 * "<X>, a unit of <Y>".
 */
export function withoutNameBrackets(gap: string): string {
  let from = 0;
  let to = gap.length;
  if (gap.charCodeAt(0) === 62 /* > */) from = 1;
  if (to > from && gap.charCodeAt(to - 1) === 60 /* < */) to--;
  return from === 0 && to === gap.length ? gap : gap.slice(from, to);
}
