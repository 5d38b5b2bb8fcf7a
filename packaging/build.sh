#!/usr/bin/env bash
# Build the one-folder Confidant app with PyInstaller (Linux and macOS), then check it.
#
#   bash packaging/build.sh                 # -> $OUT/dist/confidant/confidant
#   OUT=/tmp/cf PYTHON=/path/python bash packaging/build.sh
#   SKIP_CHECKS=1 bash packaging/build.sh   # build only
#
# PYTHON: the Python whose environment has Confidant installed (default .venv/bin/python);
# PyInstaller is installed into it if missing. OUT: where build/ and dist/ go (default
# /tmp/confidant-pyinstaller; keep build outputs out of the repository).
# Verified on Linux x86_64; on macOS the same steps should work but were not run here.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
python=${PYTHON:-$root/.venv/bin/python}
out=${OUT:-/tmp/confidant-pyinstaller}

"$python" -c 'import sys; sys.exit(sys.version_info < (3, 12))' ||
  { echo "Confidant needs Python 3.12 or newer: $python" >&2; exit 1; }
"$python" -c 'import importlib.metadata as m; m.distribution("confidant")' 2>/dev/null ||
  { echo "Confidant is not installed in $python; run: $python -m pip install -e ." >&2; exit 1; }
"$python" -c 'import PyInstaller' 2>/dev/null ||
  "$python" -m pip install --quiet "pyinstaller>=6.10"

start=$(date +%s)
"$python" -m PyInstaller "$root/packaging/confidant.spec" --noconfirm --clean \
  --distpath "$out/dist" --workpath "$out/build"
app="$out/dist/confidant"
echo "Built $app in $(( $(date +%s) - start )) s; size $(du -sh "$app" | cut -f1)"

[ -n "${SKIP_CHECKS:-}" ] && exit 0

# Checks: the command line end to end on a throw-away vault, then the GUI, headless.
exe="$app/confidant"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share"
export CONFIDANT_STATE_DIR="$tmp/state" QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
step() { echo "== $*"; }

step "--help";  "$exe" --help >/dev/null
step "init + verify"
CONFIDANT_PASSPHRASE='Smoke-Test-Passphrase-42' \
  "$exe" init --vault "$tmp/vault" --kdf-memory-mib 8 --kdf-passes 1
CONFIDANT_PASSPHRASE='Smoke-Test-Passphrase-42' "$exe" verify --vault "$tmp/vault"
step "demo --clients 30 --no-gui + clients list"
export CONFIDANT_PASSPHRASE=confidant-demo-vault
"$exe" demo --clients 30 --no-gui --vault "$tmp/demo" 2>/dev/null
"$exe" clients list --limit 5 --vault "$tmp/demo"
step "GUI smoke test (offscreen; opens and unlocks the demo vault, then closes)"
"$exe" --smoke-test --vault "$tmp/demo"
echo "All checks passed."
