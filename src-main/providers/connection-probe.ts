import { connect } from 'node:net';

const PROBE_TIMEOUT_MS = 1_000;

/** A connection failure whose system error code was recovered by probing. */
export class ConnectionFailure extends Error {
  constructor(
    readonly code: string,
    endpoint: string,
  ) {
    super(`connecting to ${endpoint} failed (${code})`);
    this.name = 'ConnectionFailure';
  }
}

/**
 * Opens (and closes) one TCP connection to the endpoint's host and port. Returns the system error
 * code when that fails (ECONNREFUSED, ENOTFOUND, …), or null when something is listening.
 * For SDKs that throw away why a request failed: this tells "nobody there" from "connection dropped".
 */
export function probeConnection(endpoint: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return Promise.resolve('EINVAL');
  }
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const host = url.hostname.replace(/^\[(.*)\]$/u, '$1');
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (code: string | null): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(code);
    };
    const timer = setTimeout(() => finish('UND_ERR_CONNECT_TIMEOUT'), PROBE_TIMEOUT_MS);
    socket.once('connect', () => finish(null));
    socket.once('error', (err: NodeJS.ErrnoException) => finish(err.code ?? 'ECONNREFUSED'));
  });
}
