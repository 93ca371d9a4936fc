"""The records of a checked corpus, and every question about them asked in one place.

`Records` is what the widgets, tables and figures read: one record by id
(``records.excerpt("hallas-thermidor-1935")``), lists of records with the same
filters as the student's tables (``records.excerpts(theme=..., source=...)``),
and the few derived facts more than one part of the course needs: who argues a
position, which works are cited on a theme, an author's short name.

Students rarely need it: ``course.records`` is where a programmer finds it.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from .lookup import find
from .records import Citation, Event, Evidence, Excerpt, Flag, Phase, Position, Source, Statistic, Term, Theme

__all__ = ["Records"]


def _flat(text: str | None) -> str:
    return " ".join(str(text or "").split())


class Records:
    """Every record of one corpus, looked up by id or listed with filters.

    >>> import helpers
    >>> records = helpers.load().records
    >>> records.excerpt("hallas-thermidor-1935").source
    'hallas-stalinism'
    >>> records.author("rfzo47-blog")
    'The blog (rfzo47)'
    """

    def __init__(self, raw):
        self.folder: Path = raw.folder
        self._sources = {sid: _source(meta, raw.texts[sid]) for sid, meta in raw.sources.items()}
        self._themes = {t["id"]: _theme(t) for t in raw.themes}
        self._excerpts = {e["id"]: _excerpt(e, raw.offsets[e["id"]]) for e in raw.excerpts}
        self._citations = {c["id"]: Citation(**{k: c.get(k) for k in Citation.__annotations__})
                           for c in raw.citations}
        self._events = {e["id"]: _event(e) for e in sorted(raw.events, key=lambda e: e["date"])}
        self._statistics = {s["id"]: Statistic(**{k: s.get(k) for k in Statistic.__annotations__})
                            for s in raw.statistics}
        self._terms = {t["id"]: Term(id=t["id"], term=t["term"], also=tuple(t.get("also", [])),
                                     definition=_flat(t["definition"])) for t in raw.glossary}
        self.phases: tuple[Phase, ...] = tuple(
            Phase(label=p["label"], start=p["start"], end=p["end"], row=p.get("row", "country"))
            for p in raw.phases)
        self.series_titles: dict[str, str] = dict(raw.series_titles)

    def __repr__(self) -> str:
        return (f"<Records: {len(self._sources)} sources, {len(self._themes)} themes, "
                f"{len(self._excerpts)} excerpts from {self.folder}>")

    # --- one record, by id ------------------------------------------------------------
    def source(self, source_id: str) -> Source:
        """The source with this id (an UnknownIdError naming close matches if none)."""
        return find(self._sources, source_id, "source")

    def theme(self, theme_id: str) -> Theme:
        """The theme with this id."""
        return find(self._themes, theme_id, "theme")

    def position(self, position_id: str) -> Position:
        """The position with this id (position ids are unique across the corpus).

        >>> import helpers
        >>> helpers.load().records.position("party-machine").theme
        'why-stalin-won'
        """
        return find({p.id: p for t in self._themes.values() for p in t.positions},
                    position_id, "position")

    def excerpt(self, excerpt_id: str) -> Excerpt:
        """The excerpt with this id."""
        return find(self._excerpts, excerpt_id, "excerpt")

    def citation(self, citation_id: str) -> Citation:
        """The citation with this id."""
        return find(self._citations, citation_id, "citation")

    def event(self, event_id: str) -> Event:
        """The dated event with this id."""
        return find(self._events, event_id, "event")

    def statistic(self, statistic_id: str) -> Statistic:
        """The number with this id."""
        return find(self._statistics, statistic_id, "statistic")

    def term(self, term_id: str) -> Term:
        """The glossary entry with this id."""
        return find(self._terms, term_id, "glossary term")

    # --- lists, filtered the same way as the student's tables ---------------------------
    def sources(self) -> list[Source]:
        """Every source, in the order of the corpus (sorted by id)."""
        return list(self._sources.values())

    def themes(self) -> list[Theme]:
        """Every theme, in the order of the lessons."""
        return list(self._themes.values())

    def excerpts(self, theme: str | None = None, source: str | None = None,
                 position: str | None = None) -> list[Excerpt]:
        """The excerpts on a theme, by a source, for a position (each filter optional).

        Unknown ids raise an UnknownIdError that names close matches.
        """
        if theme is not None:
            self.theme(theme)
        if source is not None:
            self.source(source)
        if position is not None:
            self.position(position)
        return [e for e in self._excerpts.values()
                if (theme is None or e.theme == theme) and (source is None or e.source == source)
                and (position is None or e.position == position)]

    def citations(self) -> list[Citation]:
        """Every citation, in corpus order."""
        return list(self._citations.values())

    def events(self) -> list[Event]:
        """Every dated event, in date order."""
        return list(self._events.values())

    def statistics(self) -> list[Statistic]:
        """Every number the sources give, in corpus order."""
        return list(self._statistics.values())

    def terms(self) -> list[Term]:
        """Every glossary entry, in corpus order."""
        return list(self._terms.values())

    # --- derived facts, each computed here and nowhere else ------------------------------
    def author(self, source_id: str) -> str:
        """The short name of a source's author, e.g. 'Hallas'."""
        return self.source(source_id).short_name

    def authors_of(self, position: str, stance: str = "argues") -> list[str]:
        """The authors (short names, in source order) who argue, or report, a position.

        >>> import helpers
        >>> helpers.load().records.authors_of("personality")
        []
        """
        found = {e.source for e in self.excerpts(position=position) if e.stance == stance}
        return [s.short_name for s in self._sources.values() if s.id in found]

    def citations_used(self, theme: str | None = None, source: str | None = None) -> list[Citation]:
        """The citations that the excerpts (of a theme, of a source) rest their evidence on."""
        used = {ev.citation for e in self.excerpts(theme=theme, source=source)
                for ev in e.evidence if ev.citation}
        return [c for c in self._citations.values() if c.id in used]

    def excerpts_stating(self, event: Event) -> list[Excerpt]:
        """The excerpts that state an event's date, first date first."""
        ids = list(event.excerpts) + [x for _, ids, _ in event.conflicting_dates for x in ids]
        return [self.excerpt(eid) for eid in dict.fromkeys(ids)]

    def to_dict(self) -> dict:
        """The whole corpus as JSON-ready data (`python3 run.py dump` prints it)."""
        return {
            "sources": [{**asdict(s), "date_shown": s.date_shown} for s in self.sources()],
            "themes": [asdict(t) for t in self.themes()],
            "excerpts": [asdict(e) for e in self._excerpts.values()],
            "citations": [asdict(c) for c in self.citations()],
            "events": [{**asdict(e), "year": e.year, "conflicting_dates": [
                {"date": d, "excerpts": list(x), "note": n} for d, x, n in e.conflicting_dates]}
                for e in self.events()],
            "statistics": [asdict(s) for s in self.statistics()],
            "glossary": [asdict(t) for t in self.terms()],
            "phases": [asdict(p) for p in self.phases],
        }


