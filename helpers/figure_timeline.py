"""The timeline: dated events the sources mention, over the phases of the struggle.

Events come from ``events.yaml``; each is drawn where its date falls (a year
alone is drawn at mid-year), periods as bars. Labels are packed into rows so
that none overlaps another. An event the sources date differently is drawn at
every date given, the dates joined by a dashed line, with a diamond marker.
An event we flag as wrong or disputed is drawn hollow, its label saying
"as <author> dates it; <status>". The phases (``phases:`` in events.yaml) are
the course's framing, shaded above the events. The years shown run from the
first event to the last, so a teacher's own corpus gets its own span.

The figure is SVG written here by hand (see `svg`), so that it needs no plotting
library. Each event is a
``<g class="event">`` whose ``data-box`` is the box its marker and label take
(x0 y0 x1 y1, in pixels, from the estimated text widths), which the tests check.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import svg
from .figure_base import FONT, HATCHES, OKABE_ITO, CourseFigure, corpus_file, plural
from .records import FLAG_STATUSES, Event

__all__ = ["date_to_x", "draw_timeline"]

_SQUEEZE = 3  # the quiet years before the main run of events are drawn this many times narrower
_SIZE = svg.px(FONT)  # the text, in pixels
_WIDTH = 1100  # the drawing, in pixels (11 inches at 100 dpi, as a slide or a projector wants it)
_ROW = 22  # pixels from one row of events to the next
_LINE = 1.12  # lines of a text, in sizes of its font
_MARK = 7  # half the width of the widest marker, in pixels
_GAP = 5  # pixels between a marker and its label
_SEP = 12  # pixels kept free between two items of one row (see `svg.pack_rows`)
_PAD = 3  # pixels a text may reach beyond its estimated width (italics lean out)
_LABEL = "#8a3300"  # a dark vermillion for labels of doubtful dates: dark enough to read
_PHASE_COLOURS = ["sky blue", "orange", "bluish green", "yellow", "reddish purple", "vermillion"]


class _Axis:
    """The time axis: from the first event to the last, quiet early years squeezed."""

    def __init__(self, years: list[float], left: float = 0, right: float = 1):
        self.first, self.last = int(min(years)) - 1, int(max(years)) + 2
        # Squeeze the years before the run of events starts, if a lone early event leaves a gap.
        ordered = sorted(years)
        gaps = [(b - a, b) for a, b in zip(ordered, ordered[1:], strict=False) if b - a >= 6]
        self.break_year = int(max(gaps)[1]) - 1 if gaps else self.first
        self.left, self.right = left, right

    def forward(self, x):
        return np.where(x < self.break_year, self.break_year - (self.break_year - x) / _SQUEEZE, x)

    def px(self, year: float) -> float:
        """Where a year falls in the drawing, in pixels from its left edge."""
        lo, hi = float(self.forward(self.first)), float(self.forward(self.last))
        return self.left + (float(self.forward(year)) - lo) / (hi - lo) * (self.right - self.left)

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


def _place_events(records, events: list[Event], axis: _Axis, top: float) -> tuple[str, int]:
    """Each event's marks and label, packed into rows below ``top``: (markup, rows used).

    A label too long for the room on either side of its event is wrapped onto the
    rows below, so that it never leaves the drawing.
    """
    spans = [(axis.px(min(_dates(e))) - _MARK, axis.px(max(_dates(e))) + _MARK) for e in events]
    texts = []
    for event, (start, end) in zip(events, spans, strict=True):
        text, room = _label(records, event), max(axis.right - end, start - axis.left) - _GAP - 2 * _PAD - 4
        if svg.text_width(text, _SIZE) > room:
            text = "\n".join(svg.wrap(text, room, _SIZE, balance=True))
        texts.append(text)
    widths = [svg.text_width(text, _SIZE) + 2 * _PAD for text in texts]
    heights = [text.count("\n") + 1 for text in texts]
    placed = svg.pack_rows(spans, widths, axis.left + 2, axis.right - 2, heights, gap=_GAP, sep=_SEP)
    drawn = []
    for event, text, width, (start, end), (row, anchor) in zip(events, texts, widths, spans, placed,
                                                               strict=True):
        y = top + 8 + (row + 0.5) * _ROW
        middle, lines = y + text.count("\n") * _ROW / 2, text.count("\n") + 1
        x = end + _GAP + _PAD if anchor == "start" else start - _GAP - _PAD
        box = _box(x, middle, width - 2 * _PAD, anchor, lines, _ROW / _SIZE)
        whole = (min(start, box[0]), box[1], max(end, box[2]), box[3])
        doubtful = event.conflicting_dates or event.flag
        label = _label_text(x, middle, text, anchor, _ROW / _SIZE, fill=_LABEL if doubtful else "black",
                            font_style="italic" if event.flag else None, class_="event-label",
                            data_box=" ".join(svg.num(v) for v in box))
        drawn.append(svg.tag("g", _marks(event, axis, y) + label, class_="event", data_event=event.id,
                             data_row=row, data_box=" ".join(svg.num(v) for v in whole)))
    rows = max(row + height for (row, _), height in zip(placed, heights, strict=True))
    return svg.tag("g", "".join(drawn), class_="events"), rows


def _box(x: float, y: float, width: float, anchor: str, lines: int = 1,
         line: float = _LINE) -> tuple[float, ...]:
    """The box (x0, y0, x1, y1) a text takes, given its anchor and y the middle of its lines
    (``line`` apart, in sizes of the font)."""
    x0 = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    half = (lines - 1) * line * _SIZE / 2 + 0.62 * _SIZE
    return x0 - _PAD, y - half, x0 + width + _PAD, y + half


def _label_text(x: float, y: float, words: str, anchor: str, line: float = _LINE, **attrs) -> str:
    """A text whose lines (``line`` apart) are centred on y (a line's baseline sits a third of
    the size below its middle)."""
    first = y - words.count("\n") * line * _SIZE / 2 + 0.35 * _SIZE
    return svg.text(x, first, words, _SIZE, line, text_anchor=anchor, **attrs)


def _lane_height(phases) -> float:
    """The height of a lane of phases: room for the most lines a phase's label has, and its years."""
    return max([2 + p.label.count("\n") for p in phases] + [2]) * _LINE * _SIZE + 12


