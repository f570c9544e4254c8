#!/usr/bin/env bash
# Install everything the tests need (Debian's chromium included) and run them.
# Usage: scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-dejavu-core fonts-noto-color-emoji >/dev/null
fi

# The community plugins are distributions of their own, installed as a user installs them.
community=()
for plugin in plugins/community/*/; do community+=(-e "$plugin"); done
python3 -m pip install -q --disable-pip-version-check -e ".[test]" "${community[@]}"
exec python3 -m pytest -q -p no:cacheprovider "$@"
