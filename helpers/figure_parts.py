"""The parts the SVG charts share: a canvas that keeps every text's box, swatches, axes.

A `Canvas` collects one figure's markup. Every text on it goes through
`Canvas.text`, which writes the box the text takes into its ``data-box``
attribute (see `svg.label`), so that the tests can prove that no two texts
overlap and that none leaves the drawing. A bar goes through `Canvas.bar`: its
colour, then its hatching over it (colour is never the only signal), then its
outline. The axes are drawn by `x_axis` and `y_axis`, at round numbers from `ticks`.
"""

from __future__ import annotations

import math

from . import svg
from .figure_base import FONT

__all__ = ["SIZE", "BIG", "TITLE", "LINE", "Canvas", "ticks", "tick_label", "x_axis", "y_axis"]

SIZE = svg.px(FONT)  # the text, in pixels
BIG = svg.px(FONT + 1)  # panel titles and the names of the sources
TITLE = svg.px(FONT + 5)  # the figure's title
LINE = 1.15  # lines of a text, in sizes of its font


class Canvas:
    """One figure being drawn: its markup and its hatch patterns; every text records its box.

    >>> canvas = Canvas("test", "A title", "A description.")
    >>> canvas.text(10, 20, "Trotsky")
    (9.0, 10.9, 67.7, 29.1)
    >>> canvas.bar(0, 40, 30, 10, "#0072B2", hatch="//", class_="kind")[:22]
    '<g class="kind"><rect '
    >>> svg = canvas.finish(200, 60)
    >>> svg.count("<pattern") == 1 and 'data-box="9 10.9 67.7 29.1"' in svg
    True
    """

    def __init__(self, prefix: str, title: str, alt_text: str):
        self.ids = svg.unique_id(prefix, title, alt_text)
        self.title, self.alt_text = title, alt_text
        self.parts: list[str] = []
        self.patterns: dict[str, str] = {}  # "hatch colour" -> the id of its pattern
        self.defs: list[str] = []

    def add(self, *markup: str) -> None:
        self.parts.extend(markup)

    def text(self, x: float, y: float, words: str, size: float = SIZE, anchor: str = "start",
             **style) -> tuple[float, float, float, float]:
        """Draw a text centred on y (see `svg.label`); return the box it takes."""
        markup, box = svg.label(x, y, words, size, anchor, line=LINE, **style)
        self.parts.append(markup)
        return box

    def paragraph(self, x: float, top: float, words: str, width: float, size: float = SIZE,
                  **style) -> float:
        """Draw a text wrapped to ``width`` (each of its lines, if it has several) from
        ``top`` down; return the y under it."""
        lines = [line for part in words.split("\n")
                 for line in svg.wrap(part, width, size, style.get("bold", False))]
        height = (len(lines) - 1) * LINE * size + 1.24 * size
        self.text(x, top + height / 2, "\n".join(lines), size, **style)
        return top + height

    def hatch(self, hatch: str, colour: str = "#333333") -> str | None:
        """The fill that draws ``hatch`` (one of `figure_base.HATCHES`), defined once; None for ''."""
        if not hatch:
            return None
        key = f"{hatch} {colour}"
        if key not in self.patterns:
            self.patterns[key] = f"{self.ids}-hatch-{len(self.patterns)}"
            self.defs.append(svg.hatch_pattern(self.patterns[key], hatch, colour))
        return f"url(#{self.patterns[key]})"

    def bar(self, x: float, y: float, width: float, height: float, colour: str, hatch: str = "",
            stroke: str = "black", **attrs) -> str:
        """A rectangle in a colour, its hatching over it and its outline, as one group
        (``attrs`` go on the group); added to the canvas, and returned."""
        box = {"x": x, "y": y, "width": max(width, 0.0), "height": height}
        shapes = svg.tag("rect", **box, fill=colour)
        if hatch:
            shapes += svg.tag("rect", **box, fill=self.hatch(hatch))
        if stroke != "none":
            shapes += svg.tag("rect", **box, fill="none", stroke=stroke, stroke_width=0.8)
        markup = svg.tag("g", shapes, **attrs)
        self.parts.append(markup)
        return markup

    def heading(self, x: float, width: float, subtitle: str = "") -> float:
        """The figure's title (bold, wrapped to ``width``) and a subtitle; return the y under them."""
        bottom = self.paragraph(x, 12, self.title, width, TITLE, bold=True, class_="title")
        if subtitle:
            bottom = self.paragraph(x, bottom + 6, subtitle, width, class_="subtitle")
        return bottom

    def legend(self, entries: list[tuple[str, str, str]], x: float, top: float, width: float,
               title: str = "") -> float:
        """A key: each entry (colour, hatch, words) as a swatch and its words, in as many
        columns as fit in ``width``, under an optional title; return the y under it."""
        if title:
            top = self.paragraph(x, top, title, width, class_="legend-title") + 6
        widest = max(svg.text_width(words, SIZE) for _, _, words in entries) + 42
        columns = max(1, min(len(entries), int((width + 24) // (widest + 24))))
        room = min(widest, (width + 24) / columns - 24)
        texts = ["\n".join(svg.wrap(words, room - 42, SIZE)) for _, _, words in entries]
        for first in range(0, len(entries), columns):
            row = list(zip(entries[first:first + columns], texts[first:first + columns],
                           strict=True))
            height = (max(words.count("\n") for _, words in row) * LINE + 1.24) * SIZE
            for n, ((colour, hatch, _), words) in enumerate(row):
                left, middle = x + n * (room + 24), top + height / 2
                self.bar(left, middle - 8, 32, 16, colour, hatch, class_="swatch")
                self.text(left + 42, middle, words, class_="legend-label")
            top += height + 8
        return top - 8

    def finish(self, width: float, height: float) -> str:
        """The whole SVG document (see `svg.document`), in whole pixels."""
        return svg.document(math.ceil(width), math.ceil(height), "".join(self.parts), title=self.title,
                            desc=self.alt_text, ids=self.ids, defs="".join(self.defs))


def ticks(top: float, most: int = 5) -> list[float]:
    """Round numbers from 0 to ``top`` for an axis, at most ``most`` steps apart.

    Always a step beyond 0, if there is a round number below ``top``.

    >>> ticks(105), ticks(1.0), ticks(0.9), ticks(1040, 1)
    ([0, 25, 50, 75, 100], [0, 0.2, 0.4, 0.6, 0.8, 1], [0, 0.2, 0.4, 0.6, 0.8], [0, 1000])
    """
    if top <= 0:
        return [0]
    rough = top / most
    scale = 10 ** math.floor(math.log10(rough))
    steps = [m * scale for m in (0.5, 1, 2, 2.5, 5, 10)]
    step = next(s for s in steps if s >= rough - 1e-12)
    if step > top:
        step = max(s for s in steps if s <= top + 1e-12)
    count = int(top / step + 1e-9)
    values = [round(n * step, 10) for n in range(count + 1)]
    return [int(v) if v == int(v) else v for v in values]


def tick_label(value: float, step: float, style: str = "") -> str:
    """A tick's words: '20', '0.25' (as many decimals as the step needs), '300k', '40%'.

    >>> tick_label(0.5, 0.25), tick_label(300_000, 100_000, "thousands"), tick_label(0.4, 0.2, "%")
    ('0.50', '300k', '40%')
    """
    if style == "thousands":
        return f"{value / 1000:,.0f}k"
    if style == "%":
        return f"{value:.0%}"
    decimals = len(f"{step:g}".partition(".")[2])
    return f"{value:,.{decimals}f}"


def x_axis(canvas: Canvas, left: float, right: float, y: float,
           marks: list[tuple[float, str]], title: str = "",
           span: tuple[float, float] | None = None) -> float:
    """A horizontal axis at y: its line, a tick and a label at each (x, words) of ``marks``
    (a label that would run into the one before it is left out; ``\\n`` starts a line),
    and its title under them, centred in ``span`` (x0, x1; else the axis's own) and
    wrapped to it; return the y under it all."""
    canvas.add(svg.tag("line", x1=left, y1=y, x2=right, y2=y, stroke="black"))
    last, bottom = -math.inf, y + 6
    for x, words in marks:
        canvas.add(svg.tag("line", x1=x, y1=y, x2=x, y2=y + 5, stroke="black"))
        middle = y + 8 + (words.count("\n") * LINE / 2 + 0.62) * SIZE
        box = svg.text_box(x, middle, words, SIZE, "middle", LINE)
        if box[0] > last + 6:
            canvas.text(x, middle, words, SIZE, "middle", class_="tick")
            last, bottom = box[2], max(bottom, box[3])
    if title:
        x0, x1 = span or (left, right)
        bottom = canvas.paragraph((x0 + x1) / 2, bottom + 4, title, x1 - x0, anchor="middle",
                                  class_="axis-label")
    return bottom


def y_axis(canvas: Canvas, x: float, top: float, bottom: float,
           marks: list[tuple[float, str]]) -> float:
    """A vertical axis at x, from top to bottom: its line, and a tick and a label at each
    (y, words) of ``marks``, the labels to its left; return the left edge of the labels."""
    canvas.add(svg.tag("line", x1=x, y1=top, x2=x, y2=bottom, stroke="black"))
    edge, last = x, math.inf
    for y, words in marks:
        canvas.add(svg.tag("line", x1=x - 5, y1=y, x2=x, y2=y, stroke="black"))
        box = svg.text_box(x - 8, y, words, SIZE, "end")
        if box[3] < last - 2:
            canvas.text(x - 8, y, words, SIZE, "end", class_="tick")
            edge, last = min(edge, box[0]), box[1]
    return edge
