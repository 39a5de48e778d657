#!/usr/bin/env bash
# One-time set-up on a fresh Debian/Ubuntu machine: system libraries Qt needs, fonts for the tests,
# and a virtual environment in .venv with redtour installed (editable) and, with --test, the test extras.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

apt_packages=(
  fonts-noto-cjk            # a system Chinese font: the tests print with and without one (the app bundles its own)
  fonts-dejavu-core         # the only fonts a "PC without Chinese fonts" test lets the app see
  libegl1 libgl1 libgbm1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxkbfile1 libasound2 libxshmfence1
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0
  poppler-utils             # pdftoppm: tests and docs turn PDFs into PNG
  libreoffice-writer-nogui  # `redtour report/notice --out F.pdf`: .docx → PDF (≈300 MB installed; optional for users)
)
# The test suite also runs on a throw-away PostgreSQL server (scripts/pg-test-server.sh).
if [ $want_test = 1 ]; then apt_packages+=(postgresql); fi
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ $want_test = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
