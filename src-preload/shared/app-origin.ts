/**
 * Whether a URL is the app's own page: the packaged renderer (loaded from a file), or the dev server's
 * origin in development. Used for IPC senders, permission requests and permission checks alike.
 */
export function isAppPage(url: string | undefined, devServerUrl: string | undefined): boolean {
  if (!url) return false;
  if (url.startsWith('file://')) return true;
  if (!devServerUrl) return false;
  try {
    return new URL(url).origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
