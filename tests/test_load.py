"""Loading the course with `helpers.load()`: tables, lookups, other folders."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import helpers

FIXTURE = Path(__file__).parent / "fixtures" / "mini-corpus"


@pytest.fixture(scope="module")
def course():
    return helpers.load()


def test_load_finds_the_bundled_corpus_from_any_working_directory(tmp_path):
    code = "import helpers; c = helpers.load(); print(len(c.all_sources()), c.folder.name)"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["5", "corpus"]


def test_load_accepts_a_teachers_own_folder():
    course = helpers.load(FIXTURE)
    assert [s.id for s in course.all_sources()] == ["test-author"]
    assert course.excerpt("author-exhausted").quote == (
        "The bureaucracy won because the working class was “exhausted”.")


def test_load_refuses_an_invalid_corpus_listing_its_problems(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    path = corpus / "excerpts" / "test-author.yaml"
    path.write_text(path.read_text("utf-8").replace("theme: why-stalin-won", "theme: x", 1),
                    "utf-8")
    with pytest.raises(helpers.CorpusError, match="unknown theme 'x'"):
        helpers.load(corpus)


def test_tables_are_dataframes_with_readable_columns(course):
    sources = course.sources()
    assert isinstance(sources, pd.DataFrame)
    assert list(sources.index) == ["battersby-spgb", "hallas-stalinism",
                                   "molyneux-socialist-worker", "rfzo47-blog",
                                   "williams-militant"]
    assert {"author", "title", "publication", "date", "genre", "tradition"} <= set(sources)
    assert sources.loc["williams-militant", "date"] == "1997-04-28"
    assert sources.loc["molyneux-socialist-worker", "date"] == "date not stated"
    assert sources.loc["hallas-stalinism", "date"] == "1979 (established outside the text)"
    assert {"question", "positions", "excerpts"} <= set(course.themes())
    assert {"author", "theme", "position", "quote", "argument"} <= set(course.excerpts())
    assert {"author", "claim", "kind", "cited work"} <= set(course.evidence())
    assert {"cited by", "note", "cited author", "work", "details"} <= set(course.citations())


def test_tables_filter_by_theme_and_source(course):
    hallas = course.excerpts(source_id="hallas-stalinism")
    assert set(hallas["author"]) == {"Hallas"}
    on_theme = course.excerpts(theme_id="why-stalin-won")
    assert set(on_theme["theme"]) == {"why-stalin-won"}
    assert len(on_theme) < len(course.excerpts())
    notes = course.citations(source_id="hallas-stalinism")["note"].dropna()
    assert sorted(notes) == list(range(1, 28))


def test_positions_table_names_who_argues_each_position(course):
    table = course.positions("bolshevism-and-stalinism").set_index("position")
    assert "Battersby" in table.loc["continuity", "argued by"]
    assert "Molyneux" in table.loc["counter-revolution", "argued by"]


def test_evidence_counts_match_the_excerpts(course):
    total = sum(len(e.evidence) for e in course.excerpts_for())
    assert len(course.evidence()) == total
    assert total > len(course.excerpts_for())


def test_excerpts_know_where_they_are_in_their_source(course):
    for excerpt in course.excerpts_for():
        text = course.source(excerpt.source).text
        assert " ".join(text[excerpt.start:excerpt.end].split()) == excerpt.quote


@pytest.mark.parametrize("lookup, wrong, right", [
    ("source", "hallas", "hallas-stalinism"),
    ("theme", "why-stalin-one", "why-stalin-won"),
    ("citation", "hallas-note-1", "hallas-note-01"),
])
def test_unknown_ids_raise_an_error_naming_the_id_and_close_matches(course, lookup, wrong, right):
    with pytest.raises(KeyError) as info:
        getattr(course, lookup)(wrong)
    message = str(info.value)
    assert repr(wrong) in message and repr(right) in message
    assert isinstance(info.value, ValueError)


def test_unknown_filters_in_tables_are_reported_too(course):
    with pytest.raises(helpers.UnknownIdError, match="why-stalin-won"):
        course.excerpts(theme_id="why-stalin")
