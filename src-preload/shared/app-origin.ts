/** The privileged scheme the packaged renderer is served from (src-main/desktop/renderer-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'aditus';
/** The app's one origin, as Chromium serialises it (requestingOrigin, initiatorOrigin, location.origin). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether a URL (or an origin) is the app's own page: exactly `app://aditus`, or, in development only, the
 * dev server's origin (the caller passes `devServerUrl` only when the app is not packaged). Used for IPC
 * senders, permission requests and checks (notifications included) and downloads alike.
 */
export function isAppPage(url: string | undefined, devServerUrl: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Compared part by part: for a scheme it does not know, the URL standard gives an opaque origin ("null").
  if (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  )
    return true;
  if (!devServerUrl) return false;
  try {
    const dev = new URL(devServerUrl);
    return (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin;
  } catch {
    return false;
  }
}
