import { basename, extname, join } from 'node:path';
import { APP_ORIGIN, isAppPage } from '@shared/app-origin';

/**
 * The desktop window's rules, as plain functions: src-main/window.ts hands Electron's arguments to them.
 * `devServerUrl` is set only in development (`npm run dev`, never in a packaged app).
 */

/** The only permissions granted, to the app's own page: Copy buttons and budget-alert notifications. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'notifications']);

/** What Electron's permission request handler passes as `details` (PermissionRequest). */
export interface PermissionRequestDetails {
  requestingUrl: string;
  isMainFrame: boolean;
}

/** `session.setPermissionRequestHandler`: an allowed permission, asked by the main frame of the app's own page. */
export function permissionRequestAllowed(
  permission: string,
  details: PermissionRequestDetails,
  devServerUrl: string | undefined,
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && details.isMainFrame && isAppPage(details.requestingUrl, devServerUrl);
}

/** What Electron's permission check handler passes as `details` (no requestingUrl when no document asks). */
export interface PermissionCheckDetails {
  requestingUrl?: string;
  isMainFrame: boolean;
  embeddingOrigin?: string;
}

/** `session.setPermissionCheckHandler`: the same rule, on both the requesting origin and the frame's URL. */
export function permissionCheckAllowed(
  permission: string,
  requestingOrigin: string,
  details: PermissionCheckDetails,
  devServerUrl: string | undefined,
): boolean {
  return (
    ALLOWED_PERMISSIONS.has(permission) &&
    details.isMainFrame &&
    details.embeddingOrigin === undefined &&
    isAppPage(requestingOrigin, devServerUrl) &&
    isAppPage(details.requestingUrl, devServerUrl)
  );
}

/**
 * `will-navigate` / `will-redirect`: the packaged renderer never navigates (it is one page); in development the
 * dev server may reload its own page (hot reload), and nothing else.
 */
export function navigationAllowed(url: string, devServerUrl: string | undefined): boolean {
  return devServerUrl !== undefined && isAppPage(url, devServerUrl) && !isAppPage(url, undefined);
}

/**
 * Where Chromium fetches Hunspell dictionaries (Windows, Linux): instead of Google's CDN, the app's own scheme,
 * which has none, so no request leaves the machine (offline-first). A dictionary already in the profile's
 * Dictionaries folder is still used; macOS uses the system spellchecker.
 */
export const SPELLCHECKER_DICTIONARY_URL = `${APP_ORIGIN}/dictionaries/`;

/** Downloads are the app's exports: only its own page may start one. */
export function downloadAllowed(pageUrl: string | undefined, devServerUrl: string | undefined): boolean {
  return isAppPage(pageUrl, devServerUrl);
}

/** The suggested file name, reduced to a plain name (no folders, no characters Windows refuses). */
export function safeFileName(suggested: string): string {
  const name = basename(suggested.replace(/\\/gu, '/'))
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[\u0000-\u001f<>:"|?*]/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/gu, '');
  return name === '' ? 'aditus-export' : name;
}

const FILTERS: Readonly<Record<string, string>> = {
  '.csv': 'CSV',
  '.md': 'Markdown',
  '.docx': 'Word document',
  '.pdf': 'PDF',
  '.txt': 'Text',
  '.json': 'JSON',
};

/** Electron's SaveDialogOptions, the fields used here. */
export interface SaveDialogPlan {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
  properties: ('createDirectory' | 'showOverwriteConfirmation')[];
}

/**
 * The save dialog `will-download` shows (the app's own, parented to the window, instead of Chromium's):
 * the Downloads folder and the export's name, a filter for its type, overwrite confirmation everywhere.
 */
export function saveDialogFor(suggested: string, downloadsDir: string): SaveDialogPlan {
  const name = safeFileName(suggested);
  const ext = extname(name).toLowerCase();
  const kind = FILTERS[ext];
  return {
    title: 'Save export',
    defaultPath: join(downloadsDir, name),
    filters: [...(kind ? [{ name: kind, extensions: [ext.slice(1)] }] : []), { name: 'All files', extensions: ['*'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}
