import { keychainUnavailable, type SecretStore } from './secret-store';

/** For unit tests only: never used by a host. `locked` simulates a locked keychain. */
export class MemorySecretStore implements SecretStore {
  readonly backend = 'memory (tests only)';
  readonly values = new Map<string, string>();
  locked = false;

  private check(): void {
    if (this.locked) throw keychainUnavailable(new Error('keychain locked'));
  }

  async get(account: string): Promise<string | null> {
    this.check();
    return this.values.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.check();
    this.values.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    this.check();
    return this.values.delete(account);
  }
}
