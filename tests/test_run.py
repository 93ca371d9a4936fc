"""The two commands where teachers are: `run.py` installs once, explains what it cannot do,
and `run.py new` gives a teacher a starter corpus that checks clean at once."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture
def run_py(tmp_path, monkeypatch):
    """run.py, imported as a module, pointed at a scratch project folder."""
    spec = importlib.util.spec_from_file_location("course_run", ROOT / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    monkeypatch.setattr(module, "HERE", tmp_path)
    monkeypatch.setattr(module, "VENV", tmp_path / ".venv")
    monkeypatch.setattr(module, "PYTHON", tmp_path / ".venv" / "bin" / "python")
    monkeypatch.setattr(module, "STAMP", tmp_path / ".venv" / "course-installed.json")
    calls: list[tuple] = []
    monkeypatch.setattr(module, "run", lambda *args, **kwargs: calls.append((args, kwargs)))
    module.calls = calls
    return module


def _installed(run_py, extras):
    run_py.PYTHON.parent.mkdir(parents=True)
    run_py.PYTHON.write_text("")
    run_py.STAMP.write_text(json.dumps({"fingerprint": run_py._fingerprint(), "extras": extras}))


def test_a_second_launch_installs_nothing_so_it_works_offline(run_py):
    _installed(run_py, ["teacher"])
    run_py.install({"teacher"})
    run_py.install(set())
    assert run_py.calls == []


def test_changed_dependencies_or_new_extras_are_installed(run_py):
    _installed(run_py, ["teacher"])
    run_py.install({"test", "teacher"})
    assert run_py.calls[-1][0][-1] == ".[teacher,test]"
    run_py.calls.clear()
    (run_py.HERE / "pyproject.toml").write_text((run_py.HERE / "pyproject.toml").read_text()
                                                + "\n# changed\n")
    run_py.install({"teacher"})
    assert run_py.calls and "--editable" in run_py.calls[-1][0]


def test_a_python_without_venv_support_gets_one_line_saying_what_to_install(run_py, monkeypatch):
    def broken(self, folder):
        Path(folder).mkdir()
        raise subprocess.CalledProcessError(1, ["ensurepip"])
    monkeypatch.setattr(venv.EnvBuilder, "create", broken)
    with pytest.raises(SystemExit) as info:
        run_py.install({"teacher"})
    assert "python3-venv" in str(info.value) and "\n" not in str(info.value)
    assert not run_py.VENV.exists()  # our half-made folder is removed, nothing else


def test_check_runs_on_the_folder_as_the_teacher_typed_it(run_py, monkeypatch, tmp_path):
    monkeypatch.setattr(run_py, "install", lambda extras: None)
    monkeypatch.chdir(tmp_path)
    run_py.main(["check", "my-readings"])
    args, kwargs = run_py.calls[-1]
    assert args[-3:] == ("helpers", "check", "my-readings") and kwargs["cwd"] == tmp_path


def test_an_unknown_command_prints_the_usage(run_py):
    with pytest.raises(SystemExit) as info:
        run_py.main(["launch"])
    assert "python3 run.py lab" in str(info.value) and "py run.py" in str(info.value)


def test_new_makes_a_starter_corpus_that_checks_clean_and_never_overwrites(tmp_path):
    def helpers_cli(*args):
        return subprocess.run([sys.executable, "-m", "helpers", *args], cwd=tmp_path,
                              capture_output=True, text=True, timeout=120)

    made = helpers_cli("new", "my-readings")
    assert made.returncode == 0, made.stderr
    assert "python3 run.py check my-readings" in made.stdout
    checked = helpers_cli("check", "my-readings")
    assert checked.returncode == 0, checked.stdout
    themes = (tmp_path / "my-readings" / "themes.yaml").read_text("utf-8")
    for author in ("Hallas", "Molyneux", "Battersby", "Williams", "blog"):
        assert author not in themes  # neutral placeholders, not the course's authors
    before = (tmp_path / "my-readings" / "themes.yaml").read_bytes()
    again = helpers_cli("new", "my-readings")
    assert again.returncode == 1 and "already exists: nothing was written" in again.stderr
    assert (tmp_path / "my-readings" / "themes.yaml").read_bytes() == before
