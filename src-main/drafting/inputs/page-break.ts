/** Between the pages of a CV PDF's text (a paragraph separator, which tidying keeps), so each line knows its page. */
export const PAGE_BREAK = '\u2029';
