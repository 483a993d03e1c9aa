#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked GNOME Keyring (a real Secret Service),
# so keytar talks to a real OS keychain in tests. Usage: scripts/with-keyring.sh CMD [ARGS...]
set -e
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "with-keyring: needs dbus-run-session and gnome-keyring-daemon (apt-get install dbus gnome-keyring)" >&2
  exit 1
fi
# Each run gets its own keyring folder, so runs side by side (or a developer's own keyring) never share entries.
exec dbus-run-session -- sh -c 'dir=$(mktemp -d); echo -n aditus-test | XDG_DATA_HOME="$dir" gnome-keyring-daemon --unlock --components=secrets >/dev/null; "$@"; status=$?; rm -rf "$dir"; exit $status' with-keyring "$@"
