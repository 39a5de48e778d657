#!/usr/bin/env bash
# Installs everything (first run only) and runs the whole test suite headless, on SQLite and then on a
# throw-away PostgreSQL server. Extra arguments go to pytest.
# In CI (CI=true), or with REDTOUR_BUNDLE=1, it then builds the Linux bundle (packaging/build_linux.sh) and
# smoke-tests the built executable offline (packaging/smoke_test.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1
export QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu --no-sandbox"
.venv/bin/ruff check .
.venv/bin/mypy --strict redtour/core redtour/storage redtour/cli
# The import contracts in pyproject.toml ([tool.importlinter]): layers, no Qt in Qt-free code, no cycles.
.venv/bin/lint-imports --no-cache --no-logo
echo "=== test suite on SQLite (the default working database) ==="
.venv/bin/python -m pytest -r fEsp "$@"
# Again on PostgreSQL: a private server on 127.0.0.1 (build/pg), one fresh database per test.
if ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  url=$(bash scripts/pg-test-server.sh start)
  trap 'bash scripts/pg-test-server.sh stop' EXIT
  echo "=== test suite on PostgreSQL ($url) ==="
  REDTOUR_TEST_DB="$url" .venv/bin/python -m pytest -r fEsp "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is missing: scripts/setup.sh --test installs it" >&2
  exit 1
else
  echo "=== PostgreSQL not installed: suite ran on SQLite only (apt-get install postgresql) ==="
fi
if [ "${CI:-}" = "true" ] || [ "${REDTOUR_BUNDLE:-}" = "1" ]; then
  bash packaging/build_linux.sh
  .venv/bin/python packaging/smoke_test.py build/dist/redtour
fi
