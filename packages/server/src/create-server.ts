import { basename, dirname } from 'node:path';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { explorerPublicDir, explorerVendorAssets } from '@newsgraph/explorer';
import { InputError, silentLogger } from '@newsgraph/shared';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { ApiError, describeValidationIssue, type ErrorBody } from './http/api-error.ts';
import { bearerTokenMatches } from './http/bearer-token.ts';
import { RequestLogController } from './http/request-log-controller.ts';
import type { RunningServer, ServerOptions } from './interfaces/server-options.ts';
import { registerApiRoutes } from './routes/api-routes.ts';
import { registerCurationRoutes } from './routes/curation-routes.ts';
import { registerListRoutes } from './routes/list-routes.ts';
import { LIST_PARAMETERS, routeSchemas } from './schemas.ts';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8787;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
/** Longest path parameter the router matches; Node refuses request heads over 16 KiB anyway. */
const MAX_ROUTED_PARAM_LENGTH = 16_384;

/**
 * The page may only load its own scripts and styles and talk to its own origin: article text is
 * untrusted, and even if some of it slipped into markup this policy keeps it from running.
 * Cytoscape's one injected <style> is pre-empted by the page's stylesheet (see index.html), so
 * no 'unsafe-inline' is needed.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

/**
 * Whether a request is for the API. Decided on the route that matched (`/%61pi/stats` routes to
 * `/api/stats` too, so the raw URL alone would let a token check be sidestepped) and, for
 * unmatched URLs, on the path as sent.
 */
function isApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route !== undefined && route.startsWith('/api/')) return true;
  const path = decodedPath(request.url);
  return path === '/api' || path.startsWith('/api/');
}

/** The path of a request URL with percent-escapes decoded (left as sent when they are malformed). */
function decodedPath(url: string): string {
  const path = url.split('?')[0]!;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** `type=Person,Country` and `type=Person&type=Country` both become ['Person', 'Country']. */
function splitListParameters(request: FastifyRequest): void {
  const query = request.query as Record<string, unknown> | undefined;
  if (!query || typeof query !== 'object') return;
  for (const key of LIST_PARAMETERS) {
    const value = query[key];
    if (value === undefined) continue;
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
    query[key] = parts.map((p) => p.trim()).filter((p) => p.length > 0);
  }
}

function errorBody(code: string, message: string, parameter?: string): ErrorBody {
  return { error: parameter ? { code, message, parameter } : { code, message } };
}

/**
 * Builds the Fastify app (routes, validation, security headers, rate limit, explorer assets,
 * /openapi.json) without listening. `createServer` listens on top of it.
 */
export async function buildApp(options: ServerOptions): Promise<FastifyInstance> {
  const logger = options.logger ?? silentLogger;
  const app = Fastify({
    // pino's Logger is what Fastify logs with; its declared type is just wider than FastifyBaseLogger.
    loggerInstance: logger as FastifyBaseLogger,
    logController: new RequestLogController(),
    // A malformed URL (bad percent-escape) gets the same error body as everything else.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 400;
      void reply.code(status).send(errorBody(status === 400 ? 'invalid_parameter' : 'bad_request', error.message));
    },
    // Entity ids are slugs of full names. The router's cap is far above the schemas' id limits
    // (MAX_ID_LENGTH), so that an over-long id always reaches its route and gets one answer, a
    // 400 naming the parameter, instead of a 404 "no route".
    routerOptions: { maxParamLength: MAX_ROUTED_PARAM_LENGTH },
    ajv: {
      // Unknown query parameters are errors (a typo such as `predicates=` must not be ignored).
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
  });

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'no-referrer' },
    // Plain-HTTP loopback by default; a TLS-terminating proxy in front sets HSTS itself.
    strictTransportSecurity: false,
  });

  // The limiter runs as the first onRequest hook, before the token check below, so failed token
  // guesses cost requests too. (With `global: true` it would run as a route hook, after every
  // app-level hook, and never on unmatched URLs.)
  await app.register(rateLimit, {
    global: false,
    max: options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    // Only the API costs store queries; the page's own files and /healthz are never limited.
    allowList: (request) => !isApiRequest(request),
    errorResponseBuilder: (_request, context) =>
      new ApiError(context.statusCode, 'rate_limited', `rate limit exceeded (${context.max} requests per minute), retry in ${context.after}`),
  });
  app.addHook('onRequest', app.rateLimit());

  const token = options.token;
  if (token) {
    app.addHook('onRequest', async (request, reply) => {
      if (!isApiRequest(request)) return;
      if (bearerTokenMatches(request.headers.authorization, token)) return;
      reply.header('www-authenticate', 'Bearer realm="newsgraph"');
      throw new ApiError(401, 'unauthorized', 'this server needs an Authorization: Bearer <token> header');
    });
  }

  app.addHook('preValidation', async (request) => splitListParameters(request));

  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const validation = (error as FastifyError).validation;
    if (validation && validation.length > 0) {
      const { parameter, message } = describeValidationIssue(validation[0]!, (error as FastifyError).validationContext);
      return reply.code(400).send(errorBody('invalid_parameter', message, parameter));
    }
    if (error instanceof ApiError) {
      return reply.code(error.statusCode).send(errorBody(error.code, error.message, error.parameter));
    }
    if (error instanceof InputError) {
      // A store refusing a value (e.g. a limit above what it serves) names the input itself.
      return reply.code(400).send(errorBody('invalid_parameter', error.message, error.input));
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send(errorBody('bad_request', error.message));
    }
    // Internal details (SQL, stack) stay in the log, never in the response.
    request.log.error({ err: error, url: request.url }, 'request failed');
    return reply.code(500).send(errorBody('internal', 'internal error'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(errorBody('not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'newsgraph API',
        version: '0.1.0',
        description:
          'Read-only access to the newsgraph knowledge graph: entities, their neighbours, paths between them, and the ' +
          'source sentences (evidence) behind every edge. No endpoint accepts query text.',
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'Needed only when the server has a token' } },
      },
    },
    hideUntagged: false,
  });

  registerApiRoutes(app, options.store);
  registerListRoutes(app, options.store);
  if (options.curation) registerCurationRoutes(app, options.curation, Boolean(options.token));

  // Every other /api/* URL is an API 404 (after the limiter and the token check), never a file.
  app.all('/api/*', { schema: { hide: true } }, async (request) => {
    throw new ApiError(404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`);
  });

  app.get('/healthz', { schema: routeSchemas.health }, async () => ({ status: 'ok' as const }));

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const vendor = new Map(explorerVendorAssets().map((asset) => [asset.name, asset]));
  app.get<{ Params: { name: string } }>('/vendor/:name', { schema: { hide: true } }, async (request, reply) => {
    const asset = vendor.get(request.params.name);
    if (!asset) throw new ApiError(404, 'not_found', `no vendor file ${JSON.stringify(request.params.name)}`);
    return reply.sendFile(basename(asset.path), dirname(asset.path));
  });

  await app.register(fastifyStatic, { root: explorerPublicDir, prefix: '/', index: ['index.html'], wildcard: true });

  return app;
}

function formatUrl(address: string, port: number): string {
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${port}`;
}

/** Starts the API and the explorer page; binds to 127.0.0.1:8787 unless told otherwise. */
export async function createServer(options: ServerOptions): Promise<RunningServer> {
  const app = await buildApp(options);
  await app.listen({ host: options.host ?? DEFAULT_HOST, port: options.port ?? DEFAULT_PORT });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error(`unexpected server address ${String(address)}`);
  return {
    url: formatUrl(address.address, address.port),
    close: () => app.close(),
    app,
  };
}
