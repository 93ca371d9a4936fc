"""The sources' own numbers: one panel per series of ``corpus/statistics.yaml``.

Each bar is labelled with the words the source prints ("roughly one eighth"),
so the chart never claims more precision than the source. A series whose
numbers all have a year is drawn as bars in date order; shares of a whole
(unit "share") as bars out of 100 %; other series as labelled bars; a series
of one number as that number in words (the panels are drawn by `figure_panels`).
Under each panel's title is who gives the numbers, and whom they take them from.
The caveats the sources state are in the caption and ``.data``, and printed
beside the chart of a single series.

The figure is SVG written by hand (see `figure_parts`): every text records the
box it takes in ``data-box``.
"""

from __future__ import annotations

import pandas as pd

from . import figure_panels as panels
from . import svg
from .figure_base import CourseFigure, corpus_file, plural
from .figure_citations import NOT_NAMED, person_of
from .figure_parts import BIG, LINE, Canvas
from .lookup import find
from .tables import statistics_table

__all__ = ["draw_statistics"]

_WIDTH = 1200  # the drawing, in pixels, for several series
_SINGLE = 1000  # the drawing of one series and what its source says about it
_PLOT = 240  # the height of a panel's plot, in pixels (taller for a single series)


def _titler(records):
    """A series' title, as statistics.yaml gives it under 'series:' (else from its id)."""
    return lambda series: records.series_titles.get(series,
                                                    series.replace("-", " ").capitalize())


def _credit(records, excerpt_ids) -> str:
    """Who gives the numbers: the author, and whom they take them from."""
    authors, sources = [], []
    for eid in excerpt_ids:
        excerpt = records.excerpt(eid)
        authors.append(records.author(excerpt.source))
        for ev in excerpt.evidence:
            if ev.citation:
                cited = records.citation(ev.citation)
                sources.append(person_of(cited.cited_author, cited.work))
    sources = [s for s in dict.fromkeys(sources) if s != NOT_NAMED]
    return (", ".join(dict.fromkeys(authors))
            + (f", from {' and '.join(sources)}" if sources else ""))


def _panel(canvas: Canvas, records, series: str, rows: pd.DataFrame, x0: float, x1: float,
           top: float, title_height: float, height: float) -> float:
    """One series' panel: its title and who gives the numbers, then its plot; return its bottom."""
    canvas.paragraph(x0, top, _panel_title(records, series, rows, x1 - x0), x1 - x0, BIG,
                     class_="panel-title")
    top += title_height + 12
    if len(rows) == 1:
        return panels.single(canvas, rows.iloc[0], x0, x1, top, height)
    if rows["year"].notna().all() and rows["unit"].nunique() == 1:
        return panels.timed(canvas, rows, x0, x1, top, height)
    return panels.bars(canvas, rows, x0, x1, top, height, share=(rows["unit"] == "share").all())


def _panel_title(records, series: str, rows: pd.DataFrame, width: float) -> str:
    words = [_titler(records)(series), f"({_credit(records, rows['excerpt'].unique())})"]
    return "\n".join(line for part in words for line in svg.wrap(part, width, BIG, balance=True))


def _has_note(row) -> bool:
    return isinstance(row["note"], str) and bool(row["note"].strip())


def _layout(canvas: Canvas, records, table: pd.DataFrame, wanted: list[str], top: float) -> float:
    """The panels, up to three a row, and a word on reading them in the empty places;
    return the y under them."""
    columns, gap = min(len(wanted), 3), 40
    width = (_WIDTH - 14 - 24 + gap) / columns  # a panel and the gap after it
    for first in range(0, len(wanted), columns):
        names = wanted[first:first + columns]
        titles = [_panel_title(records, name, table[table["series"] == name], width - gap)
                  for name in names]
        tall = max((t.count("\n") * LINE + 1.24) * BIG for t in titles)
        bottoms = [_panel(canvas, records, name, table[table["series"] == name],
                          14 + n * width, 14 + n * width + width - gap, top, tall, _PLOT)
                   for n, name in enumerate(names)]
        if len(names) < columns:
            x0 = 14 + len(names) * width
            bottoms.append(canvas.paragraph(
                x0, top + tall + 12, "\u201cQuoted words\u201d are the numbers exactly as the source "
                "prints them. The sources' caveats are in the caption; a single series, e.g. "
                f"course.statistics_chart(\"{wanted[0]}\"), prints them beside its chart.",
                _WIDTH - 24 - x0, class_="note"))
        top = max(bottoms) + 30
    return top - 30


