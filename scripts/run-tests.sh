#!/usr/bin/env bash
# Installs everything (first run only) and runs the whole test suite headless. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1
export QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu --no-sandbox"
.venv/bin/ruff check .
.venv/bin/mypy --strict redtour/core redtour/storage
exec .venv/bin/python -m pytest "$@"
