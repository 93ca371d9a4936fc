"""The course's tables, built from its records: one shape for all of them.

Every table is a `Table` (a pandas DataFrame that shows text whole), indexed
by the record's id, with lower_case column names and one value per cell: a
cell that holds several values (the authors who argue a position) holds a
list, which ``table.explode("argued_by")`` turns into one row each.
`Course` documents each table's columns; these functions build them.
"""

from __future__ import annotations

from .records import EVIDENCE_KINDS, FLAG_STATUSES
from .table import Table

__all__ = ["sources_table", "themes_table", "positions_table", "excerpts_table",
           "evidence_table", "citations_table", "events_table", "statistics_table",
           "glossary_table", "claims_table"]


def _table(rows: list[dict], columns: list[str]) -> Table:
    """A Table with these columns, indexed by 'id' (an empty table keeps its columns)."""
    return Table(rows, columns=["id", *columns]).set_index("id")


def sources_table(records) -> Table:
    rows = [{"id": s.id, "author": s.author, "short_name": s.short_name, "title": s.title,
             "publication": s.publication, "date": s.date_shown, "genre": s.genre,
             "tradition": s.tradition, "words": len(s.text.split())} for s in records.sources()]
    return _table(rows, ["author", "short_name", "title", "publication", "date", "genre",
                         "tradition", "words"])


def themes_table(records) -> Table:
    rows = [{"id": t.id, "title": t.title, "question": t.question, "positions": len(t.positions),
             "excerpts": len(records.excerpts(theme=t.id))} for t in records.themes()]
    return _table(rows, ["title", "question", "positions", "excerpts"])


def positions_table(records, theme=None) -> Table:
    themes = [records.theme(theme)] if theme else records.themes()
    rows = [{"id": p.id, "theme": t.id, "label": p.label, "summary": p.summary,
             "argued_by": records.authors_of(p.id, "argues"),
             "reported_by": records.authors_of(p.id, "reports"),
             "excerpts": len(records.excerpts(position=p.id))}
            for t in themes for p in t.positions]
    return _table(rows, ["theme", "label", "summary", "argued_by", "reported_by", "excerpts"])


def _flags(excerpt) -> list[str]:
    return [f"{FLAG_STATUSES[f.status]}: “{f.words}”" for f in excerpt.flags]


def excerpts_table(records, theme=None, source=None, position=None) -> Table:
    rows = [{"id": e.id, "author": records.author(e.source), "source": e.source,
             "theme": e.theme, "position": e.position or "", "stance": e.stance,
             "quote": e.quote, "argument": e.argument,
             "evidence_kinds": [ev.kind for ev in e.evidence], "flags": _flags(e)}
            for e in records.excerpts(theme=theme, source=source, position=position)]
    return _table(rows, ["author", "source", "theme", "position", "stance", "quote", "argument",
                         "evidence_kinds", "flags"])


def evidence_table(records, theme=None, source=None, position=None, kind=None) -> Table:
    if kind is not None and kind not in EVIDENCE_KINDS:
        from .lookup import find
        find(EVIDENCE_KINDS, kind, "evidence kind")
    rows = []
    for e in records.excerpts(theme=theme, source=source, position=position):
        for n, ev in enumerate(e.evidence, start=1):
            if kind is not None and ev.kind != kind:
                continue
            cited = records.citation(ev.citation) if ev.citation else None
            rows.append({"id": f"{e.id}/{n}", "excerpt": e.id, "author": records.author(e.source),
                         "source": e.source, "theme": e.theme, "position": e.position or "",
                         "kind": ev.kind, "kind_in_words": EVIDENCE_KINDS[ev.kind],
                         "description": ev.description, "citation": ev.citation or "",
                         "cited_author": cited.cited_author if cited else "",
                         "cited_work": cited.work if cited else ""})
    return _table(rows, ["excerpt", "author", "source", "theme", "position", "kind",
                         "kind_in_words", "description", "citation", "cited_author", "cited_work"])


def citations_table(records, theme=None, source=None) -> Table:
    chosen = records.citations_used(theme=theme) if theme else records.citations()
    if source is not None:
        records.source(source)
    rows = []
    for c in chosen:
        if source is not None and c.source != source:
            continue
        used = [e.id for e in records.excerpts(source=c.source)
                if any(ev.citation == c.id for ev in e.evidence)]
        rows.append({"id": c.id, "cited_by": records.author(c.source), "source": c.source,
                     "note": c.note, "cited_author": c.cited_author, "work": c.work,
                     "details": c.details or "", "page": c.page or "",
                     "as_printed": c.as_printed, "used_in": used})
    table = _table(rows, ["cited_by", "source", "note", "cited_author", "work", "details", "page",
                          "as_printed", "used_in"])
    table["note"] = table["note"].astype("Int64")
    return table


