export * from './explorer-assets.ts';
