import { useEffect } from 'react';

const SHOWN_KEY = 'aditus.budgetNotices';

/**
 * In the desktop app (the preload's window.api is there) budget alerts also raise a system notification,
 * once per alert per session; in a browser the in-app alert is enough.
 */
export function useDesktopBudgetNotices(lines: { key: string; text: string }[], level: '80' | '100'): void {
  const signature = lines.map((l) => `${level}:${l.key}`).join('|');
  useEffect(() => {
    if (!window.api || typeof Notification === 'undefined' || lines.length === 0) return;
    const shown = new Set((sessionStorage.getItem(SHOWN_KEY) ?? '').split('|').filter(Boolean));
    for (const line of lines) {
      const id = `${level}:${line.key}`;
      if (shown.has(id)) continue;
      shown.add(id);
      new Notification(level === '100' ? 'Aditus: budget reached' : 'Aditus: budget at 80%', { body: line.text });
    }
    sessionStorage.setItem(SHOWN_KEY, [...shown].join('|'));
    // The signature covers the lines' identities; their text changes with every refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, level]);
}
