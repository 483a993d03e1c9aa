import type { Session } from '../session';
import { totpUri } from './totp';

/** A new authenticator secret and recovery codes, as shown to the person enrolling. */
export interface Enrolment {
  otpauthUri: string;
  secret: string;
  recoveryCodes: string[];
}

export async function enrolmentFor(secret: string, recoveryCodes: string[], session: Session): Promise<Enrolment> {
  return { otpauthUri: await totpUri(secret, `admin@${session.userId}`), secret, recoveryCodes };
}

export const actorOf = (session: Session): string => `${session.userId}@${session.host}`;
