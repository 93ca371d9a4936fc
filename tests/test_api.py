"""The student's API: one way to load, one shape for every table, one way to filter.

These tests guard what the lessons are written against: a table is indexed by
id, its columns are the ones its docstring lists, a filter does filter, and a
wrong call is answered in one sentence that says what to write.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html import escape

import pandas as pd
import pytest

import helpers
from helpers.table import Table

from .conftest import CORPUS, FIXTURE

TABLES = ["sources", "themes", "positions", "excerpts", "evidence", "citations", "events",
          "statistics", "glossary", "claims_to_check", "my_evidence"]
#: The student's verbs on the course: the README's list, and nothing more.
VERBS = {"sources", "themes", "positions", "excerpts", "evidence", "citations", "events",
         "statistics", "glossary", "claims_to_check", "kwic", "extract", "debate", "who_said_it",
         "compare", "keep", "forget", "my_evidence", "essay_plan",
         "in_context", "timeline", "citation_map", "statistics_chart", "stance_map",
         "evidence_profile", "records", "folder"}


def test_load_finds_the_bundled_corpus_from_any_working_directory(tmp_path):
    code = "import helpers; c = helpers.load(); print(len(c.records.sources()), c.folder.name)"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(len(list((CORPUS / "sources").glob("*.yaml")))), "corpus"]


def test_load_accepts_a_teachers_own_folder():
    course = helpers.load(FIXTURE)
    assert list(course.sources().index) == ["test-author"]
    assert course.records.excerpt("author-exhausted").quote == (
        "The bureaucracy won because the working class was “exhausted”.")


def test_load_refuses_an_invalid_corpus_listing_its_problems(mini):
    path = mini / "excerpts" / "test-author.yaml"
    path.write_text(path.read_text("utf-8").replace("theme: why-stalin-won", "theme: x", 1), "utf-8")
    with pytest.raises(helpers.CorpusError, match="unknown theme 'x'"):
        helpers.load(mini)


def test_the_course_offers_the_students_verbs_and_no_near_twins(course):
    public = {name for name in dir(course) if not name.startswith("_")}
    assert public == VERBS


def _documented_columns(method) -> list[str]:
    """The columns a table's docstring lists after 'Columns:' (up to 'Index:' or the example)."""
    doc = " ".join(method.__doc__.split())
    listed = re.search(r"Columns: (.*?)\.(?: Index:| >>>|$)", doc).group(1)
    return [re.sub(r"\s*\(.*", "", part).strip() for part in re.split(r",(?![^(]*\))", listed)]


@pytest.mark.parametrize("name", TABLES)
def test_every_table_has_the_columns_its_docstring_lists_and_an_id_index(course, name):
    table = getattr(course, name)()
    assert isinstance(table, Table) and isinstance(table, pd.DataFrame)
    assert list(table.columns) == _documented_columns(getattr(course, name))
    assert table.index.name == "id" and table.index.is_unique
    assert all(re.fullmatch(r"[a-z]+(_[a-z]+)*", c) for c in table.columns)


def test_cells_hold_one_value_or_a_list_a_student_can_explode(course):
    positions = course.positions(theme="bolshevism-and-stalinism")
    assert positions.loc["continuity", "argued_by"] == ["Battersby"]
    one_per_author = positions.explode("argued_by")
    assert "Molyneux" in set(one_per_author.loc["break-counter-revolution", "argued_by"])
    authors = course.events().explode("stated_by")["stated_by"].dropna()
    assert all(isinstance(a, str) and "," not in a for a in authors)


def test_quotes_are_shown_whole_without_changing_pandas_options(course):
    before = pd.get_option("display.max_colwidth")
    table = course.excerpts(source="hallas-stalinism")
    longest = max(table["quote"], key=len)
    assert len(longest) > 500
    assert escape(longest, quote=False) in table._repr_html_()  # what a notebook shows
    assert longest[-80:] in repr(table[["quote"]])  # what print() shows
    assert longest[-80:] in repr(table["quote"])  # one column, too
    on_one_theme = table[table["theme"] == "what-the-ussr-became"]  # a student's filter
    assert isinstance(on_one_theme, Table)
    assert pd.get_option("display.max_colwidth") == before
    assert "..." in repr(pd.DataFrame({"quote": [longest]}))  # the student's own frames: as pandas


