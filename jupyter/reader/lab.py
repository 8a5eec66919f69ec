"""JupyterLab as `npm start` runs it (scripts/start.sh), ending the same way on every signal.

Jupyter's server shuts its kernels down on SIGTERM alone. Ctrl-C asks "Shut down this Jupyter
server (y/[n])?" and goes on serving after five seconds without an answer (or, with no terminal
to ask on, stops without shutting its kernels down), and SIGHUP (the terminal closed) ends it at
once: either way the tslab kernels, each in a session of its own, were left running. Here
SIGINT and SIGHUP stop the server as SIGTERM does, and the process ends once it has stopped.
"""
import logging
import os
import signal
import sys

from jupyter_server.serverapp import ServerApp
from jupyterlab.labapp import LabApp


class ReaderServer(ServerApp):
    def init_signal(self) -> None:
        super().init_signal()
        for stop in (signal.SIGINT, signal.SIGHUP):
            signal.signal(stop, self._signal_stop)


if __name__ == "__main__":
    # JupyterLab, launched as `jupyter lab` launches it, on this server.
    LabApp.serverapp_class = ReaderServer
    LabApp.launch_instance()
    # The server has stopped, its kernels shut down. The AnyIO worker threads that ran its file
    # operations wait for a task the stopped loop never finishes, and Python would wait for them
    # at exit for ever: a notebook opened moments before Ctrl-C left the process hanging
    # (jupyterlab/jupyterlab#10442). Nothing is left to do, so end without waiting.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
