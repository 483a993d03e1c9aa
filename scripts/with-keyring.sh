#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked GNOME Keyring (a real Secret Service),
# so keytar talks to a real OS keychain in tests. Usage: scripts/with-keyring.sh CMD [ARGS...]
set -e
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "with-keyring: needs dbus-run-session and gnome-keyring-daemon (apt-get install dbus gnome-keyring)" >&2
  exit 1
fi
exec dbus-run-session -- sh -c 'echo -n aditus-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' with-keyring "$@"
