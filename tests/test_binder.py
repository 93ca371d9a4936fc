"""The Binder environment, proven: binder/requirements.txt and binder/postBuild, in a fresh
virtual environment, run every lesson (nbval) with the course installed as Binder installs it.

Slow (it installs the student environment from the package index): marked `binder`, and
run by the README's test command like every other test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import venv

import pytest

from .conftest import ROOT, skip_or_fail

pytestmark = pytest.mark.binder
BIN = "Scripts" if os.name == "nt" else "bin"


def _run(command, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory):
    """A fresh environment built exactly as Binder builds it, plus the test runner."""
    home = tmp_path_factory.mktemp("binder")
    env_dir = home / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / BIN / "python"
    install = _run([python, "-m", "pip", "install", "--quiet", "-r",
                    ROOT / "binder" / "requirements.txt"], timeout=1800)
    if install.returncode != 0:
        skip_or_fail("the Binder test", "cannot install binder/requirements.txt: "
                     f"{install.stderr.strip()[-300:]}", "It needs the package index.")
    path = f"{env_dir / BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    post = _run(["bash", ROOT / "binder" / "postBuild"], cwd=ROOT, timeout=900,
                env={**os.environ, "PATH": path, "NB_PYTHON_PREFIX": str(env_dir)})
    assert post.returncode == 0, post.stdout[-2000:] + post.stderr[-2000:]
    runner = _run([python, "-m", "pip", "install", "--quiet", "pytest", "nbval"], timeout=900)
    assert runner.returncode == 0, runner.stderr[-2000:]
    return {"python": python, "dir": env_dir, "home": home, "path": path}


def test_postbuild_installs_the_course_as_a_package_with_the_corpus_and_no_nbgrader(binder_env):
    where = _run([binder_env["python"], "-c", "import helpers, sys; c = helpers.load(); "
                  "print(helpers.__file__); print(c.folder)"], cwd=binder_env["home"], timeout=300)
    assert where.returncode == 0, where.stderr
    module, corpus = where.stdout.split("\n")[:2]
    assert str(binder_env["dir"]) in module and str(ROOT) not in module  # installed, not the checkout
    assert corpus.endswith(os.path.join("helpers", "corpus"))
    extensions = _run([binder_env["dir"] / BIN / "jupyter", "server", "extension", "list"],
                      timeout=120)
    listed = re.sub(r"\x1b\[[0-9;]*m", "", extensions.stdout + extensions.stderr)  # no colours
    assert "nbgitpuller enabled" in listed  # for a hub's links
    nbgrader = _run([binder_env["python"], "-c", "import nbgrader"], timeout=120)
    assert nbgrader.returncode != 0, "nbgrader (and its instructor menus) must not be in Binder"
    settings = binder_env["dir"] / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert settings.read_text("utf-8") == (ROOT / "binder" / "overrides.json").read_text("utf-8")


def test_every_lesson_runs_in_the_binder_environment(binder_env):
    work = binder_env["home"] / "work"
    shutil.copytree(ROOT / "lessons", work / "lessons")
    (work / "pytest.ini").write_text("[pytest]\n", "utf-8")  # none of the checkout's settings
    result = _run([binder_env["python"], "-m", "pytest", "-q", "-p", "no:cacheprovider",
                   "--nbval-lax", "--nbval-current-env", "lessons"], cwd=work, timeout=1800,
                  env={**os.environ, "PATH": binder_env["path"],
                       "COURSE_EVIDENCE_BANK": str(work / "bank.json")})
    assert result.returncode == 0, result.stdout[-4000:]
    lessons = [p for p in (ROOT / "lessons").iterdir() if p.is_dir() and p.name[:2].isdigit()]
    assert " passed" in result.stdout and len(lessons) >= 10


def test_every_pinned_package_supports_the_python_binder_builds_with(binder_env):
    runtime = (ROOT / "binder" / "runtime.txt").read_text("utf-8").strip()
    assert runtime.startswith("python-"), "binder/runtime.txt names a Python: python-3.X"
    version = runtime.removeprefix("python-")
    code = ("import json, importlib.metadata as m; print(json.dumps({d.metadata['Name']: "
            "d.metadata.get('Requires-Python') for d in m.distributions()}))")
    found = _run([binder_env["python"], "-c", code], timeout=120)
    assert found.returncode == 0, found.stderr
    from packaging.specifiers import SpecifierSet

    # "python-3.11" gives the newest 3.11 release (repo2docker asks conda for python=3.11):
    # a pin may need a recent patch release (soupsieve wants 3.11.5), but not another minor one
    newest = f"{version}.99"
    refused = {name: spec for name, spec in json.loads(found.stdout).items()
               if spec and not SpecifierSet(spec).contains(newest)}
    assert not refused, f"these pinned packages do not install on Python {version}: {refused}"
