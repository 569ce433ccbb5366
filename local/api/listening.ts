/**
 * Where the staff API may listen, and whom it answers.
 *
 *  - On the loopback interface (the default), plain HTTP: only this machine reaches it.
 *  - Beyond loopback, only with TLS (a certificate and key: node:https) or behind a named reverse proxy that
 *    terminates TLS; then only the proxy (and this machine) may connect. Passwords and session tokens never cross
 *    a network in the clear.
 *  - Every request's Host header must name this server (loopback names, the bound address, and the names given
 *    with --host-name): a page elsewhere that points its own DNS name at this server (DNS rebinding) is refused
 *    with 421 before any route runs.
 */
import { isIP } from 'node:net';

export interface ListeningOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** PEM certificate and key: serve HTTPS. */
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  /** The reverse proxy's address: it alone (and loopback) may connect; it terminates TLS. */
  readonly behindProxy?: string;
  /** The names clients use for this server (the Host header), beyond the loopback names. */
  readonly hostNames?: readonly string[];
}

export class ListenRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ListenRefusedError';
  }
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare) || bare === '::ffff:127.0.0.1';
}

/** Refuses a listening address beyond loopback without TLS or a named proxy. */
export function checkListening(options: ListeningOptions): void {
  const host = options.host ?? '127.0.0.1';
  if (options.behindProxy !== undefined && isIP(options.behindProxy) === 0)
    throw new ListenRefusedError(`--behind-proxy 须为反向代理的 IP 地址：${options.behindProxy}`);
  if (isLoopback(host)) return;
  if (!options.tls && options.behindProxy === undefined)
    throw new ListenRefusedError(
      `拒绝在 ${host} 上以明文 HTTP 监听：密码与会话令牌会在网络上明文传输。请用 --tls-cert 与 --tls-key 启用 HTTPS，或用 --behind-proxy <代理地址> 说明由反向代理（负责 HTTPS）转发；仅本机使用时请监听 127.0.0.1`,
    );
}

/** The Host header's name (no port), lower case; undefined when absent or malformed. */
function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(header);
  if (bracketed) return bracketed[1]?.toLowerCase();
  const plain = /^([^:[\]]+)(?::\d+)?$/.exec(header);
  return plain?.[1]?.toLowerCase();
}

export function allowedHostNames(options: ListeningOptions, boundAddress: string): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  for (const name of options.hostNames ?? []) names.add(name.toLowerCase());
  if (!['0.0.0.0', '::'].includes(boundAddress)) names.add(boundAddress.toLowerCase());
  return names;
}

export function hostAllowed(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  const name = hostName(header);
  return name !== undefined && allowed.has(name);
}

/** Whether a connection from `remote` may be served: anyone with TLS or on loopback; the proxy alone behind one. */
export function peerAllowed(remote: string | undefined, options: ListeningOptions): boolean {
  if (options.behindProxy === undefined) return true;
  if (!remote) return false;
  const bare = remote.replace(/^::ffff:/, '');
  return bare === options.behindProxy || isLoopback(bare);
}

/**
 * The origins pages of this server are served from (what a browser sends as Origin): each name clients may use,
 * with the scheme and port it listens on, and behind a proxy the names over https on the proxy's default port.
 */
export function serverOrigins(options: ListeningOptions, boundAddress: string, port: number): string[] {
  const scheme = options.tls ? 'https' : 'http';
  const bracket = (name: string) => (name.includes(':') ? `[${name}]` : name);
  const origins = new Set<string>();
  for (const name of allowedHostNames(options, boundAddress))
    origins.add(new URL(`${scheme}://${bracket(name)}:${port}`).origin);
  if (options.behindProxy !== undefined)
    for (const name of options.hostNames ?? []) origins.add(new URL(`https://${bracket(name)}`).origin);
  return [...origins];
}

/**
 * The origin a client used to reach this server: its Host header (already checked to be one of the server's names)
 * with the scheme the client spoke. With TLS, https. Behind a proxy, https for the names given with --host-name (the
 * proxy terminates TLS and forwards the original Host) and http for the loopback names (this machine, directly).
 */
export function requestOrigin(hostHeader: string, options: ListeningOptions): string {
  const name = hostName(hostHeader);
  const proxied = options.behindProxy !== undefined && (options.hostNames ?? []).some((n) => n.toLowerCase() === name);
  const scheme = options.tls || proxied ? 'https' : 'http';
  return new URL(`${scheme}://${hostHeader}`).origin;
}
