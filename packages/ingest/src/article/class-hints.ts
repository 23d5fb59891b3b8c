/**
 * What an element's class and id say about it. Web pages name their boilerplate consistently
 * ("share-bar", "comments", "cookie-consent", "sidebar") and their content too ("article-body",
 * "entry-content"); these patterns are the readability/trafilatura conventions plus common German
 * names, matched on the parts of each class token.
 */

/** Chrome whatever else the element is called: substring match on a class/id token. */
const STRONG_NEGATIVE =
  /comment(?!ary)|kommentar|disqus|discussion|diskussion|respond|share|sharing|sharer|shariff|social|sociable|addthis|cookie|consent|gdpr|dsgvo|news-?letter|breadcrumb|related|verwandt|recommend|empfehl|outbrain|taboola|plista|ligatus|subscri|abonn|advert|sponsor|promo|popup|modal|overlay|banner|skip-?link|sr-only|screen-?reader|visually-?hidden|visuallyhidden|offscreen|print-?(?:only|button)|pagination|pager|paging|pagenav|nav-?links|post-?nav|prev-?next|author-?(?:bio|box|info|profile|description|card|details)|about-?(?:the-)?author|tagcloud|tag-?list|taglist|keywords|schlagw|rating|bewertung|votes?\b|toolbar|toolbox|teaser-?list|more-?(?:articles|stories|news)|weitere|read-?more|login|signin|signup|register|masthead|copyright|disclaimer|impressum|imprint|privacy-?embed|embed-?(?:privacy|consent|placeholder)|third-?party-?(?:services|content|embed)/;

/** Chrome unless the element also looks like content or holds the main content. */
const WEAK_NEGATIVE_PART =
  /^(?:header|head|footer|foot|menu|menus|nav|navi|navigation|navbar|sidebar|side|aside|rail|meta|byline|author|authors|autor|date|datum|time|dateline|tags|tag|categories|category|kategorien|topics|extra|extras|remark|rss|shoutbox|skyscraper|ad|ads|adv|anzeige|werbung|search|suche|logo|brand|legal|contact|kontakt|info|infobox|caption|credit|credits|bildnachweis|source|quelle|print|tools|links|linklist|footnote-ref|hidden|hide|widget|widgets|dropdown|submenu|flyout|topbar|bottombar|sticky|breaking|ticker|marquee|slider|carousel|gallery|galerie|thumbnail|thumbs|video|player|audio|podcast|poll|umfrage|quiz|survey|meta-?data|postmeta|postmetadata|postinfo|entry-?meta|post-?meta|article-?meta)$/;

/** Content containers. */
const POSITIVE_PART =
  /^(?:article|articles|artikel|body|content|contents|main|entry|hentry|h-entry|post|blog|story|text|texte|inhalt|beitrag|haupt|column|page|detail|details|single|prose|richtext|rte|copy|longform|news)$/;

/** Class tokens that say nothing about the element: WordPress term classes name the post's tags. */
const IGNORED_TOKEN = /^(?:tag|category|categories|postid|post-id|page-id|format|type|status|has|is|js|no|wp|elementor-element)-|(?:^|-)(?:has|with|without|no|show|hide|is)-|promoted|sticky/;

/**
 * Discussion under the article, consent banners and the placeholders of embeds waiting for
 * consent, breadcrumbs, ad networks, and the box about the author (a biography is prose, but not
 * the article's): dropped even when they hold much text.
 */
const COMMENTS = /comment(?!ary)|kommentare|disqus|respond|replies|cookie|consent|gdpr|dsgvo|breadcrumb|outbrain|taboola|plista|author-?(?:bio|box|info|profile|description|card|details)|about-?(?:the-)?author|privacy-?embed|embed-?(?:privacy|consent|placeholder)|third-?party-?(?:services|content|embed)/;

/** Parts that only say where or how an element sits: "sidebar-left-wrapper" is a sidebar. */
const GENERIC_PART =
  /^(?:wrap|wrapper|container|cont|inner|outer|holder|box|area|block|section|region|col|row|item|items|module|component|el|element|grid|layout|left|right|top|bottom|primary|secondary|first|last|small|large|mobile|desktop|fixed|full|default|main|\d+|[a-z])$/;

/** Header boxes: chrome at page level, headline and lead inside an article. */
const HEADER_PART = /^(?:header|head|intro|kopf)$/;

/** Links to other articles, often with excerpts that read like prose. */
const RELATED = /related|recommend|empfehl|verwandt|more-?(?:articles|stories|news)|weitere|teaser-?list|read-?next|next-?(?:post|story|article)/;

