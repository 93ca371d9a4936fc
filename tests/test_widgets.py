"""The widgets, driven the way a student drives them: choose, click, open, read.

For every theme of the shipped corpus, every position, every excerpt and
every work its authors cite must be revealable through `course.debate()`.
"""

from __future__ import annotations

import re
from html import escape

import ipywidgets as widgets
import pytest
import yaml

import helpers
from helpers.compare import column_html as compare_column_html
from helpers.debate import NOT_SURE

from .conftest import CORPUS

# Theme ids, read at collection from themes.yaml alone (a broken excerpt file still collects).
THEMES = [t["id"] for t in yaml.safe_load((CORPUS / "themes.yaml").read_text("utf-8"))["themes"]]


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
            shown[title][step] = "".join(w.value for w in all_widgets(steps.children[step])
                                         if isinstance(w, widgets.HTML))
    return shown


def all_widgets(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from all_widgets(child)


@pytest.mark.parametrize("theme_id", THEMES)
def test_every_position_excerpt_and_cited_work_can_be_revealed(course, records, theme_id):
    theme = records.theme(theme_id)
    shown = open_everything(course.debate(theme_id))

    titles = list(shown)
    assert titles == [f"Position {n}: {p.label}" for n, p in enumerate(theme.positions, 1)]
    for title, position in zip(titles, theme.positions, strict=True):
        argument, words, evidence, context = (shown[title][i] for i in range(4))
        assert escape(position.summary) in argument
        for excerpt in records.excerpts(position=position.id):
            source = records.source(excerpt.source)
            assert escape(excerpt.quote) in words, excerpt.id
            assert escape(excerpt.argument) in argument, excerpt.id
            assert escape(source.short_name) in words and escape(source.title) in words
            assert escape(source.date_shown) in words
            assert escape(excerpt.id) in context
            for item in excerpt.evidence:
                assert escape(item.description) in evidence, excerpt.id
                if item.citation:
                    cited = records.citation(item.citation)
                    assert escape(cited.work) in evidence, item.citation
                    assert escape(cited.cited_author) in evidence, item.citation
                    if cited.note:
                        assert f"note {cited.note}:" in evidence
            for flag in excerpt.flags:
                assert escape(flag.note) in words and escape(flag.words) in words, excerpt.id
        count = len(records.excerpts(position=position.id))
        assert context.count("[excerpt starts]") == count


def test_dates_not_stated_are_said_so(course):
    shown = open_everything(course.debate("why-stalin-won"))
    words = "".join(step[1] for step in shown.values())
    assert "Molyneux</b>, <i>Fighting the Stalinist distortion of socialism</i>, " \
           "date not stated." in words
    assert ", 1997-04-28." in words


def test_hallas_note_numbers_are_shown_with_his_citations(course):
    shown = open_everything(course.debate("what-the-ussr-became"))
    evidence = "".join(step[2] for step in shown.values())
    assert "note 18: Trotsky" in evidence


def test_recording_views_before_and_after_shows_both_side_by_side(course, records):
    debate = course.debate("bolshevism-and-stalinism")
    parts = debate.parts
    labels = [p.label for p in records.theme("bolshevism-and-stalinism").positions]
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


def test_a_position_nobody_argues_says_so_and_shows_who_reports_it(course):
    shown = open_everything(course.debate("why-stalin-won"))
    words = shown["Position 3: Personality and tactics decided it"][1]
    assert "No author in this corpus argues this position" in words
    assert "Reported, not argued" in words


def test_a_flagged_claim_is_shown_beside_its_excerpt_in_words(course, records):
    flagged = next(e for e in records.excerpts() if e.flags)
    shown = open_everything(course.debate(flagged.theme))
    words = "".join(steps[1] for steps in shown.values())
    quote = words.index(escape(flagged.quote))
    flag = words.index("⚑ Check this claim (", quote)
    assert flag < words.index("</blockquote>", quote)  # inside the same excerpt's box
    assert escape(flagged.flags[0].note) in words[flag:]


@pytest.mark.parametrize("theme_id", THEMES)
def test_every_control_has_a_visible_text_label(course, theme_id):
    debate = course.debate(theme_id)
    for widget in all_widgets(debate):
        if isinstance(widget, (widgets.Button, widgets.RadioButtons)):
            assert widget.description.strip(), widget
        if isinstance(widget, (widgets.Tab, widgets.Accordion)):
            assert len(widget.titles) == len(widget.children)
            assert all(title.strip() for title in widget.titles)


def test_sides_are_named_in_text_not_only_by_colour(course):
    shown = open_everything(course.debate("what-the-ussr-became"))
    for title, steps in shown.items():
        label = title.split(": ", 1)[1]
        quotes = steps[1].count("<blockquote")
        assert steps[1].count(f"Position: {escape(label)}.") == quotes


def test_corpus_text_is_escaped_everywhere(mini):
    corpus = mini
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
    argument: Tester's <b>markup</b> must show as text.
    evidence:
      - kind: assertion
        description: An <img src=x onerror="alert(2)"> in a description.
""", "utf-8")
    course = helpers.load(corpus)

    shown = open_everything(course.debate("why-stalin-won"))
    html = "".join(v for steps in shown.values() for v in steps.values())
    html += course.in_context("author-attack").value
    html += compare_column_html(course.records, "test-author", "why-stalin-won")
    quiz = course.who_said_it(seed=0)
    while quiz.parts["quiz"].current is not None:
        html += quiz.parts["passage"].value
        quiz.parts["choice"].value = quiz.parts["choice"].options[0]
        quiz.parts["check"].click()
        html += quiz.parts["feedback"].value
        quiz.parts["next"].click()

    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=" in html
    assert not re.search(r"<script|<img", html, re.IGNORECASE)


def test_who_said_it_gives_feedback_with_the_source_and_a_clue_and_keeps_score(course, records):
    box = course.who_said_it(theme="trotsky-in-power", seed=7, length=3)
    parts = box.parts
    quiz = parts["quiz"]
    first = quiz.current
    assert escape(first.quote) in parts["passage"].value
    assert first.answer not in parts["passage"].value.split("</b>", 1)[1]  # no attribution

    parts["check"].click()  # nothing chosen yet
    assert "Pick one of the authors first" in parts["feedback"].value

    parts["choice"].value = first.answer
    parts["check"].click()
    source = records.source(records.excerpt(first.excerpt_id).source)
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


def test_quiz_options_are_every_author_of_the_corpus(course, records):
    quiz = course.who_said_it(seed=1).parts["quiz"]
    assert set(quiz.current.options) == {s.short_name for s in records.sources()}
    assert len(quiz.questions) == 8


def test_a_quiz_over_a_one_author_corpus_says_why_it_has_no_questions(mini):
    box = helpers.load(mini).who_said_it()
    assert "needs passages from at least two authors" in box.children[0].value
    assert box.parts["check"].disabled and box.parts["quiz"].current is None


def test_compare_shows_two_columns_with_what_each_cites(course, records):
    box = course.compare("hallas-stalinism", "rfzo47-blog", theme="why-stalin-won")
    left, right = box.parts["left"].value, box.parts["right"].value
    for excerpt in records.excerpts(theme="why-stalin-won", source="hallas-stalinism"):
        assert escape(excerpt.quote) in left
    for excerpt in records.excerpts(theme="why-stalin-won", source="rfzo47-blog"):
        assert escape(excerpt.quote) in right
    assert "cites no work" in right
    assert "What Hallas cites on this theme" in left


def test_compare_says_when_an_author_does_not_address_a_theme(course):
    box = course.compare("battersby-spgb", "rfzo47-blog", theme="economic-policy")
    assert "does not address this theme" in box.parts["left"].value


def test_in_context_marks_the_excerpt_inside_its_paragraph(course, records):
    for excerpt_id in ("hallas-thermidor-1935", "molyneux-river-of-blood"):
        excerpt = records.excerpt(excerpt_id)
        html = course.in_context(excerpt_id).value
        marked = re.search(r"\[excerpt starts\]</b> (.*) <b>\[excerpt ends\]", html).group(1)
        assert " ".join(re.sub(r"<[^>]+>", " ", marked).split()) == escape(excerpt.quote)
        assert len(re.sub(r"<[^>]+>", "", html)) > len(excerpt.quote) + 100  # context around it


def test_in_context_shows_the_paragraphs_around_an_excerpt_that_fills_its_own(course):
    html = course.in_context("hallas-trotsky-substitutionalist-course").value
    assert "trustee" in html.split("[excerpt starts]")[0]  # Hallas's dilemma, just before
    assert html.count("<p>") >= 3  # the source's paragraph breaks are kept


def test_kwic_rejects_an_empty_word(course):
    with pytest.raises(ValueError, match="needs a word"):
        course.kwic(" ")


def test_every_extract_in_the_debate_can_be_kept_for_the_essay(course, records, tmp_path,
                                                                monkeypatch):
    monkeypatch.setenv("COURSE_EVIDENCE_BANK", str(tmp_path / "bank.json"))
    debate = course.debate("why-stalin-won")
    kept = []
    for index, position in enumerate(records.theme("why-stalin-won").positions):
        control = next(w for w in all_widgets(debate.parts["positions"].children[index])
                       if isinstance(w, widgets.Button) and w.description == "Keep for my essay")
        box = next(w for w in all_widgets(debate.parts["positions"].children[index])
                   if getattr(w, "parts", {}).get("keep") is control)
        ids = [value for _, value in box.parts["which"].options]
        assert ids == [e.id for e in records.excerpts(position=position.id)]
        assert "works while the lesson is running" in box.parts["status"].value
        box.parts["which"].value = ids[-1]
        box.parts["note"].value = f"note on {position.id}"
        control.click()
        kept.append(ids[-1])
        assert "Kept" in box.parts["status"].value
    table = course.my_evidence()
    assert list(table.index) == kept
    assert table.loc[kept[0], "note"] == "note on social-forces"
