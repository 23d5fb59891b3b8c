import type { AnyNode, Element } from 'domhandler';
import { classHints, type ClassHints } from './class-hints.ts';
import { endsSentence, normalizeInline } from './text-normalization.ts';
import { cutTrailingChrome, isChromeHeading, isPromptOrFooter } from './trailing-chrome.ts';

/**
 * Main-content extraction over a parsed DOM (domhandler nodes, as cheerio produces them).
 *
 * 1. prune: drop elements that are never article text (scripts, navigation, forms, hidden
 *    elements, ARIA landmarks for banners/footers/sidebars, class/id-named chrome such as share
 *    bars, comments, cookie banners, related links);
 * 2. score: every paragraph-like block gives points for its length and commas to its ancestors
 *    (the readability scheme), weighted by tag, class hints and link density;
 * 3. choose the best container, widen it to a common ancestor when several strong candidates
 *    share one, and add sibling blocks that look like content;
 * 4. emit headings, paragraphs, list items, quotes and cells as paragraphs, dropping link lists
 *    and boilerplate lines, and cut trailing chrome.
 */

/** Never article text. */
const DROP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'button', 'select', 'option', 'optgroup', 'input', 'textarea', 'label', 'fieldset', 'legend', 'datalist',
  'output', 'progress', 'meter', 'nav', 'aside', 'menu', 'menuitem', 'dialog', 'map', 'area', 'audio', 'video',
  'source', 'track', 'picture', 'img', 'title', 'meta', 'link', 'base', 'footer', 'figcaption', 'rp', 'rt',
  'marquee', 'blink',
]);

/** Page landmarks that are chrome unless malformed markup made them hold the page. */
const LANDMARK_TAGS = new Set(['header', 'nav', 'aside', 'footer', 'menu', 'form']);

const CHROME_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog', 'search', 'menu', 'menubar',
  'toolbar', 'tab', 'form', 'alert', 'status', 'log', 'marquee', 'timer', 'button', 'img',
]);

/** Elements that end a paragraph when the text reaches them. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'caption', 'figure', 'figcaption', 'address', 'hr', 'br', 'center', 'form', 'fieldset', 'details', 'summary',
  'body', 'html', 'hgroup', 'dir', 'noframes', 'listing', 'xmp', 'plaintext',
]);

const HEADING = /^h[1-6]$/;

/** Blocks that give points to their ancestors. */
const SCORED_TAGS = new Set(['p', 'pre', 'td', 'blockquote', 'li', 'dd', 'h2', 'h3', 'h4', 'section', 'div', 'article']);

/** Containers whose own loose text (old pages: <body><font>text<br>text</font>) is scored as their paragraph. */
const LOOSE_TEXT_HOLDERS = new Set(['body', 'main', 'center', 'form']);

/** Short lines that are labels of page machinery, not text (whole-block match). */
const BOILERPLATE_LINE =
  /^(?:(?:share|teilen|tweet|twittern|drucken|print|e-?mail|mail|facebook|twitter|whatsapp|pinterest|linkedin|xing|reddit|telegram|flipboard|pocket|instagram|youtube|rss|feed|link kopieren|copy link|merken|speichern|save|bookmark|like|gefällt mir|antworten|reply|zurück|back|nach oben|back to top|top|weiter|next|previous|vorherige?r?|nächste?r?|mehr|more|weiterlesen|read more|mehr lesen|anzeige|werbung|advertisement|sponsored|loading\.*|lädt\.*|close|schließen|menü|menu|suche|search|login|anmelden|registrieren|abonnieren|subscribe|newsletter|impressum|datenschutz|kontakt|contact|home|startseite|tags?|schlagworte|kategorien?|categories|themen|topics)(?:\s*[:|»›>]\s*)?)+$/i;

/** Lines that credit a photo or give a byline/date, common between headline and text. */
const CREDIT_LINE =
  /^(?:(?:foto|fotos|bild|bilder|photo|photos|image|images|quelle|bildquelle|source|credit|credits|grafik|video|illustration|symbolbild|titelbild|beitragsbild)\s*:|(?:abbildung|abb\.|figure|fig\.|bild|grafik|grafique|figura)\s*\d+[a-z]?\s*:|abbildung\s*:|(?:bild|foto|image|photo) via\b|(?:titelbild|beitragsbild)$|©)/i;

