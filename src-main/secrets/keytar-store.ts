import { createRequire } from 'node:module';
import { keychainUnavailable, SECRET_SERVICE, type SecretStore } from './secret-store';

type Keytar = typeof import('keytar');

/** The OS keychain through keytar (Keychain on macOS, Credential Vault on Windows, Secret Service on Linux). */
export class KeytarSecretStore implements SecretStore {
  readonly backend = 'OS keychain';
  private keytar: Keytar | null = null;

  constructor(private readonly service = SECRET_SERVICE) {}

  private load(): Keytar {
    // Loaded lazily: a machine without libsecret can still run the CLI commands that need no secret.
    if (!this.keytar) {
      try {
        this.keytar = createRequire(__filename)('keytar') as Keytar;
      } catch (err) {
        throw keychainUnavailable(err);
      }
    }
    return this.keytar;
  }

  async get(account: string): Promise<string | null> {
    try {
      return await this.load().getPassword(this.service, account);
    } catch (err) {
      throw keychainUnavailable(err);
    }
  }

  async set(account: string, secret: string): Promise<void> {
    try {
      await this.load().setPassword(this.service, account, secret);
    } catch (err) {
      throw keychainUnavailable(err);
    }
  }

  async delete(account: string): Promise<boolean> {
    try {
      return await this.load().deletePassword(this.service, account);
    } catch (err) {
      throw keychainUnavailable(err);
    }
  }
}
