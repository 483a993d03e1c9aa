import type { WorkMode } from '@contract';

const HYBRID =
  /\bhybrid\b|\bpartial(?:ly)? remote\b|\bremote[\s-]friendly\b|\bhome\s?office[\s-]m[öo]glich|\bhome\s?office[\s-]?(?:anteil|tage)|\bt[ée]l[ée]travail (?:partiel|possible)|\b(?:remoto|teletrabajo) parcial\b|\bhybride\b|\bh[íi]brido\b|\b\d\s*(?:days?|tage?)\s*(?:(?:a|per|pro)\s*)?(?:week|woche)\s*(?:in|at|im)\s*(?:the\s*)?(?:office|büro)\b/iu;
/** Remote work for some days of the week ("Télétravail : 3 jours par semaine", "2 days remote a week") is hybrid. */
const PARTLY_REMOTE =
  /\b(?:remote|t[ée]l[ée]travail|teletrabajo|home\s?office|mobiles arbeiten)\b[^.\n]{0,20}?\b[1-4]\s*(?:days?|jours?|d[ií]as?|tage?)\b|\b[1-4]\s*(?:days?|jours?|d[ií]as?|tage?)\s*(?:de\s+)?(?:remote|t[ée]l[ée]travail|teletrabajo|home\s?office)\b/iu;
const NOT_REMOTE = /\b(?:no|not|non)[\s-]+remote\b|\bremote\s+(?:work\s+)?(?:is\s+)?not\s+(?:possible|available)\b/iu;
const REMOTE =
  /\b(?:fully\s+remote|remote[\s-]first|100\s?%\s+remote|remote|work\s+from\s+(?:home|anywhere)|home\s?office|telework|télétravail|teletrabajo)\b/iu;
const ONSITE = /\b(?:on[\s-]?site|in[\s-]office|office[\s-]based|in\s+person|vor\s+ort|presencial|sur site)\b/iu;

function modeOf(text: string): WorkMode | null {
  if (HYBRID.test(text) || PARTLY_REMOTE.test(text)) return 'hybrid';
  const remote = REMOTE.test(text) && !NOT_REMOTE.test(text);
  if (remote && ONSITE.test(text)) return 'hybrid';
  if (remote) return 'remote';
  if (ONSITE.test(text) || NOT_REMOTE.test(text)) return 'onsite';
  return null;
}

/**
 * Remote / hybrid / on-site. The location and header lines decide first, because benefit
 * lists often mention "home office budget" or "remote days" without describing the role.
 */
export function detectWorkMode(headerText: string, fullText: string): WorkMode | null {
  return modeOf(headerText) ?? modeOf(fullText);
}