/** A short line naming a photo agency ("AFP / NAME", "Getty Images"): a picture credit. */
const AGENCY_CREDIT = /\b(?:getty ?images|afp|dpa|reuters|ap photo|imago|shutterstock|istock(?:photo)?|picture[- ]alliance|keystone|epa|adobe ?stock|unsplash|pixabay)\b/i;

/** "Read also: <other headline>" lines inside the text. */
const READ_ALSO_LINE =
  /^(?:lesen sie (?:auch|mehr)|lies auch|mehr (?:dazu|zum thema)|siehe auch|auch interessant|read (?:also|more)|see also|related|also read|more on this|le puede interesar|lee también|lire aussi|à lire aussi|czytaj (?:też|także))\s*[:»>|-]/i;

/**
 * Appeals inside the text box: paywall prompts ("To read the full story, please subscribe"),
 * donation and membership asks, in the languages of the pages newsgraph reads.
 */
const APPEAL_LINE =
  /(?:\b(?:please (?:subscribe|log ?in|sign ?in)\b|already (?:a )?(?:subscriber|member)\b|to (?:view|read|continue reading) (?:the )?(?:full|whole|entire|rest of (?:the|this)) (?:story|article)|subscribe (?:now|today)\b|donate (?:now|today)\b|make a (?:donation|contribution)\b|support (?:our|independent|quality) journalism|become a (?:member|supporter|patron)\b|jetzt (?:abonnieren|abonnent(?:in)? werden|spenden|unterstützen)\b|bereits abonnent|spenden sie\b|unterstützen sie (?:uns|unsere arbeit|unabhängigen journalismus)|faire un don\b|soutenez(?:-nous)?\b|abonnez-vous\b|haz una donación|suscríbete\b|zapraszamy (?:też |także )?do (?:subskrypcji|prenumeraty)|wesprzyj nas\b|zasubskrybuj\b))/i;

/** A sign-up ask for a newsletter: the word and a verb of signing up, in one short line. */
const NEWSLETTER_ASK = /\bnews-?letters?\b/i;
const SIGN_UP_VERB = /\b(?:sign(?:ing)? up|subscrib\w*|register|receive|get|never miss|abonnier\w*|anmelden|melden sie sich|bestellen|erhalten|verpassen|inscri\w*|recevez|suscr[ií]b\w*|recibe)\b/i;

/** Lines of page machinery: closed comments, rating prompts, counters. */
const MACHINERY_LINE =
  /^(?:kommentare? (?:geschlossen|deaktiviert)|comments? (?:are )?closed|no (?:responses?|comments?) (?:so far|yet)|(?:noch )?keine kommentare|bewerten|rate this|rating|bewertung|drucken|print this|teilen mit|share with|sharen mit|lade weitere inhalte|load more|mehr laden|mehr anzeigen|show more)\b.{0,30}$/i;

interface NodeStats {
  /** Characters of text under the node, whitespace collapsed approximately. */
  text: number;
  /** Of which inside links. */
  link: number;
  /** Commas in the text. */
  commas: number;
  /** Holds a headline, an article/main element or a marked article body. */
  marker: boolean;
}