@pytest.mark.parametrize("table, filters, column, value", [
    ("excerpts", {"theme": "why-stalin-won"}, "theme", "why-stalin-won"),
    ("excerpts", {"source": "williams-militant"}, "source", "williams-militant"),
    ("excerpts", {"position": "party-machine"}, "position", "party-machine"),
    ("evidence", {"kind": "statistic"}, "kind", "statistic"),
    ("evidence", {"theme": "trotsky-in-power", "source": "battersby-spgb"}, "author", "Battersby"),
    ("citations", {"source": "williams-militant"}, "source", "williams-militant"),
    ("positions", {"theme": "economic-policy"}, "theme", "economic-policy"),
    ("statistics", {"series": "party-membership"}, "series", "party-membership"),
    ("claims_to_check", {"source": "rfzo47-blog"}, "source", "rfzo47-blog"),
])
def test_each_filter_keeps_only_what_it_names(course, table, filters, column, value):
    everything = getattr(course, table)()
    chosen = getattr(course, table)(**filters)
    assert 0 < len(chosen) < len(everything)
    assert set(chosen[column]) == {value}


def test_statistics_of_a_source_are_the_numbers_its_excerpts_print(course):
    assert set(course.statistics(source="hallas-stalinism")["author"]) == {"Hallas"}
    assert course.statistics(source="rfzo47-blog").empty


def test_citations_on_a_theme_are_those_its_excerpts_rest_on(course):
    on_theme = course.citations(theme="economic-policy")
    used = set(course.evidence(theme="economic-policy")["citation"]) - {""}
    assert set(on_theme.index) == used
    assert 0 < len(on_theme) < len(course.citations())


def test_events_of_a_source_are_those_its_excerpts_state(course):
    mine = course.events(source="molyneux-socialist-worker")
    assert 0 < len(mine) < len(course.events())
    assert all("Molyneux" in authors for authors in mine["stated_by"])


def test_kwic_filters_by_source_and_finds_every_use(course, records):
    everywhere = course.kwic("bureaucra")
    hallas = course.kwic("bureaucra", source="hallas-stalinism")
    assert set(hallas["author"]) == {"Hallas"} and 0 < len(hallas) < len(everywhere)
    expected = sum(len(re.findall(r"\bbureaucra\w*", " ".join(s.text.split()), re.IGNORECASE))
                   for s in records.sources())
    assert len(everywhere) == expected
    row = everywhere.iloc[0]
    text = " ".join(records.source(row["source"]).text.split())
    assert row["left"] + row["keyword"] + row["right"] in text


