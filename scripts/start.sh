#!/usr/bin/env bash
# Opens the notebooks in JupyterLab with the project's tslab kernel, at the index a reader starts
# from; Jupyter prints the URL. If a Jupyter server already serves this folder's notebooks,
# prints its URL instead of starting a second one beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
first=00-index.ipynb
running=$(.venv/bin/python - "$PWD/notebooks" "$first" <<'PY'
import os, sys
from jupyter_server.serverapp import list_running_servers
here = os.path.realpath(sys.argv[1])
for server in list_running_servers():
    if os.path.realpath(server.get("root_dir", "")) == here:
        token = server.get("token")
        print(f"{server['url']}lab/tree/{sys.argv[2]}" + (f"?token={token}" if token else ""))
        break
PY
)
if [ -n "$running" ]; then
  printf 'start: JupyterLab is already running on notebooks/ at\n  %s\n' "$running"
  exit 0
fi
# A reader's JupyterLab (jupyter/reader/): no nbgrader teacher tools (.venv holds them for `npm
# run course`), the TypeScript kernel alone, no news prompt; and (lab.py) Ctrl-C, or any signal
# that ends the server, shuts its kernels down first.
export JUPYTER_CONFIG_PATH="$PWD/jupyter/reader${JUPYTER_CONFIG_PATH:+:$JUPYTER_CONFIG_PATH}"
# Jupyter refuses to run as root without being told it may (containers, CI machines).
root_flag=()
[ "$(id -u)" = 0 ] && root_flag=(--allow-root)
exec .venv/bin/python jupyter/reader/lab.py --ServerApp.root_dir="$PWD/notebooks" \
  --LabApp.default_url="/lab/tree/$first" "${root_flag[@]}" "$@"
