"""`python -m helpers check` on bad input: one clear line per problem, exit 1,
no traceback, and no file changed.

Each case copies the small valid fixture corpus, breaks it in one way a
teacher might, runs the real command line, and reads what it prints.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "mini-corpus"


def run_helpers(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under folder with a hash of its bytes (directories marked)."""
    result = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        result[key] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Each case: (name, how to break the corpus, lines the output must contain).
def break_unreadable(c: Path) -> None:
    (c / "excerpts" / "zz-unreadable.yaml").mkdir()  # a folder where a file should be


def break_encoding(c: Path) -> None:
    path = c / "excerpts" / "test-author.yaml"
    path.write_bytes(path.read_bytes().replace("“".encode(), "\x93".encode("latin-1"), 1))


def break_syntax(c: Path) -> None:
    edit(c / "themes.yaml", "    title: Why Stalin won\n", "    title: [Why Stalin won\n")


CASES = [
    ("unreadable file", break_unreadable,
     ["excerpts/zz-unreadable.yaml: cannot read file: Is a directory"]),
    ("not UTF-8", break_encoding,
     ["excerpts/test-author.yaml: line 8: not valid UTF-8 (byte 0x93); save as UTF-8"]),
    ("YAML syntax error", break_syntax, ["themes.yaml: line 4: YAML syntax error"]),
    ("empty file", lambda c: (c / "citations" / "test-author.yaml").write_text("", "utf-8"),
     ["citations/test-author.yaml: file is empty"]),
    ("missing field", lambda c: edit(c / "citations" / "test-author.yaml",
                                     "    work: A Book\n", ""),
     ["citations/test-author.yaml: author-note-01: missing field 'work'"]),
    ("wrong type", lambda c: edit(c / "citations" / "test-author.yaml",
                                  "note: 1", "note: first"),
     ["citations/test-author.yaml: author-note-01: note: should be a whole number or empty "
      "(null), not text"]),
    ("unknown field (typo)", lambda c: edit(c / "excerpts" / "test-author.yaml",
                                            "    quote: Stalin", "    qoute: Stalin"),
     ["excerpts/test-author.yaml: author-secretary: unknown field 'qoute' "
      "(did you mean 'quote'?)",
      "excerpts/test-author.yaml: author-secretary: missing field 'quote'"]),
    ("unknown theme", lambda c: edit(c / "excerpts" / "test-author.yaml",
                                     "theme: why-stalin-won", "theme: why-stalin-one"),
     ["excerpts/test-author.yaml: author-exhausted: theme: unknown theme 'why-stalin-one' "
      "(did you mean 'why-stalin-won'?)"]),
    ("unknown position", lambda c: edit(c / "excerpts" / "test-author.yaml",
                                        "position: social-forces", "position: social-force"),
     ["excerpts/test-author.yaml: author-exhausted: position: unknown position "
      "'social-force' in theme 'why-stalin-won' (did you mean 'social-forces'?)"]),
    ("unknown citation", lambda c: edit(c / "excerpts" / "test-author.yaml",
                                        "citation: author-note-01", "citation: author-note-1"),
     ["excerpts/test-author.yaml: author-exhausted: evidence[1].citation: unknown citation "
      "'author-note-1' (did you mean 'author-note-01'?)"]),
    ("assertion with a citation", lambda c: edit(c / "excerpts" / "test-author.yaml",
                                                 "kind: secondary-work", "kind: assertion"),
     ["excerpts/test-author.yaml: author-exhausted: evidence[1].citation: an assertion cites "
      "nothing"]),
    ("unknown source", lambda c: edit(c / "citations" / "test-author.yaml",
                                      "source: test-author", "source: test-autor"),
     ["citations/test-author.yaml: source: unknown source 'test-autor' "
      "(did you mean 'test-author'?)"]),
    ("unknown excerpt in an event", lambda c: edit(c / "events.yaml", "[author-secretary]",
                                                   "[author-secretery]"),
     ["events.yaml: stalin-general-secretary: excerpts: unknown excerpt 'author-secretery'"]),
    ("duplicate id", lambda c: edit(c / "citations" / "test-author.yaml",
                                    "id: author-note-01", "id: author-exhausted"),
     ["excerpts/test-author.yaml: author-exhausted: id: duplicate id: used 2 times",
      "citations/test-author.yaml: author-exhausted: id: duplicate id: used 2 times"]),
    ("quote not in source", lambda c: edit(c / "excerpts" / "test-author.yaml",
                                           "“exhausted”", "\"exhausted\""),
     ["excerpts/test-author.yaml: author-exhausted: quote: quote not found in source "
      "'test-author'"]),
    ("theme with one position", lambda c: edit(c / "themes.yaml", "      - id: personality\n"
                                               "        label: Personality\n"
                                               "        summary: Nobody here argues this.\n", ""),
     ["themes.yaml: why-stalin-won: positions: has 1 position(s); a debate needs at least two"]),
    ("cleaned text changed", lambda c: edit(c / "texts" / "test-author.txt",
                                            "from 1922.", "from 1923."),
     ["sources/test-author.yaml: test-author: text_file: line 5 of texts/test-author.txt is "
      "not in the original capture (changed or added): 'Stalin was general secretary from "
      "1923.'"]),
    ("furniture not listed", lambda c: edit(c / "sources" / "test-author.yaml",
                                            "  - Subscribe now!\n", ""),
     ["sources/test-author.yaml: test-author: removed_furniture: line removed from the "
      "original but not listed: 'Subscribe now!'"]),
    ("statistic not in its excerpt", lambda c: edit(c / "statistics.yaml",
                                                    'value_as_printed: "1922"',
                                                    'value_as_printed: "1921"'),
     ["statistics.yaml: secretary-year: value_as_printed: '1921' is not in excerpt "
      "'author-secretary'"]),
    ("event year not stated", lambda c: edit(c / "events.yaml", 'date: "1922"', 'date: "1924"'),
     ["events.yaml: stalin-general-secretary: excerpts: excerpt 'author-secretary' does not "
      "state the year 1924"]),
]


