#!/usr/bin/env bash
# Install everything the tests need (Debian's chromium included) and run them.
# Usage: scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's chromium for the browser tier; redis-server and nginx for the session store and
# deployment tests, which start their own instances on free ports in temporary folders.
packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
# The screenshots' text and emoji (a chromium installed by hand may have come without them).
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)
[ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || packages+=(fonts-noto-color-emoji)
[ -x /usr/bin/redis-server ] || packages+=(redis-server)
[ -x /usr/sbin/nginx ] || packages+=(nginx)
if [ ${#packages[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  # Installing must not start the packages' own services (port 80, port 6379): the tests need none.
  no_start=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    no_start=1
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod +x /usr/sbin/policy-rc.d
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
  if [ -n "$no_start" ]; then $sudo rm -f /usr/sbin/policy-rc.d; fi
fi

# The community plugins are distributions of their own, installed as a user installs them.
community=()
for plugin in plugins/community/*/; do community+=(-e "$plugin"); done
python3 -m pip install -q --disable-pip-version-check -e ".[test]" "${community[@]}"
exec python3 -m pytest -q -p no:cacheprovider "$@"
