#!/usr/bin/env bash
# The compiled core in dist/: declarations from tsc (what tslab type-checks notebook cells
# against) and the code bundled by esbuild into one file for the notebooks (dist/index.js)
# and one for the pool's worker threads (dist/parallel/seedWorker.js). One bundle, not a
# file per module: with every function in one scope the JIT inlines the logistic and e^x
# into the training loop, which per-module CommonJS output kept it from doing (8 ms a run
# against 11).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/compile-kernel.sh
find dist \( -name '*.js' -o -name '*.js.map' \) -delete 2>/dev/null || true
node_modules/.bin/tsc -p tsconfig.build.json --emitDeclarationOnly
node_modules/.bin/esbuild src/index.ts src/parallel/seedWorker.ts --bundle --platform=node --format=cjs --target=es2022 \
  --packages=external --outbase=src --outdir=dist --sourcemap --log-level=warning
# The command line as one bundle beside dist/index.js, so `npm run cli` runs compiled code.
node_modules/.bin/esbuild src/cli/main.ts --bundle --platform=node --format=cjs --target=es2022 --packages=external \
  --outfile=dist/cli.js --log-level=warning