def events_table(records, theme=None, source=None) -> Table:
    wanted = None
    if theme is not None or source is not None:
        wanted = {e.id for e in records.excerpts(theme=theme, source=source)}
    rows = []
    for event in records.events():
        stating = records.excerpts_stating(event)
        if wanted is not None and not wanted & {e.id for e in stating}:
            continue
        flag = event.flag
        rows.append({"id": event.id, "date": event.date, "end_date": event.end_date or "",
                     "label": event.label,
                     "stated_by": list(dict.fromkeys(records.author(e.source) for e in stating)),
                     "excerpts": [e.id for e in stating],
                     "other_dates": [d for d, _, _ in event.conflicting_dates],
                     "dates_note": " ".join(n for _, _, n in event.conflicting_dates),
                     "flag": FLAG_STATUSES[flag.status] if flag else "",
                     "flag_note": flag.note if flag else ""})
    return _table(rows, ["date", "end_date", "label", "stated_by", "excerpts", "other_dates",
                         "dates_note", "flag", "flag_note"])


def statistics_table(records, series=None, source=None) -> Table:
    known = {s.series for s in records.statistics()}
    if series is not None and series not in known:
        from .lookup import find
        find({k: k for k in known}, series, "statistics series")
    if source is not None:
        records.source(source)
    rows = []
    for s in records.statistics():
        excerpt = records.excerpt(s.excerpt)
        if (series is None or s.series == series) and (source is None or excerpt.source == source):
            rows.append({"id": s.id, "series": s.series, "label": s.label, "year": s.year,
                         "as_printed": s.value_as_printed, "value": s.value, "unit": s.unit,
                         "author": records.author(excerpt.source), "source": excerpt.source,
                         "excerpt": s.excerpt, "note": s.note or ""})
    table = _table(rows, ["series", "label", "year", "as_printed", "value", "unit", "author",
                          "source", "excerpt", "note"])
    table["year"] = table["year"].astype("Int64")
    return table


def evidence_bank_table(records, entries) -> Table:
    rows = []
    for entry in entries:
        try:
            e = records.excerpt(entry.excerpt)
        except KeyError:
            rows.append({"id": entry.excerpt, "author": "", "source": "", "theme": "",
                         "position": "", "evidence_kinds": [], "quote":
                         "(this extract is not in the corpus loaded here)", "note": entry.note,
                         "kept_at": entry.kept_at})
            continue
        rows.append({"id": e.id, "author": records.author(e.source), "source": e.source,
                     "theme": e.theme, "position": e.position or "",
                     "evidence_kinds": [ev.kind for ev in e.evidence], "quote": e.quote,
                     "note": entry.note, "kept_at": entry.kept_at})
    return _table(rows, ["author", "source", "theme", "position", "evidence_kinds", "quote",
                         "note", "kept_at"])


def glossary_table(records, excerpt=None) -> Table:
    terms = records.terms()
    if excerpt is not None:
        ids = [excerpt] if isinstance(excerpt, str) else list(excerpt)
        text = " ".join(records.excerpt(i).quote for i in ids).lower()
        terms = [t for t in terms if any(_uses(text, s) for s in (t.term, *t.also))]
    rows = [{"id": t.id, "term": t.term, "definition": t.definition} for t in terms]
    return _table(rows, ["term", "definition"])


def _uses(text: str, spelling: str) -> bool:
    """Whether a lower-case text uses a term: the spelling at the start of a word.

    Other words of a family (bureaucratic for bureaucracy) are listed under the
    term's ``also`` in glossary.yaml, so that "direct" never finds "Directory".

    >>> _uses("the kulaks", "kulak"), _uses("direct workers", "directory")
    (True, False)
    """
    import re

    return re.search(rf"(?<![a-z]){re.escape(spelling.lower())}", text) is not None


def claims_table(records, theme=None, source=None) -> Table:
    rows = []
    for e in records.excerpts(theme=theme, source=source):
        for n, f in enumerate(e.flags, start=1):
            rows.append({"id": f"{e.id}/{n}", "record": e.id, "author": records.author(e.source),
                         "source": e.source, "theme": e.theme, "words": f.words,
                         "status": FLAG_STATUSES[f.status], "note": f.note,
                         "basis": f.basis or ""})
    if theme is None:
        for event in records.events():
            stating = records.excerpts_stating(event)
            if event.flag and (source is None or any(e.source == source for e in stating)):
                f = event.flag
                rows.append({"id": f"{event.id}/1", "record": event.id,
                             "author": ", ".join(dict.fromkeys(records.author(e.source)
                                                               for e in stating)),
                             "source": stating[0].source if stating else "", "theme": "",
                             "words": f"{event.label} ({event.date})",
                             "status": FLAG_STATUSES[f.status], "note": f.note,
                             "basis": f.basis or ""})
    return _table(rows, ["author", "words", "status", "note", "basis", "record", "source", "theme"])
