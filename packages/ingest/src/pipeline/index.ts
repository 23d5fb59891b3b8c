export * from './build-article.ts';
export * from './process-article.ts';
export * from './ingest-inputs.ts';
export * from './default-readers.ts';
export * from './store-failure-breaker.ts';
