"""Every lesson in a real JupyterLab and a real (headless) Chromium, as a class sees it.

For each lesson (the teacher's version, so that every cell runs): run all cells, then in
the page: the debate opens position by position (argument, quotation, evidence); the
first and second views are recorded side by side; the "who said it?" quiz answers a
click; "Keep for my essay" keeps an extract in the evidence bank; no widget fails to
render; no uncaught error; every control can be reached with Tab and has a name; and
axe-core finds no serious or critical accessibility violation inside the lesson's
outputs. A screenshot of each lesson is saved in test-artifacts/lessons/.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from .conftest import ARTIFACTS, ROOT, delete_sessions

if os.environ.get("CI", "").lower() != "true":  # in CI a missing package must fail, not skip
    pytest.importorskip("playwright", reason="pip install -e '.[test]' to run browser tests")
from playwright.sync_api import expect  # noqa: E402

pytestmark = pytest.mark.browser
LESSONS = sorted(p.name for p in (ROOT / "lessons").iterdir()
                 if p.is_dir() and re.fullmatch(r"\d\d-[a-z0-9-]+", p.name))
WIDGET_FAILURES = ("Error displaying widget", "Loading widget...", "Model not found")
SHOTS = ARTIFACTS / "lessons"
AXE_REPORT = ARTIFACTS / "axe-lessons.json"

# Controls a student can use, and the script that lists any without a name or a Tab stop.
_CONTROLS_JS = """
root => [...root.querySelectorAll('.jp-OutputArea-output button, .jp-OutputArea-output input,'
    + ' .jp-OutputArea-output select, .jp-OutputArea-output textarea')]
  .filter(e => e.offsetParent !== null && !e.disabled)
  .map(e => {
    const label = e.getAttribute('aria-label') || (e.labels && [...e.labels].map(l => l.innerText).join(' '))
      || e.innerText || e.value || e.placeholder || e.title || '';
    return {tag: e.tagName, type: e.type || '', name: label.trim(), tab: e.tabIndex};
  })
  .filter(c => !c.name || c.tab < 0)
