"""Validating a whole corpus folder: every check, every problem, in one pass.

`check_corpus(folder)` reads every file, checks it against its schema, then
makes the checks no schema can express: every id referred to exists, every id
is unique, every quote occurs in its source, every cleaned text is faithful to
its original capture, every theme has at least two positions. It returns the
raw records that passed plus all the problems found. It never writes a file.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .faithfulness import faithfulness_problems
from .lookup import close_matches
from .reading import Problem, display_path, read_text, read_yaml
from .rules import content_problems
from .schema_check import schema_problems
from .textmatch import find_quote, normalise_space

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
    files: dict[int, str] = field(default_factory=dict)  # id(record) -> display path
    broken_ids: set[str] = field(default_factory=set)  # records already reported as broken
    unreadable: set[str] = field(default_factory=set)  # kinds with a file that could not be read

    def where(self, record: dict) -> str:
        """The file a record came from, as a teacher would type it."""
        return self.files[id(record)]


def _load_list(raw: RawCorpus, path: Path, kind: str, key: str, problems: list[Problem],
               required: bool = True) -> tuple[dict | None, list[dict]]:
    where = display_path(path)
    if not path.exists() and not required:
        return None, []
    data = read_yaml(path, problems)
    if data is None:
        raw.unreadable.add(key)
        return None, []
    found, broken = schema_problems(kind, data, where)
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
        data = read_yaml(path, problems)
        if data is None:
            raw.broken_ids.add(path.stem)  # already reported; don't report its users too
            continue
        found, broken = schema_problems("source", data, where)
        problems.extend(found)
        if broken:
            raw.broken_ids.add(path.stem)
            if isinstance(data, dict) and isinstance(data.get("id"), str):
                raw.broken_ids.add(data["id"])
            continue
        sid = data["id"]
        if sid != path.stem:
            problems.append(Problem(where, sid, "id", f"id does not match the file name '{path.name}'"))
        if sid in raw.sources:
            problems.append(Problem(where, sid, "id", "duplicate source id"))
            continue
        raw.files[id(data)] = where
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
                problems.append(Problem(where, sid, field_name,
                                        f"'{quote[:60]}' not found in the text of '{sid}'"))


def _read_per_source(raw: RawCorpus, folder: str, key: str, problems: list[Problem]) -> None:
    for path in sorted((raw.folder / folder).glob("*.yaml")):
        data, records = _load_list(raw, path, key, key, problems)
        if data is None:
            continue
        if data["source"] in raw.broken_ids:  # reported already; so are not its records' users
            raw.broken_ids.update(r["id"] for r in records)
            continue
        if data["source"] not in raw.sources:
            problems.append(Problem(display_path(path), None, "source",
                                    f"unknown source '{data['source']}'"
                                    + _close(data["source"], raw.sources)))
            continue
        for record in records:
            record["source"] = data["source"]
        getattr(raw, key).extend(records)


def _check_ids(raw: RawCorpus, problems: list[Problem]) -> None:
    records = (list(raw.sources.values()) + raw.themes + raw.excerpts + raw.citations
               + raw.events + raw.statistics)
    counts = Counter(r["id"] for r in records)
    for record in records:
        if counts[record["id"]] > 1:
            problems.append(Problem(raw.where(record), record["id"], "id",
                                    f"duplicate id: used {counts[record['id']]} times in the corpus"))
    for theme in raw.themes:
        positions = Counter(p["id"] for p in theme["positions"])
        for pid, n in positions.items():
            if n > 1:
                problems.append(Problem(raw.where(theme), theme["id"], "positions",
                                        f"duplicate position id '{pid}'"))
        if len(theme["positions"]) < 2:
            problems.append(Problem(raw.where(theme), theme["id"], "positions",
                                    f"has {len(theme['positions'])} position(s); "
                                    "a debate needs at least two"))


def _check_excerpts(raw: RawCorpus, problems: list[Problem]) -> None:
    themes = {t["id"]: {p["id"] for p in t["positions"]} for t in raw.themes}
    citations = {c["id"]: c for c in raw.citations}
    for ex in raw.excerpts:
        where, eid, sid = raw.where(ex), ex["id"], ex["source"]
        if "themes" in raw.unreadable:
            pass  # themes.yaml is already reported; its ids cannot be checked
        elif ex["theme"] not in themes:
            problems.append(Problem(where, eid, "theme",
                                    f"unknown theme '{ex['theme']}'" + _close(ex["theme"], themes)))
        elif ex.get("position") and ex["position"] not in themes[ex["theme"]]:
            options = themes[ex["theme"]]
            problems.append(Problem(where, eid, "position",
                                    f"unknown position '{ex['position']}' in theme '{ex['theme']}'"
                                    + _close(ex["position"], options)))
        if find_quote(ex["quote"], raw.texts[sid]) is None:
            problems.append(Problem(where, eid, "quote", f"quote not found in source '{sid}'"))
        for n, ev in enumerate(ex["evidence"], start=1):
            cid = ev.get("citation")
            if cid in raw.broken_ids or (cid and cid not in citations
                                         and "citations" in raw.unreadable):
                continue
            if cid and ev["kind"] == "assertion":
                problems.append(Problem(where, eid, f"evidence[{n}].citation",
                                        "an assertion cites nothing: remove the citation, or "
                                        "give the evidence its kind (e.g. secondary-work)"))
            elif cid and cid not in citations:
                problems.append(Problem(where, eid, f"evidence[{n}].citation",
                                        f"unknown citation '{cid}'" + _close(cid, citations)))
            elif cid and citations[cid]["source"] != sid:
                problems.append(Problem(where, eid, f"evidence[{n}].citation",
                                        f"citation '{cid}' belongs to source "
                                        f"'{citations[cid]['source']}', not '{sid}'"))
    for cit in raw.citations:
        if find_quote(cit["as_printed"], raw.texts[cit["source"]]) is None:
            problems.append(Problem(raw.where(cit), cit["id"], "as_printed",
                                    f"not found in source '{cit['source']}'"))


def _check_events_and_statistics(raw: RawCorpus, problems: list[Problem]) -> None:
    excerpts = {e["id"]: e for e in raw.excerpts}

    def states(eid: str, year: str, where: str, rid: str, field_name: str) -> None:
        if eid in raw.broken_ids or (eid not in excerpts and "excerpts" in raw.unreadable):
            return
        if eid not in excerpts:
            problems.append(Problem(where, rid, field_name,
                                    f"unknown excerpt '{eid}'" + _close(eid, excerpts)))
        elif year not in excerpts[eid]["quote"]:
            problems.append(Problem(where, rid, field_name,
                                    f"excerpt '{eid}' does not state the year {year}"))

    for event in raw.events:
        where = raw.where(event)
        for eid in event["excerpts"]:
            states(eid, event["date"][:4], where, event["id"], "excerpts")
        for n, conflict in enumerate(event.get("conflicting_dates", []), start=1):
            for eid in conflict["excerpts"]:
                states(eid, conflict["date"][:4], where, event["id"],
                       f"conflicting_dates[{n}].excerpts")
    for stat in raw.statistics:
        where, eid = raw.where(stat), stat["excerpt"]
        if eid in raw.broken_ids or (eid not in excerpts and "excerpts" in raw.unreadable):
            continue
        if eid not in excerpts:
            problems.append(Problem(where, stat["id"], "excerpt",
                                    f"unknown excerpt '{eid}'" + _close(eid, excerpts)))
        elif normalise_space(stat["value_as_printed"]) not in normalise_space(excerpts[eid]["quote"]):
            problems.append(Problem(where, stat["id"], "value_as_printed",
                                    f"'{stat['value_as_printed']}' is not in excerpt '{eid}'"))


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
    _, raw.events = _load_list(raw, raw.folder / "events.yaml", "events", "events", problems,
                               required=False)
    _, raw.statistics = _load_list(raw, raw.folder / "statistics.yaml", "statistics",
                                   "statistics", problems, required=False)
    _, raw.glossary = _load_list(raw, raw.folder / "glossary.yaml", "glossary", "terms",
                                 problems, required=False)
    _check_ids(raw, problems)
    _check_excerpts(raw, problems)
    _check_events_and_statistics(raw, problems)
    problems.extend(content_problems(raw))
    if not raw.sources and not any("sources" in p.path for p in problems):
        problems.append(Problem(display_path(raw.folder / "sources"), None, None,
                                "no sources found"))
    return raw, problems
