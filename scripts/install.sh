#!/usr/bin/env bash
# Installs what the demo and the tests need on a fresh Debian machine: Debian's Chromium and
# Firefox ESR (browser downloads do not work here) and the locked npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

apt_install() {
  local sudo=''
  [ "$(id -u)" -eq 0 ] || sudo='sudo'
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "$@" >/dev/null
}

command -v chromium >/dev/null 2>&1 || apt_install chromium
command -v firefox-esr >/dev/null 2>&1 || apt_install firefox-esr
npm ci --no-audit --no-fund
