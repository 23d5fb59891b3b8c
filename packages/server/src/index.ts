export * from './interfaces/server-options.ts';
export * from './create-server.ts';
export * from './http/api-error.ts';
export * from './http/bearer-token.ts';
export { routeSchemas, MAX_HOPS, MAX_LIMIT } from './schemas.ts';
