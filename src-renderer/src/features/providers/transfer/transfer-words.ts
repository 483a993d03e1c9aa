import type { TransferPlan, TransferProviderPlan } from '@contract';

/** How the import preview and its result name what happens to a provider. */
export const ACTION_LABELS: Record<TransferProviderPlan['action'], { planned: string; done: string; color: string }> = {
  create: { planned: 'Will be created', done: 'Created', color: 'green' },
  replace: { planned: 'Will replace the existing one', done: 'Replaced', color: 'orange' },
  skip: { planned: 'Skipped: exists here', done: 'Skipped', color: 'gray' },
};

export const KEY_LABELS: Record<TransferProviderPlan['key'], string> = {
  imported: 'Key from the file',
  kept: 'Keeps the key stored here',
  needs_key: 'Needs a key',
  not_needed: 'No key needed',
  encrypted: 'Key encrypted: enter the passphrase',
  unchanged: '—',
};

export function summary(plan: TransferPlan): string {
  const count = (action: TransferProviderPlan['action']) => plan.providers.filter((p) => p.action === action).length;
  return (
    `${count('create')} created, ${count('replace')} replaced, ${count('skip')} skipped; ` +
    `${plan.prices.changed.length} price(s) updated; ${plan.settings.changed.length} setting(s) changed.`
  );
}
