import { readField } from './fields';

/**
 * A non-2xx answer to a request made with plain fetch, shaped like the SDKs' errors (`status`,
 * `headers`, `error` body, Gemini's `errorDetails`) so classification reads it the same way.
 */
export class HttpStatusFailure extends Error {
  constructor(
    readonly status: number,
    readonly headers: Headers,
    readonly error: unknown,
    readonly errorDetails: unknown,
  ) {
    super(`HTTP ${status}`);
    this.name = 'HttpStatusFailure';
  }
}

export async function failureFromResponse(response: Response): Promise<HttpStatusFailure> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text ? { error: { message: text.slice(0, 500) } } : undefined;
  }
  return new HttpStatusFailure(response.status, response.headers, body, readField(readField(body, 'error'), 'details'));
}
