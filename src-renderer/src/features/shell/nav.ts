export type PageId = 'candidates' | 'jobs' | 'documents' | 'providers' | 'usage' | 'audit' | 'pricing' | 'settings';

export interface NavItem {
  id: PageId;
  label: string;
}

export const DRAFTING_NAV: NavItem[] = [
  { id: 'candidates', label: 'Candidates' },
  { id: 'jobs', label: 'Job postings' },
  { id: 'documents', label: 'Documents' },
];

export const ADMIN_NAV: NavItem[] = [
  { id: 'providers', label: 'Providers' },
  { id: 'usage', label: 'Usage' },
  { id: 'audit', label: 'Audit' },
  { id: 'pricing', label: 'Pricing' },
  { id: 'settings', label: 'Settings' },
];
