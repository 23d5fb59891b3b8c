import { InputError } from '@newsgraph/shared';

/** A feed or sitemap that cannot be read; the message names the feed (URL or file) and the reason. */
export class FeedParseError extends InputError {
  constructor(feed: string, reason: string, options?: { cause?: unknown }) {
    super(feed, reason, options);
    this.name = 'FeedParseError';
  }
}
