"""The shipped corpus: complete, verbatim and faithful to its captures.

These tests read the corpus files directly with PyYAML and plain string
operations, independently of the `helpers` loader, so a bug in the loader
cannot hide a misquotation.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SOURCES = ["battersby-spgb", "molyneux-socialist-worker", "williams-militant",
           "hallas-stalinism", "rfzo47-blog"]
THEMES = ["why-stalin-won", "democracy-and-bureaucracy", "economic-policy",
          "socialism-in-one-country", "bolshevism-and-stalinism", "what-the-ussr-became",
          "trotsky-in-power"]


def flat(text: str) -> str:
    """Whitespace runs compare equal; nothing else is normalised."""
    return " ".join(text.split())


def yaml_file(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def text_of(source_id: str) -> str:
    return (CORPUS / "texts" / f"{source_id}.txt").read_text(encoding="utf-8")


def records(kind: str) -> list[dict]:
    """Every record of one kind ('excerpts' or 'citations'), each with its source id."""
    found = []
    for path in sorted((CORPUS / kind).glob("*.yaml")):
        data = yaml_file(path)
        found += [{**record, "source": data["source"]} for record in data[kind]]
    return found


def all_excerpts() -> list[dict]:
    return records("excerpts")


def all_citations() -> list[dict]:
    return records("citations")


def test_check_passes_on_the_shipped_corpus():
    result = subprocess.run([sys.executable, "-m", "helpers", "check"], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("corpus is valid")


def test_all_five_sources_are_in_the_corpus_with_text_and_excerpts():
    for source_id in SOURCES:
        meta = yaml_file(CORPUS / "sources" / f"{source_id}.yaml")
        assert meta["id"] == source_id
        assert len(text_of(source_id).split()) > 500
        excerpts = yaml_file(CORPUS / "excerpts" / f"{source_id}.yaml")["excerpts"]
        assert len(excerpts) >= 10, f"{source_id}: only {len(excerpts)} excerpts"


def test_the_seven_themes_exist_each_with_at_least_two_positions():
    themes = {t["id"]: t for t in yaml_file(CORPUS / "themes.yaml")["themes"]}
    assert set(THEMES) <= set(themes)
    for theme in themes.values():
        assert len(theme["positions"]) >= 2, theme["id"]


def test_every_theme_has_excerpts_from_at_least_two_sources():
    sources_by_theme: dict[str, set] = {}
    for excerpt in all_excerpts():
        sources_by_theme.setdefault(excerpt["theme"], set()).add(excerpt["source"])
    for theme in THEMES:
        assert len(sources_by_theme.get(theme, ())) >= 2, theme


@pytest.mark.parametrize("excerpt", all_excerpts(), ids=lambda e: e["id"])
def test_every_quote_is_verbatim_in_its_source(excerpt):
    assert flat(excerpt["quote"]) in flat(text_of(excerpt["source"]))


@pytest.mark.parametrize("citation", all_citations(), ids=lambda c: c["id"])
def test_every_citation_is_printed_in_its_source(citation):
    assert flat(citation["as_printed"]) in flat(text_of(citation["source"]))


def test_quotes_are_not_normalised_beyond_whitespace():
    """A straight quote where the author wrote a curly one must not match."""
    hallas = flat(text_of("hallas-stalinism"))
    assert "“Soviet Thermidor”" in hallas
    assert '"Soviet Thermidor"' not in hallas


def test_every_one_of_hallas_27_notes_is_a_citation_record():
    text = text_of("hallas-stalinism")
    # Numbered lines are the notes, except the chapter heading "2. Stalinism".
    printed_notes = re.findall(r"^(\d+)\. (?!Stalinism$)", text, flags=re.M)
    assert [int(n) for n in printed_notes] == list(range(1, 28))
    hallas = [c for c in all_citations() if c["source"] == "hallas-stalinism"]
    by_note = {c["note"]: c for c in hallas if c.get("note")}
    assert sorted(by_note) == list(range(1, 28))
    for number, citation in by_note.items():
        line = next(ln for ln in text.splitlines()
                    if ln.startswith(f"{number}. ") and ln != "2. Stalinism")
        assert flat(citation["as_printed"]) == flat(line), number


def test_every_hallas_note_is_used_as_evidence():
    used = {ev.get("citation") for e in all_excerpts() for ev in e["evidence"]}
    for number in range(1, 28):
        assert f"hallas-note-{number:02d}" in used, number


@pytest.mark.parametrize("source_id", SOURCES)
def test_cleaned_text_is_the_original_minus_the_listed_furniture(source_id):
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
    cleaned = [flat(line) for line in text_of(source_id).split("\n") if line.strip()]
    assert cleaned == kept


@pytest.mark.parametrize("source_id", SOURCES)
def test_source_metadata_marks_facts_from_outside_the_text(source_id):
    meta = yaml_file(CORPUS / "sources" / f"{source_id}.yaml")
    text = flat(text_of(source_id))
    if meta["date"] == "not stated":
        assert meta["date_basis"] == "not stated"
    elif meta["date_basis"] == "stated in the text":
        assert flat(meta["date_quote"]) in text
    else:
        assert meta["date_basis"] == "established outside the text"
        assert meta["outside_text"], "an outside fact must be explained under outside_text"
    for evidence in meta["tradition"]["evidence"]:
        assert flat(evidence["quote"]) in text
    for typo in meta.get("author_typos", []):
        assert flat(typo["text"]) in text


def test_arguments_say_whose_argument_they_are():
    names = {s: yaml_file(CORPUS / "sources" / f"{s}.yaml")["short_name"] for s in SOURCES}
    names["rfzo47-blog"] = "blog"
    for excerpt in all_excerpts():
        assert names[excerpt["source"]].lower() in excerpt["argument"].lower(), excerpt["id"]


def test_the_blog_cites_nothing_and_says_so():
    assert [c for c in all_citations() if c["source"] == "rfzo47-blog"] == []
    kinds = {ev["kind"] for e in all_excerpts() if e["source"] == "rfzo47-blog"
             for ev in e["evidence"]}
    assert "assertion" in kinds
    assert not any(ev.get("citation") for e in all_excerpts() if e["source"] == "rfzo47-blog"
                   for ev in e["evidence"])