"""


@pytest.fixture(scope="session")
def axe_script() -> Path | None:
    """axe-core from the npm registry, installed once per run into a scratch folder."""
    folder = Path(tempfile.mkdtemp(prefix="course-axe-"))
    npm = shutil.which("npm")
    result = None
    if npm:
        result = subprocess.run([npm, "install", "--silent", "--no-audit", "--no-fund",
                                 "--prefix", str(folder), "axe-core@4"],
                                capture_output=True, text=True, timeout=600)
    script = folder / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        reason = ("axe-core could not be installed from the npm registry"
                  + (f": {result.stderr.strip()[-200:]}" if result else " (npm not found)"))
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        return None  # the other checks of each lesson still run; the axe check says it skipped
    return script


def _teachers_copy(lab, lesson: str) -> str:
    """The lesson (teacher's version), with a quiz cell if the lesson has none; its lab path."""
    import nbformat

    notebook = nbformat.read(ROOT / "lessons" / lesson / f"{lesson}.ipynb", as_version=4)
    source = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    if "who_said_it(" not in source:
        theme = re.search(r'course\.debate\("([^"]+)"\)', source)
        notebook.cells.append(nbformat.v4.new_code_cell(
            "course.who_said_it(" + (f'theme="{theme.group(1)}", ' if theme else "")
            + "seed=1, length=2)"))
    name = f"{lesson}.ipynb"
    nbformat.write(notebook, lab["root"] / name)
    return name


def _run_all(page, lab, name: str):
    delete_sessions(lab, name)
    page.goto(f"{lab['base']}/lab/tree/{name}?reset&token={lab['token']}")
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    accept = page.locator(".jp-Dialog .jp-mod-accept")  # a "Select Kernel" dialog, if any
    expect(notebook.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
           ).to_be_attached(timeout=90_000)
    if accept.count():
        accept.first.click()
    notebook.locator(".jp-Notebook").first.click()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    last = notebook.locator(".jp-Cell").last
    last.scroll_into_view_if_needed()
    expect(last.locator(".jp-InputPrompt")).not_to_have_text(re.compile(r"\[[ *]?\]"),
                                                             timeout=180_000)
    expect(notebook.locator(".jp-InputPrompt", has_text="[*]")).to_have_count(0, timeout=60_000)
    return notebook


def _scroll_through(page, notebook) -> None:
    """Scroll from top to bottom so that every deferred cell is rendered."""
    cells = notebook.locator(".jp-Cell")
    for index in range(cells.count()):
        cells.nth(index).scroll_into_view_if_needed()


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_lesson_works_in_jupyterlab(lab, browser_page, lesson, axe_script):
    import helpers

    page = browser_page
    notebook = _run_all(page, lab, _teachers_copy(lab, lesson))
    _scroll_through(page, notebook)
    errors_in_outputs = notebook.locator(".jp-OutputArea-output[data-mime-type*='error']")
    assert errors_in_outputs.count() == 0, errors_in_outputs.first.inner_text()

    # The debate: each position opens, and shows its argument, a quotation and its evidence.
    debates = notebook.locator(".jupyter-widget-Accordion .lm-AccordionPanel-title, "
                               ".jupyter-widget-Accordion .jupyter-widget-Collapse-header",
                               has_text=re.compile(r"^Position 1:"))
    if debates.count():
        position = debates.first
        position.scroll_into_view_if_needed()
        position.click()
        panel = notebook.locator(".jupyter-widget-Accordion", has=page.get_by_text(
            re.compile(r"^Position 1:"))).first
        for step, shown in (("1. The argument, in our words", "How each author puts it"),
                            ("2. In the authors' own words", "blockquote"),
                            ("3. The evidence they cite", "At a glance")):
            panel.get_by_text(step).first.click()
            if shown == "blockquote":
                expect(panel.locator("blockquote").first).to_be_visible()
            else:
                expect(panel.get_by_text(shown).first).to_be_visible()

    # First view, then a second view: both recorded side by side.
    # (Each step is scoped to the one cell that holds its button: a lesson may show two debates.)
    first_cell = notebook.locator(".jp-Cell", has=page.get_by_role(
        "button", name="Record my first view")).first
    if first_cell.count():
        first = first_cell.get_by_role("button", name="Record my first view")
        first.scroll_into_view_if_needed()
        first_cell.locator(".widget-radio-box").first.locator("input[type=radio]").first.check()
        first.click()
        expect(notebook.locator("table", has_text="Before reading").first).to_be_visible()
        debate_cell = notebook.locator(".jp-Cell", has=page.get_by_role(
            "button", name="Record my view now")).first
        after = debate_cell.get_by_role("button", name="Record my view now")
        after.scroll_into_view_if_needed()
        debate_cell.locator(".widget-radio-box").last.locator("input[type=radio]").nth(1).check()
        after.click()
        expect(notebook.get_by_text(re.compile("You (changed your mind|kept your first view)"))
               .first).to_be_visible()

    # The quiz gives feedback on a click.
    check = notebook.get_by_role("button", name="Check my answer").last
    check.scroll_into_view_if_needed()
    quiz = notebook.locator(".widget-vbox", has=page.get_by_role(
        "button", name="Check my answer")).last
    quiz.locator("input[type=radio]").first.check()
    check.click()
    expect(quiz.get_by_text("Clue:", exact=False)).to_be_visible()

    # Keep for my essay: an extract goes into the evidence bank.
    keep = notebook.get_by_role("button", name="Keep for my essay").first
    keep.scroll_into_view_if_needed()
    keep_box = notebook.locator(".widget-vbox", has=page.get_by_role(
        "button", name="Keep for my essay")).first
    keep_box.get_by_placeholder("Why does this extract matter for your essay?").fill(
        f"kept in the browser test of {lesson}")
    keep.click()
    expect(keep_box.get_by_text("in your evidence bank", exact=False)).to_be_visible()
    kept = json.loads(lab["bank"].read_text("utf-8"))["entries"]
    assert any(e["note"] == f"kept in the browser test of {lesson}" for e in kept)

    # Nothing failed to render, nothing threw; every control has a name and a Tab stop.
    body = page.inner_text("body")
    assert not [f for f in WIDGET_FAILURES if f in body]
    assert page.errors == []
    ours = [m for m in page.console_errors if re.search(r"widget|jupyter-widgets|helpers", m, re.I)]
    assert ours == []
    assert notebook.evaluate(_CONTROLS_JS) == []

    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{lesson}.png"))
    if axe_script is not None:
        page.add_script_tag(path=str(axe_script))
        violations = page.evaluate("""async () => {
            const result = await axe.run(document, {resultTypes: ['violations']});
            return result.violations.map(v => ({id: v.id, impact: v.impact,
              nodes: v.nodes.filter(n => { const e = document.querySelector(n.target[0]);
                                             return e && e.closest('.jp-OutputArea-output'); })
                            .map(n => n.target.join(' '))})).filter(v => v.nodes.length);
        }""")
        report = json.loads(AXE_REPORT.read_text("utf-8")) if AXE_REPORT.exists() else {}
        report[lesson] = violations
        AXE_REPORT.write_text(json.dumps(report, indent=1), "utf-8")
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert serious == [], serious
    del helpers
