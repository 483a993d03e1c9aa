import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { loadOnce } from '../../lib/load-once';
import { startOpeningUsage } from '../usage/open-usage';
import { preloadUsagePage } from '../usage/usage-page-code';
import type { PageId } from './nav';

export interface LazyPage {
  Page: LazyExoticComponent<ComponentType>;
  /** Starts loading the page's code (once; again after a failed load). */
  preload: () => Promise<unknown>;
}

function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  const preload = loadOnce(load);
  return { Page: lazy(() => preload().then((Page) => ({ default: Page }))), preload };
}

/**
 * The admin-only pages, each in its own chunk: a recruiter's start-up does not parse them. They load when
 * first shown, or earlier when the pointer or focus reaches their navigation link.
 */
export const ADMIN_PAGES = {
  providers: lazyPage(() => import('../providers/ProvidersPage').then((m) => m.ProvidersPage)),
  users: lazyPage(() => import('../users/UsersPage').then((m) => m.UsersPage)),
  audit: lazyPage(() => import('../audit/AuditPage').then((m) => m.AuditPage)),
  pricing: lazyPage(() => import('../pricing/PricingPage').then((m) => m.PricingPage)),
  settings: lazyPage(() => import('../settings/SettingsPage').then((m) => m.SettingsPage)),
} satisfies Partial<Record<PageId, LazyPage>>;

/** Loads ahead the code a page will need (on hover or focus of its link); errors surface when it is shown. */
export function preloadPage(id: PageId): void {
  const pending =
    id === 'usage'
      ? preloadUsagePage()
      : id in ADMIN_PAGES
        ? ADMIN_PAGES[id as keyof typeof ADMIN_PAGES].preload()
        : null;
  pending?.catch(() => undefined);
}

/**
 * On the press or click of a page's link, before the page renders: its code, and the Usage page's data, are
 * asked for at once.
 */
export function startOpeningPage(id: PageId): void {
  if (id === 'usage') startOpeningUsage();
  else preloadPage(id);
}

/**
 * Once the app is idle after start-up, the Usage page's code (with the charting library, most of its
 * JavaScript) is fetched and compiled in the background, so opening the page does not wait for it.
 */
export function preloadUsagePageWhenIdle(): () => void {
  const id = requestIdleCallback(() => preloadPage('usage'), { timeout: 5_000 });
  return () => cancelIdleCallback(id);
}
