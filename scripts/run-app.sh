#!/usr/bin/env bash
# Installs everything (first run only) and opens redtour on the bundled catalogue. Extra arguments go to redtour.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ "$(id -u)" -eq 0 ]; then  # Chromium (QtWebEngine) refuses to sandbox as root
  export QTWEBENGINE_DISABLE_SANDBOX=1
fi
exec .venv/bin/redtour "$@"
