import { endsSentence } from './text-normalization.ts';

/**
 * Detects the page chrome that scrapers and extractors leave after an article's last paragraph:
 * "Next in Business", "Related", "Read more", lists of other headlines, share prompts, copyright
 * lines. Generic by construction: section headings of that kind in English and German, and the
 * shape of a headline list (short lines without sentence punctuation), never particular titles.
 */

/** Section headings that introduce links to other content, not the article's own text. */
const CHROME_HEADING =
  /^(?:next(?: up)?(?: in\b.*)?|up next|more(?: (?:from|in|on|about|of|stories|news|articles|headlines|to read|like this|coverage)\b.*)?|related(?: \w+)?|read (?:more|next|also)|also read|see also|trending(?: now| \w+)?|recommended(?: for you| \w+)?|(?:you|we think you) (?:may|might|will) (?:also )?(?:like|enjoy|be interested in)\b.*|others? (?:also )?read|people (?:also )?(?:read|viewed)|most (?:read|popular|viewed|shared|commented)(?: \w+)?|popular(?: \w+)?|latest(?: \w+)?|(?:more )?top (?:stories|news|articles)|editor'?s? picks?|(?:more )?don'?t miss|in other news|around the web|sponsored(?: \w+)?|advertisement|promoted (?:stories|content)|tags?|topics?|share(?: this)?(?: \w+)?|comments?|leave a (?:comment|reply)|about the authors?|explore further|further reading|table of contents|sources?|references|(?:notas|noticias|artículos|temas) relacionad[oa]s|(?:le |te )?puede(?:n)? interesar|también te puede interesar|mehr themen|noch mehr \w+(?: \w+){0,3}|mehr interessantes|(?:nächster|vorheriger) (?:artikel|beitrag)|vorschau auf den nächsten artikel|(?:next|previous) (?:article|post|story)|kommende (?:events|termine|veranstaltungen)|upcoming events|diese seite teilen|lust auf mehr|advertising disclosure|wird geladen|lire (?:aussi|la suite)|à lire également|über (?:den|die) autor(?:in)?|zum autor|zur autorin|quellen(?:angaben)?|inhaltsverzeichnis|inhalt|weiterführende \w+|weitere \w+|ähnliche \w+|mehr zu(?:m)? \w+(?: \w+)?|mehr (?:zum thema|zu diesem thema|aus|von|zu|lesen|nachrichten|artikel)\b.*|weitere (?:artikel|beiträge|nachrichten|themen|meldungen|informationen)\b.*|lesen sie (?:auch|mehr)\b.*|auch interessant|schon gelesen|zum weiterlesen|weiterlesen|das (?:könnte|thema könnte) (?:sie|dich) (?:auch )?interessieren|dazu passend|passend zum thema|czytaj (?:też|także)|lire aussi|à lire aussi|sur le même sujet|leer más|lee también|empfehlungen?|meistgelesen|am meisten gelesen|beliebte? (?:artikel|beiträge)|ähnliche (?:artikel|beiträge|themen)|verwandte (?:artikel|beiträge|themen)|schlagw(?:o|ö)rter?|themen|teilen|kommentare?|anzeige|werbung|(?:die )?neueste[n]? (?:meldungen|nachrichten|artikel|beiträge|news)|top[- ]?themen\b.*|meist[- ]?(?:gelesen|diskutiert|kommentiert|geteilt)|(?:discover|explore) (?:our|more)\b.*|dernières (?:actualités|nouvelles|infos)|à lire (?:aussi|également)|(?:mit |with |get |abonnieren sie )?(?:unser(?:em|en)? |our |der |the |den )?news-?letter\b.*)[\s:.…»>?!-]*$/i;

/** Prompts to follow, share or subscribe, and legal footer lines. */
const PROMPT_OR_FOOTER =
  /^(?:follow (?:us|@?[\w.]+ on)\b|share (?:this|on|via)\b|click (?:here )?to share|sign up\b|subscribe\b|join (?:us|our)\b|download (?:our|the) app\b|get (?:our|the latest)\b.*newsletter|folgen sie uns\b|s[ií]guenos\b|artikel gefallen\b|vergiss nicht zu teilen|for the latest (?:stories|news)\b.*\bapp|download the \w+ apps?\b|teilen sie\b|jetzt (?:abonnieren|teilen|folgen)\b|abonnieren sie\b|melden sie sich\b.*newsletter|©|\(c\)\s|copyright\b|all rights reserved|alle rechte vorbehalten)/i;


/** A heading that introduces a block of links to other content. */
export function isChromeHeading(line: string): boolean {
  return line.length <= 60 && CHROME_HEADING.test(line.trim());
}

/** A share/follow/subscribe prompt or a copyright/legal line. */
export function isPromptOrFooter(line: string): boolean {
  return line.length <= 200 && PROMPT_OR_FOOTER.test(line.trim());
}

/** A line shaped like another article's headline: short, several words, no sentence punctuation (in any script). */
function isHeadlineLike(line: string): boolean {
  if (line.length > 110 || line.length < 3) return false;
  // A closing quote alone counts as a sentence end ("… said “no”"); ’ does not: it ends headlines ("… ‘full circle’").
  return !endsSentence(line) && !/["”»“']$/.test(line);
}

/**
 * Drops the trailing run of chrome from a list of paragraphs. Only cuts when the trailing run
 * contains a chrome heading, a prompt/footer line, or at least three headline-like lines, so an
 * article that merely ends on a short line keeps it; never removes the first paragraph.
 * `isContent(i)` marks paragraphs known to be the article's own whatever their shape (in HTML:
 * items of a list without links, such as the list an article ends on); the cut never goes
 * above one, except for a chrome heading or footer line after it.
 */
export function cutTrailingChrome(paragraphs: readonly string[], options: { isContent?: (index: number) => boolean } = {}): string[] {
  let cut = paragraphs.length;
  let strongSignals = 0;
  let headlineRun = 0;
  let maxHeadlineRun = 0;
  for (let i = paragraphs.length - 1; i >= 1; i--) {
    const line = (paragraphs[i] ?? '').trim();
    if (line === '') {
      continue;
    }
    const strong = isChromeHeading(line) || isPromptOrFooter(line);
    if (!strong && options.isContent?.(i)) break;
    if (strong) {
      strongSignals++;
      headlineRun = 0;
      cut = i;
      continue;
    }
    if (isHeadlineLike(line)) {
      headlineRun++;
      maxHeadlineRun = Math.max(maxHeadlineRun, headlineRun);
      cut = i;
      continue;
    }
    break;
  }
  if (cut === paragraphs.length) return [...paragraphs];
  if (strongSignals === 0 && maxHeadlineRun < 3) return [...paragraphs];
  // Headline-like lines just above the real text, with no chrome heading, may be the article's own
  // short closing lines: only cut from the first strong signal when the headline run is short.
  if (strongSignals > 0 && maxHeadlineRun < 3) {
    let first = cut;
    while (first < paragraphs.length) {
      const line = (paragraphs[first] ?? '').trim();
      if (line !== '' && (isChromeHeading(line) || isPromptOrFooter(line))) break;
      first++;
    }
    cut = first;
  }
  return paragraphs.slice(0, cut);
}
