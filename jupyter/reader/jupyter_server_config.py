# The reader's Jupyter server: scripts/start.sh puts this folder on JUPYTER_CONFIG_PATH for the
# server `npm start` runs (and test/e2e-jupyterlab.test.ts for its own), nowhere else, so the
# nbgrader course and the tests' notebook runs keep Jupyter as installed.
import asyncio
import os

from jupyter_server.base.handlers import FileFindHandler
from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
from jupyter_server.utils import filefind

c = get_config()  # noqa: F821 (traitlets defines it for config files)
here = os.path.dirname(os.path.abspath(__file__))

# nbgrader's teacher tools are for `npm run course`: its server side off here (its menu, Validate
# button and sidebars are off in labconfig/page_config.json).
c.ServerApp.jpserver_extensions = {
    f"nbgrader.server_extensions.{name}": False
    for name in ("formgrader", "validate_assignment", "assignment_list", "course_list")
}

# The series runs in TypeScript: the Launcher and the kernel menu offer tslab alone, not the
# Python or JavaScript kernels .venv also holds.
c.KernelSpecManager.allowed_kernelspecs = {"tslab"}
c.MultiKernelManager.default_kernel_name = "tslab"

# JupyterLab's settings as a reader starts with them (lab-settings/overrides.json): no prompt
# about Jupyter news and no update check, for versions constraints.txt pins.
c.LabApp.app_settings_dir = os.path.join(here, "lab-settings")

# What tslab 1.0.22 answers for its language, in every kernel_info reply (handleKernel in
# node_modules/tslab/dist/jupyter.js). The committed notebooks carry its name alone (the git
# filter, scripts/strip-outputs.sh, keeps no more), and JupyterLab copies the rest in as the
# kernel starts, which marked every notebook as changed the moment it opened.
TSLAB_LANGUAGE_INFO = {
    "codemirror_mode": {"mode": "typescript", "name": "javascript", "typescript": True},
    "file_extension": ".ts",
    "mimetype": "text/typescript",
    "name": "typescript",
    "version": "3.7.2",
}


async def git(folder, *args):
    """git's exit status for `args` run in `folder`, or None where there is no git to run."""
    try:
        run = await asyncio.create_subprocess_exec(
            "git", *args, cwd=folder, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL
        )
    except OSError:
        return None
    return await run.wait()


class ReaderContentsManager(AsyncLargeFileManager):
    """Notebooks as a reader opens and saves them, leaving git's view of them as it was."""

    _saving = asyncio.Lock()

    async def get(self, path, content=True, type=None, format=None, **kwargs):
        """Each tslab notebook with tslab's language_info already in it, so that opening one
        changes nothing, and closing it untouched asks nothing."""
        model = await super().get(path, content=content, type=type, format=format, **kwargs)
        if model["type"] == "notebook" and model["content"] is not None:
            metadata = model["content"]["metadata"]
            if metadata.get("kernelspec", {}).get("name") == "tslab":
                metadata["language_info"] = {**TSLAB_LANGUAGE_INFO, **metadata.get("language_info", {})}
        return model

    async def save(self, model, path=""):
        """Saves, then tells git about a notebook it holds unchanged. git status weighs a file's
        size before its content, so a notebook saved with its outputs showed as modified though
        what git keeps of it, stripped by the filter, was the same; where git tracks it and it is
        the same as git's index, `git add` re-reads it, stages nothing new, and git status is
        clean. One save at a time, so that no other save can slip in between the comparison and
        the add."""
        async with self._saving:
            saved = await super().save(model, path)
            if saved["type"] == "notebook":
                folder, name = os.path.split(self._get_os_path(saved["path"]))
                tracked = await git(folder, "ls-files", "--error-unmatch", "--", name) == 0
                if tracked and await git(folder, "diff", "--quiet", "--no-textconv", "--", name) == 0:
                    await git(folder, "add", "--", name)
            return saved


c.ServerApp.contents_manager_class = ReaderContentsManager


class StaticFiles(FileFindHandler):
    """Jupyter's static files, found once per search path rather than once per file name.
    FileFindHandler caches where it found a name for every extension's folder at once, and
    JupyterLab and Notebook 7 ship fonts under the same hashed names: after JupyterLab had served
    one, Notebook 7's request for it met JupyterLab's folder and a 403, and its equations were
    drawn without their fonts."""

    _found: dict = {}

    @classmethod
    def get_absolute_path(cls, roots, path):
        key = (tuple(roots), path)
        with cls._lock:
            if key not in cls._found:
                try:
                    cls._found[key] = os.path.abspath(filefind(path, roots))
                except OSError:
                    return ""  # not found: validate_absolute_path answers 404
            return cls._found[key]


c.ServerApp.tornado_settings = {"static_handler_class": StaticFiles}
