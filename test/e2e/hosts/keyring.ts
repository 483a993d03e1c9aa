import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { firstLine, stopGroup } from './processes';

export const canStartKeyring = () =>
  existsSync('/usr/bin/dbus-run-session') && existsSync('/usr/bin/gnome-keyring-daemon');

/**
 * A private D-Bus session with an unlocked GNOME Keyring (as scripts/with-keyring.sh makes), exported as
 * DBUS_SESSION_BUS_ADDRESS so the app and any CLI a test runs share one real keychain. Resolves to the bus
 * address and a function that ends the session.
 */
export async function startKeyringSession(): Promise<{ address: string; stop: () => void }> {
  const session = spawn(
    'dbus-run-session',
    [
      '--',
      'sh',
      '-c',
      'echo -n aditus-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; echo "$DBUS_SESSION_BUS_ADDRESS"; exec cat',
    ],
    { stdio: ['pipe', 'pipe', 'ignore'], detached: true },
  );
  const address = await firstLine(session, 'dbus-run-session');
  process.env['DBUS_SESSION_BUS_ADDRESS'] = address;
  return {
    address,
    stop: () => {
      delete process.env['DBUS_SESSION_BUS_ADDRESS'];
      session.stdin?.end();
      stopGroup(session);
    },
  };
}
