#!/usr/bin/env bash
# Installs everything (first run only) and runs the whole test suite headless. Extra arguments go to pytest.
# In CI (CI=true), or with REDTOUR_BUNDLE=1, it then builds the Linux bundle (packaging/build_linux.sh) and
# smoke-tests the built executable offline (packaging/smoke_test.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1
export QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu --no-sandbox"
.venv/bin/ruff check .
.venv/bin/mypy --strict redtour/core redtour/storage
.venv/bin/python -m pytest "$@"
if [ "${CI:-}" = "true" ] || [ "${REDTOUR_BUNDLE:-}" = "1" ]; then
  bash packaging/build_linux.sh
  .venv/bin/python packaging/smoke_test.py build/dist/redtour
fi