interface Candidate {
  el: Element;
  score: number;
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

function isHiddenByAttributes(el: Element): boolean {
  const a = el.attribs;
  if ('hidden' in a) return true;
  if (a['aria-hidden'] === 'true') return true;
  const style = a.style;
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return false;
}

/** Whether the element holds what is probably the article: a headline, an article element, a marked body. */
function holdsMainMarker(el: Element, context: PruneContext): boolean {
  return context.stats.get(el)?.marker ?? false;
}

function isMainMarker(el: Element): boolean {
  return el.name === 'h1' || el.name === 'article' || el.name === 'main' || el.attribs.itemprop === 'articleBody';
}

function textOf(node: AnyNode, out: string[]): void {
  if (node.type === 'text') {
    out.push((node as unknown as { data: string }).data);
    return;
  }
  if (!isElement(node)) return;
  for (const c of node.children) textOf(c, out);
}

interface PruneContext {
  /** Drop elements by their class/id names (off for the lenient second attempt). */
  byClass: boolean;
  /** Stats of the tree before pruning. */
  stats: Map<Element, NodeStats>;
  /** Characters of non-link text on the whole page. */
  prose: number;
}

function proseShare(el: Element, context: PruneContext): number {
  const s = context.stats.get(el);
  if (!s || context.prose <= 0) return 0;
  return (s.text - s.link) / context.prose;
}

/** Removes the elements under root that are never article text; returns how many were removed. */
export function pruneChrome(root: Element, insideArticle = false, byClass = true): number {
  const stats = new Map<Element, NodeStats>();
  const total = computeStats(root, stats);
  return prune(root, insideArticle, { byClass, stats, prose: total.text - total.link });
}

function prune(root: Element, insideArticle: boolean, context: PruneContext): number {
  let removed = 0;
  const kept: AnyNode[] = [];
  for (const child of root.children) {
    if (child.type === 'comment' || child.type === 'directive' || child.type === 'cdata') {
      removed++;
      continue;
    }
    if (!isElement(child)) {
      kept.push(child);
      continue;
    }
    if (shouldDrop(child, insideArticle, context)) {
      removed++;
      continue;
    }
    kept.push(child);
    const inArticle = insideArticle || child.name === 'article' || child.attribs.itemprop === 'articleBody';
    removed += prune(child, inArticle, context);
  }
  if (removed > 0) {
    root.children = kept;
    for (let i = 0; i < kept.length; i++) {
      const node = kept[i] as AnyNode;
      node.prev = (kept[i - 1] as AnyNode | undefined) ?? null;
      node.next = (kept[i + 1] as AnyNode | undefined) ?? null;
    }
  }
  return removed;
}

function shouldDrop(el: Element, insideArticle: boolean, context: PruneContext): boolean {
  const name = el.name;
  if (name === 'html' || name === 'body') return false;
  const role = attr(el, 'role');
  if (LANDMARK_TAGS.has(name) || (role && CHROME_ROLES.has(role.toLowerCase()))) {
    // An unclosed <header> or <nav> can swallow the whole page; then it is not chrome.
    if (proseShare(el, context) >= 0.5 && holdsMainMarker(el, context)) return false;
  }
  if (DROP_TAGS.has(name)) return true;
  if (name === 'time') return !inRunningText(el);
  if (isHiddenByAttributes(el)) return true;
  if (role && CHROME_ROLES.has(role.toLowerCase()) && !(role === 'banner' && insideArticle)) return true;
  if (name === 'header') {
    // A page header is chrome; an article's own header holds headline and lead.
    if (!insideArticle) return (!holdsMainMarker(el, context) && proseShare(el, context) < 0.25) || linkHeavy(el, context);
  }
  if (name === 'form') return !holdsMainMarker(el, context) && paragraphChars(el) < 400;
  if (name === 'figure') {
    return !hasDescendant(el, (n) => n.name === 'blockquote' || n.name === 'table' || n.name === 'p');
  }
  if (name === 'article' || name === 'main') {
    const hints = classHints(el.attribs.class, el.attribs.id);
    // Only an unmistakable comment/teaser article is dropped.
    return hints.strongNegative && /comment|kommentar|teaser|related/i.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`);
  }
  if (el.attribs.itemprop === 'articleBody' || !context.byClass) return false;
  const hints = classHints(el.attribs.class, el.attribs.id);
  if ((hints.caption || hints.teaser || hints.appeal) && isBoxOfChrome(el, hints, context)) return true;
  if (!hints.strongNegative && !hints.weakNegative) return false;
  if (hints.comments) return true;
  if (hints.headerOnly && insideArticle) return false;
  // A class name is a hint, the text is the evidence: a box holding most of the page's prose is
  // the content, whatever it is called ("share-zone", "has-sidebar", "paywall" wrappers).
  if (/Article|BlogPosting/.test(el.attribs.itemtype ?? '')) return false;
  const share = proseShare(el, context);
  if (share >= 0.5) return false;
  if (hints.related) return true;
  if (isProseBox(el, context)) return false;
  if (hints.strongNegative) return true;
  if (hints.positive || share >= 0.25) return false;
  // Inside the article, a weak name ("info", "meta", "widget", "sidebar") loses to the text: a
  // paragraph of running prose there is the article's, whatever its box is called.
  if (insideArticle && isRunningProse(el, context)) return false;
  return !holdsMainMarker(el, context);
}

/** At least a long sentence of text, ending like one, almost without links. */
function isRunningProse(el: Element, context: PruneContext): boolean {
  const s = context.stats.get(el);
  if (!s || s.text < MIN_RUNNING_PROSE_CHARS || s.link / s.text > 0.1) return false;
  const parts: string[] = [];
  textOf(el, parts);
  return endsSentence(normalizeInline(parts.join('')));
}

const MIN_RUNNING_PROSE_CHARS = 80;

/**
 * Captions, teasers and appeals are short boxes beside the text: a caption describes a picture,
 * a teaser announces another page and links to it, an appeal asks for money or a sign-up. A box
 * so named that holds much of the page's prose is the article whatever its name; a "teaser"
 * that links nowhere is the article's own lead.
 */
function isBoxOfChrome(el: Element, hints: ClassHints, context: PruneContext): boolean {
  if (proseShare(el, context) >= 0.5) return false;
  if (hints.appeal) return true;
  if (hints.caption) return !isProseBox(el, context);
  return linksAway(el, context) || hasTwin(el);
}

/** A sibling with the same class: one of a row or list of teasers, i.e. of other pages. */
function hasTwin(el: Element): boolean {
  const cls = el.attribs.class;
  if (!cls || !el.parent || !isElement(el.parent)) return false;
  return el.parent.children.some((c) => c !== el && isElement(c) && c.attribs.class === cls);
}

/** Inside a link, or with a headline-sized share of its text linked (an inline link in a lead is not enough). */
function linksAway(el: Element, context: PruneContext): boolean {
  for (let p = el.parent; p && isElement(p); p = p.parent) if (p.name === 'a' && isOutboundHref(p.attribs.href)) return true;
  const s = context.stats.get(el);
  if (!s || s.text === 0 || s.link / s.text < TEASER_LINK_SHARE) return false;
  return hasDescendant(el, (n) => n.name === 'a' && isOutboundHref(n.attribs.href));
}

const TEASER_LINK_SHARE = 0.15;

function isOutboundHref(href: string | undefined): boolean {
  return href !== undefined && href.trim() !== '' && !href.trim().startsWith('#') && !/^javascript:/i.test(href.trim());
}

/** Several hundred characters of running text with few links: not a share bar or a link box. */
function isProseBox(el: Element, context: PruneContext): boolean {
  const s = context.stats.get(el);
  if (!s || s.text === 0) return false;
  return s.text - s.link >= 400 && s.link / s.text < 0.25;
}

/** A date inside a sentence is text; a date standing alone is a byline/meta line. */
function inRunningText(el: Element): boolean {
  const parent = el.parent;
  if (!parent || !isElement(parent)) return false;
  const all: string[] = [];
  textOf(parent, all);
  const own: string[] = [];
  textOf(el, own);
  return normalizeInline(all.join('')).length - normalizeInline(own.join('')).length > 60;
}

function hasDescendant(el: Element, test: (e: Element) => boolean): boolean {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (test(c) || hasDescendant(c, test)) return true;
  }
  return false;
}

function paragraphChars(el: Element): number {
  let total = 0;
  const walk = (e: Element): void => {
    for (const c of e.children) {
      if (!isElement(c)) continue;
      if (c.name === 'p') {
        const parts: string[] = [];
        textOf(c, parts);
        total += normalizeInline(parts.join('')).length;
      } else walk(c);
    }
  };
  walk(el);
  return total;
}

function linkHeavy(el: Element, context: PruneContext): boolean {
  const s = context.stats.get(el);
  if (!s) return false;
  return s.text > 0 && s.link / s.text > 0.5;
}

/** Text, link-text and comma counts for every element under root (post-order, memoised). */
const COMMAS = /[,\u060c\ufe50\uff0c\u3001]/g;

function countCommas(text: string): number {
  return text.match(COMMAS)?.length ?? 0;
}

function computeStats(root: Element, stats: Map<Element, NodeStats>): NodeStats {
  const own: NodeStats = { text: 0, link: 0, commas: 0, marker: false };
  for (const c of root.children) {
    if (c.type === 'text') {
      const data = (c as unknown as { data: string }).data;
      const trimmed = data.trim();
      if (trimmed.length === 0) continue;
      own.text += trimmed.length + 1;
      own.commas += countCommas(trimmed);
    } else if (c.type === 'tag') {
      // Script and style bodies are not text (their node types are 'script'/'style').
      if (c.name === 'noscript' || c.name === 'template') continue;
      const s = computeStats(c, stats);
      own.text += s.text;
      own.commas += s.commas;
      if (s.marker || isMainMarker(c)) own.marker = true;
      own.link += c.name === 'a' ? s.text : s.link;
    }
  }
  stats.set(root, own);
  return own;
}

function tagBaseScore(name: string): number {
  switch (name) {
    case 'article':
      return 10;
    case 'main':
      return 8;
    case 'div':
    case 'section':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

function classWeight(el: Element): number {
  let weight = 0;
  const hints = classHints(el.attribs.class, el.attribs.id);
  if (hints.positive) weight += 25;
  if (hints.weakNegative || hints.strongNegative) weight -= 25;
  if (el.attribs.itemprop === 'articleBody') weight += 50;
  return weight;
}

function hasBlockChild(el: Element): boolean {
  for (const c of el.children) {
    if (isElement(c) && BLOCK_TAGS.has(c.name) && c.name !== 'br') return true;
  }
  return false;
}

/** Readability-style candidate scores. */
function scoreCandidates(body: Element, stats: Map<Element, NodeStats>): Map<Element, number> {
  const scores = new Map<Element, number>();
  const visit = (el: Element): void => {
    for (const c of el.children) if (isElement(c)) visit(c);
    const loose = LOOSE_TEXT_HOLDERS.has(el.name);
    if (!SCORED_TAGS.has(el.name) && !loose) return;
    let s = stats.get(el);
    let ancestor: Element | null = el.parent as Element | null;
    if (loose || ((el.name === 'div' || el.name === 'section' || el.name === 'article') && hasBlockChild(el))) {
      // Text written straight into a container between its blocks (<div>text<br>text<div>...) is a paragraph of the container.
      s = directInlineStats(el, stats);
      ancestor = el;
    }
    if (!s || s.text < 25) return;
    const ownLinkDensity = s.link / s.text;
    if (ownLinkDensity > 0.5) return;
    const score = (1 + s.commas + Math.min(Math.floor(s.text / 100), 3)) * (1 - ownLinkDensity);
    for (let level = 0; ancestor && level < 5; level++) {
      if (!isElement(ancestor) || ancestor.name === 'html') break;
      if (!scores.has(ancestor)) scores.set(ancestor, tagBaseScore(ancestor.name) + classWeight(ancestor));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, (scores.get(ancestor) ?? 0) + score / divider);
      ancestor = ancestor.parent as Element | null;
    }
  };
  visit(body);
  for (const [el, score] of scores) {
    const s = stats.get(el);
    const density = s && s.text > 0 ? s.link / s.text : 0;
    const landmark = score > 0 && inMainLandmark(el) ? MAIN_LANDMARK_BONUS : 1;
    scores.set(el, score * (1 - density) * landmark);
  }
  return scores;
}

/** Stats of the text nodes and inline elements directly inside a container. */
function directInlineStats(el: Element, stats: Map<Element, NodeStats>): NodeStats {
  const own: NodeStats = { text: 0, link: 0, commas: 0, marker: false };
  for (const c of el.children) {
    if (c.type === 'text') {
      const trimmed = (c as unknown as { data: string }).data.trim();
      if (trimmed.length === 0) continue;
      own.text += trimmed.length + 1;
      own.commas += countCommas(trimmed);
    } else if (isElement(c) && !BLOCK_TAGS.has(c.name)) {
      const s = stats.get(c);
      if (!s) continue;
      own.text += s.text;
      own.commas += s.commas;
      own.link += c.name === 'a' ? s.text : s.link;
    }
  }
  return own;
}

/** Text inside the page's declared main area or an article element is more likely the article. */
const MAIN_LANDMARK_BONUS = 1.6;

function inMainLandmark(el: Element): boolean {
  for (let p: Element | null = el; p && isElement(p); p = p.parent as Element | null) {
    if (p.name === 'article' || p.name === 'main' || p.attribs.role === 'main' || p.attribs.itemprop === 'articleBody') return true;
  }
  return false;
}

function isAncestorOf(ancestor: Element, node: Element): boolean {
  let p = node.parent;
  while (p) {
    if (p === ancestor) return true;
    p = p.parent;
  }
  return false;
}

/** Elements that can hold an article; a list, row or table body is part of one. */
const CONTAINER_TAGS = new Set(['div', 'section', 'article', 'main', 'td', 'body', 'span', 'font', 'center', 'form']);

function chooseTopCandidate(body: Element, scores: Map<Element, number>): Element | null {
  const ranked: Candidate[] = [...scores]
    .filter(([el]) => CONTAINER_TAGS.has(el.name))
    .map(([el, score]) => ({ el, score }))
    .sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best) return null;
  let top = best.el;
  const topScore = best.score;
  // Several strong candidates under one ancestor: the article is split into sections.
  const alternatives = ranked.slice(1, 6).filter((c) => c.score / topScore >= 0.75);
  if (alternatives.length >= 3) {
    let parent = top.parent as Element | null;
    while (parent && parent !== body && parent.name !== 'body') {
      const contained = alternatives.filter((c) => isAncestorOf(parent as Element, c.el)).length;
      if (contained >= 3) {
        top = parent;
        break;
      }
      parent = parent.parent as Element | null;
    }
  }
  // Climb while the parent scores higher: the candidate was one part of a larger body.
  let lastScore = scores.get(top) ?? 0;
  const threshold = lastScore / 3;
  let parent = top.parent as Element | null;
  while (parent && parent.name !== 'body' && parent.name !== 'html') {
    const parentScore = scores.get(parent);
    if (parentScore === undefined) {
      parent = parent.parent as Element | null;
      continue;
    }
    if (parentScore < threshold) break;
    if (parentScore > lastScore) {
      top = parent;
      break;
    }
    lastScore = parentScore;
    parent = parent.parent as Element | null;
  }
  // An only child says nothing the parent doesn't.
  while (top.parent && isElement(top.parent) && top.parent.name !== 'body' && top.parent.name !== 'html') {
    const elementChildren = top.parent.children.filter((c) => isElement(c) || (c.type === 'text' && (c as unknown as { data: string }).data.trim() !== ''));
    if (elementChildren.length !== 1) break;
    top = top.parent;
  }
  return top;
}

function prose(el: Element, stats: Map<Element, NodeStats>): number {
  const s = stats.get(el);
  return s ? s.text - s.link : 0;
}

/**
 * Climbs to ancestors that add little text: the lead paragraph or subheading of an article often
 * sits in a sibling box of the body (header/intro/teaser), which the body's score does not reach.
 */
function widen(top: Element, stats: Map<Element, NodeStats>): Element {
  let root = top;
  const base = prose(top, stats);
  for (let i = 0; i < 4; i++) {
    const parent = root.parent;
    if (!parent || !isElement(parent) || parent.name === 'body' || parent.name === 'html') break;
    if (prose(parent, stats) > base * WIDEN_RATIO) break;
    root = parent;
  }
  return root;
}

const WIDEN_RATIO = 1.3;

/** A sibling box with this much running text and few links is more of the article. */
const SIBLING_PROSE_CHARS = 300;

/** The top candidate plus siblings that look like more of the same article. */
function contentRoots(top: Element, scores: Map<Element, number>, stats: Map<Element, NodeStats>): AnyNode[] {
  const parent = top.parent;
  if (!parent || !isElement(parent)) return [top];
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const roots: AnyNode[] = [];
  for (const sibling of parent.children) {
    if (sibling === top) {
      roots.push(sibling);
      continue;
    }
    if (!isElement(sibling)) continue;
    let bonus = 0;
    if (sibling.attribs.class && sibling.attribs.class === top.attribs.class) bonus = topScore * 0.2;
    const score = scores.get(sibling);
    if (score !== undefined && score + bonus >= threshold) {
      roots.push(sibling);
      continue;
    }
    const siblingStats = stats.get(sibling);
    if (siblingStats && siblingStats.text - siblingStats.link >= SIBLING_PROSE_CHARS && siblingStats.link / siblingStats.text < 0.2 && siblingStats.commas >= 2) {
      roots.push(sibling);
      continue;
    }
    if (sibling.name === 'p' || sibling.name === 'blockquote') {
      const s = stats.get(sibling);
      if (!s || s.text === 0) continue;
      const density = s.link / s.text;
      const parts: string[] = [];
      textOf(sibling, parts);
      const text = normalizeInline(parts.join(''));
      if ((s.text > 80 && density < 0.25) || (s.text > 0 && density === 0 && /[.!?]["”“»]?$/.test(text))) roots.push(sibling);
    }
  }
  return roots;
}

interface Block {
  text: string;
  linkChars: number;
  tag: string;
  /** Inside the best-scoring container (or its matching siblings) rather than only in the widened area. */
  core: boolean;
  /** The innermost block element the text began in (null: loose text of a root). */
  owner: Element | null;
}

/** Emits the text of the chosen nodes as blocks, skipping link-heavy lists and boxes. */
function collectBlocks(roots: readonly AnyNode[], stats: Map<Element, NodeStats>, core: ReadonlySet<AnyNode> | null = null): Block[] {
  const blocks: Block[] = [];
  let buffer: string[] = [];
  let linkChars = 0;
  let blockTag = 'p';
  let blockCore = true;
  let blockOwner: Element | null = null;
  let inCore = core === null;
  const flush = (): void => {
    if (buffer.length === 0) return;
    const text = normalizeInline(buffer.join(''));
    if (text.length > 0) blocks.push({ text, linkChars, tag: blockTag, core: blockCore, owner: blockOwner });
    buffer = [];
    linkChars = 0;
  };
  const walk = (node: AnyNode, inLink: boolean, tag: string, owner: Element | null): void => {
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      if (buffer.length === 0) {
        blockTag = tag;
        blockCore = inCore;
        blockOwner = owner;
      }
      buffer.push(data);
      if (inLink) linkChars += data.trim().length;
      return;
    }
    if (!isElement(node)) return;
    const name = node.name;
    if (name === 'br' || name === 'hr') {
      flush();
      return;
    }
    const isBlock = BLOCK_TAGS.has(name);
    if (isBlock && name !== 'li' && name !== 'td' && name !== 'p' && !HEADING.test(name) && isLinkList(node, stats)) {
      flush();
      return;
    }
    const entersCore = !inCore && core !== null && core.has(node);
    if (isBlock || entersCore) flush();
    if (entersCore) inCore = true;
    const childTag = isBlock ? name : tag;
    const childOwner = isBlock ? node : owner;
    const link = inLink || name === 'a';
    for (const c of node.children) walk(c, link, childTag, childOwner);
    if (isBlock || entersCore) flush();
    if (entersCore) inCore = false;
  };
  for (const root of roots) {
    walk(root, false, 'p', isElement(root) ? root : null);
    flush();
  }
  return blocks;
}

/** A list, table or box that is mostly links: navigation or "related" links left in the content. */
function isLinkList(el: Element, stats: Map<Element, NodeStats>): boolean {
  const s = stats.get(el);
  if (!s || s.text === 0) return false;
  const density = s.link / s.text;
  if (el.name === 'ul' || el.name === 'ol' || el.name === 'dl' || el.name === 'table') return density > 0.6 || (density > 0.4 && s.commas === 0);
  return density > 0.6 && s.text < 3000;
}

/** A block that is only a date and/or time: a byline or post-meta line. */
const DATE_ONLY =
  /^(?:(?:am|on|vom|published|veröffentlicht|aktualisiert|updated|stand|posted|erstellt|publiziert|datum|date)[\s:]*){0,2}(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+[A-Za-zäÄé]+\.?\s+\d{4}|[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4})?[\s,|-]*(?:(?:um\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:uhr|am|pm|h)?)?$/i;

function keepBlock(block: Block): boolean {
  const { text } = block;
  // The headline is the title, reported separately.
  if (block.tag === 'h1') return false;
  if (text.length <= 40 && /\d/.test(text) && DATE_ONLY.test(text)) return false;
  const density = text.length > 0 ? block.linkChars / text.length : 0;
  if (density > 0.75 && text.length < 300) return false;
  if (block.tag === 'li' && density > 0.5) return false;
  if (text.length <= 40 && BOILERPLATE_LINE.test(text)) return false;
  if (text.length <= 120 && CREDIT_LINE.test(text)) return false;
  if (text.length <= 80 && AGENCY_CREDIT.test(text) && !/[.!?]$/.test(text)) return false;
  if (text.length <= 60 && MACHINERY_LINE.test(text)) return false;
  if (text.length <= 200 && READ_ALSO_LINE.test(text)) return false;
  if (text.length <= 300 && APPEAL_LINE.test(text)) return false;
  if (text.length <= 250 && NEWSLETTER_ASK.test(text) && SIGN_UP_VERB.test(text)) return false;
  // A "Related"/"Mehr zum Thema" heading left inside the content: the list after it is gone already.
  if (HEADING.test(block.tag) && isChromeHeading(text)) return false;
  if (isPromptOrFooter(text) && text.length < 160) return false;
  return true;
}

/**
 * Text around the best container (an article's header, lead, subheadline) must look like prose:
 * bylines, dates, categories and widget labels there are short and unpunctuated.
 */
function keepOutsideCore(block: Block): boolean {
  const { text } = block;
  if (block.linkChars / text.length > 0.2) return false;
  if (block.tag === 'h1') return false;
  if (HEADING.test(block.tag)) return text.length >= 15;
  if ((block.tag === 'li' || block.tag === 'td' || block.tag === 'dd') && block.linkChars === 0) return text.length >= 15;
  return text.length >= MIN_OUTSIDE_CORE_CHARS && /[.!?:;…"“”»«)]/.test(text);
}

const MIN_OUTSIDE_CORE_CHARS = 100;

/** Drops a trailing section that begins with a chrome heading ("Related", "Mehr zum Thema") after the text. */
function cutAtChromeSection(blocks: Block[]): Block[] {
  let total = 0;
  for (const b of blocks) total += b.text.length;
  let seen = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (i > 0 && seen > total * 0.5 && isChromeHeading(b.text) && (HEADING.test(b.tag) || b.text.length < 40)) {
      return blocks.slice(0, i);
    }
    seen += b.text.length;
  }
  return blocks;
}

export interface MainContentResult {
  paragraphs: string[];
  /** The elements the text was taken from (for diagnostics). */
  roots: AnyNode[];
}

/** Main text of a page as paragraphs, chosen from `body` (which is pruned in place). */
export function extractMainContent(body: Element, options: { byClass?: boolean } = {}): MainContentResult {
  pruneChrome(body, false, options.byClass ?? true);
  const stats = new Map<Element, NodeStats>();
  computeStats(body, stats);
  const scores = scoreCandidates(body, stats);
  const top = chooseTopCandidate(body, scores);
  if (!top) return { paragraphs: [], roots: [] };
  const coreRoots = contentRoots(top, scores, stats);
  const wide = widen(top, stats);
  const roots = wide === top ? coreRoots : contentRoots(wide, scores, stats);
  const core = wide === top ? null : new Set<AnyNode>(coreRoots);
  const blocks = dedupeBlocks(cutAtChromeSection(collectBlocks(roots, stats, core).filter((b) => keepBlock(b) && (b.core || keepOutsideCore(b)))));
  const paragraphs = cutTrailingChrome(
    blocks.map((b) => b.text),
    { isContent: (i) => isOwnListItem(blocks[i]) },
  );
  return { paragraphs, roots };
}

/** Emits the text of an element chosen by a configured selector, with the same block rules. */
export function paragraphsOf(nodes: readonly Element[]): string[] {
  const stats = new Map<Element, NodeStats>();
  for (const n of nodes) {
    pruneChrome(n, true);
    computeStats(n, stats);
  }
  return dedupeBlocks(collectBlocks(nodes, stats).filter(keepBlock)).map((b) => b.text);
}

/**
 * An item of a list, a definition or a table cell with no link in it: the article's own text
 * (ingredients, a list of measures, facts at the end), not a list of other headlines, which are
 * links (link lists were dropped already).
 */
function isOwnListItem(block: Block | undefined): boolean {
  return block !== undefined && (block.tag === 'li' || block.tag === 'dd' || block.tag === 'dt' || block.tag === 'td') && block.linkChars === 0;
}

/**
 * Drops copies of a paragraph that the page lays out twice (a caption or teaser shown once for
 * mobile and once for desktop), keeping the first. A copy is a repeat from another container; a
 * text repeated among its siblings (a refrain, a repeated question, "* * *" between sections) is
 * the article's own and stays.
 */
function dedupeBlocks(blocks: Block[]): Block[] {
  const containers = new Map<string, Set<AnyNode | null>>();
  const out: Block[] = [];
  for (const block of blocks) {
    const seenIn = containers.get(block.text);
    const container = block.owner?.parent ?? null;
    if (seenIn && !seenIn.has(container)) continue;
    if (seenIn) seenIn.add(container);
    else containers.set(block.text, new Set([container]));
    out.push(block);
  }
  return out;
}
