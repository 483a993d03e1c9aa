import type { WebHost, WebHostOptions } from './server';

/** The web host's HTTP server, loaded (its own chunk, with node:http) by the one command that serves. */
export async function startWebHostLazily(options: WebHostOptions): Promise<WebHost> {
  const { startWebHost } = await import('./server');
  return startWebHost(options);
}
