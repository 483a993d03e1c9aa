/** The navigation ids the drafting workspace owns (the shell's `PageId`s for candidates, postings, documents). */
export const DRAFTING_PAGES = ['candidates', 'jobs', 'documents', 'batch'] as const;
export type DraftingPageId = (typeof DRAFTING_PAGES)[number];

export function isDraftingPage(page: string): page is DraftingPageId {
  return (DRAFTING_PAGES as readonly string[]).includes(page);
}
