#!/usr/bin/env python3
"""Set up and run the course with nothing but Python 3.10+.

    python3 run.py lab             install the course in .venv/ and open it in JupyterLab
    python3 run.py test            install the course and its test tools, run every test
    python3 run.py check [FOLDER]  check the corpus (or a teacher's own corpus folder)
    python3 run.py dump [FOLDER]   print the whole corpus as JSON, for other tools
    python3 run.py new FOLDER      start a corpus of your own readings (a starter folder)
    python3 run.py handouts        a printable HTML handout of every lesson, in handouts/
    python3 run.py markschemes     every written question's mark scheme, for teachers
    python3 run.py students        the student copy of every lesson (no solutions), in students/
    python3 run.py links HUB --repo URL   an nbgitpuller link per lesson, for a JupyterHub
    python3 run.py bench [--quick]  the benchmarks: the course against Jupyter's own floor

On Windows, type `py run.py ...` instead of `python3 run.py ...`.

The first run creates the virtual environment `.venv/` beside this file and
installs what the command needs (a few minutes, with a network). Later runs
install nothing unless pyproject.toml changed, so they start at once and work
offline. Extra arguments after `test` go to pytest (e.g. `python3 run.py test
-k corpus`); after `lab`, to JupyterLab (e.g. `python3 run.py lab --no-browser`).

With CI=true, `test` also installs Debian's Chromium (apt-get) when it is
missing, so that the browser tests run instead of skipping.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / "course-installed.json"
CORPUS_COMMANDS = {"check", "dump", "new", "handouts", "links", "markschemes", "students"}


def say(message: str) -> None:
    """Print a progress line that stands out from the tools' own output."""
    print(f"==> {message}", flush=True)


def run(*command: str | Path, quiet: bool = False, **kwargs) -> None:
    """Run a command, stopping with its exit code if it fails.

    With quiet=True its output is shown only if it fails.
    """
    if quiet:
        kwargs.update(stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    kwargs.setdefault("cwd", HERE)
    try:
        result = subprocess.run([str(c) for c in command], **kwargs)
    except KeyboardInterrupt:
        sys.exit(130)
    if result.returncode != 0:
        if quiet:
            print(result.stdout[-5000:])
        sys.exit(result.returncode)


def _fingerprint() -> str:
    """What the environment was built from: pyproject.toml and this Python's version."""
    digest = hashlib.sha256((HERE / "pyproject.toml").read_bytes())
    digest.update(sys.version.split()[0].encode())
    return digest.hexdigest()


def _installed_extras() -> set[str] | None:
    """The extras installed for the current pyproject.toml, or None if it must be reinstalled."""
    try:
        stamp = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if stamp.get("fingerprint") != _fingerprint() or not PYTHON.exists():
        return None
    return set(stamp.get("extras", []))


def create_venv() -> None:
    """Create .venv with pip, or explain in one line why this Python cannot."""
    import venv

    say(f"creating the virtual environment {VENV.name}/")
    try:
        venv.EnvBuilder(with_pip=True).create(VENV)
    except (subprocess.CalledProcessError, OSError) as error:
        shutil.rmtree(VENV, ignore_errors=True)  # our own half-made folder, nothing else
        hint = ("on Debian or Ubuntu, install it with: sudo apt install python3-venv"
                if os.name != "nt" else "reinstall Python from python.org with pip included")
        sys.exit(f"This Python cannot create a virtual environment ({error.__class__.__name__}); "
                 f"{hint}, then run this command again.")


def install(extras: set[str]) -> None:
    """Create .venv if needed and install the course (editable) with these extras, once."""
    if sys.version_info < (3, 10):  # noqa: UP036 (tell users of old Pythons clearly)
        sys.exit("This course needs Python 3.10 or newer; this is " + sys.version.split()[0])
    installed = _installed_extras()
    if installed is not None and extras <= installed:
        return  # nothing changed since the last install: start at once, offline
    if not PYTHON.exists():
        create_venv()
        run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    wanted = sorted(extras | (installed or set()))
    target = f".[{','.join(wanted)}]" if wanted else "."
    say(f"installing the course and its packages ({', '.join(wanted) or 'core'}); the first time "
        "takes a few minutes")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--editable", target)
    STAMP.write_text(json.dumps({"fingerprint": _fingerprint(), "extras": wanted}), "utf-8")


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
    """Dispatch lab, test, check, dump or new."""
    if not argv or argv[0] not in {"lab", "test", "bench"} | CORPUS_COMMANDS:
        sys.exit(__doc__)
    command, rest = argv[0], argv[1:]
    if command == "lab":
        install({"teacher"})
        say("starting JupyterLab on the lessons (stop it with Ctrl+C)")
        run(PYTHON, "-m", "jupyter", "lab", f"--ServerApp.root_dir={HERE}",
            "--LabApp.default_url=/lab/tree/lessons", *rest)
    elif command == "bench":
        install({"test", "teacher"})
        run(PYTHON, HERE / "bench" / "run.py", *rest)
    elif command == "test":
        install({"test", "teacher"})
        ensure_chromium()
        say("running the whole test suite")
        run(PYTHON, "-m", "pytest", *rest)
    else:
        install({"teacher"} if command == "students" else set())  # nbgrader makes the copies
        # FOLDER as the user typed it; handouts are made from this course's lessons/
        run(PYTHON, "-m", "helpers", command, *rest,
            cwd=HERE if command in ("handouts", "markschemes", "links", "students") else Path.cwd())


if __name__ == "__main__":
    main(sys.argv[1:])
