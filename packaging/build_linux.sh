#!/usr/bin/env bash
# Build the Linux one-folder bundle (PyInstaller) and a tarball with the .desktop file and icon.
#   bash packaging/build_linux.sh            → build/dist/redtour/ and build/redtour-VERSION-linux-x86_64.tar.gz
# Needs the development set-up (scripts/setup.sh); installs PyInstaller into .venv if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash scripts/setup.sh
.venv/bin/python -c "import PyInstaller" 2>/dev/null || .venv/bin/pip install -q -e ".[package]"
version=$(.venv/bin/python -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
start=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath build/dist --workpath build/work \
  packaging/redtour.spec
install -Dm644 packaging/linux/redtour.desktop build/dist/redtour/share/applications/redtour.desktop
for size in 16 24 32 48 64 128 256; do
  install -Dm644 "resources/icons/redtour-${size}.png" \
    "build/dist/redtour/share/icons/hicolor/${size}x${size}/apps/redtour.png"
done
install -Dm644 CHANGELOG.md build/dist/redtour/CHANGELOG.md
tarball="build/redtour-${version}-linux-x86_64.tar.gz"
tar -C build/dist -czf "$tarball" redtour
echo "bundle: build/dist/redtour ($(du -sh build/dist/redtour | cut -f1)), tarball: $tarball" \
  "($(du -sh "$tarball" | cut -f1)), built in $(( $(date +%s) - start )) s"
