"""The timeline: dated events the sources mention, 1905-1940, over the struggle's phases.

Events come from ``corpus/events.yaml``; each is drawn where its date falls
(a year alone is drawn at mid-year), periods as bars. Labels are packed into
rows so that none overlaps another. An event the sources date differently is
drawn at every date given, the dates joined by a dashed line, with a diamond
marker and the words "dates differ" in its label.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .figures import FONT, HATCHES, OKABE_ITO, CourseFigure, new_figure
from .records import Event

__all__ = ["PHASES", "date_to_x", "draw_timeline"]

#: The struggle's phases: the course's framing, not dates taken from the sources.
#: (lane, label, start year, end year); lane 0 is the country, lane 1 is Trotsky's fight.
PHASES = [
    (0, "Revolution", 1917, 1918),
    (0, "Civil war,\nwar communism", 1918, 1921),
    (0, "NEP", 1921, 1928),
    (0, "First five-\nyear plan", 1928, 1932),
    (1, "Opposition struggle", 1923, 1928),
    (1, "Trotsky in exile abroad", 1929, 1940),
]
_FIRST, _LAST = 1904, 1941
_BREAK, _SQUEEZE = 1916, 3  # years before _BREAK are drawn _SQUEEZE times narrower
_GAP = 6  # pixels between a marker and its label


def _forward(x):
    return np.where(x < _BREAK, _BREAK - (_BREAK - x) / _SQUEEZE, x)


def _inverse(x):
    return np.where(x < _BREAK, _BREAK - (_BREAK - x) * _SQUEEZE, x)


def date_to_x(date: str) -> float:
    """Where a date falls on the time axis, in years (a year alone is drawn at mid-year).

    >>> [round(date_to_x(d), 2) for d in ("1921", "1917-10", "1940-08-20")]
    [1921.5, 1917.79, 1940.64]
    """
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return parts[0] + 0.5
    if len(parts) == 2:
        return parts[0] + (parts[1] - 0.5) / 12
    return parts[0] + (parts[1] - 1) / 12 + parts[2] / 365


def _authors(course, excerpt_ids) -> str:
    names = []
    for eid in excerpt_ids:
        name = course.author(course.excerpt(eid).source)
        if name not in names:
            names.append(name)
    return ", ".join(names)


def _table(course, events: list[Event]) -> pd.DataFrame:
    rows = []
    for e in events:
        others = [f"{d} ({_authors(course, x)}: {', '.join(x)})" for d, x, _ in e.conflicting_dates]
        rows.append({"id": e.id, "date": e.date, "end date": e.end_date or "", "event": e.label,
                     "stated by": _authors(course, e.excerpts), "excerpts": ", ".join(e.excerpts),
                     "dates differ": "yes" if e.conflicting_dates else "",
                     "other dates given": "; ".join(others),
                     "note": " ".join(n for _, _, n in e.conflicting_dates)})
    return pd.DataFrame(rows).set_index("id")


def _label(course, event: Event) -> str:
    if not event.conflicting_dates:
        return event.label
    dates = [event.date[:4]] + [d[:4] for d, _, _ in event.conflicting_dates]
    return f"{event.label}  \u26a0 {' or '.join(dates)}?"


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


def _draw_phases(ax, main_ax) -> None:
    colours = [OKABE_ITO["sky blue"], OKABE_ITO["orange"], OKABE_ITO["bluish green"],
               OKABE_ITO["yellow"], OKABE_ITO["reddish purple"], OKABE_ITO["vermillion"]]
    for n, (lane, label, start, end) in enumerate(PHASES):
        y = 1 - lane
        ax.barh(y, end - start, left=start, height=0.9, color=colours[n], alpha=0.4,
                hatch=HATCHES[n % len(HATCHES)], edgecolor="#333333", linewidth=0.8)
        years = f"{start}" if end - start == 1 else f"{start}\u2013{str(end)[2:]}"
        inside = end - start > 1
        ax.text((start + end) / 2 if inside else start - 0.3, y, f"{label}\n{years}",
                ha="center" if inside else "right", va="center", fontsize=FONT,
                linespacing=1.0, bbox={"facecolor": "white", "alpha": 0.75, "pad": 1.5,
                                       "edgecolor": "none"})
        if lane == 0:
            main_ax.axvspan(start, end, color=colours[n], alpha=0.12, linewidth=0)
    ax.set_ylim(-0.5, 1.5)
    ax.set_yticks([1, 0], ["Russia", "Trotsky"], fontsize=FONT)
    ax.tick_params(axis="x", labelbottom=False, bottom=False)
    for spine in ("top", "right", "bottom"):
        ax.spines[spine].set_visible(False)


def _draw_event(ax, event: Event, y: float) -> None:
    blue, red = OKABE_ITO["blue"], OKABE_ITO["vermillion"]
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


def _legend(ax) -> None:
    handles = [Line2D([], [], marker="o", color="w", markerfacecolor=OKABE_ITO["blue"],
                      markeredgecolor="black", markersize=8,
                      label="event (a year alone is drawn at mid-year)"),
               Line2D([], [], color=OKABE_ITO["blue"], linewidth=7, label="period"),
               Line2D([], [], marker="D", color=OKABE_ITO["vermillion"], linestyle="--",
                      markeredgecolor="black", markersize=8,
                      label="\u26a0 the sources give different dates: all are drawn"),
               Patch(facecolor="#eeeeee", edgecolor="none",
                     label=f"years before {_BREAK} squeezed {_SQUEEZE} times")]
    ax.legend(handles=handles, loc="lower left", fontsize=FONT, frameon=True, framealpha=0.95)


def draw_timeline(course) -> CourseFigure:
    """Draw the timeline of the course's events (see `Course.timeline`)."""
    events = course.all_events()
    fig = new_figure(11, 7.5, layout=None)
    grid = fig.add_gridspec(2, 1, height_ratios=[1.25, 6], hspace=0.04,
                            left=0.075, right=0.99, top=0.895, bottom=0.075)
    ax = fig.add_subplot(grid[1])
    phase_ax = fig.add_subplot(grid[0], sharex=ax)
    ax.set_xscale("function", functions=(_forward, _inverse))
    ax.set_xlim(_FIRST, _LAST)
    ax.axvspan(_FIRST, _BREAK, color="#eeeeee", linewidth=0, zorder=0)
    _draw_phases(phase_ax, ax)
    renderer = fig.canvas.get_renderer()
    to_px = ax.transData.transform
    spans, widths, labels = [], [], [_label(course, e) for e in events]
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
                color="#8a3300" if event.conflicting_dates else "black")
    n_rows = 1 + max(row for row, _ in placed)
    ax.set_ylim(-n_rows + 0.3, 0.7)
    ax.set_yticks([])
    ax.set_ylabel("Events, in date order\n(rows only keep labels apart)", fontsize=FONT)
    ax.set_xlabel("Year", fontsize=FONT)
    ax.set_xticks([1905, 1910, 1915, 1917, 1920, 1925, 1930, 1935, 1940])
    ax.set_xticks(range(_BREAK, _LAST), minor=True)
    ax.tick_params(labelsize=FONT)
    ax.grid(axis="x", which="major", color="#cccccc", linewidth=0.8)
    ax.set_axisbelow(True)
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)
    _legend(ax)
    title = "Timeline: the events the sources date, 1905\u20131940"
    fig.suptitle(title, fontsize=FONT + 5, fontweight="bold", x=0.075, ha="left", y=0.975)
    phase_ax.set_title("Above: the phases of the struggle (our framing). Below: each event as "
                       "dated in the sources' own words.", fontsize=FONT + 1, loc="left")
    phase_ax.set_ylabel("Phases", fontsize=FONT)
    return CourseFigure(fig, title, _caption(course, events), _table(course, events),
                        _alt_text(course, events))


