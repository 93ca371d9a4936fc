"""The evidence profile: how each author supports their claims, as stacked bars.

`draw_evidence_profile` stacks, for each source, the evidence its excerpts rest
on, by kind: quoting primary sources, giving statistics, pointing to events,
relying on historians, or asserting with no evidence. The left panel counts the
pieces of evidence, the right one gives each kind's share, so that short and long
texts can be compared. Each kind has its colour and its hatching; a segment wide
enough for its number prints it (the smallest are left unnumbered: see ``.data``).

The figure is SVG written by hand (see `figure_parts`): every text records the
box it takes in ``data-box``.
"""

from __future__ import annotations

import pandas as pd

from . import svg
from .figure_base import HATCHES, OKABE_ITO, CourseFigure, corpus_file, plural
from .figure_parts import BIG, SIZE, Canvas, tick_label, ticks, x_axis
from .records import EVIDENCE_KINDS
from .tables import evidence_table

__all__ = ["evidence_counts", "draw_evidence_profile"]

_WIDTH = 1200  # the drawing, in pixels
_ROW = 58  # pixels from one source's bars to the next
_BAR = 36  # the height of a bar, in pixels
_COLOURS = ["blue", "reddish purple", "bluish green", "sky blue", "orange", "vermillion"]


def evidence_counts(records) -> pd.DataFrame:
    """Sources by kinds of evidence: how many pieces of each kind each source's excerpts cite.

    >>> import helpers
    >>> int(evidence_counts(helpers.load().records).loc["Hallas", "gives a statistic"])
    8
    """
    evidence = evidence_table(records)
    names = [s.short_name for s in records.sources()]
    counts = (evidence.groupby(["author", "kind"]).size().unstack(fill_value=0)
              .reindex(index=names, columns=list(EVIDENCE_KINDS), fill_value=0))
    counts.columns = list(EVIDENCE_KINDS.values())
    counts.index.name = "author"
    return counts


def _panel(canvas: Canvas, values: pd.DataFrame, counts: pd.DataFrame, x0: float, scale: float,
           top: float, as_share: bool) -> None:
    """One panel's stacked bars, a source a row; a segment wide enough for its number shows it."""
    for row, name in enumerate(values.index):
        start, middle = x0, top + (row + 0.5) * _ROW
        for n, kind in enumerate(values.columns):
            width, count = float(values.loc[name, kind]) * scale, int(counts.loc[name, kind])
            if not count:
                continue
            canvas.bar(start, middle - _BAR / 2, width, _BAR, OKABE_ITO[_COLOURS[n % 6]],
                       HATCHES[n % len(HATCHES)], class_="segment", data_source=name,
                       data_kind=kind, data_count=count)
            words = f"{values.loc[name, kind]:.0%}" if as_share else str(count)
            box = svg.text_box(start + width / 2, middle, words, SIZE, "middle", bold=True)
            if box[2] - box[0] + 6 <= width:
                canvas.add(svg.tag("rect", x=box[0] - 2, y=box[1] + 1, width=box[2] - box[0] + 4,
                                   height=box[3] - box[1] - 2, fill="white", fill_opacity=0.85))
                canvas.text(start + width / 2, middle, words, SIZE, "middle", bold=True,
                            class_="segment-label")
            start += width


def draw_evidence_profile(records) -> CourseFigure:
    """Draw the evidence profile (see `Course.evidence_profile`), as SVG.

    >>> from helpers import load
    >>> profile = draw_evidence_profile(load().records)
    >>> profile.svg.startswith("<svg")
    True
    """
    counts = evidence_counts(records)
    names = list(counts.index)
    shares = counts.div(counts.sum(axis=1).replace(0, 1), axis=0)
    totals = counts.sum(axis=1)
    title = "Evidence profile: how each author supports their claims"
    table = counts.assign(total=totals)
    caption = (f"The {plural(int(totals.sum()), 'piece')} of evidence recorded for the excerpts "
               f"in {corpus_file(records, 'excerpts/')}, by kind, for each source. 'Asserts' "
               "means the author gives no evidence for that claim: a finding about the text, "
               "not a fault of the record.")
    alt_text = "Stacked bars of the evidence each source uses, by kind. " + " ".join(
        f"{name}: {int(totals[name])} pieces; " + ", ".join(
            f"{label} {int(counts.loc[name, label])} ({shares.loc[name, label]:.0%})"
            for label in counts.columns) + "." for name in names)
    canvas = Canvas("evidence-profile", title, alt_text)
    top = canvas.heading(14, _WIDTH - 28) + 14
    labels = ["\n".join(svg.wrap(name, 200, BIG)) for name in names]
    # the label of the rows runs up their side, or heads the names when too few to hold it
    vertical = svg.text_width("Source (author)", SIZE) + 12 <= len(names) * _ROW
    a0 = max(40 + max(svg.text_width(label, BIG) for label in labels) + 14,
             14 + (0 if vertical else svg.text_width("Source (author)", SIZE) + 24))
    gap = 44
    b0 = a0 + (_WIDTH - 24 - a0 - gap) / 2 + gap
    a1, b1 = b0 - gap, _WIDTH - 24
    for x, words in ((a0, "How many pieces of evidence"), (b0, "What share of each author's evidence")):
        canvas.text(x, top + 0.62 * BIG, words, BIG, class_="panel-title")
    top += 1.24 * BIG + 10
    most = max(int(totals.max()), 1)
    room = svg.text_width(str(most), SIZE) + 12  # for the total at the end of each bar
    scale = (a1 - a0 - room) / most
    _panel(canvas, counts, counts, a0, scale, top, as_share=False)
    _panel(canvas, shares, counts, b0, b1 - b0, top, as_share=True)
    for row, name in enumerate(names):
        middle = top + (row + 0.5) * _ROW
        canvas.text(a0 + totals[name] * scale + 6, middle, str(int(totals[name])), class_="total")
        canvas.text(a0 - 10, middle, labels[row], BIG, "end", class_="source")
    bottom = top + len(names) * _ROW
    if vertical:
        canvas.text(14 + 0.62 * SIZE, (top + bottom) / 2, "Source (author)", SIZE, "middle",
                    vertical=True, class_="axis-label")
    else:
        canvas.text(a0 - 10, top - 10 - 0.62 * BIG, "Source (author)", SIZE, "end",
                    class_="axis-label")
    steps = [v for v in ticks(most * 1.08) if v == int(v)]  # whole pieces of evidence
    below = [x_axis(canvas, a0, a1, bottom, [(a0 + v * scale, str(v)) for v in steps
                                             if a0 + v * scale <= a1],
                    "Pieces of evidence (the total ends each bar)"),
             x_axis(canvas, b0, b1, bottom, [(b0 + v * (b1 - b0), tick_label(v, 0.2, "%"))
                                             for v in ticks(1)],
                    "Share of each author's evidence")]
    for x in (a0, b0):
        canvas.add(svg.tag("line", x1=x, y1=top - 6, x2=x, y2=bottom, stroke="black"))
    entries = [(OKABE_ITO[_COLOURS[n % 6]], HATCHES[n % len(HATCHES)], kind)
               for n, kind in enumerate(counts.columns)]
    end = canvas.legend(entries, 40, max(below) + 18, _WIDTH - 54,
                        title="Evidence kind (colour and hatching; the smallest segments are "
                              "unnumbered: see .data)")
    return CourseFigure(canvas.finish(_WIDTH, end + 14), title, caption, table, alt_text)
