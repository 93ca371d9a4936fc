"""The widgets, driven the way a student drives them: choose, click, open, read.

For every theme of the shipped corpus, every position, every excerpt and
every work its authors cite must be revealable through `course.debate()`.
"""

from __future__ import annotations

import re
import shutil
from html import escape
from pathlib import Path

import ipywidgets as widgets
import pytest

import helpers
from helpers.debate import NOT_SURE

COURSE = helpers.load()
THEMES = [t.id for t in COURSE.all_themes()]
FIXTURE = Path(__file__).parent / "fixtures" / "mini-corpus"


def open_everything(debate) -> dict[str, dict[int, str]]:
    """Open every position and every step, as a student clicking through; return what is shown."""
    positions = debate.parts["positions"]  # one section per position
    shown: dict[str, dict[int, str]] = {}
    for index, title in enumerate(positions.titles):
        positions.selected_index = index
        steps = positions.children[index]
        shown[title] = {}
        for step in range(len(steps.children)):
            steps.selected_index = step
            shown[title][step] = steps.children[steps.selected_index].value
    return shown


def all_widgets(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from all_widgets(child)


@pytest.mark.parametrize("theme_id", THEMES)
def test_every_position_excerpt_and_cited_work_can_be_revealed(theme_id):
    theme = COURSE.theme(theme_id)
    shown = open_everything(COURSE.debate(theme_id))

    titles = list(shown)
    assert titles == [f"Position {n}: {p.label}" for n, p in enumerate(theme.positions, 1)]
    for title, position in zip(titles, theme.positions, strict=True):
        argument, words, evidence, context = (shown[title][i] for i in range(4))
        assert escape(position.summary) in argument
        for excerpt in COURSE.excerpts_for(theme_id, position_id=position.id):
            source = COURSE.source(excerpt.source)
            assert escape(excerpt.quote) in words, excerpt.id
            assert escape(excerpt.argument) in argument, excerpt.id
            assert escape(source.short_name) in words and escape(source.title) in words
            assert escape(source.date_shown) in words
            assert escape(excerpt.id) in context
            for item in excerpt.evidence:
                assert escape(item.description) in evidence, excerpt.id
                if item.citation:
                    cited = COURSE.citation(item.citation)
                    assert escape(cited.work) in evidence, item.citation
                    assert escape(cited.cited_author) in evidence, item.citation
                    if cited.note:
                        assert f"note {cited.note}:" in evidence
        count = len(COURSE.excerpts_for(theme_id, position_id=position.id))
        assert context.count("[excerpt starts]") == count


def test_dates_not_stated_are_said_so():
    shown = open_everything(COURSE.debate("why-stalin-won"))
    words = "".join(step[1] for step in shown.values())
    assert "Molyneux</b>, <i>Fighting the Stalinist distortion of socialism</i> " \
           "(date not stated)" in words
    assert "(1997-04-28)" in words


def test_hallas_note_numbers_are_shown_with_his_citations():
    shown = open_everything(COURSE.debate("what-the-ussr-became"))
    evidence = "".join(step[2] for step in shown.values())
    assert "note 18: Trotsky" in evidence


def test_recording_views_before_and_after_shows_both_side_by_side():
    debate = COURSE.debate("bolshevism-and-stalinism")
    parts = debate.parts
    labels = [p.label for p in COURSE.theme("bolshevism-and-stalinism").positions]
    assert list(parts["before"].options) == labels + [NOT_SURE]

    parts["before"].value = labels[0]
    parts["before_button"].click()
    assert "not recorded yet" in parts["summary"].value
    parts["after"].value = labels[2]
    parts["after_button"].click()

    summary = parts["summary"].value
    assert summary.index(escape(labels[0])) < summary.index(escape(labels[2]))
    assert "You changed your mind" in summary

    parts["after"].value = labels[0]
    parts["after_button"].click()
    assert "You kept your first view." in parts["summary"].value


def test_a_position_nobody_argues_says_so_and_shows_who_reports_it():
    shown = open_everything(COURSE.debate("why-stalin-won"))
    words = shown["Position 3: A clash of personalities"][1]
    assert "No author in this corpus argues this position" in words
    assert "Reported, not argued" in words


@pytest.mark.parametrize("theme_id", THEMES)
def test_every_control_has_a_visible_text_label(theme_id):
    debate = COURSE.debate(theme_id)
    for widget in all_widgets(debate):
        if isinstance(widget, (widgets.Button, widgets.RadioButtons)):
            assert widget.description.strip(), widget
        if isinstance(widget, (widgets.Tab, widgets.Accordion)):
            assert len(widget.titles) == len(widget.children)
            assert all(title.strip() for title in widget.titles)


def test_sides_are_named_in_text_not_only_by_colour():
    shown = open_everything(COURSE.debate("what-the-ussr-became"))
    for title, steps in shown.items():
        label = title.split(": ", 1)[1]
        quotes = steps[1].count("<blockquote")
        assert steps[1].count(f"Position: {escape(label)}.") == quotes


def test_corpus_text_is_escaped_everywhere(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    attack = 'Stalin <script>alert("x")</script> won <img src=x onerror="alert(1)"> easily.'
    for name in ("texts", "originals"):
        path = corpus / name / "test-author.txt"
        path.write_text(path.read_text("utf-8") + f"\n{attack}\n", "utf-8")
    path = corpus / "excerpts" / "test-author.yaml"
    path.write_text(path.read_text("utf-8") + f"""
  - id: author-attack
    theme: why-stalin-won
    position: personality
    quote: '{attack}'
    argument: The author's <b>markup</b> must show as text.
    evidence:
      - kind: assertion
        description: An <img src=x onerror="alert(2)"> in a description.
""", "utf-8")
    course = helpers.load(corpus)

    shown = open_everything(course.debate("why-stalin-won"))
    html = "".join(v for steps in shown.values() for v in steps.values())
    html += course.in_context("author-attack").value
    html += "".join(w.value for w in all_widgets(course.compare("test-author", "test-author",
                                                                "why-stalin-won"))
                    if isinstance(w, widgets.HTML))
    quiz = course.who_said_it(seed=0)
    while quiz.parts["quiz"].current is not None:
        html += quiz.parts["passage"].value
        quiz.parts["choice"].value = "Author"
        quiz.parts["check"].click()
        html += quiz.parts["feedback"].value
        quiz.parts["next"].click()

    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=" in html
    assert not re.search(r"<script|<img", html, re.IGNORECASE)


def test_who_said_it_gives_feedback_with_the_source_and_a_clue_and_keeps_score():
    box = COURSE.who_said_it("trotsky-in-power", seed=7, length=3)
    parts = box.parts
    quiz = parts["quiz"]
    first = quiz.current
    assert escape(first.quote) in parts["passage"].value
    assert first.answer not in parts["passage"].value.split("</b>", 1)[1]  # no attribution

    parts["check"].click()  # nothing chosen yet
    assert "Pick one of the authors first" in parts["feedback"].value

    parts["choice"].value = first.answer
    parts["check"].click()
    source = COURSE.source(COURSE.excerpt(first.excerpt_id).source)
    assert parts["feedback"].value.startswith("<p>Right!")
    assert escape(source.title) in parts["feedback"].value
    assert "Clue:" in parts["feedback"].value
    assert "Score: 1 out of 1" in parts["score"].value

    parts["next"].click()
    second = quiz.current
    wrong = next(a for a in second.options if a != second.answer)
    parts["choice"].value = wrong
    parts["check"].click()
    assert "Not quite" in parts["feedback"].value
    assert "Score: 1 out of 2" in parts["score"].value

    parts["next"].click()
    parts["choice"].value = quiz.current.answer
    parts["check"].click()
    parts["next"].click()
    assert quiz.current is None
    assert "all the passages" in parts["passage"].value
    assert parts["check"].disabled


def test_quiz_options_are_the_five_authors():
    quiz = COURSE.who_said_it(seed=1).parts["quiz"]
    assert set(quiz.current.options) == {s.short_name for s in COURSE.all_sources()}
    assert len(quiz.questions) == 8


def test_compare_shows_two_columns_with_what_each_cites():
    box = COURSE.compare("hallas-stalinism", "rfzo47-blog", "why-stalin-won")
    left, right = box.parts["left"].value, box.parts["right"].value
    for excerpt in COURSE.excerpts_for("why-stalin-won", "hallas-stalinism"):
        assert escape(excerpt.quote) in left
    for excerpt in COURSE.excerpts_for("why-stalin-won", "rfzo47-blog"):
        assert escape(excerpt.quote) in right
    assert "cites no work" in right
    assert "What Hallas cites on this theme" in left


def test_compare_says_when_an_author_does_not_address_a_theme():
    box = COURSE.compare("battersby-spgb", "rfzo47-blog", "economic-policy")
    assert "does not address this theme" in box.parts["left"].value


def test_in_context_marks_the_excerpt_inside_its_paragraph():
    excerpt = COURSE.excerpt("hallas-thermidor-1935")
    html = COURSE.in_context("hallas-thermidor-1935").value
    marked = re.search(r"\[excerpt starts\]</b> (.*) <b>\[excerpt ends\]", html).group(1)
    assert marked == escape(excerpt.quote)
    assert len(html) > len(marked) + 100  # the paragraph around it is shown too


def test_kwic_finds_every_occurrence_with_its_context():
    table = COURSE.kwic("kulak", width=30)
    expected = sum(len(re.findall(r"\bkulak\w*", " ".join(s.text.split()), re.IGNORECASE))
                   for s in COURSE.all_sources())
    assert len(table) == expected > 0
    assert all(k.lower().startswith("kulak") for k in table["keyword"])
    assert all(len(left) <= 30 for left in table["left"])
    row = table.iloc[0]
    text = " ".join(COURSE.source(row["source"]).text.split())
    assert row["left"] + row["keyword"] + row["right"] in text


def test_kwic_rejects_an_empty_word():
    with pytest.raises(ValueError, match="needs a word"):
        COURSE.kwic(" ")


def test_evidence_table_filters_by_theme_and_source():
    table = COURSE.evidence(theme_id="trotsky-in-power", source_id="battersby-spgb")
    assert set(table["author"]) == {"Battersby"}
    assert set(table["theme"]) == {"trotsky-in-power"}
    assert {"primary-quotation", "assertion"} <= set(table["kind"])


@pytest.mark.parametrize("call", [
    lambda: COURSE.debate("why-stalin-one"),
    lambda: COURSE.compare("hallas", "rfzo47-blog", "why-stalin-won"),
    lambda: COURSE.in_context("hallas-thermidor-1953"),
    lambda: COURSE.who_said_it("trotsky-in-powr"),
])
def test_unknown_ids_give_a_clear_error_with_close_matches(call):
    with pytest.raises(ValueError, match="did you mean"):
        call()
