export * from './domain.ts';
export * from './ids.ts';
export * from './errors.ts';
export * from './config.ts';
export * from './logging.ts';
export * from './document.ts';
export * from './lists.ts';
