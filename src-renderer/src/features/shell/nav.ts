export type PageId =
  'candidates' | 'jobs' | 'documents' | 'batch' | 'providers' | 'users' | 'usage' | 'audit' | 'pricing' | 'settings';

export interface NavItem {
  id: PageId;
  label: string;
  /** Needs an unlocked admin session (Usage is readable by recruiters). */
  adminOnly: boolean;
}

export const DRAFTING_NAV: NavItem[] = [
  { id: 'candidates', label: 'Candidates', adminOnly: false },
  { id: 'jobs', label: 'Job postings', adminOnly: false },
  { id: 'documents', label: 'Documents', adminOnly: false },
  { id: 'batch', label: 'Batch drafting', adminOnly: false },
];

export const ADMIN_NAV: NavItem[] = [
  { id: 'providers', label: 'Providers', adminOnly: true },
  { id: 'users', label: 'Users', adminOnly: true },
  { id: 'usage', label: 'Usage', adminOnly: false },
  { id: 'audit', label: 'Audit', adminOnly: true },
  { id: 'pricing', label: 'Pricing', adminOnly: true },
  { id: 'settings', label: 'Settings', adminOnly: true },
];

export const ALL_NAV: NavItem[] = [...DRAFTING_NAV, ...ADMIN_NAV];

export function navItem(id: PageId): NavItem {
  return ALL_NAV.find((n) => n.id === id) ?? { id, label: id, adminOnly: false };
}
