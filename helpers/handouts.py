"""Printable handouts: each lesson as one self-contained HTML page, with no code.

    python3 run.py handouts            # every lesson, into handouts/
    python3 run.py handouts --force    # replace handouts that already exist

A handout keeps the lesson's own words (header, context card, sourcing notes,
questions, exercises) and shows each extract as the lesson does, with numbered
lines, author, title and date; answer boxes are left empty and no mark scheme,
solution or code is printed. Everything is inline (no web fonts, scripts or
images fetched from a network), so a handout opens and prints offline.
"""

from __future__ import annotations

import ast
import json
import re
from html import escape
from pathlib import Path

__all__ = ["handout_html", "marking_summary", "marking_table", "markschemes_html", "write_handouts",
           "write_markschemes"]

_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto;
       color: #111; line-height: 1.45; padding: 0 1em; }
h1, h2, h3 { font-family: Arial, Helvetica, sans-serif; }
table { border-collapse: collapse; margin: 0.6em 0; }
th, td { border: 1px solid #999; padding: 4px 6px; vertical-align: top; text-align: left; }
blockquote { border-left: 4px solid #555; margin: 0.6em 0; padding: 2px 12px; }
.answer { border: 1px solid #555; min-height: 8em; margin: 0.5em 0 1.2em 0; padding: 6px;
          color: #555; }
.note { color: #444; font-style: italic; }
@media print { .answer { min-height: 12em; } h2 { page-break-after: avoid; } }
"""
_CALL = re.compile(r"course\.(extract|glossary)\((.*)\)\s*$", re.S)


def _markdown(text: str) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    html = markdown2html_mistune(text)
    return re.sub(r'<a class="anchor-link"[^>]*>.*?</a>', "", html)  # no "¶" links on paper


def _arguments(source: str):
    """The positional and keyword arguments of a one-line helper call, as Python values."""
    call = ast.parse(source.strip(), mode="eval").body
    args = [ast.literal_eval(a) for a in call.args]
    kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
    return args, kwargs


def _code_cell(course, source: str) -> str:
    """What a handout shows for a code cell: an extract or a glossary, else nothing."""
    match = _CALL.search(source.strip())
    if not match:
        return ""
    args, kwargs = _arguments(source.strip().splitlines()[-1] if "\n" in source else source)
    if match.group(1) == "extract":
        return course.extract(*args, **kwargs)._repr_html_()
    table = course.glossary(*args, **kwargs)
    rows = "".join(f"<tr><td><b>{escape(t)}</b></td><td>{escape(d)}</td></tr>"
                   for t, d in zip(table["term"], table["definition"], strict=True))
    return f"<table><tr><th>Word</th><th>Meaning</th></tr>{rows}</table>"


def handout_html(course, notebook_path: Path) -> str:
    """One lesson as a printable, self-contained HTML page."""
    notebook = json.loads(Path(notebook_path).read_text(encoding="utf-8"))
    parts = []
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell["cell_type"] == "markdown":
            if meta.get("solution"):  # a written answer: an empty box, never the mark scheme
                parts.append('<div class="answer">Your answer:</div>')
            elif source.strip():
                parts.append(_markdown(source))
        elif meta.get("solution"):
            parts.append('<div class="answer">Your answer (in the notebook):</div>')
        elif not meta:
            parts.append(_code_cell(course, source))
    title = re.search(r"^# (.*)$", "".join(notebook["cells"][0]["source"]), re.M)
    name = title.group(1) if title else Path(notebook_path).stem
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{escape(name)}</title><style>{_CSS}</style></head><body>"
            + "\n".join(p for p in parts if p)
            + "<p class='note'>Printed from the course <i>Trotsky vs Stalin</i>. Code cells, "
              "widgets and figures appear only in the notebook.</p></body></html>")


def write_handouts(course, lessons_dir: Path, out_dir: Path, force: bool = False) -> list[str]:
    """Write one handout per lesson into ``out_dir``; return one line per lesson.

    An existing handout is kept (it may have been edited) unless ``force`` is given.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    report = []
    for notebook in sorted(lessons_dir.glob("[0-9][0-9]-*/*.ipynb")):
        target = out_dir / f"{notebook.stem}.html"
        if target.exists() and not force:
            report.append(f"kept {target} (it exists; use --force to replace it)")
            continue
        target.write_text(handout_html(course, notebook), encoding="utf-8")
        report.append(f"wrote {target}")
    return report


def _lesson_cells(path: Path) -> tuple[str, list[dict]]:
    """A lesson notebook's title (its first ``# `` heading) and its cells."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    title = re.search(r"^# (.*)$", "".join(cells[0]["source"]), re.M) if cells else None
    return (title.group(1) if title else path.stem), cells


def _is_written(cell: dict) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell["cell_type"] == "markdown" and bool(meta.get("solution")) and bool(meta.get("grade"))


def marking_summary(lessons_dir: Path) -> list[dict]:
    """For each lesson: its folder, its written questions (grade id and points), marked by the
    teacher, and the points its checks mark automatically.

    Read from the lessons' nbgrader metadata, so the teacher's guide can be checked against it.
    """
    rows = []
    for path in sorted(lessons_dir.glob("[0-9][0-9]-*/*.ipynb")):
        _, cells = _lesson_cells(path)
        written, automatic = [], 0
        for cell in cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if _is_written(cell):
                written.append((meta["grade_id"], meta.get("points", 0)))
            elif meta.get("grade"):
                automatic += meta.get("points", 0)
        rows.append({"lesson": path.parent.name, "written": written, "automatic": automatic})
    return rows


def marking_table(lessons_dir: Path) -> str:
    """:func:`marking_summary` as the Markdown table of the teacher's guide."""
    lines = ["| Lesson | Written questions, marked by you (points) | Checked automatically |",
             "|---|---|---|"]
    for row in marking_summary(lessons_dir):
        written = ", ".join(f"`{grade_id}` ({points})" for grade_id, points in row["written"])
        lines.append(f"| {row['lesson']} | {written} | {row['automatic']} points |")
    return "\n".join(lines)


def markschemes_html(lessons_dir: Path) -> str:
    """Every written question of every lesson, with its points and the teacher's mark scheme.

    Read from the lessons themselves (the one place mark schemes are written), for teachers
    only: never give this page to students.
    """
    parts = ["<h1>Mark schemes for the written questions (teachers only)</h1>",
             "<p class='note'>Generated from the lessons; the mark schemes live in the "
             "teacher's version of each lesson and are removed from students' copies.</p>"]
    for path in sorted(lessons_dir.glob("[0-9][0-9]-*/*.ipynb")):
        title, cells = _lesson_cells(path)
        parts.append(f"<h2>{escape(title)}</h2>")
        for n, cell in enumerate(cells):
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if _is_written(cell):
                before = next(("".join(c["source"]) for c in reversed(cells[:n])
                               if c["cell_type"] == "markdown"), "")
                parts.append(f"<h3>{escape(meta['grade_id'])} · {meta.get('points', 0)} "
                             "points</h3><div class='note'>The question, as the lesson sets it:"
                             f"</div>{_markdown(before)}<div>{_markdown(''.join(cell['source']))}"
                             "</div>")
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Mark schemes"
            f"</title><style>{_CSS}</style></head><body>" + "\n".join(parts) + "</body></html>")


def write_markschemes(lessons_dir: Path, out_dir: Path, force: bool = False) -> str:
    """Write ``mark-schemes.html`` into ``out_dir`` (kept if it exists, unless ``force``)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "mark-schemes.html"
    if target.exists() and not force:
        return f"kept {target} (it exists; use --force to replace it)"
    target.write_text(markschemes_html(lessons_dir), encoding="utf-8")
    return f"wrote {target}"
