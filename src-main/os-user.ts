import { userInfo } from 'node:os';

/** The OS user's name, the default identity of a session (a container without a passwd entry gives "local"). */
export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'local';
  }
}
