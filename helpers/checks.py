"""Validating a whole corpus folder: every check, every problem, in one pass.

`check_corpus(folder)` reads every file, checks it against its schema, then
makes the checks no schema can express: every id referred to exists, every id
is unique, every quote occurs in its source (and where it stops matching if
not), every cleaned text is faithful to its original capture, every theme has
at least two positions, and the rules of `rules.py`. It returns the raw
records that passed plus all the problems found. It never writes a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .faithfulness import faithfulness_problems
from .lookup import close_matches
from .reading import Problem, YamlFile, display_path, read_text, read_yaml
from .rules import content_problems
from .schema_check import schema_problems
from .textmatch import explain_mismatch, find_quote, normalise_space

__all__ = ["RawCorpus", "check_corpus"]


@dataclass
class RawCorpus:
    """The records of a corpus that passed their schema, with where they came from."""

    folder: Path
    sources: dict[str, dict] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    themes: list[dict] = field(default_factory=list)
    excerpts: list[dict] = field(default_factory=list)
    citations: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    statistics: list[dict] = field(default_factory=list)
    glossary: list[dict] = field(default_factory=list)
    phases: list[dict] = field(default_factory=list)
    series_titles: dict[str, str] = field(default_factory=dict)
    offsets: dict[str, tuple[int, int]] = field(default_factory=dict)  # excerpt id -> where found
    files: dict[int, str] = field(default_factory=dict)  # id(record) -> display path
    lines: YamlFile = field(default_factory=YamlFile)
    broken_ids: set[str] = field(default_factory=set)  # records already reported as broken
    unreadable: set[str] = field(default_factory=set)  # kinds with a file that could not be read

    def where(self, record: dict) -> str:
        """The file a record came from, as a teacher would type it."""
        return self.files[id(record)]

    def problem(self, record: dict, field_name: str | None, message: str,
                rid: str | None = None) -> Problem:
        """A problem with one record (and field), located by file and line."""
        return Problem(self.where(record), rid or record.get("id"), field_name, message,
                       line=self.lines.line(record, field_name))


def _load_list(raw: RawCorpus, path: Path, kind: str, key: str, problems: list[Problem],
               required: bool = True) -> tuple[dict | None, list[dict]]:
    where = display_path(path)
    if not path.exists() and not required:
        return None, []
    data = read_yaml(path, problems, raw.lines)
    if data is None:
        raw.unreadable.add(key)
        return None, []
    found, broken = schema_problems(kind, data, where, raw.lines)
    problems.extend(found)
    if (None, None) in broken:
        raw.unreadable.add(key)
        return None, []
    records = [r for i, r in enumerate(data[key]) if (key, i) not in broken]
    for list_key, index in broken:
        item = data[list_key][index]
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            raw.broken_ids.add(item["id"])
    for record in records:
        raw.files[id(record)] = where
    return data, records


def _close(word: str, options) -> str:
    matches = close_matches(word, options)
    return f" (did you mean {', '.join(repr(m) for m in matches)}?)" if matches else ""


def _read_sources(raw: RawCorpus, problems: list[Problem]) -> None:
    for path in sorted((raw.folder / "sources").glob("*.yaml")):
        where = display_path(path)
        data = read_yaml(path, problems, raw.lines)
        if data is None:
            raw.broken_ids.add(path.stem)  # already reported; don't report its users too
            continue
        found, broken = schema_problems("source", data, where, raw.lines)
        problems.extend(found)
        if broken:
            raw.broken_ids.add(path.stem)
            if isinstance(data, dict) and isinstance(data.get("id"), str):
                raw.broken_ids.add(data["id"])
            continue
        raw.files[id(data)] = where
        sid = data["id"]
        if sid != path.stem:
            problems.append(raw.problem(data, "id", f"id does not match the file name '{path.name}'"))
        if sid in raw.sources:
            problems.append(raw.problem(data, "id", "duplicate source id"))
            continue
        text = read_text(raw.folder / data["text_file"], problems)
        original = read_text(raw.folder / data["original_file"], problems)
        if text is None or original is None:
            raw.broken_ids.add(sid)
            continue
        raw.sources[sid] = data
        raw.texts[sid] = text
        problems.extend(faithfulness_problems(data, text, original, where))
        quotes = [("tradition.evidence", e["quote"]) for e in data["tradition"]["evidence"]]
        quotes += [("author_typos", t["text"]) for t in data.get("author_typos", [])]
        if data.get("date_quote"):
            quotes.append(("date_quote", data["date_quote"]))
        for field_name, quote in quotes:
            if find_quote(quote, text) is None:
                problems.append(raw.problem(data, field_name, f"'{quote[:60]}' not found in the "
                                            f"text of '{sid}': {explain_mismatch(quote, text)}"))


def _read_per_source(raw: RawCorpus, folder: str, key: str, problems: list[Problem]) -> None:
    for path in sorted((raw.folder / folder).glob("*.yaml")):
        data, records = _load_list(raw, path, key, key, problems)
        if data is None:
            continue
        if data["source"] in raw.broken_ids or data["source"] not in raw.sources:
            # Its records cannot be checked; nor should their users be told they are missing.
            raw.broken_ids.update(r["id"] for r in records)
            raw.unreadable.add(key)
            if data["source"] not in raw.broken_ids:
                problems.append(Problem(display_path(path), None, "source",
                                        f"unknown source '{data['source']}'"
                                        + _close(data["source"], raw.sources),
                                        line=raw.lines.line(data, "source")))
            continue
        for record in records:
            record["source"] = data["source"]
        getattr(raw, key).extend(records)


def _check_ids(raw: RawCorpus, problems: list[Problem]) -> None:
    records = (list(raw.sources.values()) + raw.themes + raw.excerpts + raw.citations
               + raw.events + raw.statistics)
    first: dict[str, dict] = {}
    for record in records:
        rid = record["id"]
        if rid in first:
            other = first[rid]
            line = raw.lines.line(other)
            problems.append(raw.problem(record, "id", f"duplicate id: already used in "
                                        f"{raw.where(other)}" + (f" (line {line})" if line else "")
                                        + "; every id must be unique across the corpus"))
            raw.broken_ids.add(rid)
        else:
            first[rid] = record
    seen: dict[str, str] = {}
    for theme in raw.themes:
        if len(theme["positions"]) < 2:
            problems.append(raw.problem(theme, "positions", f"has {len(theme['positions'])} "
                                        "position(s); a debate needs at least two"))
        for position in theme["positions"]:
            pid = position["id"]
            if pid in seen:
                where = "this theme" if seen[pid] == theme["id"] else f"theme '{seen[pid]}'"
                problems.append(Problem(raw.where(theme), theme["id"], f"positions.{pid}",
                                        f"duplicate position id: already used in {where}; "
                                        "position ids must be unique across the corpus",
                                        line=raw.lines.line(position)))
            seen.setdefault(pid, theme["id"])


def _check_excerpts(raw: RawCorpus, problems: list[Problem]) -> None:
    themes = {t["id"]: {p["id"] for p in t["positions"]} for t in raw.themes}
    citations = {c["id"]: c for c in raw.citations}
    for ex in raw.excerpts:
        eid, sid = ex["id"], ex["source"]
        if "themes" in raw.unreadable:
            pass  # themes.yaml is already reported; its ids cannot be checked
        elif ex["theme"] not in themes:
            problems.append(raw.problem(ex, "theme", f"unknown theme '{ex['theme']}'"
                                        + _close(ex["theme"], themes)))
        elif ex.get("position") and ex["position"] not in themes[ex["theme"]]:
            options = themes[ex["theme"]]
            problems.append(raw.problem(ex, "position",
                                        f"unknown position '{ex['position']}' in theme "
                                        f"'{ex['theme']}'" + _close(ex["position"], options)))
        found = find_quote(ex["quote"], raw.texts[sid])
        if found is None:
            raw.broken_ids.add(eid)
            problems.append(raw.problem(ex, "quote", f"quote not found in source '{sid}': "
                                        + explain_mismatch(ex["quote"], raw.texts[sid])))
        elif eid not in raw.offsets:
            raw.offsets[eid] = found
        for n, ev in enumerate(ex["evidence"], start=1):
            cid = ev.get("citation")
            if cid in raw.broken_ids or (cid and cid not in citations
                                         and "citations" in raw.unreadable):
                continue
            if cid and ev["kind"] == "assertion":
                problems.append(raw.problem(ex, f"evidence[{n}].citation",
                                            "an assertion cites nothing: remove the citation, or "
                                            "give the evidence its kind (e.g. secondary-work)"))
            elif cid and cid not in citations:
                problems.append(raw.problem(ex, f"evidence[{n}].citation",
                                            f"unknown citation '{cid}'" + _close(cid, citations)))
            elif cid and citations[cid]["source"] != sid:
                problems.append(raw.problem(ex, f"evidence[{n}].citation",
                                            f"citation '{cid}' belongs to source "
                                            f"'{citations[cid]['source']}', not '{sid}'"))
    for cit in raw.citations:
        text = raw.texts[cit["source"]]
        if find_quote(cit["as_printed"], text) is None:
            problems.append(raw.problem(cit, "as_printed", f"not found in source '{cit['source']}': "
                                        + explain_mismatch(cit["as_printed"], text)))


def _check_events_and_statistics(raw: RawCorpus, problems: list[Problem]) -> None:
    excerpts = {e["id"]: e for e in raw.excerpts}

    def states(eid: str, year: str, record: dict, field_name: str) -> None:
        if eid in raw.broken_ids or (eid not in excerpts and "excerpts" in raw.unreadable):
            return
        if eid not in excerpts:
            problems.append(raw.problem(record, field_name,
                                        f"unknown excerpt '{eid}'" + _close(eid, excerpts)))
        elif year not in excerpts[eid]["quote"]:
            problems.append(raw.problem(record, field_name,
                                        f"excerpt '{eid}' does not state the year {year}"))

    for event in raw.events:
        for eid in event["excerpts"]:
            states(eid, event["date"][:4], event, "excerpts")
        for n, conflict in enumerate(event.get("conflicting_dates", []), start=1):
            for eid in conflict["excerpts"]:
                states(eid, conflict["date"][:4], event, f"conflicting_dates[{n}].excerpts")
    for stat in raw.statistics:
        eid = stat["excerpt"]
        if raw.series_titles and stat["series"] not in raw.series_titles:
            problems.append(raw.problem(stat, "series", f"unknown series '{stat['series']}'"
                                        + _close(stat["series"], raw.series_titles)
                                        + "; list it under 'series:' with its title"))
        if eid in raw.broken_ids or (eid not in excerpts and "excerpts" in raw.unreadable):
            continue
        if eid not in excerpts:
            problems.append(raw.problem(stat, "excerpt",
                                        f"unknown excerpt '{eid}'" + _close(eid, excerpts)))
        elif normalise_space(stat["value_as_printed"]) not in normalise_space(excerpts[eid]["quote"]):
            problems.append(raw.problem(stat, "value_as_printed",
                                        f"'{stat['value_as_printed']}' is not in excerpt '{eid}'"))


#: Our own prose fields, which must not swallow a field written below them.
_PROSE = ("argument", "description", "note", "basis", "summary", "context", "label",
          "missing_voices", "definition", "provenance", "publication")
_FIELD_NAMES = ("id", "theme", "position", "stance", "quote", "argument", "evidence", "kind",
                "description", "citation", "flags", "words", "status", "note", "basis", "label",
                "summary", "date", "end_date", "excerpts", "series", "value", "unit", "year",
                "term", "also", "definition", "page", "details", "work", "cited_author")
_SWALLOWED = re.compile(r"(?:^|\s)(" + "|".join(_FIELD_NAMES) + r"):\s+(?:>-?|\||[\"']|"
                        r"[a-z0-9]+(?:-[a-z0-9]+)+\b|(?:assertion|event|statistic|paraphrase|"
                        r"argues|reports|narrates|wrong|disputed)\b)")


def _swallowed_fields(raw: RawCorpus, record: dict, problems: list[Problem]) -> None:
    """A field indented under a folded text (>-) becomes part of that text: say so."""

    def visit(mapping: dict, path: str) -> None:
        for key, value in mapping.items():
            name = f"{path}.{key}" if path else key
            if isinstance(value, str) and key in _PROSE and (match := _SWALLOWED.search(value)):
                problems.append(Problem(raw.where(record), record.get("id"), name,
                                        f"its text contains '{match.group(1)}:', which looks like "
                                        "a field swallowed into the text: indent it like the "
                                        "fields above, not under the text",
                                        line=raw.lines.line(mapping, key)))
            elif isinstance(value, list):
                for n, item in enumerate(value, start=1):
                    if isinstance(item, dict):
                        visit(item, f"{name}[{n}]")

    visit(record, "")


def check_corpus(folder: str | Path) -> tuple[RawCorpus, list[Problem]]:
    """Read and check the corpus in ``folder``; return its records and all problems found.

    >>> raw, problems = check_corpus("no/such/folder")
    >>> print(problems[0])
    no/such/folder: corpus folder not found
    """
    raw = RawCorpus(folder=Path(folder))
    problems: list[Problem] = []
    if not raw.folder.is_dir():
        return raw, [Problem(display_path(raw.folder), None, None, "corpus folder not found")]
    for sub in ("sources", "excerpts", "citations"):
        if not (raw.folder / sub).is_dir():
            problems.append(Problem(display_path(raw.folder / sub), None, None, "folder not found"))
    _read_sources(raw, problems)
    _, raw.themes = _load_list(raw, raw.folder / "themes.yaml", "themes", "themes", problems)
    _read_per_source(raw, "excerpts", "excerpts", problems)
    _read_per_source(raw, "citations", "citations", problems)
    events, raw.events = _load_list(raw, raw.folder / "events.yaml", "events", "events", problems,
                                    required=False)
    raw.phases = list((events or {}).get("phases", []))
    stats, raw.statistics = _load_list(raw, raw.folder / "statistics.yaml", "statistics",
                                       "statistics", problems, required=False)
    raw.series_titles = {s["id"]: s["title"] for s in (stats or {}).get("series", [])}
    _, raw.glossary = _load_list(raw, raw.folder / "glossary.yaml", "glossary", "terms",
                                 problems, required=False)
    _check_ids(raw, problems)
    _check_excerpts(raw, problems)
    _check_events_and_statistics(raw, problems)
    for record in (list(raw.sources.values()) + raw.themes + raw.excerpts + raw.citations
                   + raw.events + raw.statistics + raw.glossary):
        _swallowed_fields(raw, record, problems)
    problems.extend(content_problems(raw))
    if not raw.sources and not any("sources" in p.path for p in problems):
        problems.append(Problem(display_path(raw.folder / "sources"), None, None,
                                "no sources found"))
    return raw, problems
