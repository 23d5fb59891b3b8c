import type { ScheduledSource } from '../queue/interfaces/crawl-queue-options.ts';
import { sourceIntervalMs, type SourceDefinition } from '../sources/source-definition.ts';
import { loadSources } from '../sources/sources-file.ts';

/** A configured source as the crawler schedules it (disabled sources are left out). */
export function toScheduledSources(sources: SourceDefinition[]): ScheduledSource[] {
  return sources
    .filter((s) => s.enabled)
    .map((s) => ({
      source: { id: s.id, url: s.url, kind: s.kind, bodySelector: s.selectors.body ?? null },
      intervalMs: sourceIntervalMs(s),
    }));
}

/** Reads the sources file (InputError naming the file and entry when invalid) into scheduled sources. */
export async function loadScheduledSources(path: string): Promise<ScheduledSource[]> {
  return toScheduledSources(await loadSources(path));
}
