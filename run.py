#!/usr/bin/env python3
"""Set up and run the course with nothing but Python 3.10+.

    python3 run.py lab     install the course in .venv/ and open it in JupyterLab
    python3 run.py test    install the course and its test tools in .venv/ and run every test

Both commands create the virtual environment `.venv/` beside this file the
first time, and only add what is missing after that. Extra arguments after
`test` go to pytest (e.g. `python3 run.py test -k corpus`); after `lab`, to
JupyterLab (e.g. `python3 run.py lab --no-browser`).

With CI=true, `test` also installs Debian's Chromium (apt-get) when it is
missing, so that the browser tests run instead of skipping.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def say(message: str) -> None:
    """Print a progress line that stands out from the tools' own output."""
    print(f"==> {message}", flush=True)


def run(*command: str | Path, quiet: bool = False, **kwargs) -> None:
    """Run a command, stopping with its exit code if it fails.

    With quiet=True its output is shown only if it fails.
    """
    if quiet:
        kwargs.update(stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    result = subprocess.run([str(c) for c in command], cwd=HERE, **kwargs)
    if result.returncode != 0:
        if quiet:
            print(result.stdout[-5000:])
        sys.exit(result.returncode)


def install(extras: str) -> None:
    """Create .venv if needed and install the course (editable) with these extras."""
    if sys.version_info < (3, 10):  # noqa: UP036 (tell users of old Pythons clearly)
        sys.exit("This course needs Python 3.10 or newer; this is " + sys.version.split()[0])
    if not PYTHON.exists():
        say(f"creating the virtual environment {VENV.name}/")
        venv.EnvBuilder(with_pip=True).create(VENV)
        run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    say(f"installing the course and its packages ({extras}); the first time takes a few minutes")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--editable", f".[{extras}]")


def ensure_chromium() -> None:
    """In CI, install Debian's Chromium for the browser tests if it is missing."""
    if os.environ.get("CI", "").lower() != "true" or shutil.which("chromium"):
        return
    say("CI: installing Debian's chromium for the browser tests")
    sudo = [] if os.name != "nt" and os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(*sudo, "apt-get", "update", "-qq", env=env, quiet=True)
    run(*sudo, "apt-get", "install", "-y", "-qq", "chromium", env=env, quiet=True)


def main(argv: list[str]) -> None:
    """Dispatch `lab` or `test`."""
    if not argv or argv[0] not in {"lab", "test"}:
        sys.exit(__doc__)
    command, rest = argv[0], argv[1:]
    if command == "lab":
        install("teacher")
        say("starting JupyterLab on the lessons (stop it with Ctrl+C)")
        run(PYTHON, "-m", "jupyter", "lab", f"--ServerApp.root_dir={HERE}",
            "--LabApp.default_url=/lab/tree/lessons", *rest)
    else:
        install("test,teacher")
        ensure_chromium()
        say("running the whole test suite")
        run(PYTHON, "-m", "pytest", *rest)


if __name__ == "__main__":
    main(sys.argv[1:])
