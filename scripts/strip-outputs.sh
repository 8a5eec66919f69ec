#!/usr/bin/env bash
# Registers nbstripout (pinned in requirements.txt, installed in .venv) as this clone's git
# filter for the notebooks that .gitattributes marks: `git add` stages a notebook without
# its outputs and execution counts, whatever a reader's JupyterLab saved, and `git diff`
# compares notebooks stripped. Ours rather than `nbstripout --install`, which writes the
# interpreter's absolute path: git runs filters from the top of the working tree, so the
# relative path keeps working in a moved clone and gives each git worktree its own .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
strip='.venv/bin/python -m nbstripout --keep-id'
git config filter.nbstripout.clean "$strip"
git config filter.nbstripout.smudge cat
# Never commit a notebook unstripped: without the filter, `git add` fails rather than passing it through.
git config filter.nbstripout.required true
git config diff.ipynb.textconv "$strip -t"
