import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Per-request log lines at debug level (one line per request, when it completes), so that
 * `newsgraph serve` at the default info level logs only what needs attention: failures.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {
    // One line per request is enough: it is written on completion.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    // The explorer may be opened once with ?token=…: never write the token to a log.
    const url = request.url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
    const line = { method: request.method, url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.debug(line, 'request completed');
  }
}
