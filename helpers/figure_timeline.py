"""The timeline: dated events the sources mention, over the phases of the struggle.

Events come from ``events.yaml``; each is drawn where its date falls (a year
alone is drawn at mid-year), periods as bars. Labels are packed into rows so
that none overlaps another. An event the sources date differently is drawn at
every date given, the dates joined by a dashed line, with a diamond marker.
An event we flag as wrong or disputed is drawn hollow, its label saying
"as <author> dates it; <status>". The phases (``phases:`` in events.yaml) are
the course's framing, shaded above the events. The years shown run from the
first event to the last, so a teacher's own corpus gets its own span.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .figure_base import FONT, HATCHES, OKABE_ITO, CourseFigure, corpus_file, new_figure, plural
from .records import FLAG_STATUSES, Event

__all__ = ["date_to_x", "draw_timeline"]

_SQUEEZE = 3  # the quiet years before the main run of events are drawn this many times narrower
_GAP = 6  # pixels between a marker and its label


class _Axis:
    """The time axis: from the first event to the last, quiet early years squeezed."""

    def __init__(self, years: list[float]):
        self.first, self.last = int(min(years)) - 1, int(max(years)) + 2
        # Squeeze the years before the run of events starts, if a lone early event leaves a gap.
        ordered = sorted(years)
        gaps = [(b - a, b) for a, b in zip(ordered, ordered[1:], strict=False) if b - a >= 6]
        self.break_year = int(max(gaps)[1]) - 1 if gaps else self.first

    def forward(self, x):
        return np.where(x < self.break_year, self.break_year - (self.break_year - x) / _SQUEEZE, x)

    def inverse(self, x):
        return np.where(x < self.break_year, self.break_year - (self.break_year - x) * _SQUEEZE, x)

    def ticks(self) -> list[int]:
        step = 5 if self.last - self.first > 12 else 1
        ticks = [y for y in range(self.first + 1, self.last) if y % step == 0]
        return ticks or [self.first + 1]


def date_to_x(date: str) -> float:
    """Where a date falls on the time axis, in years (a year alone is drawn at mid-year).

    >>> [round(date_to_x(d), 2) for d in ("1921", "1917-10", "1941-08-20")]
    [1921.5, 1917.79, 1941.64]
    """
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return parts[0] + 0.5
    if len(parts) == 2:
        return parts[0] + (parts[1] - 0.5) / 12
    return parts[0] + (parts[1] - 1) / 12 + parts[2] / 365


def _authors(records, excerpt_ids) -> str:
    names = []
    for eid in excerpt_ids:
        name = records.author(records.excerpt(eid).source)
        if name not in names:
            names.append(name)
    return ", ".join(names)


def _table(records, events: list[Event]) -> pd.DataFrame:
    rows = []
    for e in events:
        others = [f"{d} ({_authors(records, x)}: {', '.join(x)})" for d, x, _ in e.conflicting_dates]
        rows.append({"id": e.id, "date": e.date, "end_date": e.end_date or "", "event": e.label,
                     "stated_by": _authors(records, e.excerpts), "excerpts": ", ".join(e.excerpts),
                     "dates_differ": "yes" if e.conflicting_dates else "",
                     "other_dates": "; ".join(others),
                     "dates_note": " ".join(n for _, _, n in e.conflicting_dates),
                     "flag": FLAG_STATUSES[e.flag.status] if e.flag else "",
                     "flag_note": e.flag.note if e.flag else ""})
    return pd.DataFrame(rows).set_index("id")


def _label(records, event: Event) -> str:
    label = event.label
    if event.conflicting_dates:
        dates = [event.date[:4]] + [d[:4] for d, _, _ in event.conflicting_dates]
        label = f"{label}  \u26a0 {' or '.join(dates)}?"
    if event.flag:
        label += f"  (as {_authors(records, event.excerpts)} dates it; {event.flag.status_label})"
    return label


def _dates(event: Event) -> list[float]:
    dates = [event.date] + [d for d, _, _ in event.conflicting_dates]
    if event.end_date:
        dates.append(event.end_date)
    return [date_to_x(d) for d in dates]


def _pack(spans: list[tuple[float, float]], widths: list[float], left: float,
          right: float) -> list[tuple[int, str]]:
    """Give each item a row, and its label a side, so that nothing overlaps.

    ``spans`` are the items' (start, end) and ``widths`` their labels' widths, all in
    pixels. A label goes right of its item if there is room, else left of it.
    Returns (row, "left" or "right" alignment of the label) per item.
    """
    rows: list[list[tuple[float, float]]] = []
    placed = []
    for (start, end), width in zip(spans, widths, strict=True):
        options = [("left", start, end + _GAP + width), ("right", start - _GAP - width, end)]
        options = [o for o in options if o[1] >= left and o[2] <= right] or options[:1]
        row = 0
        while True:
            if row == len(rows):
                rows.append([])
            free = [o for o in options
                    if all(o[2] + 2 * _GAP < a or o[1] - 2 * _GAP > b for a, b in rows[row])]
            if free:
                align, lo, hi = free[0]
                break
            row += 1
        rows[row].append((lo, hi))
        placed.append((row, align))
    return placed


def _draw_phases(ax, main_ax, phases) -> None:
    colours = [OKABE_ITO["sky blue"], OKABE_ITO["orange"], OKABE_ITO["bluish green"],
               OKABE_ITO["yellow"], OKABE_ITO["reddish purple"], OKABE_ITO["vermillion"]]
    rows = list(dict.fromkeys(p.row for p in phases))
    for n, phase in enumerate(phases):
        lane, label, start, end = rows.index(phase.row), phase.label, phase.start, phase.end
        y = len(rows) - 1 - lane
        ax.barh(y, end - start, left=start, height=0.9, color=colours[n % len(colours)], alpha=0.4,
                hatch=HATCHES[n % len(HATCHES)], edgecolor="#333333", linewidth=0.8)
        years = f"{start}" if end - start == 1 else f"{start}\u2013{str(end)[2:]}"
        inside = end - start > 1
        ax.text((start + end) / 2 if inside else start - 0.3, y, f"{label}\n{years}",
                ha="center" if inside else "right", va="center", fontsize=FONT,
                linespacing=1.0, bbox={"facecolor": "white", "alpha": 0.75, "pad": 1.5,
                                       "edgecolor": "none"})
        if lane == 0:
            main_ax.axvspan(start, end, color=colours[n % len(colours)], alpha=0.12, linewidth=0)
    ax.set_ylim(-0.5, max(len(rows), 1) - 0.5 + (0 if rows else 1))
    ax.set_yticks(range(len(rows))[::-1], rows, fontsize=FONT)
    ax.tick_params(axis="x", labelbottom=False, bottom=False)
    for spine in ("top", "right", "bottom"):
        ax.spines[spine].set_visible(False)


def _draw_event(ax, event: Event, y: float) -> None:
    blue, red = OKABE_ITO["blue"], OKABE_ITO["vermillion"]
    if event.flag:  # a claim we flag: hollow, dotted, never drawn like an established date
        xs = [date_to_x(d) for d in (event.date, event.end_date) if d]
        ax.plot(xs, [y] * len(xs), color=red, linestyle=":", linewidth=2)
        ax.plot(xs[:1], [y], "s", markerfacecolor="white", markeredgecolor=red, markersize=9,
                markeredgewidth=2)
        return
    if event.end_date:
        ax.plot([date_to_x(event.date), date_to_x(event.end_date)], [y, y], color=blue,
                linewidth=7, solid_capstyle="butt")
    if event.conflicting_dates:
        xs = [date_to_x(event.date)] + [date_to_x(d) for d, _, _ in event.conflicting_dates]
        ax.plot(xs, [y] * len(xs), color=red, linestyle="--", linewidth=1.5)
        ax.plot(xs, [y] * len(xs), "D", color=red, markersize=9, markeredgecolor="black")
    elif not event.end_date:
        ax.plot(date_to_x(event.date), y, "o", color=blue, markersize=7,
                markeredgecolor="black", markeredgewidth=0.6)


def _legend(ax, axis: _Axis) -> None:
    handles = [Line2D([], [], marker="o", color="w", markerfacecolor=OKABE_ITO["blue"],
                      markeredgecolor="black", markersize=8,
                      label="event (a year alone is drawn at mid-year)"),
               Line2D([], [], color=OKABE_ITO["blue"], linewidth=7, label="period"),
               Line2D([], [], marker="D", color=OKABE_ITO["vermillion"], linestyle="--",
                      markeredgecolor="black", markersize=8,
                      label="\u26a0 the sources give different dates: all are drawn"),
               Line2D([], [], marker="s", color=OKABE_ITO["vermillion"], linestyle=":",
                      markerfacecolor="white", markersize=8,
                      label="a date we flag as wrong or disputed (see .data)")]
    if axis.break_year > axis.first:
        handles.append(Patch(facecolor="#eeeeee", edgecolor="none",
                             label=f"years before {axis.break_year} squeezed {_SQUEEZE} times"))
    ax.legend(handles=handles, loc="lower left", fontsize=FONT, frameon=True, framealpha=0.95)


def draw_timeline(records) -> CourseFigure:
    """Draw the timeline of the corpus's events (see `Course.timeline`)."""
    events = records.events()
    if not events:
        raise ValueError(f"the timeline needs dated events, and {corpus_file(records, 'events.yaml')}"
                         " has none")
    phases = records.phases
    axis = _Axis([x for e in events for x in _dates(e)] + [p.start for p in phases]
                 + [p.end for p in phases])
    fig = new_figure(11, 7.5, layout=None)
    grid = fig.add_gridspec(2, 1, height_ratios=[1.25, 6], hspace=0.04,
                            left=0.075, right=0.99, top=0.895, bottom=0.075)
    ax = fig.add_subplot(grid[1])
    phase_ax = fig.add_subplot(grid[0], sharex=ax)
    ax.set_xscale("function", functions=(axis.forward, axis.inverse))
    ax.set_xlim(axis.first, axis.last)
    if axis.break_year > axis.first:
        ax.axvspan(axis.first, axis.break_year, color="#eeeeee", linewidth=0, zorder=0)
    _draw_phases(phase_ax, ax, phases)
    renderer = fig.canvas.get_renderer()
    to_px = ax.transData.transform
    spans, widths, labels = [], [], [_label(records, e) for e in events]
    for event, text in zip(events, labels, strict=True):
        xs = _dates(event)
        spans.append((to_px((min(xs), 0))[0], to_px((max(xs), 0))[0]))
        probe = fig.text(0, 0, text, fontsize=FONT)
        widths.append(probe.get_window_extent(renderer).width)
        probe.remove()
    box = ax.get_window_extent(renderer)
    placed = _pack(spans, widths, box.x0 + 2, box.x1 - 2)
    from_px = ax.transData.inverted().transform
    for event, text, (start, end), (row, align) in zip(events, labels, spans, placed,
                                                       strict=True):
        _draw_event(ax, event, -row)
        x = from_px((end + _GAP if align == "left" else start - _GAP, 0))[0]
        ax.text(x, -row, text, ha=align, va="center", fontsize=FONT,
                color="#8a3300" if event.conflicting_dates or event.flag else "black",
                style="italic" if event.flag else "normal")
    n_rows = 1 + max(row for row, _ in placed)
    ax.set_ylim(-n_rows + 0.3, 0.7)
    ax.set_yticks([])
    ax.set_ylabel("Events, in date order\n(rows only keep labels apart)", fontsize=FONT)
    ax.set_xlabel("Year", fontsize=FONT)
    ax.set_xticks(axis.ticks())
    ax.set_xticks(range(axis.break_year, axis.last), minor=True)
    ax.tick_params(labelsize=FONT)
    ax.grid(axis="x", which="major", color="#cccccc", linewidth=0.8)
    ax.set_axisbelow(True)
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)
    _legend(ax, axis)
    span = f"{events[0].year}\u2013{max(int((e.end_date or e.date)[:4]) for e in events)}"
    title = f"Timeline: the events the sources date, {span}"
    fig.suptitle(title, fontsize=FONT + 5, fontweight="bold", x=0.075, ha="left", y=0.975)
    phase_ax.set_title("Above: the phases of the struggle (our framing). Below: each event as "
                       "dated in the sources' own words.", fontsize=FONT + 1, loc="left")
    phase_ax.set_ylabel("Phases", fontsize=FONT)
    return CourseFigure(fig, title, _caption(records, events, axis), _table(records, events),
                        _alt_text(records, events, span))


