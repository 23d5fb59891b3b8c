import type { PageJobData, PendingPageJournal } from './interfaces/crawl-stages.ts';

/**
 * A pending-page journal that lives as long as the process: for crawl memories without a durable
 * one (test doubles, `:memory:` state), so the in-process crawler runs the same code either way.
 */
export class MemoryPendingPages implements PendingPageJournal {
  readonly #pages = new Map<string, PageJobData>();
  async add(pages: PageJobData[]): Promise<void> {
    for (const page of pages) if (!this.#pages.has(page.url)) this.#pages.set(page.url, page);
  }
  async finish(url: string): Promise<void> {
    this.#pages.delete(url);
  }
  async list(): Promise<PageJobData[]> {
    return [...this.#pages.values()];
  }
}
