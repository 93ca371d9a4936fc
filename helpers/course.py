"""The course: the whole corpus, loaded, checked and ready to explore.

>>> import helpers
>>> course = helpers.load()
>>> course.source("hallas-stalinism").author
'Duncan Hallas'
>>> len(course.themes()) >= 7
True
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pandas as pd

from .checks import RawCorpus, check_corpus
from .figures import Figures
from .lookup import find
from .reading import bundled_corpus_dir
from .records import (EVIDENCE_KINDS, Citation, Event, Evidence, Excerpt, Flag, Position, Source,
                      Statistic, Theme)
from .textmatch import find_quote
from .widgets import Widgets

__all__ = ["CorpusError", "Course", "load"]


class CorpusError(ValueError):
    """The corpus has problems; the message lists them, one per line."""


def load(corpus_dir: str | Path | None = None) -> Course:
    """Load and check the course's corpus; return the `Course`.

    With no argument, loads the corpus that ships with the course, from any
    working directory. Give a folder to load a teacher's own corpus instead.
    Raises `CorpusError` listing every problem if the corpus is not valid.

    >>> course = load()
    >>> course.excerpt("hallas-thermidor-1935").source
    'hallas-stalinism'
    """
    folder = Path(corpus_dir) if corpus_dir is not None else bundled_corpus_dir()
    raw, problems = check_corpus(folder)
    if problems:
        lines = "\n".join(str(p) for p in problems)
        raise CorpusError(f"the corpus in {folder} has {len(problems)} problem(s):\n{lines}")
    return Course(raw)


class Course(Widgets, Figures):
    """Everything in the corpus: tables to analyse, records to look up, widgets and figures.

    Tables (pandas DataFrames) are methods with plural names and optional
    filters: ``sources()``, ``themes()``, ``positions()``, ``excerpts()``,
    ``evidence()``, ``citations()``, ``events()``, ``statistics()``.
    One record is a method with a singular name: ``source(id)``,
    ``theme(id)``, ``excerpt(id)``, ``citation(id)``.
    """

    def __init__(self, raw: RawCorpus):
        self.folder = raw.folder
        self._sources = {sid: _source(meta, raw.texts[sid]) for sid, meta in raw.sources.items()}
        self._themes = {t["id"]: _theme(t) for t in raw.themes}
        self._excerpts = {e["id"]: _excerpt(e, raw.texts[e["source"]]) for e in raw.excerpts}
        self._citations = {c["id"]: Citation(**{k: c.get(k) for k in Citation.__annotations__})
                           for c in raw.citations}
        self._events = {e["id"]: _event(e) for e in raw.events}
        self._statistics = {s["id"]: Statistic(**{k: s.get(k) for k in Statistic.__annotations__})
                            for s in raw.statistics}

    def __repr__(self) -> str:
        return (f"<Course: {len(self._sources)} sources, {len(self._themes)} themes, "
                f"{len(self._excerpts)} excerpts, {len(self._citations)} citations>")

    # --- one record ---------------------------------------------------------
    def source(self, source_id: str) -> Source:
        """The source with this id.

        >>> load().source("williams-militant").date
        '1997-04-28'
        """
        return find(self._sources, source_id, "source")

    def theme(self, theme_id: str) -> Theme:
        """The theme with this id.

        >>> load().theme("why-stalin-won").question
        'Why did Stalin, and not Trotsky, win the power struggle of the 1920s?'
        """
        return find(self._themes, theme_id, "theme")

    def excerpt(self, excerpt_id: str) -> Excerpt:
        """The excerpt with this id.

        >>> load().excerpt("molyneux-river-of-blood").source
        'molyneux-socialist-worker'
        """
        return find(self._excerpts, excerpt_id, "excerpt")

    def citation(self, citation_id: str) -> Citation:
        """The citation with this id.

        >>> load().citation("hallas-note-15").work
        'An Economic History of the USSR'
        """
        return find(self._citations, citation_id, "citation")

    def event(self, event_id: str) -> Event:
        """The dated event with this id."""
        return find(self._events, event_id, "event")

    # --- record lists, for the widgets and figures -----------------------------
    def all_sources(self) -> list[Source]:
        """Every source, in corpus order."""
        return list(self._sources.values())

    def all_themes(self) -> list[Theme]:
        """Every theme, in the order of the lessons."""
        return list(self._themes.values())

    def excerpts_for(self, theme_id: str | None = None, source_id: str | None = None,
                     position_id: str | None = None) -> list[Excerpt]:
        """The excerpts on a theme, by a source, for a position (each filter optional)."""
        if theme_id is not None:
            theme = self.theme(theme_id)
            if position_id is not None:
                theme.position(position_id)
        if source_id is not None:
            self.source(source_id)
        return [e for e in self._excerpts.values()
                if (theme_id is None or e.theme == theme_id)
                and (source_id is None or e.source == source_id)
                and (position_id is None or e.position == position_id)]

    def all_events(self) -> list[Event]:
        """Every dated event, in date order."""
        return sorted(self._events.values(), key=lambda e: e.date)

    def all_statistics(self) -> list[Statistic]:
        """Every statistic, in corpus order."""
        return list(self._statistics.values())

    def author(self, source_id: str) -> str:
        """The short name of a source's author, e.g. 'Hallas'."""
        return self.source(source_id).short_name

    # --- tables ---------------------------------------------------------------
    def sources(self) -> pd.DataFrame:
        """A table of the sources: author, title, publication, date, genre, tradition.

        >>> load().sources().loc["rfzo47-blog", "date"]
        'date not stated'
        """
        rows = [{"id": s.id, "author": s.author, "short name": s.short_name, "title": s.title,
                 "publication": s.publication, "date": s.date_shown, "genre": s.genre,
                 "tradition": s.tradition, "words": len(s.text.split())}
                for s in self._sources.values()]
        return pd.DataFrame(rows).set_index("id")

    def themes(self) -> pd.DataFrame:
        """A table of the themes and their central questions.

        >>> list(load().themes().index)[:2]
        ['why-stalin-won', 'democracy-and-bureaucracy']
        """
        rows = [{"id": t.id, "title": t.title, "question": t.question,
                 "positions": len(t.positions),
                 "excerpts": len(self.excerpts_for(theme_id=t.id))}
                for t in self._themes.values()]
        return pd.DataFrame(rows).set_index("id")

    def positions(self, theme_id: str | None = None) -> pd.DataFrame:
        """A table of the positions (of one theme, or all), with who argues each.

        >>> table = load().positions("why-stalin-won")
        >>> table.loc[table["position"] == "personality", "argued by"].item()
        'no author in the corpus'
        """
        themes = [self.theme(theme_id)] if theme_id else list(self._themes.values())
        rows = []
        for theme in themes:
            for p in theme.positions:
                argued = self.excerpts_for(theme.id, position_id=p.id)
                holders = sorted({self.author(e.source) for e in argued if e.stance == "argues"})
                reporters = sorted({self.author(e.source) for e in argued
                                    if e.stance == "reports"})
                rows.append({"theme": theme.id, "position": p.id, "label": p.label,
                             "summary": p.summary,
                             "argued by": ", ".join(holders) or "no author in the corpus",
                             "reported by": ", ".join(reporters)})
        return pd.DataFrame(rows, columns=["theme", "position", "label", "summary", "argued by",
                                           "reported by"])

    def excerpts(self, theme_id: str | None = None, source_id: str | None = None) -> pd.DataFrame:
        """A table of the excerpts, optionally for one theme and/or one source.

        >>> set(load().excerpts(source_id="hallas-stalinism")["author"])
        {'Hallas'}
        """
        rows = [{"id": e.id, "author": self.author(e.source), "source": e.source,
                 "theme": e.theme, "position": e.position, "stance": e.stance,
                 "quote": e.quote, "argument": e.argument, "evidence items": len(e.evidence)}
                for e in self.excerpts_for(theme_id, source_id)]
        columns = ["id", "author", "source", "theme", "position", "stance", "quote", "argument",
                   "evidence items"]
        return pd.DataFrame(rows, columns=columns).set_index("id")

    def evidence(self, theme_id: str | None = None, source_id: str | None = None) -> pd.DataFrame:
        """A table with one row per piece of evidence: author, claim, kind, cited work.

        >>> table = load().evidence(source_id="rfzo47-blog")
        >>> sorted(set(table["cited work"]))
        ['']
        """
        rows = []
        for e in self.excerpts_for(theme_id, source_id):
            for ev in e.evidence:
                cited = self._citations.get(ev.citation) if ev.citation else None
                rows.append({"excerpt": e.id, "author": self.author(e.source),
                             "theme": e.theme, "position": e.position, "claim": e.argument,
                             "kind": ev.kind, "kind in words": EVIDENCE_KINDS[ev.kind],
                             "evidence": ev.description,
                             "cited author": cited.cited_author if cited else "",
                             "cited work": cited.work if cited else "",
                             "citation": ev.citation or ""})
        columns = ["excerpt", "author", "theme", "position", "claim", "kind", "kind in words",
                   "evidence", "cited author", "cited work", "citation"]
        return pd.DataFrame(rows, columns=columns)

    def citations(self, source_id: str | None = None, theme_id: str | None = None) -> pd.DataFrame:
        """A table of the works the authors cite (of one source and/or used on one theme).

        >>> load().citations(source_id="hallas-stalinism").loc["hallas-note-02", "cited author"]
        'E.H. Carr'
        """
        if source_id is not None:
            self.source(source_id)
        used = None
        if theme_id is not None:
            used = {ev.citation for e in self.excerpts_for(theme_id) for ev in e.evidence}
        rows = [{"id": c.id, "cited by": self.author(c.source), "source": c.source,
                 "note": c.note, "cited author": c.cited_author, "work": c.work,
                 "details": c.details or "", "page": c.page or "", "as printed": c.as_printed}
                for c in self._citations.values()
                if (source_id is None or c.source == source_id) and (used is None or c.id in used)]
        columns = ["id", "cited by", "source", "note", "cited author", "work", "details", "page",
                   "as printed"]
        table = pd.DataFrame(rows, columns=columns).set_index("id")
        table["note"] = table["note"].astype("Int64")
        return table

    def events(self) -> pd.DataFrame:
        """A table of the dated events the sources mention, in date order."""
        rows = [{"id": e.id, "date": e.date, "label": e.label, "stated in": ", ".join(e.excerpts),
                 "other dates given": "; ".join(d for d, _, _ in e.conflicting_dates)}
                for e in self.all_events()]
        columns = ["id", "date", "label", "stated in", "other dates given"]
        return pd.DataFrame(rows, columns=columns).set_index("id")

    def statistics(self) -> pd.DataFrame:
        """A table of the numbers the sources give, each exactly as printed."""
        rows = [{**asdict(s), "author": self.author(self.excerpt(s.excerpt).source)}
                for s in self._statistics.values()]
        columns = ["id", "series", "label", "year", "value_as_printed", "value", "unit",
                   "author", "excerpt", "note"]
        return pd.DataFrame(rows, columns=columns).set_index("id")

    # --- the whole corpus as plain data (python -m helpers dump) ----------------
    def to_dict(self) -> dict:
        """The whole corpus as JSON-ready data; the shape other tools rely on."""
        return {
            "sources": [{**asdict(s), "date_shown": s.date_shown} for s in self._sources.values()],
            "themes": [asdict(t) for t in self._themes.values()],
            "excerpts": [asdict(e) for e in self._excerpts.values()],
            "citations": [asdict(c) for c in self._citations.values()],
            "events": [{**asdict(e), "year": e.year, "conflicting_dates": [
                {"date": d, "excerpts": list(x), "note": n} for d, x, n in e.conflicting_dates]}
                for e in self.all_events()],
            "statistics": [asdict(s) for s in self._statistics.values()],
        }


