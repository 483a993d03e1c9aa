import { registerSecret } from './redaction';
import type { SecretStore } from './secret-store';

/** Wraps a store so that every secret passing through is known to the redaction filter. */
export function withRedaction(store: SecretStore): SecretStore {
  return {
    backend: store.backend,
    async get(account) {
      const value = await store.get(account);
      registerSecret(value);
      return value;
    },
    async set(account, secret) {
      registerSecret(secret);
      await store.set(account, secret);
    },
    delete: (account) => store.delete(account),
  };
}
