import type { AditusApi } from '@contract';

const TOKEN_KEY = 'aditus.token';

/** The web host's token arrives in the URL fragment (never sent to a server); keep it for this tab only. */
function takeToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/u.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** window.api over HTTP for the web host: same contract, same Result envelopes. */
export function createHttpBridge(): AditusApi {
  const token = takeToken() ?? '';
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let streaming = false;

  async function openEvents(): Promise<void> {
    if (streaming) return;
    streaming = true;
    try {
      const res = await fetch('/events', { method: 'POST', headers: { 'x-aditus-token': token } });
      const reader = res.body?.getReader();
      if (!reader) return;
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (!data) continue;
          const { event, payload } = JSON.parse(data.slice(6)) as { event: string; payload: unknown };
          for (const fn of listeners.get(event) ?? []) fn(payload);
        }
      }
    } finally {
      streaming = false;
    }
  }

  return {
    async invoke(channel, input) {
      const res = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-aditus-token': token },
        body: JSON.stringify({ input }),
      });
      if (res.status === 401)
        return {
          ok: false,
          error: { code: 'unauthenticated', message: 'Open the app from the URL that `aditus serve` printed.' },
        };
      return (await res.json()) as unknown;
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      void openEvents();
      return () => set.delete(listener);
    },
  };
}
