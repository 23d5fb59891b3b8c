import { buildConnector } from 'undici';

/**
 * Connection overrides in the manner of curl's `--connect-to`: requests for a URL host
 * ("127.0.0.1:8786") open their socket to another host and port, while the URL — and so the
 * Host header, robots.txt, politeness and the article id derived from it — stays the named one.
 * The demo uses it to keep one origin for its site whatever port it could bind.
 */
export type ConnectTo = ReadonlyMap<string, { hostname: string; port: number }>;

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** The key of a connection in a `ConnectTo` map: the URL's host with its port always written. */
export function connectKey(hostname: string, port: string, protocol: string): string {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  const host = bare.includes(':') ? `[${bare}]` : bare;
  return `${host.toLowerCase()}:${port || DEFAULT_PORTS[protocol] || ''}`;
}

/** An undici connector that applies `connectTo`, else connects as `options` say. */
export function connectorWithOverrides(options: buildConnector.BuildOptions, connectTo: ConnectTo): buildConnector.connector {
  const connect = buildConnector(options);
  return (opts, callback) => {
    const target = connectTo.get(connectKey(opts.hostname, opts.port, opts.protocol));
    connect(target ? { ...opts, hostname: target.hostname, port: String(target.port) } : opts, callback);
  };
}
