import type { FailedPage, PageJobData, PendingPage, PendingPageJournal } from './interfaces/crawl-stages.ts';

/**
 * A pending-page journal that lives as long as the process: for crawl memories without a durable
 * one (test doubles, `:memory:` state), so the in-process crawler runs the same code either way.
 */
export class MemoryPendingPages implements PendingPageJournal {
  readonly #pages = new Map<string, PendingPage>();
  readonly #failed = new Map<string, FailedPage>();
  async add(pages: PageJobData[]): Promise<void> {
    for (const page of pages) if (!this.#pages.has(page.url)) this.#pages.set(page.url, { page, attempts: 0, retryAt: null });
  }
  async finish(url: string): Promise<void> {
    this.#pages.delete(url);
  }
  async list(): Promise<PageJobData[]> {
    return [...this.#pages.values()].map((e) => e.page);
  }
  async entries(): Promise<PendingPage[]> {
    return [...this.#pages.values()].map((e) => ({ ...e }));
  }
  async reschedule(url: string, attempts: number, retryAt: number): Promise<void> {
    const entry = this.#pages.get(url);
    if (entry) this.#pages.set(url, { ...entry, attempts, retryAt });
  }
  async fail(url: string, attempts: number, reason: string): Promise<void> {
    const entry = this.#pages.get(url);
    if (!entry) return;
    this.#pages.delete(url);
    this.#failed.delete(url);
    this.#failed.set(url, { page: entry.page, attempts, reason, failedAt: new Date().toISOString() });
  }
  async failed(limit = 1000): Promise<FailedPage[]> {
    return [...this.#failed.values()].reverse().slice(0, limit);
  }
  async revive(urls?: string[]): Promise<string[]> {
    const revived: string[] = [];
    for (const url of urls ?? [...this.#failed.keys()]) {
      const failed = this.#failed.get(url);
      if (!failed) continue;
      this.#failed.delete(url);
      this.#pages.set(url, { page: failed.page, attempts: 0, retryAt: null });
      revived.push(url);
    }
    return revived;
  }
}
