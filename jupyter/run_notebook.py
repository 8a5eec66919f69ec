"""
Runs a notebook as Restart-and-Run-All does: a fresh kernel, every cell in order, stopping
at the first that fails. nbclient, as `jupyter execute`, with one addition: a line
"cell K N" on stdout as each code cell finishes (K of the notebook's N code cells), so that
`npm run build` can say how far a long notebook has got (empty code cells, which nbclient
skips, do not count).

Usage: run_notebook.py NOTEBOOK OUTPUT [FOLDER]: FOLDER is where the notebook runs (its
imports resolve from there), by default the notebook's own. On a failing cell it prints nbclient's
CellExecutionError, which quotes the cell, to stderr and exits 1.
"""
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

path, output = os.path.abspath(sys.argv[1]), sys.argv[2]
folder = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else os.path.dirname(path)
notebook = nbformat.read(path, as_version=4)
# nbclient skips an empty code cell without calling the hook.
total = sum(1 for cell in notebook.cells if cell.cell_type == "code" and cell.source.strip())
done = 0


def cell_executed(cell, execute_reply, **_):
    global done
    # Called for a failing cell too, before nbclient raises: count only the cells that ran through.
    if execute_reply["content"]["status"] == "ok":
        done += 1
        print(f"cell {done} {total}", flush=True)


client = NotebookClient(notebook, resources={"metadata": {"path": folder}}, on_cell_executed=cell_executed)
try:
    client.execute()
except CellExecutionError as error:
    print(f"CellExecutionError: {error}", file=sys.stderr)
    sys.exit(1)
nbformat.write(notebook, output)
