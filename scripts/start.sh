#!/usr/bin/env bash
# Opens the notebooks in JupyterLab with the project's tslab kernel; Jupyter prints the URL.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/jupyter lab --ServerApp.root_dir="$PWD/notebooks" "$@"