def _phases(phases, axis: _Axis, top: float, ids: str) -> tuple[str, str, list]:
    """The lanes of phases: (their markup, their hatch patterns, the (x0, x1, colour) of the
    first lane's phases, which tint the events under them)."""
    lanes, height = list(dict.fromkeys(p.row for p in phases)), _lane_height(phases)
    body, defs, tints, boxes = [], [], [], {lane: [] for lane in lanes}
    for n, phase in enumerate(phases):
        colour = OKABE_ITO[_PHASE_COLOURS[n % len(_PHASE_COLOURS)]]
        lane = lanes.index(phase.row)
        y0, x0, x1 = top + lane * height + 2, axis.px(phase.start), axis.px(phase.end)
        bar = {"x": x0, "y": y0, "width": x1 - x0, "height": height - 4}
        body.append(svg.tag("rect", **bar, fill=colour, fill_opacity=0.4))
        pattern = svg.hatch_pattern(f"{ids}-hatch-{n}", HATCHES[n % len(HATCHES)])
        if pattern:
            defs.append(pattern)
            body.append(svg.tag("rect", **bar, fill=f"url(#{ids}-hatch-{n})"))
        body.append(svg.tag("rect", **bar, fill="none", stroke="#333333", stroke_width=0.8))
        if lane == 0:
            tints.append((x0, x1, colour))
        years = (f"{phase.start}" if phase.end - phase.start == 1
                 else f"{phase.start}\u2013{str(phase.end)[2:]}")
        words = f"{phase.label}\n{years}"
        width, mid, lines = svg.text_width(words, _SIZE), y0 + height / 2 - 2, words.count("\n") + 1
        inside = (x0 + x1) / 2, "middle"
        options = [inside] if width + 8 <= x1 - x0 else [(x0 - 4, "end"), inside, (x1 + 4, "start")]
        for x, anchor in options + [inside]:
            box = _box(x, mid, width, anchor, lines)
            if box[0] >= axis.left and box[2] <= axis.right and not any(
                    svg.overlaps(box, other, gap=4) for other in boxes[phase.row]):
                break
        boxes[phase.row].append(box)
        body.append(svg.tag("rect", x=box[0] - 2, y=box[1] - 1, width=box[2] - box[0] + 4,
                            height=box[3] - box[1] + 2, fill="white", fill_opacity=0.75))
        body.append(_label_text(x, mid, words, anchor, class_="phase-label"))
    for lane, name in enumerate(lanes):
        body.append(_label_text(axis.left - 8, top + (lane + 0.5) * height, name, "end",
                                class_="lane-label"))
    return "".join(body), "".join(defs), tints


