"""The panels of the statistics chart: one series of the sources' numbers, drawn in a box.

Each bar is labelled with the words the source prints ("roughly one eighth"),
quoted, so that the chart never claims more precision than the source:

- `timed`: numbers that all have a year, as upright bars in date order, on a scale
  that stops at the data;
- `bars`: other numbers, as bars along a scale; shares of a whole (unit "share")
  hatched, each in a dashed box that stands for all of it;
- `single`: a series of one number, as the source's words, large.

Each draws inside the box from x0 to x1 (pixels), its plot ``height`` pixels tall
from ``top``, every label wrapped to the room it has; each returns the y under
what it drew. `figure_statistics` lays the panels out.
"""

from __future__ import annotations

import re

import pandas as pd

from . import svg
from .figure_base import FONT, OKABE_ITO
from .figure_parts import LINE, SIZE, Canvas, tick_label, ticks, x_axis, y_axis

__all__ = ["quoted", "when", "timed", "bars", "single"]

_BAR = OKABE_ITO["blue"]


def quoted(row) -> str:
    """The number as the source prints it, in quotation marks.

    >>> quoted({"as_printed": "313,000"})
    '“313,000”'
    """
    return f"\u201c{row['as_printed']}\u201d"


def when(row) -> str:
    """The 'when' part of a dated label: 'Party members, early 1918' -> 'early 1918'.

    >>> when({"label": "Party members, early 1918", "year": 1918}), when({"label": "Wages", "year": 1932.0})
    ('early 1918', '1932')
    """
    tail = row["label"].rsplit(",", 1)[-1].strip()
    return tail if re.search(r"\d{4}", tail) else str(int(row["year"]))


def _lines(words: str, width: float, size: float = SIZE, bold: bool = False) -> str:
    """Words wrapped to ``width`` pixels in balanced lines, joined by newlines."""
    return "\n".join(svg.wrap(words, max(width, size), size, bold, balance=True))


def _tall(words: str, size: float = SIZE) -> float:
    """The height a text of one or more lines takes, in pixels."""
    return (words.count("\n") * LINE + 1.24) * size


def _unit_label(canvas: Canvas, words: str, x0: float, top: float, height: float) -> float:
    """The unit up the left side of a plot, wrapped to its height; return its right edge."""
    words = _lines(words, height - 8)
    canvas.text(x0 + _tall(words) / 2, top + height / 2, words, SIZE, "middle", vertical=True,
                class_="axis-label")
    return x0 + _tall(words)


