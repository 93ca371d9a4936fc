"""Student copies: each lesson as nbgrader hands it to students, kept in ``students/``.

The lessons in ``lessons/`` are the teacher's versions: their answer cells hold the
solutions and mark schemes, and their checks hold hidden tests. What students open
(from the Binder badge, from an nbgitpuller link, or as a downloaded file) is the
student copy that nbgrader's ``generate_assignment`` makes from each lesson, with
all of that removed. ``python3 run.py students`` writes those copies; the tests
check that they match the lessons as they are now.

An existing copy is never replaced unless told to (``--force``): it may hold a
teacher's own edits.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["StudentCopyError", "generate_student_copies", "write_student_copies"]


class StudentCopyError(Exception):
    """A student copy could not be made (the message is one plain line)."""


def generate_student_copies(lessons_dir: Path) -> dict[str, dict[str, bytes]]:
    """Each lesson's student copy, made by nbgrader from ``lessons_dir`` as it is now:
    {lesson folder: {file name: contents}} (nothing is written beside the lessons)."""
    lessons_dir = Path(lessons_dir)
    config = lessons_dir.parent / "nbgrader_config.py"
    if not config.exists():
        raise StudentCopyError(f"{config} is missing: nbgrader needs it to make student copies")
    try:
        import nbgrader  # noqa: F401
    except ImportError:
        raise StudentCopyError(
            "student copies are made by nbgrader, a teacher's tool that is not installed: "
            "python3 run.py lab installs it (or: pip install -e '.[teacher]')") from None
    with tempfile.TemporaryDirectory(prefix="course-student-copies-") as scratch:
        work = Path(scratch)
        shutil.copytree(lessons_dir, work / "lessons")
        shutil.copy(config, work / "nbgrader_config.py")
        result = subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", "*",
                                 "--no-db"], cwd=work, capture_output=True, text=True,
                                timeout=600)
        if result.returncode:
            last = (result.stderr.strip().splitlines() or ["(no message)"])[-1]
            raise StudentCopyError(f"nbgrader could not make the student copies: {last}")
        return {folder.name: {f.name: f.read_bytes() for f in sorted(folder.iterdir())
                              if f.is_file()}
                for folder in sorted((work / "release").iterdir()) if folder.is_dir()}


def write_student_copies(lessons_dir: Path, out_dir: Path, force: bool = False) -> list[str]:
    """Write every lesson's student copy into ``out_dir``; one report line per lesson.

    A copy that exists is kept unless ``force``; the report says whether it is up to
    date or differs from the lesson (when it may hold edits, or the lesson changed).
    """
    report = []
    for lesson, files in generate_student_copies(lessons_dir).items():
        folder = Path(out_dir) / lesson
        current = {name: (folder / name).read_bytes() for name in files
                   if (folder / name).exists()}
        if current == files:
            report.append(f"up to date: {folder}")
            continue
        if current and not force:
            report.append(f"kept {folder}: it differs from the lesson (it may hold edits, or "
                          "the lesson has changed); use --force to replace it")
            continue
        folder.mkdir(parents=True, exist_ok=True)
        for name, contents in files.items():
            (folder / name).write_bytes(contents)
        report.append(f"wrote {folder}")
    return report
