#!/bin/sh
# Run a command inside a private D-Bus session with an unlocked gnome-keyring (a real Secret
# Service), HOME and XDG_RUNTIME_DIR in a temporary folder: the keyring tests of `make test`
# use it and the developer's own keyring is never touched. Debian: dbus-daemon, gnome-keyring.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" && mkdir -m 700 "$tmp/run"
HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" dbus-run-session -- sh -c \
  'printf zwk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' \
  sh "$@"
