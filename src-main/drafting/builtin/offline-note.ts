/** Shown next to a draft written by the built-in drafter; never inserted into the draft itself. */
export const OFFLINE_NOTE =
  'Drafted offline with the built-in template (no AI provider was used). Check the wording and personalise it before sending.';
