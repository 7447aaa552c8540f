#!/usr/bin/env bash
# Runs CMD inside a private D-Bus session with a throwaway, unlocked gnome-keyring, so the keychain
# tests use a real Secret Service without touching the user's own keyring:
#   scripts/with-keyring.sh npm test
# The keyring lives in a temp dir (removed afterwards), DISPLAY is unset so nothing can pop an unlock
# prompt, and CMD sees MAKE_TRAY_TEST_KEYRING=1 (keychain tests must run, not skip, when it is set).
# Needs: dbus (dbus-run-session, dbus-send) and gnome-keyring.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-keyring.sh CMD [ARGS...]" >&2
  exit 64
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' not found (apt-get install dbus gnome-keyring)" >&2
    exit 127
  fi
done

# shellcheck disable=SC2016 # the inner script expands its own variables
exec dbus-run-session -- bash -c '
set -uo pipefail
unset DISPLAY WAYLAND_DISPLAY
home=$(mktemp -d "${TMPDIR:-/tmp}/make-tray-keyring.XXXXXX")
daemon_pid=""
cleanup() {
  if [ -n "$daemon_pid" ]; then
    kill "$daemon_pid" 2>/dev/null || true
    wait "$daemon_pid" 2>/dev/null || true
  fi
  rm -rf "$home"
}
trap cleanup EXIT
trap "exit 130" INT TERM
mkdir -m 700 "$home/data" "$home/runtime"

# --unlock reads the login keyring password from stdin; in a fresh data dir it creates that keyring,
# unlocked. A fixed non-empty password: an empty one would make gnome-keyring store it unencrypted.
printf "%s" "make-tray-test-keyring" |
  XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/runtime" \
  gnome-keyring-daemon --foreground --unlock --components=secrets >"$home/daemon.log" 2>&1 &
daemon_pid=$!

has_secret_service() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"
}
ready=0
for _ in $(seq 1 100); do
  if has_secret_service; then ready=1; break; fi
  if ! kill -0 "$daemon_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ "$ready" != 1 ]; then
  echo "with-keyring: the Secret Service did not come up; daemon log:" >&2
  cat "$home/daemon.log" >&2
  exit 1
fi

MAKE_TRAY_TEST_KEYRING=1 "$@"
status=$?
exit "$status"
' with-keyring "$@"
