"""The teacher's guide and the README agree with the course they describe."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from helpers.handouts import marking_table

from .conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "binder" / "README.md"]
GUIDE = ROOT / "docs" / "teachers.md"


def _guide_table() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    marker = "<!-- The table below is checked by tests/test_guide.py against the lessons. -->"
    assert marker in text, "the guide marks the table of written questions"
    after = text.split(marker, 1)[1].lstrip("\n")
    return "\n".join(line for line in after.splitlines()[:100]
                     if line.startswith("|") or not line.strip()).strip().split("\n\n")[0]


def test_the_guides_table_of_written_questions_matches_the_lessons():
    assert _guide_table() == marking_table(ROOT / "lessons"), (
        "docs/teachers.md lists other written questions or points than the lessons; replace its "
        "table with: python3 -c \"from pathlib import Path; from helpers.handouts import "
        "marking_table; print(marking_table(Path('lessons')))\"")


def test_the_table_notices_a_lesson_whose_points_change(tmp_path):
    lesson = next((ROOT / "lessons").glob("01-*/*.ipynb"))
    copy = tmp_path / lesson.parent.name / lesson.name
    copy.parent.mkdir()
    shutil.copy(lesson, copy)
    before = marking_table(tmp_path)
    notebook = json.loads(copy.read_text(encoding="utf-8"))
    written = next(c for c in notebook["cells"] if c["cell_type"] == "markdown"
                   and c.get("metadata", {}).get("nbgrader", {}).get("solution"))
    written["metadata"]["nbgrader"]["points"] += 1
    copy.write_text(json.dumps(notebook), encoding="utf-8")
    assert marking_table(tmp_path) != before


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_run_py_command_in_the_docs_exists(doc):
    text = doc.read_text(encoding="utf-8")
    run_py = (ROOT / "run.py").read_text(encoding="utf-8")
    commands = set(re.findall(r"python3? run\.py ([a-z]+)", text))
    for command in commands:
        assert f'"{command}"' in run_py, f"{doc.name} mentions 'python3 run.py {command}'"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_to_a_file_of_the_course_points_at_a_file_that_exists(doc):
    text = doc.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if re.match(r"[a-z]+:", target):
            continue  # a web address
        assert (doc.parent / target).exists(), f"{doc.name} links to {target}, which is missing"
