"""The course's rules for honest records: checks about meaning, not format.

A schema can say that a field is text; it cannot say that a summary names
its author, that a "primary quotation" really quotes, or that a flag points
at words the source actually wrote. These checks can, and `check_corpus`
runs them after the schema and reference checks.
"""

from __future__ import annotations

import re

from .reading import Problem
from .textmatch import normalise_space, paragraph_around

__all__ = ["author_names", "content_problems", "quotes_someone"]

_NOT_NAMES = {"the", "and", "of", "a", "an"}


def author_names(source: dict) -> set[str]:
    """The words by which our summaries may name a source's author, in lower case.

    The short name's words and the author's surname: 'The blog (rfzo47)' gives
    'blog' and 'rfzo47'.

    >>> sorted(author_names({"short_name": "The blog (rfzo47)", "author": "rfzo47"}))
    ['blog', 'rfzo47']
    >>> sorted(author_names({"short_name": "Hallas", "author": "Duncan Hallas"}))
    ['hallas']
    """
    words = re.findall(r"[\w’'-]+", source["short_name"].lower())
    words += source["author"].lower().split()[-1:]
    return {w.strip("’'") for w in words if w not in _NOT_NAMES and len(w) > 2}


def _names(text: str, names: set[str]) -> bool:
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(name)}", lowered) for name in names)


def quotes_someone(quote: str, source_text: str, start: int | None = None) -> bool:
    """Whether an excerpt holds quoted words: quotation marks, a numbered note, or a block quote.

    A block quotation (as in Hallas) has no quotation marks: the paragraph it
    stands in ends with the note number, e.g. "[4]".

    >>> quotes_someone('He said “the party is always right”.', "")
    True
    >>> quotes_someone("Lenin explained that the NEP was a retreat.", "")
    False
    """
    if re.search(r"[“”\"]|(?:^|\s)[‘']\w", quote) or re.search(r"\[\d+\]", quote):
        return True
    if start is None:
        found = normalise_space(source_text).find(normalise_space(quote))
        if found < 0:
            return False
        text, start = normalise_space(source_text), found
    else:
        text = source_text
    begin, end = paragraph_around(text, start, start + 1)
    return bool(re.search(r"\[\d+\]\s*$", text[begin:end]))


def _excerpt_problems(raw, excerpt: dict) -> list[Problem]:
    problems = []
    source = raw.sources[excerpt["source"]]
    stance = excerpt.get("stance", "argues")
    if stance == "narrates" and excerpt.get("position"):
        problems.append(raw.problem(excerpt, "position",
                                "a narrating excerpt supports no position: remove 'position', "
                                "or change the stance to argues or reports"))
    if stance != "narrates" and not excerpt.get("position"):
        problems.append(raw.problem(excerpt, "position",
                                f"missing field 'position' (only an excerpt with stance "
                                f"'narrates' has none; this one {stance})"))
    names = author_names(source)
    if not _names(excerpt["argument"], names):
        problems.append(raw.problem(excerpt, "argument",
                                "does not say whose argument it is: name the author ("
                                + " or ".join(sorted(names)) + ")"))
    if any(ev["kind"] == "primary-quotation" for ev in excerpt["evidence"]) and not quotes_someone(
            excerpt["quote"], raw.texts[excerpt["source"]]):
        problems.append(raw.problem(excerpt, "evidence",
                                "kind 'primary-quotation' but the excerpt quotes no one (no "
                                "quotation marks, note number or block quotation): use "
                                "'paraphrase' if the author reports or names a source"))
    quote = normalise_space(excerpt["quote"])
    for n, flag in enumerate(excerpt.get("flags", []), start=1):
        if normalise_space(flag["words"]) not in quote:
            problems.append(raw.problem(excerpt, f"flags[{n}].words",
                                    f"'{flag['words']}' is not in the excerpt's quote: copy the "
                                    "exact words the flag is about"))
        problems.extend(_flag_problems(raw, excerpt, f"flags[{n}]", flag))
    return problems


def _flag_problems(raw, record: dict, field: str, flag: dict) -> list[Problem]:
    if flag["status"] in ("wrong", "disputed") and not flag.get("basis"):
        return [raw.problem(record, f"{field}.basis",
                        f"a '{flag['status']}' flag needs a basis: the kind of reference, "
                        "outside the texts, where a teacher can check the accepted fact")]
    return []


def _position_problems(raw, theme: dict) -> list[Problem]:
    problems = []
    excerpts = [e for e in raw.excerpts if e["theme"] == theme["id"]]
    for position in theme["positions"]:
        pid = position["id"]
        mine = [e for e in excerpts if e.get("position") == pid]
        summary = normalise_space(position["summary"])
        if not any(e.get("stance", "argues") == "argues" for e in mine) and \
                "no author in" not in summary.lower():
            problems.append(Problem(raw.where(theme), theme["id"], f"positions.{pid}",
                                    "no excerpt argues this position: file one that does, or "
                                    "say in its summary that no author in the corpus holds it",
                                    line=raw.lines.line(position)))
        for sid, source in raw.sources.items():
            if _names(summary, author_names(source)) and not any(e["source"] == sid for e in mine):
                problems.append(Problem(raw.where(theme), theme["id"], f"positions.{pid}.summary",
                                        f"names {source['short_name']}, but no excerpt of "
                                        f"'{sid}' is filed under this position",
                                        line=raw.lines.line(position, "summary")))
    return problems


def _source_problems(raw, source: dict) -> list[Problem]:
    date, basis = str(source["date"]), source["date_basis"]
    if (date == "not stated") != (basis == "not stated"):
        return [raw.problem(source, "date_basis",
                        f"date is '{date}' but date_basis is '{basis}': a date that is not "
                        "stated has basis 'not stated', and only then")]
    if basis == "stated in the text" and not source.get("date_quote"):
        return [raw.problem(source, "date_quote",
                        "the date is 'stated in the text': give the words that state it")]
    if basis == "established outside the text" and not any(
            date[:4] in fact for fact in source["outside_text"]):
        return [raw.problem(source, "outside_text",
                        f"the date {date} is 'established outside the text': say under "
                        "outside_text how it is known")]
    return []


def content_problems(raw) -> list[Problem]:
    """Every problem of meaning in a corpus whose records passed their schema."""
    problems: list[Problem] = []
    for source in raw.sources.values():
        problems.extend(_source_problems(raw, source))
    for excerpt in raw.excerpts:
        if excerpt["source"] in raw.sources:
            problems.extend(_excerpt_problems(raw, excerpt))
    if "excerpts" not in raw.unreadable:
        for theme in raw.themes:
            problems.extend(_position_problems(raw, theme))
    texts = " ".join(normalise_space(t) for t in raw.texts.values()).lower()
    for term in raw.glossary:
        spellings = [term["term"], *term.get("also", [])]
        if raw.texts and not any(s.lower() in texts for s in spellings):
            problems.append(raw.problem(term, "term",
                                    f"'{term['term']}' does not occur in any source text: the "
                                    "glossary explains the sources' own words"))
    for event in raw.events:
        if event.get("flag"):
            problems.extend(_flag_problems(raw, event, "flag", event["flag"]))
    return problems