def _source(meta: dict, text: str) -> Source:
    return Source(
        id=meta["id"], author=meta["author"], short_name=meta["short_name"], title=meta["title"],
        publication=_flat(meta["publication"]), genre=meta["genre"], date=str(meta["date"]),
        date_basis=meta["date_basis"], tradition=_flat(meta["tradition"]["label"]),
        tradition_evidence=tuple((_flat(e["quote"]), _flat(e["note"]))
                                 for e in meta["tradition"]["evidence"]),
        outside_text=tuple(_flat(t) for t in meta["outside_text"]),
        provenance=_flat(meta["provenance"]), text=text,
        author_typos=tuple((t["text"], _flat(t["note"])) for t in meta.get("author_typos", [])))


def _theme(data: dict) -> Theme:
    positions = tuple(Position(id=p["id"], theme=data["id"], label=p["label"],
                               summary=_flat(p["summary"])) for p in data["positions"])
    return Theme(id=data["id"], title=data["title"], question=_flat(data["question"]),
                 context=_flat(data["context"]), positions=positions,
                 missing_voices=_flat(data["missing_voices"]),
                 outside_text=tuple(_flat(t) for t in data.get("outside_text", [])))


def _flag(data: dict) -> Flag:
    return Flag(status=data["status"], words=_flat(data.get("words")), note=_flat(data["note"]),
                basis=_flat(data["basis"]) if data.get("basis") else None)


def _excerpt(data: dict, offsets: tuple[int, int]) -> Excerpt:
    evidence = tuple(Evidence(kind=ev["kind"], description=_flat(ev["description"]),
                              citation=ev.get("citation")) for ev in data["evidence"])
    return Excerpt(id=data["id"], source=data["source"], theme=data["theme"],
                   position=data.get("position"), stance=data.get("stance", "argues"),
                   quote=_flat(data["quote"]), argument=_flat(data["argument"]),
                   evidence=evidence, start=offsets[0], end=offsets[1],
                   flags=tuple(_flag(f) for f in data.get("flags", [])))


def _event(data: dict) -> Event:
    conflicts = tuple((c["date"], tuple(c["excerpts"]), _flat(c["note"]))
                      for c in data.get("conflicting_dates", []))
    return Event(id=data["id"], date=data["date"], end_date=data.get("end_date"),
                 label=data["label"], excerpts=tuple(data["excerpts"]), conflicting_dates=conflicts,
                 flag=_flag(data["flag"]) if data.get("flag") else None)
