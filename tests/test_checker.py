"""The corpus checker on bad input: one line per problem that says what to do, and nothing changed.

Each case copies the small valid fixture corpus, breaks it in one way a teacher
might, checks it, and reads the problem lines. Most cases run the checker in
this process (fast); a few run the real command line end to end.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.checks import check_corpus
from helpers.course import load

from .conftest import FIXTURE, edit

EXCERPTS, CITATIONS = "excerpts/test-author.yaml", "citations/test-author.yaml"
SOURCE, TEXT = "sources/test-author.yaml", "texts/test-author.txt"


def problems_in(folder: Path) -> list[str]:
    _, problems = check_corpus(folder)
    return [str(p) for p in problems]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under folder with a hash of its bytes (directories marked)."""
    return {str(p.relative_to(folder)): "dir" if p.is_dir() else hashlib.sha256(
        p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*"))}


def append_excerpt(corpus: Path, text: str) -> None:
    path = corpus / EXCERPTS
    path.write_text(path.read_text("utf-8") + text, "utf-8")


NEW_EXCERPT = """\
  - id: author-new
    theme: why-stalin-won
    position: social-forces
    quote: Stalin was general secretary from 1922.
    argument: Tester repeats the date.
    evidence:
      - kind: assertion
        description: None given.
"""

# Each case: (name, file, how to break the corpus, what the problem line must say after the file).
CASES = [
    ("unreadable file", "excerpts/zz.yaml",
     lambda c: (c / "excerpts" / "zz.yaml").mkdir(), ["cannot read file: Is a directory"]),
    ("not UTF-8", EXCERPTS, lambda c: (c / EXCERPTS).write_bytes(
        (c / EXCERPTS).read_bytes().replace("“".encode(), b"\x93", 1)),
     ["line 8: not valid UTF-8 (byte 0x93); save as UTF-8"]),
    ("bracket left open", "themes.yaml",
     lambda c: edit(c / "themes.yaml", "    title: Why Stalin won\n", "    title: [Why Stalin won\n"),
     ["YAML syntax error"]),
    ("indented less than the line above", EXCERPTS,
     lambda c: edit(c / EXCERPTS, "    argument: Tester notes", "   argument: Tester notes"),
     ["line 18: YAML syntax error: this line is indented less than the line above it"]),
    ("a tab for indentation", EXCERPTS,
     lambda c: edit(c / EXCERPTS, "    argument: Tester notes", "\targument: Tester notes"),
     ["line 18: YAML syntax error: this line starts with a tab; YAML needs spaces"]),
    ("a colon inside a value", EXCERPTS,
     lambda c: edit(c / EXCERPTS, "argument: Tester notes Stalin's post.",
                    "argument: Tester notes: Stalin's post."),
     ["line 18: YAML syntax error: a colon followed by a space inside a value; put the value in "
      "quotes"]),
    ("a quotation mark never closed", EXCERPTS,
     lambda c: edit(c / EXCERPTS, "argument: Tester notes Stalin's post.",
                    "argument: \"Tester notes Stalin's post."),
     ["YAML syntax error: a quotation mark (opened on line 18) is never closed"]),
    ("a field written twice", EXCERPTS,
     lambda c: edit(c / EXCERPTS, "    argument: Tester notes Stalin's post.\n",
                    "    argument: Tester notes Stalin's post.\n    argument: Again.\n"),
     ["line 19: YAML syntax error: the field 'argument' appears twice in one record (first on "
      "line 18)"]),
    ("a field swallowed into a folded text", EXCERPTS,
     lambda c: edit(c / EXCERPTS, "        description: A historian's book.\n"
                    "        citation: author-note-01\n",
                    "        description: >-\n          A historian's book.\n"
                    "          citation: author-note-01\n"),
     ["line 12: author-exhausted: evidence[1].description: its text contains 'citation:', which "
      "looks like a field swallowed into the text"]),
    ("an unquoted year", "events.yaml", lambda c: edit(c / "events.yaml", 'date: "1922"', "date: 1922"),
     ["stalin-general-secretary: date: write the date in quotes, e.g. date: \"1922\""]),
    ("an unquoted full date", "events.yaml",
     lambda c: edit(c / "events.yaml", 'date: "1922"', "date: 1922-04-03"),
     ["date: write the date in quotes, e.g. date: \"1922-04-03\""]),
    ("a date that is not a date", "events.yaml",
     lambda c: edit(c / "events.yaml", 'date: "1922"', 'date: "April 1922"'),
     ["'April 1922' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD in quotes"]),
    ("an evidence kind that does not exist", EXCERPTS,
     lambda c: edit(c / EXCERPTS, "kind: assertion", "kind: assertions"),
     ["author-secretary: evidence[1].kind: 'assertions' is not allowed; use one of: "
      "primary-quotation, paraphrase, statistic, event, secondary-work, assertion"]),
    ("empty file", CITATIONS, lambda c: (c / CITATIONS).write_text("", "utf-8"), ["file is empty"]),
    ("missing field", CITATIONS, lambda c: edit(c / CITATIONS, "    work: A Book\n", ""),
     ["author-note-01: missing field 'work'"]),
    ("wrong type", CITATIONS, lambda c: edit(c / CITATIONS, "note: 1", "note: first"),
     ["author-note-01: note: should be a whole number or empty (null), not text"]),
    ("unknown field (typo)", EXCERPTS,
     lambda c: edit(c / EXCERPTS, "    quote: Stalin", "    qoute: Stalin"),
     ["author-secretary: unknown field 'qoute' (did you mean 'quote'?)"]),
    ("unknown theme", EXCERPTS,
     lambda c: edit(c / EXCERPTS, "theme: why-stalin-won", "theme: why-stalin-one"),
     ["line 4: author-exhausted: theme: unknown theme 'why-stalin-one' (did you mean "
      "'why-stalin-won'?)"]),
    ("unknown position", EXCERPTS,
     lambda c: edit(c / EXCERPTS, "position: social-forces", "position: social-force"),
     ["line 5: author-exhausted: position: unknown position 'social-force' in theme "
      "'why-stalin-won' (did you mean 'social-forces'?)"]),
    ("unknown citation", EXCERPTS,
     lambda c: edit(c / EXCERPTS, "citation: author-note-01", "citation: author-note-1"),
     ["author-exhausted: evidence[1].citation: unknown citation 'author-note-1' (did you mean "
      "'author-note-01'?)"]),
    ("assertion with a citation", EXCERPTS,
     lambda c: edit(c / EXCERPTS, "kind: secondary-work", "kind: assertion"),
     ["author-exhausted: evidence[1].citation: an assertion cites nothing"]),
    ("unknown source", CITATIONS, lambda c: edit(c / CITATIONS, "source: test-author", "source: test-autor"),
     ["line 1: source: unknown source 'test-autor' (did you mean 'test-author'?)"]),
    ("unknown excerpt in an event", "events.yaml",
     lambda c: edit(c / "events.yaml", "[author-secretary]", "[author-secretery]"),
     ["stalin-general-secretary: excerpts: unknown excerpt 'author-secretery'"]),
    ("quote with a straight quote for a curly one", EXCERPTS,
     lambda c: edit(c / EXCERPTS, "“exhausted”", "\"exhausted\""),
     ["line 6: author-exhausted: quote: quote not found in source 'test-author': the quote "
      "matches the source up to 'The bureaucracy won because the working class was' and then has a "
      "straight "
      "double quote \" where the source has an opening curly double quote “"]),
    ("quote with a word changed", EXCERPTS,
     lambda c: edit(c / EXCERPTS, "class was “exhausted”", "class were “exhausted”"),
     ["the quote matches the source up to 'The bureaucracy won because the working class w' and then "
      "has 'e' where the source has 'a'"]),
    ("theme with one position", "themes.yaml",
     lambda c: edit(c / "themes.yaml", "      - id: personality\n        label: Personality\n"
                    "        summary: Nobody here argues this. No author in this corpus holds it.\n",
                    ""),
     ["why-stalin-won: positions: has 1 position(s); a debate needs at least two"]),
    ("cleaned text changed", SOURCE, lambda c: edit(c / TEXT, "from 1922.", "from 1923."),
     ["test-author: text_file: line 5 of texts/test-author.txt is not in the original capture "
      "(changed or added): 'Stalin was general secretary from 1923.'"]),
    ("furniture not listed", SOURCE, lambda c: edit(c / SOURCE, "  - Subscribe now!\n", ""),
     ["test-author: removed_furniture: line removed from the original but not listed: "
      "'Subscribe now!'"]),
    ("statistic not in its excerpt", "statistics.yaml",
     lambda c: edit(c / "statistics.yaml", 'value_as_printed: "1922"', 'value_as_printed: "1921"'),
     ["secret" "ary-year: value_as_printed: '1921' is not in excerpt 'author-secretary'"]),
    ("event year not stated", "events.yaml",
     lambda c: edit(c / "events.yaml", 'date: "1922"', 'date: "1924"'),
     ["stalin-general-secretary: excerpts: excerpt 'author-secretary' does not state the year 1924"]),
    ("an argument that names no author", EXCERPTS,
     lambda c: edit(c / EXCERPTS, "argument: Tester notes Stalin's post.",
                    "argument: Stalin held the post from 1922."),
     ["author-secretary: argument: does not say whose argument it is: name the author"]),
    ("a primary quotation that quotes no one", EXCERPTS,
     lambda c: edit(c / EXCERPTS, "kind: assertion", "kind: primary-quotation"),
     ["author-secretary: evidence: kind 'primary-quotation' but the excerpt quotes no one"]),
    ("a flag on words the quote does not hold", EXCERPTS,
     lambda c: append_excerpt(c, NEW_EXCERPT + "    flags:\n      - words: in 1923\n"
                              "        status: not-corroborated\n        note: Unsure.\n"),
     ["author-new: flags[1].words: 'in 1923' is not in the excerpt's quote"]),
    ("a 'wrong' flag with no basis", EXCERPTS,
     lambda c: append_excerpt(c, NEW_EXCERPT + "    flags:\n      - words: from 1922\n"
                              "        status: wrong\n        note: It was 1923.\n"),
     ["author-new: flags[1].basis: a 'wrong' flag needs a basis"]),
    ("narrating excerpt with a position", EXCERPTS,
     lambda c: append_excerpt(c, NEW_EXCERPT.replace("    position: social-forces\n",
                                                     "    position: social-forces\n    stance: narrates\n")),
     ["author-new: position: a narrating excerpt supports no position"]),
    ("an excerpt with no position", EXCERPTS,
     lambda c: append_excerpt(c, NEW_EXCERPT.replace("    position: social-forces\n", "")),
     ["author-new: position: missing field 'position' (only an excerpt with stance 'narrates'"]),
    ("a position nobody argues, not said", "themes.yaml",
     lambda c: edit(c / "themes.yaml", " No author in this corpus holds it.", ""),
     ["why-stalin-won: positions.personality: no excerpt argues this position"]),
    ("a summary naming an author with no excerpt there", "themes.yaml",
     lambda c: edit(c / "themes.yaml", "Nobody here argues this.", "Tester reports this."),
     ["why-stalin-won: positions.personality.summary: names Tester, but no excerpt of "
      "'test-author' is filed under this position"]),
    ("a date whose basis says not stated", SOURCE,
     lambda c: edit(c / SOURCE, "date: not stated", 'date: "2026"'),
     ["test-author: date_basis: date is '2026' but date_basis is 'not stated'"]),
    ("a glossary term no source uses", "glossary.yaml",
     lambda c: edit(c / "glossary.yaml", "term: bureaucracy", "term: Thermidor"),
     ["bureaucracy: term: 'Thermidor' does not occur in any source text"]),
    ("a position id used twice", "themes.yaml",
     lambda c: edit(c / "themes.yaml", "id: personality", "id: social-forces"),
     ["why-stalin-won: positions.social-forces: duplicate position id: already used in this theme"]),
    ("a statistic in an unlisted series", "statistics.yaml",
     lambda c: edit(c / "statistics.yaml", "    series: test-series\n", "    series: test-serie\n"),
     ["secretary-year: series: unknown series 'test-serie' (did you mean 'test-series'?)"]),
]


@pytest.mark.parametrize("file, breaker, expected", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_each_problem_is_one_line_naming_file_record_and_what_to_do(mini, file, breaker, expected):
    breaker(mini)
    before = snapshot(mini)
    lines = problems_in(mini)
    for message in expected:
        assert any(line.split(": ", 1)[0].endswith(file) and message in line
                   for line in lines), (message, lines)
    assert all("\n" not in line for line in lines)
    assert snapshot(mini) == before  # checking never writes


def test_a_duplicate_id_is_reported_once_and_not_followed_by_false_problems(mini):
    append_excerpt(mini, NEW_EXCERPT.replace("author-new", "author-secretary").replace(
        "from 1922.", "from 1922.").replace("argument: Tester repeats the date.",
                                             "argument: Tester says it again."))
    lines = problems_in(mini)
    assert len(lines) == 1, lines
    assert "line 22: author-secretary: id: duplicate id: already used in" in lines[0]
    assert "(line 14)" in lines[0]


def test_a_wrong_source_id_is_reported_without_suggestions_about_other_records(mini):
    edit(mini / EXCERPTS, "source: test-author", "source: test-autor")
    lines = problems_in(mini)
    assert len(lines) == 1, lines  # not followed by "unknown excerpt" in events and statistics
    assert "unknown source 'test-autor' (did you mean 'test-author'?)" in lines[0]


def test_a_file_that_cannot_be_read_is_reported_once_not_by_every_record_using_it(mini):
    edit(mini / "themes.yaml", "    title: Why Stalin won\n", "    title: [Why Stalin won\n")
    edit(mini / CITATIONS, "citations:", "citations")
    edit(mini / SOURCE, "short_name: Tester\n", "")
    lines = problems_in(mini)
    assert len(lines) == 3, lines
    assert "test-author: missing field 'short_name'" in lines[0]
    assert "themes.yaml: line 4: YAML syntax error" in lines[1]
    assert "citations/test-author.yaml: line 3: YAML syntax error" in lines[2]


def test_every_problem_is_reported_in_one_run(mini):
    edit(mini / EXCERPTS, "theme: why-stalin-won", "theme: nope")
    edit(mini / EXCERPTS, "“exhausted”", "tired")
    edit(mini / CITATIONS, "    work: A Book\n", "")
    assert len(problems_in(mini)) == 3


# --- the command line, end to end ------------------------------------------------------
def run_helpers(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_check_on_the_command_line_prints_relative_paths_exits_1_and_changes_nothing(mini):
    edit(mini / EXCERPTS, "“exhausted”", "\"exhausted\"")
    before = snapshot(mini)
    result = run_helpers("check", "corpus", cwd=mini.parent)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("corpus/excerpts/test-author.yaml: line 6: author-exhausted: quote:")
    assert lines[-1] == "1 problem(s) found in corpus"
    assert snapshot(mini) == before


def test_check_passes_a_valid_corpus_and_counts_its_records(mini):
    result = run_helpers("check", "corpus", cwd=mini.parent)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("corpus is valid: corpus (1 sources, 1 themes, 2 excerpts")


def test_check_reports_a_missing_corpus_folder_without_creating_it(tmp_path):
    result = run_helpers("check", "no-such-corpus", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "no-such-corpus: corpus folder not found"
    assert not (tmp_path / "no-such-corpus").exists()


def test_dump_prints_the_corpus_as_json_with_the_documented_shape(tmp_path):
    result = run_helpers("dump", str(FIXTURE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"sources", "themes", "excerpts", "citations", "events", "statistics",
                         "glossary"}
    assert data["sources"][0]["text"].startswith("A Test Article")
    assert [p["id"] for p in data["themes"][0]["positions"]] == ["social-forces", "personality"]
    excerpt = data["excerpts"][0]
    assert {"id", "source", "theme", "position", "stance", "quote", "argument", "evidence",
            "flags"} <= set(excerpt)
    assert excerpt["evidence"] == [{"kind": "secondary-work", "description": "A historian's book.",
                                    "citation": "author-note-01"}]
    assert data["citations"][0]["note"] == 1
    assert data["events"][0]["excerpts"] == ["author-secretary"]
    assert data["statistics"][0]["value_as_printed"] == "1922"


def test_dump_of_an_invalid_corpus_prints_problems_not_json(mini):
    edit(mini / EXCERPTS, "theme: why-stalin-won", "theme: nope")
    result = run_helpers("dump", "corpus", cwd=mini.parent)
    assert result.returncode == 1 and result.stdout == ""
    assert "unknown theme 'nope'" in result.stderr


def test_the_loader_reports_exactly_what_the_checker_reports(mini):
    edit(mini / EXCERPTS, "“exhausted”", "\"exhausted\"")
    with pytest.raises(ValueError) as info:
        load(mini)
    assert problems_in(mini)[0] in str(info.value)
