// Safe DOM construction. Everything that comes from articles or entity names is untrusted:
// it only ever reaches the page as text nodes (textContent) or as validated attribute values,
// never through innerHTML.

/**
 * Creates an element. `props` may hold: className, text (set as textContent), attrs (set with
 * setAttribute; never event handlers), on (event listeners). Children are nodes or strings
 * (strings become text nodes).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (/^on/i.test(name)) throw new Error(`refusing to set event-handler attribute ${name}`);
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, listener] of Object.entries(props.on ?? {})) node.addEventListener(type, listener);
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Removes every child of `node`. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/**
 * An http(s) URL as a string, or null for anything else (javascript:, data:, relative junk),
 * so a link to an article can only ever navigate to a web page.
 */
export function safeHttpUrl(value) {
  if (typeof value !== 'string') return null;
  let url;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** A link to an external page when `url` is http(s), else the label as plain text. */
export function externalLink(url, label) {
  const href = safeHttpUrl(url);
  if (!href) {
    return el(
      'span',
      { attrs: { title: 'link hidden: not an http(s) address' } },
      el('span', { className: 'unsafe-link', text: label }),
      el('span', { className: 'meta', text: ' (link hidden)' }),
    );
  }
  return el('a', { text: label, attrs: { href, target: '_blank', rel: 'noopener noreferrer' } });
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A fragment holding `text` with every occurrence of the given terms wrapped in <mark>.
 * The sentence is split into pieces and each piece is a text node: markup in the sentence
 * stays literal text.
 */
export function highlight(text, terms) {
  const fragment = document.createDocumentFragment();
  const usable = [...new Set(terms.filter((t) => typeof t === 'string' && t.trim().length > 1))].sort((a, b) => b.length - a.length);
  if (usable.length === 0) {
    fragment.append(document.createTextNode(text));
    return fragment;
  }
  // Whole words only: the alias "US" must not mark the middle of "because".
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${usable.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) fragment.append(document.createTextNode(text.slice(last, at)));
    fragment.append(el('mark', { text: match[0] }));
    last = at + match[0].length;
  }
  if (last < text.length) fragment.append(document.createTextNode(text.slice(last)));
  return fragment;
}

/** Calls `fn` once input has been quiet for `ms` milliseconds. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Offers `blob` as a file download. */
export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { attrs: { href: url, download: filename } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
