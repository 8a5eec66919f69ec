"""
Restart-and-Run-All, as a reader does it in JupyterLab: a fresh kernel for the notebook,
then every cell in order. Timed with nbclient (the library behind `jupyter execute`) from
the kernel's start to the end of the last cell, so that the interpreter's start and its
imports, which a reader in JupyterLab never waits for, stay out of the figure.

Usage: restart_run_all.py NOTEBOOK -> prints {"seconds": S, "cpu_seconds": C} or {"error": "..."}
as JSON; C is the processor time of the kernel (and anything it started), steadier than S on a
shared machine, read once the kernel has ended.
The executed copy is discarded: the notebook file is only read.
"""
import json
import os
import resource
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

path = os.path.abspath(sys.argv[1])
notebook = nbformat.read(path, as_version=4)
finished = {}
client = NotebookClient(
    notebook,
    resources={"metadata": {"path": os.path.dirname(path)}},
    # after each cell; the last call marks the end (the kernel's shutdown comes after it)
    on_cell_executed=lambda **_: finished.update(at=time.perf_counter()),
)
started = time.perf_counter()
try:
    client.execute()
except CellExecutionError as error:
    print(json.dumps({"error": f"{error.ename}: {error.evalue}"}))
    sys.exit(0)
# The kernel has been shut down and waited for: its processor time is this process's children's.
children = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": finished["at"] - started, "cpu_seconds": children.ru_utime + children.ru_stime}))
