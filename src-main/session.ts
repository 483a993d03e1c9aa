import type { Role } from '@contract';

export type HostKind = 'electron' | 'web' | 'cli';

/** Who is calling. The role is not stored here: dispatch asks the admin service at every call. */
export interface Session {
  host: HostKind;
  /** The OS user (desktop) or the local user of the CLI/web host. */
  userId: string;
  /** Bearer token of an unlocked admin session, if any. */
  adminToken: string | null;
}

export interface RoleResolver {
  /** `touch: false` checks the role without restarting the admin idle timer (status display). */
  roleOf(session: Session, options?: { touch?: boolean }): Promise<Role>;
}
