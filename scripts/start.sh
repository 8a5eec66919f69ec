#!/usr/bin/env bash
# Opens the notebooks in JupyterLab with the project's tslab kernel; Jupyter prints the URL.
set -euo pipefail
cd "$(dirname "$0")/.."
# Jupyter refuses to run as root without being told it may (containers, CI machines).
root_flag=()
[ "$(id -u)" = 0 ] && root_flag=(--allow-root)
exec .venv/bin/jupyter lab --ServerApp.root_dir="$PWD/notebooks" "${root_flag[@]}" "$@"