def _marks(event: Event, axis: _Axis, y: float) -> str:
    """The marker(s) of one event at height y: dot, bar, diamonds or a hollow square."""
    blue, red = OKABE_ITO["blue"], OKABE_ITO["vermillion"]
    if event.flag:  # a claim we flag: hollow, dotted, never drawn like an established date
        xs = [axis.px(date_to_x(d)) for d in (event.date, event.end_date) if d]
        line = svg.tag("line", x1=xs[0], y1=y, x2=xs[-1], y2=y, stroke=red, stroke_width=2.5,
                       stroke_dasharray="1 4", stroke_linecap="round") if len(xs) > 1 else ""
        return line + svg.tag("rect", x=xs[0] - 6, y=y - 6, width=12, height=12, fill="white",
                              stroke=red, stroke_width=2.2, class_="flagged-date")
    marks = []
    if event.end_date:
        x0, x1 = axis.px(date_to_x(event.date)), axis.px(date_to_x(event.end_date))
        marks.append(svg.tag("rect", x=x0, y=y - 4.5, width=max(x1 - x0, 2), height=9.0, fill=blue,
                             class_="period"))
    if event.conflicting_dates:
        xs = [axis.px(date_to_x(d)) for d in [event.date] + [d for d, _, _ in event.conflicting_dates]]
        marks.append(svg.tag("line", x1=min(xs), y1=y, x2=max(xs), y2=y, stroke=red,
                             stroke_width=2, stroke_dasharray="6 4"))
        marks += [svg.tag("path", d=f"M{svg.num(x)},{svg.num(y - _MARK)} l{_MARK},{_MARK} "
                          f"l-{_MARK},{_MARK} l-{_MARK},-{_MARK}z", fill=red, stroke="black",
                          stroke_width=1, class_="conflicting-date") for x in xs]
    elif not event.end_date:
        marks.append(svg.tag("circle", cx=axis.px(date_to_x(event.date)), cy=y, r=5.0, fill=blue,
                             stroke="black", stroke_width=0.7))
    return "".join(marks)


