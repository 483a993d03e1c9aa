import { generateSync } from 'otplib';
import type { Session } from '../../src-main/session';
import type { TestCore } from './core';

export const ADMIN_PASSWORD = 'Correct-Horse-42-battery';

export function totpCode(secret: string, nowMs: number): string {
  return generateSync({ secret, epoch: Math.floor(nowMs / 1000), period: 30 });
}

/** Sets up the admin account and returns an unlocked admin session plus the enrolment. */
export async function adminSession(
  t: TestCore,
): Promise<{ session: Session; secret: string; recoveryCodes: string[] }> {
  const session = t.core.localSession('cli');
  const setup = await t.core.dispatch('admin:setup', { password: ADMIN_PASSWORD }, session);
  if (!setup.ok) throw new Error(setup.error.message);
  const { secret, recoveryCodes } = setup.data as { secret: string; recoveryCodes: string[] };
  const unlock = await t.core.dispatch(
    'admin:unlock',
    { password: ADMIN_PASSWORD, code: totpCode(secret, t.clock.now()) },
    session,
  );
  if (!unlock.ok) throw new Error(unlock.error.message);
  return { session, secret, recoveryCodes };
}
