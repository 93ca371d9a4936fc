"""A student's path through the debate widget in a real JupyterLab and Chromium."""

from __future__ import annotations

import os

import pytest

from .conftest import ARTIFACTS, delete_sessions, write_notebook

if os.environ.get("CI", "").lower() != "true":  # in CI a missing package must fail, not skip
    pytest.importorskip("playwright", reason="pip install -e '.[test]' to run browser tests")
from playwright.sync_api import expect  # noqa: E402

WIDGET_FAILURES = ("Error displaying widget", "Loading widget...", "Model not found")


def open_and_run_all(page, lab, name: str):
    delete_sessions(lab, name)
    page.goto(f"{lab['base']}/lab/tree/{name}?reset&token={lab['token']}")
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    expect(notebook.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
           ).to_be_attached(timeout=90_000)
    notebook.locator(".jp-Notebook").first.click()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    return notebook


def test_a_student_records_a_view_and_reveals_a_position_step_by_step(lab, browser_page):
    page = browser_page
    write_notebook(lab["root"], "debate.ipynb", [
        "import helpers\ncourse = helpers.load()",
        'course.debate("why-stalin-won")'])
    notebook = open_and_run_all(page, lab, "debate.ipynb")

    position = notebook.get_by_text("Position 2: Control of the party machine", exact=True)
    expect(position).to_be_visible(timeout=90_000)

    # Before the reveal: record a first view; it appears in the side-by-side table.
    notebook.get_by_role("radio", name="Social forces decided it").first.check()
    notebook.get_by_role("button", name="Record my first view").click()
    summary = notebook.locator("table", has_text="Before reading")
    expect(summary).to_contain_text("Social forces decided it")

    # Reveal: open the position, then its steps, in the browser.
    import helpers
    count = len(helpers.load().records.excerpts(position="party-machine"))
    position.click()
    words = notebook.get_by_text(f"2. In the authors' own words ({count} excerpts)")
    words.click()
    expect(notebook.locator("blockquote", has_text="Stalin, general secretary of the party, "
                                                   "presided over")).to_be_visible()
    expect(notebook.get_by_text("Position: Control of the party machine.",
                                exact=False).first).to_be_visible()
    notebook.get_by_text("3. The evidence they cite").nth(1).click()
    glance = notebook.get_by_text("At a glance: who argues from evidence, who asserts")
    expect(glance.filter(visible=True)).to_have_count(1)  # only this position's step is open

    # After: change mind, and both choices show side by side.
    notebook.get_by_role("radio", name="Control of the party machine").nth(1).check()
    notebook.get_by_role("button", name="Record my view now").click()
    expect(summary).to_contain_text("Control of the party machine")
    expect(notebook.get_by_text("You changed your mind", exact=False)).to_be_visible()

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "debate-in-jupyterlab.png"), full_page=True)
    body = page.inner_text("body")
    assert not [f for f in WIDGET_FAILURES if f in body]
    assert page.errors == []


def test_a_student_answers_the_quiz_and_sees_the_score(lab, browser_page):
    page = browser_page
    write_notebook(lab["root"], "quiz.ipynb", [
        "import helpers\ncourse = helpers.load()",
        'quiz = course.who_said_it(theme="trotsky-in-power", seed=2, length=2)\nquiz',
        'quiz.parts["quiz"].current.answer'])
    notebook = open_and_run_all(page, lab, "quiz.ipynb")
    check = notebook.get_by_role("button", name="Check my answer")
    expect(check).to_be_visible(timeout=90_000)
    answer = notebook.locator(".jp-OutputArea-output").last.inner_text().strip().strip("'")

    notebook.get_by_role("radio", name=answer, exact=True).check()
    check.click()
    expect(notebook.get_by_text("Score: 1 out of 1")).to_be_visible()
    expect(notebook.get_by_text("Clue:", exact=False)).to_be_visible()
    assert not [f for f in WIDGET_FAILURES if f in page.inner_text("body")]


def test_the_figure_gallery_shows_every_figure_with_alt_text_and_caption(lab, browser_page):
    import shutil
    from pathlib import Path

    page = browser_page
    gallery = Path(__file__).resolve().parents[2] / "docs" / "figures.ipynb"
    shutil.copy(gallery, lab["root"] / "figures.ipynb")
    notebook = open_and_run_all(page, lab, "figures.ipynb")
    # every figure is an SVG picture, inline, with its text alternative in its <desc>
    figures = notebook.locator(".jp-OutputArea-output figure svg[role=img]")
    expect(figures).to_have_count(6, timeout=120_000)  # five figures, one drawn twice
    for index in range(6):
        figure = figures.nth(index)
        alt = figure.locator("desc").first.text_content()
        assert len(alt or "") > 40
        box = figure.bounding_box()
        assert box and box["width"] > 300  # drawn, at a readable size
    expect(notebook.locator(".jp-OutputArea-output figure img")).to_have_count(0)
    expect(notebook.locator("figcaption").first).to_contain_text("events")
    page.screenshot(path=str(ARTIFACTS / "figures-in-jupyterlab.png"))
    assert page.errors == []


def test_a_table_of_excerpts_shows_every_quotation_whole(lab, browser_page):
    import helpers

    page = browser_page
    write_notebook(lab["root"], "table.ipynb", [
        "import helpers\ncourse = helpers.load()",
        'course.excerpts(theme="why-stalin-won")'])
    notebook = open_and_run_all(page, lab, "table.ipynb")
    table = notebook.locator(".jp-OutputArea-output table.dataframe")
    expect(table).to_be_visible(timeout=90_000)
    longest = max((e.quote for e in helpers.load().records.excerpts(theme="why-stalin-won")),
                  key=len)
    cell = table.locator("td", has_text=longest[-60:])
    expect(cell).to_have_count(1)
    assert " ".join(cell.inner_text().split()) == longest  # whole, not cut at 50 characters
    assert cell.evaluate("td => getComputedStyle(td).textAlign") == "left"
    page.screenshot(path=str(ARTIFACTS / "table-in-jupyterlab.png"))
    assert page.errors == []
