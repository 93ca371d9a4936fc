"""A regular (non-editable) install, as Binder's postBuild does, carries the corpus."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_built_wheel_contains_the_whole_corpus_and_loads_it(tmp_path):
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                            "--wheel-dir", str(tmp_path), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(tmp_path.glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    corpus_files = {f"helpers/corpus/{p.relative_to(ROOT / 'corpus').as_posix()}"
                    for p in (ROOT / "corpus").rglob("*") if p.is_file()}
    assert corpus_files <= names, sorted(corpus_files - names)[:5]

    code = ("import sys; sys.path.insert(0, 'site'); import helpers; c = helpers.load(); "
            "print(helpers.__file__); print(c.folder.as_posix()); print(len(c.records.sources()))")
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    module, folder, count = run.stdout.split("\n")[:3]
    assert module.startswith(str(tmp_path / "site"))
    assert folder.endswith("site/helpers/corpus")
    assert count == str(len(list((ROOT / "corpus" / "sources").glob("*.yaml"))))


def test_code_style_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "helpers", "tests", "run.py",
                             "conftest.py", "bench"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]
