"""Every lesson has the course's shape, quotes only what its sources say, and names only real ids.

nbval (in the same test run) executes every lesson; these tests read the
notebooks as files: the header, the timed sections, the exercises and their
nbgrader metadata, the quotations typed into the prose, the ids passed to
`helpers`, and the exam question's wording.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import ROOT

LESSONS = ROOT / "lessons"
FOLDERS = sorted(p for p in LESSONS.iterdir() if p.is_dir() and re.fullmatch(r"\d\d-[a-z0-9-]+", p.name))

#: The exam questions the lessons train, in the boards' exact words (the opening of the stem).
EXAM_STEMS = {
    "AQA A-level History 7042, Component 1": (
        "Using your understanding of the historical context, assess how convincing the arguments "
        "in these three extracts are in relation to"),
    "AQA A-level History 7042, Component 2": (
        "With reference to these sources and your understanding of the historical context, "
        "assess the value of these three sources to an historian studying"),
}
HEADER_FIELDS = ["Central question", "Learning goals", "Time", "Sources used",
                 "Before this lesson", "Skills"]
SKILLS = ["sourcing", "contextualisation", "corroboration", "close reading"]
SECTIONS = ["Starter", "Context card", "Sourcing", "Close reading", "The debate", "Corroboration",
            "exam paragraph", "Exit ticket"]


def notebook(folder: Path) -> dict:
    return json.loads((folder / f"{folder.name}.ipynb").read_text(encoding="utf-8"))


def markdown(nb: dict) -> str:
    return "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def code(nb: dict) -> str:
    return "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


def nbgrader_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if "nbgrader" in c.get("metadata", {})]


def test_lessons_exist_one_folder_and_notebook_each():
    assert FOLDERS, "no lessons yet"
    for folder in FOLDERS:
        notebooks = sorted(p.name for p in folder.glob("*.ipynb"))
        assert notebooks == [f"{folder.name}.ipynb"], folder


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_the_lesson_is_committed_without_outputs(folder):
    for cell in notebook(folder)["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_the_header_has_every_field_and_minutes_that_add_up(folder):
    nb = notebook(folder)
    header = "".join(nb["cells"][0]["source"])
    assert header.startswith("# Lesson ")
    for field in HEADER_FIELDS:
        assert f"**{field}" in header, field
    time = re.search(r"\*\*Time\*\* \| (\d+) minutes in class: ([^|]*)\|", header)
    assert time, "the Time row: 'N minutes in class: starter 4 · context 8 ...'"
    total, parts = int(time.group(1)), [int(n) for n in re.findall(r"(\d+)", time.group(2))]
    assert 50 <= total <= 60 and sum(parts) == total, (total, parts)
    text = markdown(nb)
    stated = [int(n) for n in re.findall(r"^#{2,3} .*\((\d+) minutes?\)", text, flags=re.M)]
    assert sum(stated) == total, (stated, total)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_the_lesson_has_the_courses_sections_and_names_the_four_skills(folder):
    text = markdown(notebook(folder))
    headings = re.findall(r"^#{2,3} (.*)$", text, flags=re.M)
    for section in SECTIONS:
        assert any(section.lower() in h.lower() for h in headings), section
    for skill in SKILLS:
        assert skill in text.lower(), skill
    for part in ("Homework", "What other historians argue", "Further reading"):
        assert part in text, part


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_the_lesson_shows_a_debate_on_a_theme_that_exists(folder, records):
    themes = re.findall(r'course\.debate\("([^"]+)"\)', code(notebook(folder)))
    if folder.name.startswith("00-"):
        return  # the sources lesson works with the figures instead
    assert themes, "a theme lesson runs course.debate(theme)"
    for theme in themes:
        records.theme(theme)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_the_exercises_carry_nbgrader_metadata_with_points(folder):
    cells = nbgrader_cells(notebook(folder))
    auto = [c for c in cells if c["cell_type"] == "code" and c["metadata"]["nbgrader"]["grade"]]
    by_hand = [c for c in cells if c["cell_type"] == "markdown" and c["metadata"]["nbgrader"]["grade"]]
    assert auto and by_hand
    for cell in cells:
        meta = cell["metadata"]["nbgrader"]
        assert meta["schema_version"] == 3 and re.fullmatch(r"l\d\d-[a-z0-9-]+", meta["grade_id"])
        if meta["grade"]:
            assert meta.get("points", 0) > 0, meta["grade_id"]
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and meta["solution"]:
            assert "### BEGIN SOLUTION" in source and "### END SOLUTION" in source
        if cell in auto:
            assert meta["locked"] and "check_form(" in source  # the visible test: form only
            assert "### BEGIN HIDDEN TESTS" in source and "### END HIDDEN TESTS" in source
    for cell in by_hand:
        assert cell["metadata"]["nbgrader"]["solution"]  # the mark scheme is replaced on release
        assert "mark" in "".join(cell["source"]).lower()


def test_grade_ids_are_unique_across_the_course():
    ids = [c["metadata"]["nbgrader"]["grade_id"] for f in FOLDERS for c in nbgrader_cells(notebook(f))]
    assert len(ids) == len(set(ids))


_QUOTE = re.compile(r"[“\"]([^”\"\n]+)[”\"]")


def _plain(text: str) -> str:
    """Typed text compared with the sources: typographic quotes and whitespace equal."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_every_quotation_typed_into_the_prose_is_verbatim_in_a_source(folder, records):
    sources = _plain(" ".join(s.text for s in records.sources()))
    text = re.sub(r"`[^`]*`", "", markdown(notebook(folder)))  # code, e.g. choices, is ours
    text = "\n".join(line for line in text.splitlines() if not line.startswith(">"))  # exam stems
    missing = []
    for quoted in _QUOTE.findall(text):
        words = quoted.strip(" .,;:!?").split()
        if len(words) >= 2 and _plain(" ".join(words)) not in sources:
            missing.append(quoted)
    assert missing == []


def _all_ids(records) -> set[str]:
    ids = {s.id for s in records.sources()} | {t.id for t in records.themes()}
    ids |= {p.id for t in records.themes() for p in t.positions}
    ids |= {e.id for e in records.excerpts()} | {c.id for c in records.citations()}
    ids |= {e.id for e in records.events()} | {s.id for s in records.statistics()}
    ids |= {s.series for s in records.statistics()} | {t.id for t in records.terms()}
    return ids


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_every_id_the_lesson_names_exists(folder, records):
    known = _all_ids(records)
    literals = re.findall(r"[\"']([a-z0-9]+(?:-[a-z0-9]+)+)[\"']", code(notebook(folder)))
    assert literals
    assert sorted(set(literals) - known) == []


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_the_exam_question_is_worded_as_the_board_sets_it(folder):
    text = markdown(notebook(folder))
    stems = [line[1:].strip() for line in text.splitlines() if line.startswith("> ")
             and "marks]" in line]
    assert stems, "an exam question, as a quotation ('> ...') ending with its marks"
    for stem in stems:
        board = [name for name, words in EXAM_STEMS.items() if stem.startswith(words)]
        assert board, stem
        assert board[0] in text, f"the lesson names the board and component: {board[0]}"


def test_every_source_appears_in_at_least_three_lessons(records):
    assert len(FOLDERS) >= 5
    for source in records.sources():
        used = [f.name for f in FOLDERS if source.id in code(notebook(f))
                or any(e.id in code(notebook(f)) for e in records.excerpts(source=source.id))]
        assert len(used) >= 3, (source.id, used)


def test_the_readme_maps_every_lesson():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for folder in FOLDERS:
        assert f"lessons/{folder.name}/{folder.name}.ipynb" in readme, folder.name
