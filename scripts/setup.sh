#!/usr/bin/env bash
# One idempotent setup for `npm start` and `npm test`: Node dependencies, the compiled
# core the notebooks import, Jupyter in a project-local virtual environment, the tslab
# kernel registered against the project's own tslab, the HTML export template, the git
# filter that strips notebook outputs, and (with --test) Chromium.
# Each step leaves a stamp, so a second run with everything present takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
stamps=.setup
mkdir -p "$stamps"
say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: %s\n' "$*" >&2; exit 1; }
hash_of() { sha256sum "$@" | sha256sum | cut -c1-16; }
fresh() { [ -f "$stamps/$1" ] && [ "$(cat "$stamps/$1")" = "$2" ]; }

command -v node >/dev/null || fail "Node.js 20 or newer is needed: install it (for example 'apt-get install nodejs npm') and run again."

# 1. Jupyter in .venv: requirements.txt, within the versions constraints.txt pins. A venv is
#    usable only where it was made (its scripts start with the absolute path of its python),
#    and a run cut short can leave one without pip: either is rebuilt from scratch rather
#    than patched. It needs only Python and the network, so it runs in the background beside
#    steps 2 and 3 (npm ci and the compile); step 4 waits for it.
python_env() {
  venv_works() {
    .venv/bin/python -c 'import pip' 2>/dev/null || return 1
    # pip's first line names the venv's python (its second line, in a path with spaces).
    local made_for
    made_for=$(head -n2 .venv/bin/pip)
    [[ "$made_for" == "#!$root/.venv/bin/python"* || "$made_for" == *"exec' \"$root/.venv/bin/python"* ]]
  }
  py_hash=$(hash_of requirements.txt constraints.txt)
  if [ -e .venv ] && ! venv_works; then
    say "the virtual environment .venv is broken or was made in another folder: rebuilding it"
    rm -rf .venv
  fi
  if ! fresh python "$py_hash" || [ ! -x .venv/bin/jupyter ]; then
    python=$(command -v python3 || true)
    [ -n "$python" ] || fail "Python 3 is needed for Jupyter: install it (for example 'apt-get install python3 python3-venv') and run again."
    if [ ! -e .venv ]; then
      say "creating the virtual environment .venv"
      "$python" -m venv .venv && venv_works || { rm -rf .venv; fail "could not create .venv with pip: install the venv module (for example 'apt-get install python3-venv') and run again."; }
    fi
    # uv installs the same pins as pip in about a fifth of the time: it downloads in parallel
    # and links from its cache. pip installs uv first, and is the fallback where uv has no build.
    if .venv/bin/python -m pip install --quiet --disable-pip-version-check uv==0.13.9 2>/dev/null; then
      say "installing Jupyter into .venv (uv pip install -r requirements.txt -c constraints.txt)"
      .venv/bin/uv pip install --quiet --python .venv/bin/python --compile-bytecode -r requirements.txt -c constraints.txt
    else
      say "installing Jupyter into .venv (pip install -r requirements.txt -c constraints.txt)"
      .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
    fi || fail "could not install requirements.txt into .venv: check that PyPI is reachable, then run again."
    echo "$py_hash" > "$stamps/python"
  fi
}
python_env &
python_pid=$!
# A setup that stops early waits for it, so that nothing goes on writing .venv after setup returns.
trap 'wait "$python_pid" 2>/dev/null || true' EXIT

# 2. Node dependencies, exactly as the lock file says, with patches/ applied (postinstall).
node_hash=$(hash_of package-lock.json patches/*.patch)
if ! fresh node "$node_hash" || [ ! -d node_modules ]; then
  say "installing Node dependencies (npm ci)"
  # --prefer-offline: the lock file fixes each version and its hash, so a copy in npm's cache
  # needs no check with the registry (a few seconds on a machine that installed before).
  npm ci --no-audit --no-fund --loglevel=error --prefer-offline
  echo "$node_hash" > "$stamps/node"
fi

# 3. The compiled core (dist/): tslab imports it, with its .d.ts, from the notebooks.
#    compile.sh swaps a fresh build in file by file, and skips it when src/ is unchanged.
bash scripts/compile.sh | sed 's/^compile:/setup:/'

wait "$python_pid" || exit 1

# 4. The tslab kernel, pointing at this project's tslab, registered inside .venv only.
kernel=.venv/share/jupyter/kernels/tslab/kernel.json
if [ ! -f "$kernel" ] || ! grep -qF "[\"$root/node_modules/.bin/tslab\"" "$kernel"; then
  say "registering the tslab kernel in .venv"
  node_modules/.bin/tslab install --python "$root/.venv/bin/python" --binary "$root/node_modules/.bin/tslab" --sys-prefix >/dev/null
  grep -qF "[\"$root/node_modules/.bin/tslab\"" "$kernel" || fail "the tslab kernel did not register in .venv ($kernel)."
fi

# 5. nbconvert's HTML export (and so JupyterLab's export menu) with the charts drawn offline.
template_hash=$(hash_of jupyter/nbconvert/templates/*/* scripts/export-template.ts package-lock.json src/site/*.ts src/site/*.css src/site/browser/*.ts src/charts/*.ts)
if ! fresh export "$template_hash" || [ ! -f .venv/share/jupyter/nbconvert/templates/lab-offline/plotly.min.js ]; then
  say "installing the HTML export template into .venv"
  node_modules/.bin/tsx scripts/export-template.ts
  echo "$template_hash" > "$stamps/export"
fi

# 6. In a git clone: notebooks are staged without their outputs (.gitattributes names the filter).
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  bash scripts/strip-outputs.sh
fi

# 7. For tests only: Debian's Chromium, driven by playwright-core (never a downloaded browser).
if [ "${1:-}" = "--test" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
      || fail "apt-get could not install chromium; install it by hand ('apt-get install chromium') and run again."
  else
    fail "the browser tests need Debian's Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium' and run again."
  fi
fi
say "ready"
