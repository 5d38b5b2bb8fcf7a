#!/usr/bin/env bash
# Set up Confidant in ./.venv: find Python 3.12 or newer, make the virtual environment,
# install the app with its dev extra. Safe to run again (it reuses a good .venv).
set -euo pipefail
cd "$(dirname "$0")/.."

find_python() {
  local candidate path
  for candidate in python3.12 python3.13 python3; do
    for path in $(command -v "$candidate" 2>/dev/null) \
                "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/"$candidate"; do
      if [ -x "$path" ] && "$path" -c 'import sys; sys.exit(sys.version_info < (3, 12))' \
           2>/dev/null; then
        echo "$path"
        return 0
      fi
    done
  done
  return 1
}

if [ -x .venv/bin/python ] && .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then
  python=.venv/bin/python
else
  base=$(find_python) || {
    echo "Confidant needs Python 3.12 or newer (python.org, or your package manager)." >&2
    exit 1
  }
  echo "Making .venv with $base ($("$base" --version))"
  rm -rf .venv
  "$base" -m venv .venv
  python=.venv/bin/python
fi
"$python" -m pip install --quiet --upgrade pip
"$python" -m pip install --quiet -e ".[dev]"
# An editable install leaves the project's own modules uncompiled, and where
# PYTHONDONTWRITEBYTECODE is set (the development machine sets it) Python compiles
# them again at every start: about 65 ms of the app's start-up. Compile them once, as
# pip does for an installed package; a module edited later compiles in memory until
# the next setup.
"$python" -m compileall -q app ui
echo "Ready: .venv/bin/confidant --help"
