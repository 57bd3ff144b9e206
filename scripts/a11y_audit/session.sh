#!/usr/bin/env bash
# Run a command on a private X display with the desktop accessibility stack, as a screen-reader
# user's session has it: Xvfb (1920×1080), a window manager (openbox), a private D-Bus session
# bus and the AT-SPI bus (at-spi2-core). HOME, XDG_RUNTIME_DIR and the program's data folder are
# temporary, so the developer's own desktop, drafts and keyring are never touched.
# Debian: xvfb openbox dbus-daemon at-spi2-core python3-pyatspi (make a11y-audit installs them).
set -eu
tmp=$(mktemp -d)
pids=""
cleanup() {
  for p in $pids; do kill "$p" 2>/dev/null || true; done
  [ -n "${DBUS_PID:-}" ] && kill "$DBUS_PID" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
mkdir -p "$tmp/home" "$tmp/data" && mkdir -m 700 "$tmp/run"
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" ZWK_DATA_DIR="$tmp/data"
unset SESSION_MANAGER DBUS_SESSION_BUS_ADDRESS AT_SPI_BUS_ADDRESS || true

# the display: Xvfb picks a free number and writes it to the pipe (-displayfd)
Xvfb -displayfd 4 -screen 0 "${A11Y_SCREEN:-1920x1080x24}" -nolisten tcp -noreset \
  4>"$tmp/display" >"$tmp/xvfb.log" 2>&1 &
pids="$pids $!"
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || { echo "Xvfb startete nicht:" >&2; cat "$tmp/xvfb.log" >&2; exit 1; }
export DISPLAY=":$(head -n1 "$tmp/display")"

# one long-lived session bus shared by the program and the walker
out=$(dbus-daemon --session --fork --nopidfile --print-address=1 --print-pid=1)
export DBUS_SESSION_BUS_ADDRESS=$(printf '%s\n' "$out" | sed -n 1p)
DBUS_PID=$(printf '%s\n' "$out" | sed -n 2p)
/usr/libexec/at-spi-bus-launcher --launch-immediately >"$tmp/atspi.log" 2>&1 &
pids="$pids $!"
openbox >"$tmp/openbox.log" 2>&1 &
pids="$pids $!"
export QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1
export NO_AT_BRIDGE=0 GTK_MODULES=""
sleep 1
"$@"
