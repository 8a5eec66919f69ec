#!/usr/bin/env bash
# The compiled core in dist/: declarations from tsc (what tslab type-checks notebook cells
# against) and the code bundled by esbuild into one file for the notebooks (dist/index.js)
# and one for the pool's worker threads (dist/parallel/seedWorker.js). One bundle, not a
# file per module: with every function in one scope the JIT inlines the logistic and e^x
# into the training loop, which per-module CommonJS output kept it from doing (8 ms a run
# against 11).
#
# A kernel may import dist/ at any moment, so it is never emptied: the build goes to a
# temporary folder, then each file is renamed into place (declarations first, code last),
# and files the build no longer makes are removed after. Skipped when nothing it reads
# changed; `--force` builds anyway.
set -euo pipefail
cd "$(dirname "$0")/.."
generated=src/kernel/binary.generated.ts # written by compile-kernel.sh from src/kernel/assembly/
inputs=$( { find src -type f ! -path "$generated" -print0 | sort -z | xargs -0 sha256sum; sha256sum tsconfig.json tsconfig.build.json package-lock.json scripts/compile.sh scripts/compile-kernel.sh; } | sha256sum | cut -c1-16)
if [ "${1:-}" != "--force" ] && [ -f dist/index.js ] && [ -f "$generated" ] && [ "$(cat dist/.inputs 2>/dev/null)" = "$inputs" ]; then
  echo "compile: dist/ is up to date with src/"
  exit 0
fi
bash scripts/compile-kernel.sh
mkdir -p .setup dist
next=$(mktemp -d .setup/dist.XXXXXX) # on the same file system as dist/, so a move is a rename
trap 'rm -rf "$next"' EXIT
node_modules/.bin/tsc -p tsconfig.build.json --emitDeclarationOnly --outDir "$next" --tsBuildInfoFile "$next/.tsbuildinfo"
# TensorFlow.js (notebook 4's autograd check) is bundled in, as ES modules so that its ops and
# their gradients share one registry; it is imported only on first use, so it costs a notebook
# nothing until then, and a course's copy of dist/ needs no node_modules beside it.
node_modules/.bin/esbuild src/index.ts src/parallel/seedWorker.ts --bundle --platform=node --format=cjs --target=es2022 \
  --external:tslab --main-fields=module,main --outbase=src --outdir="$next" --sourcemap --log-level=warning
# The command line as one bundle beside dist/index.js, so `npm run cli` runs compiled code.
node_modules/.bin/esbuild src/cli/main.ts --bundle --platform=node --format=cjs --target=es2022 --packages=external \
  --outfile="$next/cli.js" --log-level=warning
echo "$inputs" > "$next/.inputs"
built=$(cd "$next" && { find . -type f ! -name '*.js' ! -name .inputs; find . -type f -name '*.js'; echo ./.inputs; })
while read -r file; do
  mkdir -p "dist/$(dirname "$file")"
  mv -f "$next/$file" "dist/$file"
done <<< "$built"
stale=$(cd dist && find . -type f | grep -vxF "$built" || true)
[ -z "$stale" ] || (cd dist && xargs -d '\n' rm -f -- <<< "$stale")
find dist -mindepth 1 -type d -empty -delete
echo "compile: dist/ rebuilt"
