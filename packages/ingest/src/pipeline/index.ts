export * from './build-article.ts';
export * from './process-article.ts';
export * from './ingest-inputs.ts';
export * from './default-readers.ts';
export * from './article-metadata.ts';
export * from './article-from-response.ts';
export * from './inline-crawl.ts';
export * from './non-article-files.ts';
