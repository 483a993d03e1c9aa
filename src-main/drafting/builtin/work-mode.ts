import type { WorkMode } from '@contract';

const HYBRID = /\bhybrid\b|\b\d\s*(?:days?|tage?)\s*(?:(?:a|per|pro)\s*)?week\s*(?:in|at)\s*(?:the\s*)?office\b/iu;
const NOT_REMOTE = /\b(?:no|not|non)[\s-]+remote\b|\bremote\s+(?:work\s+)?(?:is\s+)?not\s+(?:possible|available)\b/iu;
const REMOTE =
  /\b(?:fully\s+remote|remote[\s-]first|100\s?%\s+remote|remote|work\s+from\s+(?:home|anywhere)|home\s?office|telework|télétravail|teletrabajo)\b/iu;
const ONSITE = /\b(?:on[\s-]?site|in[\s-]office|office[\s-]based|in\s+person|vor\s+ort|presencial)\b/iu;

function modeOf(text: string): WorkMode | null {
  if (HYBRID.test(text)) return 'hybrid';
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
