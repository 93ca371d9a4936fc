"""The student copies in students/ are exactly what nbgrader makes from the lessons now,
hold no solution, hidden test or mark scheme, and are never replaced without --force."""

from __future__ import annotations

import shutil

import pytest

from helpers.student_copies import generate_student_copies, write_student_copies

from .conftest import ROOT

LEAKS = ["BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS", "Indicative content", "Mark guide",
         "mark scheme (teacher"]
FIX = "run: python3 run.py students --force"


@pytest.fixture(scope="module")
def fresh():
    return generate_student_copies(ROOT / "lessons")


def test_every_lesson_has_a_student_copy_identical_to_what_nbgrader_makes_now(fresh):
    lessons = sorted(p.name for p in (ROOT / "lessons").iterdir() if p.is_dir()
                     and p.name[:2].isdigit())
    assert sorted(fresh) == lessons
    committed = sorted(p.name for p in (ROOT / "students").iterdir() if p.is_dir())
    assert committed == lessons, f"students/ lacks or has extra lessons; {FIX}"
    for lesson, files in fresh.items():
        for name, contents in files.items():
            path = ROOT / "students" / lesson / name
            assert path.exists() and path.read_bytes() == contents, (
                f"students/{lesson}/{name} is not the student copy of the lesson as it is now; "
                f"{FIX}")


def test_a_student_copy_holds_no_solution_hidden_test_or_mark_scheme():
    for notebook in sorted((ROOT / "students").glob("*/*.ipynb")):
        text = notebook.read_text("utf-8")
        for leak in LEAKS:
            assert leak not in text, f"{notebook.name}: {leak}"
        assert "*Double-click this box" in text  # the empty answer boxes are there


def test_an_edited_copy_is_kept_unless_forced(tmp_path, fresh):
    lesson = sorted(fresh)[0]
    shutil.copytree(ROOT / "lessons" / lesson, tmp_path / "lessons" / lesson)
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path / "nbgrader_config.py")
    out = tmp_path / "students"
    assert write_student_copies(tmp_path / "lessons", out) == [f"wrote {out / lesson}"]
    assert write_student_copies(tmp_path / "lessons", out) == [f"up to date: {out / lesson}"]
    copy = out / lesson / f"{lesson}.ipynb"
    copy.write_text(copy.read_text("utf-8").replace("Lesson", "My lesson", 1), "utf-8")
    kept = write_student_copies(tmp_path / "lessons", out)
    assert kept[0].startswith("kept") and "--force" in kept[0]
    assert "My lesson" in copy.read_text("utf-8")
    write_student_copies(tmp_path / "lessons", out, force=True)
    assert "My lesson" not in copy.read_text("utf-8")
