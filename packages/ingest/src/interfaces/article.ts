/** What main-text extraction returns for one HTML page or plain-text file. */
export interface ExtractedArticle {
  title: string;
  text: string;
  author: string | null;
  /** ISO 8601. */
  publishedAt: string | null;
  outlet: string | null;
  language: string | null;
  canonicalUrl: string | null;
}

export interface ArticleExtractionOptions {
  /** CSS selector for the article body, from a source's configuration; used when it matches. */
  bodySelector?: string;
}
