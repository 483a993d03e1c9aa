import type { Protocol } from './types';

export interface Route {
  protocol: Protocol;
  action: 'chat' | 'models';
  /** Gemini carries the model in the path. */
  pathModel: string | null;
  stream: boolean;
}

const GEMINI_CHAT = /\/models\/([^/]+):(generateContent|streamGenerateContent)$/u;

/**
 * Matches on path suffixes so an OpenAI-compatible base URL with a prefix (`/api/v1`) still works.
 * `GET …/v1/models` is shared by OpenAI and Anthropic: Anthropic's SDK always sends `anthropic-version`.
 */
export function routeRequest(method: string, path: string, headers: Record<string, string>): Route | null {
  if (method === 'POST') {
    if (path.endsWith('/chat/completions'))
      return { protocol: 'openai', action: 'chat', pathModel: null, stream: false };
    if (path.endsWith('/messages')) return { protocol: 'anthropic', action: 'chat', pathModel: null, stream: false };
    const gemini = GEMINI_CHAT.exec(path);
    if (gemini?.[1])
      return {
        protocol: 'gemini',
        action: 'chat',
        pathModel: decodeURIComponent(gemini[1]),
        stream: gemini[2] === 'streamGenerateContent',
      };
    return null;
  }
  if (method === 'GET') {
    if (/\/v1(beta|alpha)\/models$/u.test(path))
      return { protocol: 'gemini', action: 'models', pathModel: null, stream: false };
    if (path.endsWith('/models')) {
      const anthropic = headers['anthropic-version'] !== undefined || headers['x-api-key'] !== undefined;
      return { protocol: anthropic ? 'anthropic' : 'openai', action: 'models', pathModel: null, stream: false };
    }
  }
  return null;
}
