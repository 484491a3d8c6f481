#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for Playwright (which may not download browsers here).
# Installs it with apt when missing and we are root; otherwise stops with instructions.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

chromium_version() {
  # The Debian launcher script prints a harmless "[: unexpected operator" on stderr; keep only the version line.
  "$CHROMIUM" --version 2>/dev/null | head -n 1
}

if [[ -x "$CHROMIUM" ]]; then
  echo "Chromium: $(chromium_version) ($CHROMIUM)"
  exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
  cat >&2 <<MSG
Chromium is not installed ($CHROMIUM is missing), and this script is not running as root, so it cannot install it.
Install it once with:
  sudo apt-get update && sudo apt-get install -y chromium
(npx playwright install does not work on these machines: browser downloads are blocked.)
MSG
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing ($CHROMIUM) and apt-get is not available to install it." >&2
  exit 1
fi

echo "Chromium is missing: installing Debian's chromium package (about a minute)..."
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt/dpkg run (unattended upgrades, a parallel job) instead of failing on its lock.
apt_opts=(-o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)
apt-get "${apt_opts[@]}" update -qq
apt-get "${apt_opts[@]}" install -y -qq chromium </dev/null

if [[ ! -x "$CHROMIUM" ]]; then
  echo "apt-get finished but $CHROMIUM is still missing; see the apt output above." >&2
  exit 1
fi
echo "Chromium installed: $(chromium_version) ($CHROMIUM)"