def _caption(course, events: list[Event]) -> str:
    conflicts = [e for e in events if e.conflicting_dates]
    sources = sorted({course.author(course.excerpt(x).source) for e in events for x in e.excerpts})
    return (f"{len(events)} events from corpus/events.yaml, each stated with its year in an "
            f"excerpt by {', '.join(sources)}; the table (.data) names the excerpts. Bars are "
            f"periods the sources give. Diamonds joined by a dashed line (\u26a0) mark "
            f"{len(conflicts)} events the sources date differently, drawn at every date given. "
            f"The shaded phases are our framing of the struggle, not the sources' dates; "
            f"years before {_BREAK} are squeezed to save space.")


def _alt_text(course, events: list[Event]) -> str:
    conflicts = [e for e in events if e.conflicting_dates]
    disputes = "; ".join(
        f"{e.label}: " + " or ".join(
            f"{d[:4]} ({_authors(course, x)})"
            for d, x in [(e.date, e.excerpts)] + [(d, x) for d, x, _ in e.conflicting_dates])
        for e in conflicts)
    phases = "; ".join(f"{label.replace(chr(10), ' ')} {s}-{e}" for _, label, s, e in PHASES)
    return (f"A timeline from 1905 to 1940 of {len(events)} events the sources date, from "
            f"{events[0].label} ({events[0].date}) to {events[-1].label} ({events[-1].date}). "
            f"Most events fall between 1917 and 1929. Phases shaded above the events: {phases}. "
            f"The sources give different dates for {len(conflicts)} events: {disputes}.")
