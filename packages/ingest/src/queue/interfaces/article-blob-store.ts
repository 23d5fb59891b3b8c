import type { Article } from '@newsgraph/shared';

/** Where an article waits between its page job and its processing job (see ProcessJobData). */
export interface ArticleBlobStore {
  put(key: string, article: Article): Promise<void>;
  get(key: string): Promise<Article | null>;
  delete(key: string): Promise<void>;
}
