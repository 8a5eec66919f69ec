#!/usr/bin/env bash
# Opens the notebooks in JupyterLab with the project's tslab kernel; Jupyter prints the URL.
# If a Jupyter server already serves this folder's notebooks, prints its URL instead of
# starting a second one beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
running=$(.venv/bin/python - "$PWD/notebooks" <<'PY'
import os, sys
from jupyter_server.serverapp import list_running_servers
here = os.path.realpath(sys.argv[1])
for server in list_running_servers():
    if os.path.realpath(server.get("root_dir", "")) == here:
        token = server.get("token")
        print(f"{server['url']}lab" + (f"?token={token}" if token else ""))
        break
PY
)
if [ -n "$running" ]; then
  printf 'start: JupyterLab is already running on notebooks/ at\n  %s\n' "$running"
  exit 0
fi
# A reader's JupyterLab: jupyter/reader/ switches off nbgrader's teacher tools (its menu,
# Validate button and assignment sidebars), which .venv holds for `npm run course`.
export JUPYTER_CONFIG_PATH="$PWD/jupyter/reader${JUPYTER_CONFIG_PATH:+:$JUPYTER_CONFIG_PATH}"
# Jupyter refuses to run as root without being told it may (containers, CI machines).
root_flag=()
[ "$(id -u)" = 0 ] && root_flag=(--allow-root)
exec .venv/bin/jupyter lab --ServerApp.root_dir="$PWD/notebooks" "${root_flag[@]}" "$@"