def _caption(records, events: list[Event], axis: _Axis) -> str:
    conflicts = [e for e in events if e.conflicting_dates]
    flagged = [e for e in events if e.flag]
    sources = sorted({records.author(records.excerpt(x).source) for e in events for x in e.excerpts})
    squeezed = (f"; years before {axis.break_year} are squeezed to save space"
                if axis.break_year > axis.first else "")
    return (f"{plural(len(events), 'event')} from {corpus_file(records, 'events.yaml')}, each "
            f"stated with its year in an excerpt by {', '.join(sources)}; the table (.data) names "
            f"the excerpts. Bars are periods the sources give. Diamonds joined by a dashed line "
            f"(\u26a0) mark {plural(len(conflicts), 'event')} the sources date differently, drawn "
            f"at every date given. Hollow squares on a dotted line mark "
            f"{plural(len(flagged), 'date')} we flag as wrong or disputed, drawn as the source "
            f"dates it; .data gives the accepted fact. The shaded phases are our framing of the "
            f"struggle, not the sources' dates{squeezed}.")


def _alt_text(records, events: list[Event], span: str) -> str:
    conflicts = [e for e in events if e.conflicting_dates]
    disputes = "; ".join(
        f"{e.label}: " + " or ".join(
            f"{d[:4]} ({_authors(records, x)})"
            for d, x in [(e.date, e.excerpts)] + [(d, x) for d, x, _ in e.conflicting_dates])
        for e in conflicts)
    flagged = "; ".join(f"{e.label}, {e.date[:4]} as {_authors(records, e.excerpts)} dates it "
                        f"({e.flag.status_label}): {e.flag.note}" for e in events if e.flag)
    decades = {}
    for e in events:
        decades[e.year // 10 * 10] = decades.get(e.year // 10 * 10, 0) + 1
    busiest = max(decades, key=decades.get)
    phases = "; ".join(f"{p.label.replace(chr(10), ' ')} {p.start}-{p.end}"
                       for p in records.phases) or "none"
    text = (f"A timeline, {span}, of {plural(len(events), 'event')} the sources date, from "
            f"{events[0].label} ({events[0].date}) to {events[-1].label} ({events[-1].date}). "
            f"The {busiest}s hold the most events ({decades[busiest]}). "
            f"Phases shaded above the events: {phases}. ")
    if conflicts:
        text += f"The sources give different dates for {plural(len(conflicts), 'event')}: {disputes}. "
    if flagged:
        text += f"Dates we flag: {flagged}."
    return text.strip()