@pytest.mark.parametrize("breaker, expected", [(b, e) for _, b, e in CASES],
                         ids=[name for name, _, _ in CASES])
def test_check_reports_bad_input_in_one_line_and_changes_nothing(tmp_path, breaker, expected):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    breaker(corpus)
    before = snapshot(corpus)

    result = run_helpers("check", "corpus", cwd=tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for line in expected:
        assert any(got.startswith("corpus/" + line) for got in lines), (line, lines)
    assert lines[-1].endswith("problem(s) found in corpus")
    assert snapshot(corpus) == before


def test_check_reports_every_problem_in_one_run(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    edit(corpus / "excerpts" / "test-author.yaml", "theme: why-stalin-won", "theme: nope")
    edit(corpus / "excerpts" / "test-author.yaml", "“exhausted”", "tired")
    edit(corpus / "citations" / "test-author.yaml", "    work: A Book\n", "")

    result = run_helpers("check", "corpus", cwd=tmp_path)

    assert result.returncode == 1
    problems = result.stdout.splitlines()[:-1]
    assert len(problems) == 3, problems
    assert result.stdout.splitlines()[-1] == "3 problem(s) found in corpus"


def test_check_reports_a_missing_corpus_folder(tmp_path):
    result = run_helpers("check", "no-such-corpus", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "no-such-corpus: corpus folder not found"
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "no-such-corpus").exists()


def test_check_passes_a_valid_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    result = run_helpers("check", "corpus", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("corpus is valid: corpus (1 sources, 1 themes, 2 excerpts")


def test_dump_prints_the_corpus_as_json_with_the_documented_shape(tmp_path):
    result = run_helpers("dump", str(FIXTURE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"sources", "themes", "excerpts", "citations", "events", "statistics"}
    assert {"id", "author", "title", "text"} <= set(data["sources"][0])
    assert data["sources"][0]["text"].startswith("A Test Article")
    theme = data["themes"][0]
    assert {"id", "question", "positions"} <= set(theme)
    assert [p["id"] for p in theme["positions"]] == ["social-forces", "personality"]
    assert {"id", "label", "summary"} <= set(theme["positions"][0])
    excerpt = data["excerpts"][0]
    assert {"id", "source", "theme", "position", "quote", "argument", "evidence"} <= set(excerpt)
    assert excerpt["source"] == "test-author"
    assert excerpt["evidence"] == [{"kind": "secondary-work",
                                    "description": "A historian's book.",
                                    "citation": "author-note-01"}]
    citation = data["citations"][0]
    assert {"id", "source", "note", "cited_author", "work", "details"} <= set(citation)
    assert citation["note"] == 1
    assert data["events"][0]["excerpts"] == ["author-secretary"]
    assert data["statistics"][0]["value_as_printed"] == "1922"


def test_dump_of_an_invalid_corpus_prints_problems_not_json(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    edit(corpus / "excerpts" / "test-author.yaml", "theme: why-stalin-won", "theme: nope")
    result = run_helpers("dump", "corpus", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "unknown theme 'nope'" in result.stderr


def test_a_file_that_cannot_be_read_is_reported_once_not_by_every_record_using_it(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    edit(corpus / "themes.yaml", "    title: Why Stalin won\n", "    title: [Why Stalin won\n")
    edit(corpus / "citations" / "test-author.yaml", "citations:", "citations")
    edit(corpus / "sources" / "test-author.yaml", "short_name: Author\n", "")

    result = run_helpers("check", "corpus", cwd=tmp_path)

    problems = result.stdout.splitlines()[:-1]
    assert len(problems) == 3, problems
    assert problems[0].startswith("corpus/sources/test-author.yaml: test-author: missing field")
    assert problems[1].startswith("corpus/themes.yaml: line 4: YAML syntax error")
    assert problems[2].startswith("corpus/citations/test-author.yaml: line 3: YAML syntax error")
