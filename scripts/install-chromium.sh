#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the reference server's console browser test
# (mock-server: ConsoleBrowserTest), with the DejaVu fonts its reference screenshot uses.
# Idempotent and quiet: nothing happens when both are there. Needs a Debian-like machine and root
# (or password-less sudo). On failure it prints the reason and apt's output and exits non-zero:
# the build then fails; the test is never skipped.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
# The console's stylesheet asks for DejaVu Sans, which renders its reference screenshot.
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
if [ -x "$CHROMIUM" ] && [ -f "$FONT" ]; then
  exit 0
fi

fail() {
  echo "install-chromium.sh: $*" >&2
  echo "install-chromium.sh: install it by hand (Debian: apt-get install chromium) and run the build again." >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "$CHROMIUM is missing and apt-get is not available (not a Debian-like machine)."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    fail "$CHROMIUM is missing and installing it needs root (or password-less sudo)."
  fi
fi

LOG="$(mktemp -t install-chromium.XXXXXX.log)"
trap 'rm -f "$LOG"' EXIT
APT=($SUDO env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300)

install() {
  "${APT[@]}" install --no-install-recommends chromium fonts-dejavu-core >>"$LOG" 2>&1
}

# The package lists may be absent (slim images) or stale: update once, only when needed.
if ! apt-cache show chromium >/dev/null 2>&1 || ! install; then
  "${APT[@]}" update >>"$LOG" 2>&1 || { cat "$LOG" >&2; fail "apt-get update failed."; }
  install || { cat "$LOG" >&2; fail "apt-get install chromium failed."; }
fi

[ -x "$CHROMIUM" ] && [ -f "$FONT" ] || { cat "$LOG" >&2; fail "apt-get succeeded but $CHROMIUM or $FONT is still missing."; }
echo "install-chromium.sh: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)"