@pytest.mark.parametrize("call, message", [
    (lambda c: c.citations("why-stalin-won"),
     "course.citations() takes its filters by name: write course.citations(theme='why-stalin-won')"),
    (lambda c: c.excerpts("hallas-stalinism"),
     "write course.excerpts(source='hallas-stalinism')"),
    (lambda c: c.excerpts(them="why-stalin-won"),
     "course.excerpts() has no filter 'them': did you mean theme=?"),
    (lambda c: c.evidence(source_id="hallas-stalinism"),
     "course.evidence() has no filter 'source_id': did you mean source=?"),
    (lambda c: c.compare("hallas-stalinism", "rfzo47-blog"), "needs theme"),
    (lambda c: c.debate(), "course.debate() needs theme: e.g. course.debate(theme=...)"),
])
def test_a_wrong_call_is_answered_with_what_to_write(course, call, message):
    with pytest.raises(helpers.FilterError) as info:
        call(course)
    assert message in str(info.value)
    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize("call, wrong, right", [
    (lambda c: c.excerpts(theme="why-stalin"), "why-stalin", "why-stalin-won"),
    (lambda c: c.citations(source="hallas"), "hallas", "hallas-stalinism"),
    (lambda c: c.debate("why-stalin-one"), "why-stalin-one", "why-stalin-won"),
    (lambda c: c.in_context("hallas-thermidor-1953"), "hallas-thermidor-1953",
     "hallas-thermidor-1935"),
    (lambda c: c.who_said_it(theme="trotsky-in-powr"), "trotsky-in-powr", "trotsky-in-power"),
    (lambda c: c.records.citation("hallas-note-1"), "hallas-note-1", "hallas-note-01"),
    (lambda c: c.statistics(series="real-wage"), "real-wage", "real-wages"),
    (lambda c: c.evidence(kind="quote"), "quote", "primary-quotation"),
])
def test_an_unknown_id_names_close_matches(course, call, wrong, right):
    with pytest.raises(helpers.UnknownIdError) as info:
        call(course)
    assert repr(wrong) in str(info.value) and repr(right) in str(info.value)
    assert isinstance(info.value, KeyError) and isinstance(info.value, ValueError)


def test_compare_refuses_the_same_source_twice(course):
    with pytest.raises(ValueError, match="two different sources"):
        course.compare("hallas-stalinism", "hallas-stalinism", theme="why-stalin-won")


def test_records_know_where_each_excerpt_is_in_its_source(records):
    for excerpt in records.excerpts():
        text = records.source(excerpt.source).text
        assert " ".join(text[excerpt.start:excerpt.end].split()) == excerpt.quote


def test_who_argues_a_position_is_the_same_in_table_quiz_and_figure(course, records):
    table = course.positions()
    grid = course.stance_map().data
    for pid, row in table.iterrows():
        assert row["argued_by"] == records.authors_of(pid)
        theme = records.theme(row["theme"])
        for author in row["argued_by"]:
            assert row["label"] in grid.loc[author, theme.title]


def _crlf_copy(src, dst):
    shutil.copytree(src, dst)
    for path in dst.rglob("*"):
        if path.suffix in (".txt", ".yaml"):
            path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def test_a_windows_checkout_with_crlf_line_endings_loads_and_reads_the_same(tmp_path, course):
    _crlf_copy(CORPUS, tmp_path / "corpus")
    windows = helpers.load(tmp_path / "corpus")
    assert b"\r\n" in (tmp_path / "corpus" / "texts" / "hallas-stalinism.txt").read_bytes()
    for excerpt_id in ("hallas-thermidor-1935", "blog-1905-soviet", "williams-bureaucratic-caste"):
        there = windows.in_context(excerpt_id).value
        here = course.in_context(excerpt_id).value
        assert there == here
        assert len(there) < len(windows.records.source(
            windows.records.excerpt(excerpt_id).source).text) / 2  # a paragraph, not the article


def test_a_joined_extract_names_the_lines_of_each_part(course, records):
    by_source: dict[str, list] = {}
    for e in records.excerpts():
        by_source.setdefault(e.source, []).append(e)
    checked = 0
    for found in by_source.values():
        found.sort(key=lambda e: e.start)
        for a, b, c in zip(found, found[1:], found[2:], strict=False):
            if c.start - a.end > 2000:
                continue  # too far apart for one extract
            extract = course.extract([a.id, b.id, c.id], "A")
            words = {" ".join(extract.line(n) for n in range(first, last + 1)): eid
                     for eid, first, last in extract.parts}
            for text, eid in words.items():
                quote = records.excerpt(eid).quote.split()
                joined = " ".join(text.split())
                assert " ".join(quote[:3]) in joined and " ".join(quote[-3:]) in joined, eid
            labels = [label for label, _ in extract.keep_choices()]
            assert all(re.search(r"part \d: lines \d+–\d+$", label) for label in labels), labels
            checked += 1
    assert checked >= 20