def _legend(axis: _Axis, top: float) -> tuple[str, float]:
    """The key, as shapes and words, in columns under the axis; returns it and its bottom."""
    blue, red, mid = OKABE_ITO["blue"], OKABE_ITO["vermillion"], 20
    entries = [
        (svg.tag("circle", cx=mid, cy=0, r=5.0, fill=blue, stroke="black", stroke_width=0.7),
         "event (a year alone is drawn at mid-year)"),
        (svg.tag("rect", x=4, y=-4.5, width=32, height=9.0, fill=blue), "period"),
        (svg.tag("line", x1=2, y1=0, x2=38, y2=0, stroke=red, stroke_width=2, stroke_dasharray="6 4")
         + svg.tag("path", d=f"M{mid},-{_MARK} l{_MARK},{_MARK} l-{_MARK},{_MARK} l-{_MARK},-{_MARK}z",
                   fill=red, stroke="black", stroke_width=1),
         "\u26a0 the sources give different dates: all are drawn"),
        (svg.tag("line", x1=2, y1=0, x2=38, y2=0, stroke=red, stroke_width=2.5,
                 stroke_dasharray="1 4", stroke_linecap="round")
         + svg.tag("rect", x=mid - 6, y=-6, width=12, height=12, fill="white", stroke=red,
                   stroke_width=2.2), "a date we flag as wrong or disputed (see .data)")]
    if axis.break_year > axis.first:
        entries.append((svg.tag("rect", x=4, y=-8, width=32, height=16, fill="#e4e4e4"),
                        f"years before {axis.break_year} squeezed {_SQUEEZE} times"))
    width = max(48 + svg.text_width(words, _SIZE) for _, words in entries) + 24
    columns = max(1, int((axis.right - axis.left - 16) // width))
    rows = -(-len(entries) // columns)
    body = [svg.tag("rect", x=axis.left, y=top, width=min(columns, len(entries)) * width + 16,
                    height=rows * _ROW + 12, fill="white", stroke="#999999", stroke_width=0.8)]
    for n, (shape, words) in enumerate(entries):
        x, y = axis.left + 8 + (n % columns) * width, top + 6 + (n // columns + 0.5) * _ROW
        body.append(svg.tag("g", shape, transform=f"translate({svg.num(x)},{svg.num(y)})"))
        body.append(_label_text(x + 48, y, words, "start"))
    return svg.tag("g", "".join(body), class_="legend"), top + rows * _ROW + 12


def _axis_marks(axis: _Axis, top: float, bottom: float) -> tuple[str, str]:
    """Gridlines at the labelled years; the year axis with its ticks, and its label."""
    grid, marks, last_end = [], [], -1e9
    for year in axis.ticks():
        x = axis.px(year)
        grid.append(svg.tag("line", x1=x, y1=top, x2=x, y2=bottom, stroke="#cccccc", stroke_width=0.8))
        marks.append(svg.tag("line", x1=x, y1=bottom, x2=x, y2=bottom + 7, stroke="black"))
        width = svg.text_width(str(year), _SIZE)
        if x - width / 2 > last_end + 6:  # a year label never runs into the one before it
            marks.append(svg.text(x, bottom + 9 + _SIZE, str(year), _SIZE, text_anchor="middle",
                                  class_="year"))
            last_end = x + width / 2
    for year in range(axis.break_year, axis.last):
        marks.append(svg.tag("line", x1=axis.px(year), y1=bottom, x2=axis.px(year), y2=bottom + 4,
                             stroke="black", stroke_width=0.8))
    marks.append(svg.tag("line", x1=axis.left, y1=bottom, x2=axis.right, y2=bottom, stroke="black"))
    marks.append(svg.text((axis.left + axis.right) / 2, bottom + 14 + 2 * _SIZE, "Year", _SIZE,
                          text_anchor="middle", class_="axis-label"))
    return svg.tag("g", "".join(grid), class_="grid"), svg.tag("g", "".join(marks), class_="axis")


def _side_label(words: list[str], top: float, bottom: float) -> str:
    """A label for a block of the figure, turned to run up its left side (one line or two)."""
    middle, x0 = (top + bottom) / 2, 22 - 9 * (len(words) - 1)
    return "".join(svg.text(x0 + 18 * n, middle, line, _SIZE, text_anchor="middle",
                            transform=f"rotate(-90 {svg.num(x0 + 18 * n)} {svg.num(middle)})",
                            class_="axis-label") for n, line in enumerate(words))


def draw_timeline(records) -> CourseFigure:
    """Draw the timeline of the corpus's events (see `Course.timeline`), as SVG.

    >>> from helpers import load
    >>> timeline = draw_timeline(load().records)
    >>> timeline.svg.startswith("<svg")
    True
    """
    events = records.events()
    if not events:
        raise ValueError(f"the timeline needs dated events, and {corpus_file(records, 'events.yaml')}"
                         " has none")
    phases = records.phases
    lanes = list(dict.fromkeys(p.row for p in phases))
    left = 46 + max([svg.text_width(name, _SIZE) + 10 for name in lanes] + [14])
    axis = _Axis([x for e in events for x in _dates(e)] + [p.start for p in phases]
                 + [p.end for p in phases], left, _WIDTH - 14)
    span = f"{events[0].year}\u2013{max(int((e.end_date or e.date)[:4]) for e in events)}"
    title = f"Timeline: the events the sources date, {span}"
    subtitle = ("Above: the phases of the struggle (our framing). Below: each event as dated in "
                "the sources' own words." if phases else
                "Each event as dated in the sources' own words.")
    alt_text = _alt_text(records, events, span)
    ids = svg.unique_id("timeline", title, alt_text)
    head = [svg.text(left, 34, line, svg.px(FONT + 5), font_weight="bold", class_="title")
            for line in svg.wrap(title, axis.right - left, svg.px(FONT + 5), bold=True)]
    y = 34 + (len(head) - 1) * 26 + 12
    for line in svg.wrap(subtitle, axis.right - left, svg.px(FONT + 1)):
        y += 20
        head.append(svg.text(left, y, line, svg.px(FONT + 1), class_="subtitle"))
    phase_top = y + 14
    phase_height = (max(len(lanes) * _lane_height(phases), svg.text_width("Phases", _SIZE) + 12)
                    if phases else 0)
    phase_body, defs, tints = _phases(phases, axis, phase_top, ids)
    if phases:
        phase_body += _side_label(["Phases"], phase_top, phase_top + phase_height)
    top = phase_top + phase_height + (12 if phases else 0)
    drawn, n_rows = _place_events(records, events, axis, top)
    side = ["Events, in date order", "(rows only keep labels apart)"]
    bottom = top + max(n_rows * _ROW + 16, max(svg.text_width(s, _SIZE) for s in side) + 16)
    band = ""
    if axis.break_year > axis.first:
        band = svg.tag("rect", x=axis.left, y=top, width=axis.px(axis.break_year) - axis.left,
                       height=bottom - top, fill="#eeeeee", class_="squeezed-years")
    band += "".join(svg.tag("rect", x=x0, y=top, width=x1 - x0, height=bottom - top, fill=colour,
                            fill_opacity=0.12) for x0, x1, colour in tints)
    grid, axis_marks = _axis_marks(axis, top, bottom)
    legend, legend_bottom = _legend(axis, bottom + 24 + 2 * _SIZE)
    body = ("".join(head) + band + grid + svg.tag("g", phase_body, class_="phases")
            + drawn + _side_label(side, top, bottom)
            + axis_marks + legend)
    picture = svg.document(_WIDTH, legend_bottom + 10, body, title=title, desc=alt_text, ids=ids,
                           defs=defs)
    return CourseFigure(picture, title, _caption(records, events, axis), _table(records, events),
                        alt_text)


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
