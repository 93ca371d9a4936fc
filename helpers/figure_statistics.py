"""The sources' own numbers: one panel per series of ``corpus/statistics.yaml``.

Each bar is labelled with the words the source prints ("roughly one eighth"),
so the chart never claims more precision than the source. A series whose
numbers all have a year is drawn as bars in date order; shares of a whole
(unit "share") as bars out of 100 %; other series as labelled bars; a series
of one number as that number in words. The caveats the sources state are in
the caption and ``.data``, and printed under the chart of a single series.
"""

from __future__ import annotations

import re
import textwrap

import pandas as pd
from matplotlib.ticker import FuncFormatter, PercentFormatter

from .figure_base import FONT, OKABE_ITO, CourseFigure, corpus_file, new_figure, plural
from .figure_citations import NOT_NAMED, person_of
from .lookup import find
from .tables import statistics_table

__all__ = ["draw_statistics"]

_BAR = OKABE_ITO["blue"]


def _titler(records):
    """A series' title, as statistics.yaml gives it under 'series:' (else from its id)."""
    return lambda series: records.series_titles.get(series,
                                                    series.replace("-", " ").capitalize())


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width, break_long_words=False))


def _quoted(row) -> str:
    return f"\u201c{row['as_printed']}\u201d"


def _when(row) -> str:
    """The 'when' part of a dated label: 'Party members, early 1918' -> 'early 1918'."""
    tail = row["label"].rsplit(",", 1)[-1].strip()
    return tail if re.search(r"\d{4}", tail) else str(int(row["year"]))


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


def _timed(ax, rows: pd.DataFrame) -> None:
    rows = rows.sort_values("year")
    x = list(range(len(rows)))
    ax.bar(x, rows["value"], width=0.6, color=_BAR, edgecolor="black")
    lines = 1
    for xx, (_, row) in zip(x, rows.iterrows(), strict=True):
        words = _wrap(_quoted(row), 12)
        if row["value"] == rows["value"].max():
            lines = max(lines, words.count("\n") + 1)
        ax.annotate(words, (xx, row["value"]), xytext=(0, 3),
                    textcoords="offset points", ha="center", va="bottom", fontsize=FONT)
    ax.set_xticks(x, [_wrap(_when(row), max(7, 24 // len(rows))) for _, row in rows.iterrows()])
    ax.set_xlim(-0.6, len(rows) - 0.4)
    top = rows["value"].max()
    ax.set_ylim(0, top * (1.2 + 0.14 * lines))
    ax.set_yticks([t for t in ax.get_yticks() if 0 <= t <= top * 1.1])  # no scale past the data
    ax.set_xlabel("Date the source gives", fontsize=FONT)
    ax.set_ylabel(_wrap(rows["unit"].iloc[0], 22), fontsize=FONT)
    if rows["value"].max() >= 10000:
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v / 1000:,.0f}k"))


def _bars(ax, rows: pd.DataFrame, share: bool) -> None:
    y = list(range(len(rows)))[::-1]
    if share:
        ax.barh(y, [1] * len(rows), height=0.7, color="white", edgecolor="#777777",
                linestyle="--")
    ax.barh(y, rows["value"], height=0.7, color=_BAR, edgecolor="black",
            hatch="//" if share else "")
    limit = 1 if share else rows["value"].max()
    for yy, (_, row) in zip(y, rows.iterrows(), strict=True):
        inside = row["value"] > 0.6 * limit
        ax.text(row["value"] - 0.03 * limit if inside else row["value"] + 0.03 * limit, yy,
                _wrap(_quoted(row), 18 if inside or share else 24),
                ha="right" if inside else "left", va="center", fontsize=FONT,
                color="white" if inside else "black",
                bbox={"facecolor": _BAR, "edgecolor": "none", "pad": 1} if inside else None)
    ax.set_yticks(y, [_wrap(label, 14) for label in rows["label"]], fontsize=FONT)
    if share:
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.set_xlabel("share of the whole\n(dashed box = all of it)", fontsize=FONT)
    else:
        ax.set_xlim(0, limit * 1.3)
        ax.set_xlabel(rows["unit"].iloc[0], fontsize=FONT)
    ax.set_ylabel("Who or what", fontsize=FONT)


def _single(ax, row) -> None:
    ax.axis("off")
    ax.text(0.5, 0.6, _wrap(_quoted(row), 16), ha="center", va="center",
            fontsize=FONT + 7, fontweight="bold", color=_BAR, transform=ax.transAxes)
    ax.text(0.5, 0.18, _wrap(f"{row['label']}: {row['value']:,.0f} {row['unit']}", 26),
            ha="center", va="center", fontsize=FONT, transform=ax.transAxes)


def _panel(records, ax, series: str, rows: pd.DataFrame) -> None:
    if len(rows) == 1:
        _single(ax, rows.iloc[0])
    elif rows["year"].notna().all() and rows["unit"].nunique() == 1:
        _timed(ax, rows)
    else:
        _bars(ax, rows, share=(rows["unit"] == "share").all())
    ax.set_title(_wrap(_titler(records)(series), 24) + "\n" + _wrap(
        f"({_credit(records, rows['excerpt'].unique())})", 24), fontsize=FONT + 1, loc="left")
    ax.tick_params(labelsize=FONT)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)


def _has_note(row) -> bool:
    return isinstance(row["note"], str) and bool(row["note"].strip())


def _notes(rows: pd.DataFrame, width: int) -> str:
    return "\n".join(_wrap(f"\u2022 {row['label']}: {row['note']}", width)
                     for _, row in rows.iterrows() if _has_note(row))


def draw_statistics(records, series: str | list[str] | None = None) -> CourseFigure:
    """Draw the statistics chart (see `Course.statistics_chart`)."""
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
    if n == 1:
        fig = new_figure(10, 5.5)
        chart, text = fig.subplots(1, 2, width_ratios=[1.1, 1])
        axes = [chart]
        text.axis("off")
        text.set_title("What the source says about these numbers", fontsize=FONT + 1,
                       loc="left")
        text.text(0, 1, _notes(table, 48) or "The source states no caveat.", va="top",
                  fontsize=FONT, transform=text.transAxes)
    else:
        cols = min(n, 4)
        fig = new_figure(14, 4.4 * -(-n // cols) + 0.6)
        axes = list(fig.subplots(-(-n // cols), cols, squeeze=False).ravel())
        for ax in axes[n:]:
            ax.axis("off")
            ax.text(0, 0.95, _wrap("\u201cQuoted words\u201d are the numbers exactly as the "
                                   "source prints them. The sources' caveats are in the "
                                   "caption; a single series, e.g. "
                                   f"course.statistics_chart(\"{wanted[0]}\"), prints them "
                                   "beside its chart.", 26),
                    va="top", fontsize=FONT, transform=ax.transAxes)
    for ax, name in zip(axes, wanted, strict=False):
        _panel(records, ax, name, table[table["series"] == name])
    title = ("The sources' own numbers" if n > 1
             else f"The sources' own numbers: {_title(wanted[0])}")
    fig.suptitle(title, fontsize=FONT + 5, fontweight="bold", x=0.01, ha="left")
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
    return CourseFigure(fig, title, caption, data, alt_text)