def _source(meta: dict, text: str) -> Source:
    return Source(
        id=meta["id"], author=meta["author"], short_name=meta["short_name"], title=meta["title"],
        publication=meta["publication"], genre=meta["genre"], date=meta["date"],
        date_basis=meta["date_basis"], tradition=meta["tradition"]["label"],
        tradition_evidence=tuple((e["quote"], e["note"]) for e in meta["tradition"]["evidence"]),
        outside_text=tuple(meta["outside_text"]), provenance=meta["provenance"], text=text,
        author_typos=tuple((t["text"], t["note"]) for t in meta.get("author_typos", [])))


def _theme(data: dict) -> Theme:
    positions = tuple(Position(id=p["id"], theme=data["id"], label=p["label"],
                               summary=" ".join(p["summary"].split()))
                      for p in data["positions"])
    return Theme(id=data["id"], title=data["title"], question=" ".join(data["question"].split()),
                 context=" ".join(data["context"].split()), positions=positions,
                 missing_voices=" ".join(data["missing_voices"].split()),
                 outside_text=tuple(" ".join(t.split()) for t in data.get("outside_text", [])))


def _flag(data: dict) -> Flag:
    return Flag(status=data["status"], words=" ".join(data.get("words", "").split()),
                note=" ".join(data["note"].split()),
                basis=" ".join(data["basis"].split()) if data.get("basis") else None)


def _excerpt(data: dict, text: str) -> Excerpt:
    start, end = find_quote(data["quote"], text)
    evidence = tuple(Evidence(kind=ev["kind"], description=" ".join(ev["description"].split()),
                              citation=ev.get("citation")) for ev in data["evidence"])
    return Excerpt(id=data["id"], source=data["source"], theme=data["theme"],
                   position=data.get("position"), stance=data.get("stance", "argues"),
                   quote=" ".join(data["quote"].split()), argument=" ".join(data["argument"].split()),
                   evidence=evidence, start=start, end=end,
                   flags=tuple(_flag(f) for f in data.get("flags", [])))


def _event(data: dict) -> Event:
    conflicts = tuple((c["date"], tuple(c["excerpts"]), c["note"])
                      for c in data.get("conflicting_dates", []))
    return Event(id=data["id"], date=data["date"], end_date=data.get("end_date"),
                 label=data["label"], excerpts=tuple(data["excerpts"]), conflicting_dates=conflicts,
                 flag=_flag(data["flag"]) if data.get("flag") else None)
