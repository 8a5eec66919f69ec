#!/usr/bin/env bash
# Registers nbstripout (pinned in requirements.txt, installed in .venv) as this clone's git
# filter for the notebooks that .gitattributes marks: `git add` stages a notebook without
# its outputs and execution counts, whatever a reader's JupyterLab saved, and `git diff`
# compares notebooks stripped. Ours rather than `nbstripout --install`, which writes the
# interpreter's absolute path: git runs filters from the top of the working tree, so the
# relative path keeps working in a moved clone and gives each git worktree its own .venv.
# A notebook's language_info keeps only its name: the rest is what the kernel says of itself
# (tslab's version, mimetype, file extension, editor mode), which JupyterLab writes into every
# notebook it saves and jupyter/reader hands it on opening, so a notebook opened, run and
# saved is, to git, the notebook committed.
set -euo pipefail
cd "$(dirname "$0")/.."
kernel_says=$(printf 'metadata.language_info.%s ' version mimetype file_extension codemirror_mode pygments_lexer nbconvert_exporter)
strip=".venv/bin/python -m nbstripout --keep-id --extra-keys '${kernel_says% }'"
git config filter.nbstripout.clean "$strip"
git config filter.nbstripout.smudge cat
# Never commit a notebook unstripped: without the filter, `git add` fails rather than passing it through.
git config filter.nbstripout.required true
git config diff.ipynb.textconv "$strip -t"
