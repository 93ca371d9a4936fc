"""The corpus: verbatim, faithful to its captures, complete.

Two kinds of test live here, and their names say which:
- checks that hold for ANY corpus in this folder, whatever sources a teacher
  adds: they look at every source file present, not at a fixed list;
- pins of the SHIPPED corpus ("the shipped corpus ..."): the five course sources,
  Hallas's 27 notes. A teacher who adds a sixth source breaks none of them.

They read the files with PyYAML and plain string operations, independently of
the `helpers` loader, so a bug in the loader cannot hide a misquotation.
Files are read inside the tests, never while tests are being collected.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers.textmatch import find_quote

from .conftest import CORPUS

SHIPPED_SOURCES = ["battersby-spgb", "hallas-stalinism", "molyneux-socialist-worker",
                   "rfzo47-blog", "williams-militant"]
SHIPPED_THEMES = ["why-stalin-won", "democracy-and-bureaucracy", "economic-policy",
                  "socialism-in-one-country", "bolshevism-and-stalinism", "what-the-ussr-became",
                  "trotsky-in-power"]
# Source ids are file names: listing them reads no file, so collection never fails.
PRESENT = sorted(path.stem for path in (CORPUS / "sources").glob("*.yaml"))


def flat(text: str) -> str:
    """Whitespace runs compare equal; nothing else is normalised."""
    return " ".join(text.split())


def yaml_file(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def text_of(source_id: str) -> str:
    return (CORPUS / "texts" / f"{source_id}.txt").read_text(encoding="utf-8")


def records_of(kind: str, source_id: str) -> list[dict]:
    path = CORPUS / kind / f"{source_id}.yaml"
    return yaml_file(path)[kind] if path.exists() else []


def test_the_checker_passes_the_corpus():
    result = subprocess.run([sys.executable, "-m", "helpers", "check", str(CORPUS)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("corpus is valid")


@pytest.mark.parametrize("source_id", PRESENT)
def test_every_quote_of_every_source_is_verbatim(source_id):
    text = flat(text_of(source_id))
    wrong = [e["id"] for e in records_of("excerpts", source_id) if flat(e["quote"]) not in text]
    assert wrong == [], f"{source_id}: quotes not found in the text: {wrong}"


@pytest.mark.parametrize("source_id", PRESENT)
def test_every_citation_of_every_source_is_printed_in_it(source_id):
    text = flat(text_of(source_id))
    wrong = [c["id"] for c in records_of("citations", source_id)
             if flat(c["as_printed"]) not in text]
    assert wrong == []


@pytest.mark.parametrize("source_id", PRESENT)
def test_every_cleaned_text_is_its_original_minus_the_listed_furniture(source_id):
    meta = yaml_file(CORPUS / "sources" / f"{source_id}.yaml")
    original = (CORPUS / "originals" / f"{source_id}.txt").read_text(encoding="utf-8")
    furniture = [flat(line) for line in meta["removed_furniture"]]
    kept = []
    for line in original.split("\n"):
        if not line.strip():
            continue
        if furniture and flat(line) == furniture[0]:
            furniture.pop(0)
            continue
        kept.append(flat(line))
    assert furniture == [], f"listed but not found in the original: {furniture}"
    assert [flat(line) for line in text_of(source_id).split("\n") if line.strip()] == kept


@pytest.mark.parametrize("source_id", PRESENT)
def test_every_source_marks_facts_from_outside_its_text(source_id):
    meta = yaml_file(CORPUS / "sources" / f"{source_id}.yaml")
    text = flat(text_of(source_id))
    if meta["date"] == "not stated":
        assert meta["date_basis"] == "not stated"
    elif meta["date_basis"] == "stated in the text":
        assert flat(meta["date_quote"]) in text
    else:
        assert meta["date_basis"] == "established outside the text"
        assert any(str(meta["date"])[:4] in fact for fact in meta["outside_text"])
    for evidence in meta["tradition"]["evidence"]:
        assert flat(evidence["quote"]) in text
    for typo in meta.get("author_typos", []):
        assert flat(typo["text"]) in text


def test_the_matcher_equates_whitespace_and_nothing_else():
    hallas = text_of("hallas-stalinism")
    assert find_quote("“Soviet Thermidor”", hallas) is not None
    assert find_quote('"Soviet Thermidor"', hallas) is None  # straight quotes are not curly
    assert find_quote("“Soviet\n   Thermidor”", hallas) is not None  # line breaks are spaces
    assert find_quote("“soviet Thermidor”", hallas) is None  # case matters
    assert find_quote("wiihout", hallas) is not None  # the author's typo is kept, and matched


def test_the_shipped_corpus_has_the_five_course_sources_and_seven_themes():
    for source_id in SHIPPED_SOURCES:
        assert source_id in PRESENT, f"the shipped source {source_id} is missing"
        assert len(text_of(source_id).split()) > 500
        assert len(records_of("excerpts", source_id)) >= 10, source_id
    themes = [t["id"] for t in yaml_file(CORPUS / "themes.yaml")["themes"]]
    assert themes[:7] == SHIPPED_THEMES


def test_the_shipped_themes_each_have_excerpts_from_at_least_two_sources():
    by_theme: dict[str, set] = {}
    for source_id in PRESENT:
        for excerpt in records_of("excerpts", source_id):
            by_theme.setdefault(excerpt["theme"], set()).add(source_id)
    for theme in SHIPPED_THEMES:
        assert len(by_theme.get(theme, ())) >= 2, theme


def test_the_shipped_hallas_chapter_has_all_27_notes_as_citations_used_as_evidence():
    text = text_of("hallas-stalinism")
    printed = re.findall(r"^(\d+)\. (?!Stalinism$)", text, flags=re.M)  # "2. Stalinism" is a heading
    assert [int(n) for n in printed] == list(range(1, 28))
    by_note = {c["note"]: c for c in records_of("citations", "hallas-stalinism") if c.get("note")}
    assert sorted(by_note) == list(range(1, 28))
    for number, citation in by_note.items():
        line = next(ln for ln in text.splitlines()
                    if ln.startswith(f"{number}. ") and ln != "2. Stalinism")
        assert flat(citation["as_printed"]) == flat(line), number
    used = {ev.get("citation") for e in records_of("excerpts", "hallas-stalinism")
            for ev in e["evidence"]}
    assert {f"hallas-note-{n:02d}" for n in range(1, 28)} <= used


def test_the_shipped_blog_cites_nothing_and_its_evidence_says_so():
    assert records_of("citations", "rfzo47-blog") == []
    evidence = [ev for e in records_of("excerpts", "rfzo47-blog") for ev in e["evidence"]]
    assert any(ev["kind"] == "assertion" for ev in evidence)
    assert not any(ev.get("citation") for ev in evidence)