/** Picture captions and credits: "wp-caption-text", "image-legend", "bildunterschrift". */
const CAPTION = /caption|(?:^|[-_])legende?(?:$|[-_])|bildunterschrift|bilduntertitel|bildlegende|bildtext|image-?credit|photo-?credit/;

/** Teasers: boxes that announce another page (a headline, an excerpt and a link to it). */
const TEASER = /teaser|nextread|next-?read/;

/** Appeals for money or sign-ups: donation, membership and paywall boxes. */
const APPEAL = /donat|abo-?werbung|abo-?(?:box|teaser|banner|hinweis|promo)|spende|steady|patreon|ko-?fi|support-?(?:us|box|banner|cta)|membership|member-?(?:cta|box|banner)|paywall-?(?:prompt|message|cta|box|banner)|subscri(?:be|ption)-?(?:box|cta|banner|prompt|wall)|contribut(?:e|ion)s?-?(?:box|banner|cta|epic)/;

export interface ClassHints {
  /** Links to other content: dropped unless it holds most of the page's text. */
  related: boolean;
  /** The only negative hint is "header": an article's own header holds its lead. */
  headerOnly: boolean;
  /** Chrome even when it holds a lot of prose (comments, consent banners). */
  comments: boolean;
  strongNegative: boolean;
  weakNegative: boolean;
  positive: boolean;
  /** A picture caption or credit, whatever else the name says ("wp-caption-text"). */
  caption: boolean;
  /** A teaser of another page: chrome when it links away. */
  teaser: boolean;
  /** A donation, membership or subscription appeal. */
  appeal: boolean;
}

const NO_HINTS: ClassHints = {
  related: false,
  headerOnly: false,
  comments: false,
  strongNegative: false,
  weakNegative: false,
  positive: false,
  caption: false,
  teaser: false,
  appeal: false,
};

function parts(token: string): string[] {
  return token
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[-_:.]+/)
    .filter((p) => p.length > 0);
}

/** Hints from a class attribute and an id attribute. */
export function classHints(className: string | undefined, id: string | undefined): ClassHints {
  if (!className && !id) return NO_HINTS;
  const tokens = `${className ?? ''} ${id ?? ''}`.split(/\s+/).filter((t) => t.length > 0);
  let strongNegative = false;
  let comments = false;
  let related = false;
  let weakNegative = false;
  let nonHeaderWeak = false;
  let positive = false;
  let caption = false;
  let teaser = false;
  let appeal = false;
  for (const raw of tokens) {
    const token = raw.toLowerCase();
    // Before the ignored prefixes: WordPress names its captions "wp-caption", "wp-caption-text".
    if (!caption && token.length <= 60 && CAPTION.test(token)) caption = true;
    if (IGNORED_TOKEN.test(token) || token.length > 60) continue;
    if (!teaser && TEASER.test(token)) teaser = true;
    if (!appeal && APPEAL.test(token)) appeal = true;
    if (!strongNegative && STRONG_NEGATIVE.test(token)) strongNegative = true;
    if (!comments && COMMENTS.test(token)) comments = true;
    if (!related && RELATED.test(token)) related = true;
    const ps = parts(raw);
    // A table of contents repeats the article's own headings as links: "toc", "ez-toc-title".
    if (!strongNegative && ps.some((p) => p === 'toc' || p === 'inhaltsverzeichnis')) strongNegative = true;
    // A call-to-action box ("c-letters-cta", "cta-banner") asks the reader to do something.
    if (!appeal && ps.includes('cta')) appeal = true;
    // The last meaningful part names what the element is: "article-meta" is meta, "meta-content" is content.
    let end = ps.length;
    while (end > 1 && GENERIC_PART.test(ps[end - 1] ?? '')) end--;
    const head = ps[end - 1] ?? '';
    const joined = ps.slice(0, end).join('-');
    if (WEAK_NEGATIVE_PART.test(head) || WEAK_NEGATIVE_PART.test(joined)) {
      weakNegative = true;
      if (!HEADER_PART.test(head)) nonHeaderWeak = true;
    }
    else if (POSITIVE_PART.test(head)) positive = true;
  }
  if (strongNegative || weakNegative || positive || caption || teaser || appeal) {
    return { related, headerOnly: weakNegative && !nonHeaderWeak && !strongNegative, comments, strongNegative, weakNegative, positive, caption, teaser, appeal };
  }
  return NO_HINTS;
}