def timed(canvas: Canvas, rows: pd.DataFrame, x0: float, x1: float, top: float,
          height: float) -> float:
    """Dated numbers as upright bars in date order, each under its quoted words."""
    rows = rows.sort_values("year").to_dict("records")
    values = [float(r["value"]) for r in rows]
    most, style = max(values), "thousands" if max(values) >= 10000 else ""
    unit_right = _unit_label(canvas, rows[0]["unit"], x0, top, height)
    widest = 0.0
    for _ in range(2):  # the scale's labels take room from the bars: fit them, then the bars
        axis = unit_right + 8 + widest + 10
        slot = (x1 - axis - 4) / len(rows)
        words = [_lines(quoted(r), slot - 6) for r in rows]
        scale = min([(height - _tall(w) - 8) / v for w, v in zip(words, values, strict=True)
                     if v > 0] or [1.0])
        # no scale past the data, and the ticks far enough apart for their labels
        marks = [v for v in ticks(most * 1.1, max(1, int(most * 1.1 * scale // 30)))
                 if v <= most * 1.1]
        step = marks[1] if len(marks) > 1 else 1
        texts = [tick_label(v, step, style) for v in marks]
        if max(svg.text_width(t, SIZE) for t in texts) <= widest:
            break
        widest = max(svg.text_width(t, SIZE) for t in texts)
    base = top + height
    for n, (row, said, value) in enumerate(zip(rows, words, values, strict=True)):
        middle, width = axis + (n + 0.5) * slot, min(0.6 * slot, 110)
        canvas.bar(middle - width / 2, base - value * scale, width, value * scale, _BAR,
                   class_="bar", data_statistic=row["id"])
        canvas.text(middle, base - value * scale - 5 - _tall(said) / 2, said, SIZE, "middle",
                    class_="as-printed")
    y_axis(canvas, axis, top, base, [(base - v * scale, t) for v, t in zip(marks, texts, strict=True)
                                     if v * scale <= height])
    return x_axis(canvas, axis, x1, base,
                  [(axis + (n + 0.5) * slot, _lines(when(r), slot - 6)) for n, r in enumerate(rows)],
                  "Date the source gives", (x0, x1))


def bars(canvas: Canvas, rows: pd.DataFrame, x0: float, x1: float, top: float, height: float,
         share: bool) -> float:
    """Numbers as bars along a scale, each beside its quoted words; a share is hatched and
    drawn in a dashed box that stands for the whole."""
    rows = rows.to_dict("records")
    values = [float(r["value"]) for r in rows]
    limit = 1.0 if share else max(values) or 1.0
    names = [_lines(r["label"], min(140, 0.34 * (x1 - x0))) for r in rows]
    gauge = 1.24 * SIZE  # the width of the "Who or what" label, which runs up the side
    axis = x0 + gauge + 8 + max(svg.text_width(n, SIZE) for n in names) + 10
    scale = (x1 - 24 - axis) / (1 if share else limit * 1.3)  # room for half the last tick
    inside = [v > 0.6 * limit for v in values]
    words = [_lines(quoted(r), v * scale - 14 if i else x1 - (axis + v * scale + 8))
             for r, v, i in zip(rows, values, inside, strict=True)]
    pitches = [max(_tall(n), _tall(w)) + 16 for n, w in zip(names, words, strict=True)]
    spare = max(0, height - sum(pitches)) / len(rows)
    y = top
    for row, name, said, value, within, pitch in zip(rows, names, words, values, inside, pitches,
                                                     strict=True):
        pitch += spare
        thick, middle = min(pitch - 12, max(48, _tall(said) + 8)), y + pitch / 2
        if share:
            canvas.add(svg.tag("rect", x=axis, y=middle - thick / 2, width=scale, height=thick,
                               fill="white", stroke="#777777", stroke_dasharray="5 3"))
        canvas.bar(axis, middle - thick / 2, value * scale, thick, _BAR, "//" if share else "",
                   class_="bar", data_statistic=row["id"])
        canvas.text(axis - 10, middle, name, SIZE, "end", class_="tick")
        if within:  # white words on the bar's blue, over its hatching
            box = svg.text_box(axis + value * scale - 7, middle, said, SIZE, "end", LINE)
            canvas.add(svg.tag("rect", x=box[0] - 3, y=box[1], width=box[2] - box[0] + 6,
                               height=box[3] - box[1], fill=_BAR))
            canvas.text(axis + value * scale - 7, middle, said, SIZE, "end", fill="white",
                        class_="as-printed")
        else:
            canvas.text(axis + value * scale + 8, middle, said, SIZE, class_="as-printed")
        y += pitch
    canvas.add(svg.tag("line", x1=axis, y1=top, x2=axis, y2=y, stroke="black"))
    canvas.text(x0 + gauge / 2, (top + y) / 2, "Who or what", SIZE, "middle", vertical=True,
                class_="axis-label")
    room = max(1, int((x1 - 24 - axis) // 64))  # steps far enough apart for their labels
    marks = ticks(1, min(4, room)) if share else [v for v in ticks(limit * 1.3, room)
                                                  if v <= limit * 1.3]
    step = marks[1] if len(marks) > 1 else 1
    return x_axis(canvas, axis, x1, y, [(axis + v * scale, tick_label(v, step, "%" if share else ""))
                                        for v in marks],
                  "share of the whole\n(dashed box = all of it)" if share else rows[0]["unit"],
                  (x0, x1))


def single(canvas: Canvas, row, x0: float, x1: float, top: float, height: float) -> float:
    """A series of one number: the source's words, large, and under them what they count."""
    large = svg.px(FONT + 7)
    said = _lines(quoted(row), x1 - x0 - 16, large, bold=True)
    canvas.text((x0 + x1) / 2, top + 0.4 * height, said, large, "middle", bold=True, fill=_BAR,
                class_="as-printed")
    words = _lines(f"{row['label']}: {row['value']:,.0f} {row['unit']}", x1 - x0 - 16)
    box = canvas.text((x0 + x1) / 2, top + 0.82 * height, words, SIZE, "middle", class_="what")
    return box[3]
