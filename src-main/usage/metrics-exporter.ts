import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './metrics';

/** Host must name this loopback exporter exactly: a rebound DNS name (evil.example → 127.0.0.1) is refused. */
export function exporterHostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
}

/** Optional `/metrics` endpoint on 127.0.0.1 for a team's Prometheus (off by default, a setting). */
export async function startMetricsExporter(
  metrics: Metrics,
  port: number,
): Promise<{ port: number; close(): Promise<void> }> {
  let boundPort = port;
  // Loaded here, not at start-up: most runs serve no metrics.
  const { createServer } = await import('node:http');
  const server: Server = createServer((req, res) => {
    if (!exporterHostAllowed(req, boundPort)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Host not allowed\n');
      return;
    }
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.text().then(
      (body) => res.writeHead(200, { 'content-type': metrics.contentType }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  boundPort = (server.address() as AddressInfo).port;
  return {
    port: boundPort,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