def _one(canvas: Canvas, records, table: pd.DataFrame, series: str, top: float) -> float:
    """A single series: its panel, and beside it what the source says about its numbers;
    return the y under them."""
    split = 14 + 0.55 * (_SINGLE - 28)
    title = _panel_title(records, series, table, split - 14)
    tall = (title.count("\n") * LINE + 1.24) * BIG
    bottom = _panel(canvas, records, series, table, 14, split, top, tall, _PLOT + 90)
    x, width = split + 40, _SINGLE - 14 - split - 40
    y = canvas.paragraph(x, top, "What the source says about these numbers", width, BIG,
                         class_="notes-title") + 8
    notes = [f"\u2022 {row['label']}: {row['note']}" for _, row in table.iterrows() if _has_note(row)]
    for note in notes or ["The source states no caveat."]:
        y = canvas.paragraph(x, y, note, width, class_="note") + 6
    return max(bottom, y)


def draw_statistics(records, series: str | list[str] | None = None) -> CourseFigure:
    """Draw the statistics chart (see `Course.statistics_chart`), as SVG.

    >>> from helpers import load
    >>> chart = draw_statistics(load().records)
    >>> chart.svg.startswith("<svg")
    True
    """
    _title = _titler(records)
    table = statistics_table(records).reset_index()
    if table.empty:
        raise ValueError(f"there are no numbers to chart: {corpus_file(records, 'statistics.yaml')}"
                         " has none")
    known = list(dict.fromkeys(table["series"]))
    wanted = known if series is None else [series] if isinstance(series, str) else list(series)
    for name in wanted:
        find({k: k for k in known}, name, "statistics series")  # UnknownIdError, with close matches
    table = table[table["series"].isin(wanted)]
    n = len(wanted)
    title = ("The sources' own numbers" if n > 1
             else f"The sources' own numbers: {_title(wanted[0])}")
    authors = sorted(table["author"].unique())
    caveats = " ".join(f"{row['label']}: {row['note']}" for _, row in table.iterrows()
                       if _has_note(row))
    caption = (f"{plural(len(table), 'number')} from {corpus_file(records, 'statistics.yaml')}, "
               f"each printed in an excerpt by "
               f"{', '.join(authors)} (excerpts: {', '.join(sorted(table['excerpt'].unique()))}); "
               f"the labels quote the source's own words. Caveats: {caveats or 'none stated.'}")
    data = table.set_index("id")[["series", "label", "year", "as_printed", "value", "unit",
                                  "author", "excerpt", "note"]]
    alt_text = "Bar charts of the numbers the sources give. " + " ".join(
        f"{_title(name)} ({_credit(records, table[table['series'] == name]['excerpt'].unique())}): "
        + "; ".join(f"{row['label']}: \u201c{row['as_printed']}\u201d ({row['unit']})"
                    for _, row in table[table["series"] == name].iterrows()) + "."
        for name in wanted)
    canvas = Canvas("statistics", title, alt_text)
    width = _WIDTH if n > 1 else _SINGLE
    top = canvas.heading(14, width - 28) + 16
    if n > 1:
        bottom = _layout(canvas, records, table, wanted, top)
    else:
        bottom = _one(canvas, records, table, wanted[0], top)
    return CourseFigure(canvas.finish(width, bottom + 16), title, caption, data, alt_text)
