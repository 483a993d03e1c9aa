import type { Session } from '../session';
import { totpUri } from './totp';

/** A new authenticator secret and recovery codes, as shown to the person enrolling. */
export interface Enrolment {
  otpauthUri: string;
  secret: string;
  recoveryCodes: string[];
}

export function enrolmentFor(secret: string, recoveryCodes: string[], session: Session): Enrolment {
  return { otpauthUri: totpUri(secret, `admin@${session.userId}`), secret, recoveryCodes };
}

export const actorOf = (session: Session): string => `${session.userId}@${session.host}`;
