/** Elements without an end tag: they never nest. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'p', 'li', 'option', 'td', 'tr', 'th', 'dt', 'dd']);

/** Unclosed elements of one name beyond this count make the page tag soup. */
export const MAX_UNCLOSED_PER_TAG = 2000;

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g;

/**
 * Removes the tags of element names that are opened thousands of times more than they are
 * closed. Browsers and parsers nest every one of them, and htmlparser2's open-element stack
 * makes that quadratic (100,000 unclosed <div>s take seconds); dropping the tags keeps their
 * text and bounds the work. Pages that close their tags are returned unchanged. Linear time.
 */
export function defuseTagSoup(html: string): string {
  const surplus = new Map<string, number>();
  for (const match of html.matchAll(TAG)) {
    const name = (match[2] as string).toLowerCase();
    if (VOID.has(name)) continue;
    surplus.set(name, (surplus.get(name) ?? 0) + (match[1] ? -1 : 1));
  }
  const soup = new Set([...surplus].filter(([, n]) => n > MAX_UNCLOSED_PER_TAG).map(([name]) => name));
  if (soup.size === 0) return html;
  return html.replace(TAG, (tag, _slash: string, name: string) => (soup.has(name.toLowerCase()) ? ' ' : tag));
}
