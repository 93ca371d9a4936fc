"""Small pieces for drawing a figure as hand-written SVG: elements, text widths, hatches.

A figure drawn this way needs no plotting library: it is a string of SVG that a
notebook shows inline and a browser, a slide or a word processor opens as it is.
Text is measured with `text_width`, an estimate from a table of character widths
(the wider of DejaVu Sans and Arial, for each character, with a margin), so that
labels placed with it do not overlap in a browser whichever of the two it uses.
"""

from __future__ import annotations

import hashlib
import re
from html import escape

__all__ = ["FONT_FAMILY", "px", "num", "esc", "tag", "text", "text_width", "wrap", "text_box",
           "label", "overlaps", "pack_rows", "hatch_pattern", "unique_id", "document"]

#: The fonts a figure declares, in order; `text_width` is safe for the first two.
FONT_FAMILY = "'DejaVu Sans', Arial, sans-serif"

# Advance widths in thousandths of an em of the characters ' ' to '~', each the larger
# of DejaVu Sans (Book and Oblique) and Liberation Sans (Arial's metrics, upright and italic).
_REGULAR = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 556, 1015, 684, 686, 722, 770, 667,
    611, 778, 752, 295, 500, 667, 557, 863, 748, 787, 667, 787, 722, 667, 611, 732, 684, 989, 685,
    667, 685, 390, 337, 390, 838, 556, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838]
# The same for DejaVu Sans Bold and Liberation Sans Bold.
_BOLD = [
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 611, 1000, 774, 762, 734, 830, 683,
    683, 821, 837, 372, 556, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
    724, 725, 457, 365, 457, 838, 556, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665,
    343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838]
# A few characters beyond ASCII; the warning sign allows for an emoji font's wider glyph.
_OTHER = {"\u2013": 556, "\u2014": 1000, "\u2018": 380, "\u2019": 380, "\u201c": 657,
          "\u201d": 657, "\u2026": 1000, "\u26a0": 1250, "\u00e9": 678, "\u00fc": 712}
_UNKNOWN = 1000  # any other character: as wide as an em, wider than most
_MARGIN = 1.04  # kerning and rounding differ between browsers: allow a little more


def px(points: float) -> float:
    """A font size in points as CSS pixels (96 per inch, 72 points per inch).

    >>> px(11), px(12)
    (14.67, 16.0)
    """
    return round(points * 96 / 72, 2)


def num(value: float) -> str:
    """A coordinate as SVG text: at most one decimal, no trailing zeros.

    >>> num(12.0), num(3.14159), num(-0.04)
    ('12', '3.1', '0')
    """
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def esc(words: str) -> str:
    """Text from the corpus made safe inside SVG (and HTML): it is data, never markup.

    >>> esc('Lenin: "not quite" <a> & b')
    'Lenin: &quot;not quite&quot; &lt;a&gt; &amp; b'
    """
    return escape(words, quote=True)


def tag(name: str, body: str = "", **attrs) -> str:
    """One SVG element. ``body`` is markup (children, or text passed through `esc`).

    Attribute names are written with underscores for hyphens (``font_size``) and a
    trailing underscore for Python words (``class_``); None leaves one out; numbers
    go through `num`.

    >>> tag("rect", x=1.25, y=0, width=10, fill_opacity=0.4, stroke=None)
    '<rect x="1.2" y="0" width="10" fill-opacity="0.4"/>'
    >>> tag("text", esc("a < b"), class_="label")
    '<text class="label">a &lt; b</text>'
    """
    parts = [name]
    for key, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, float):
            value = num(value)
        parts.append(f'{key.rstrip("_").replace("_", "-")}="{esc(str(value))}"')
    opening = " ".join(parts)
    return f"<{opening}>{body}</{name}>" if body else f"<{opening}/>"


def text(x: float, y: float, words: str, size: float, line_height: float = 1.15, **attrs) -> str:
    """A text element at (x, y), y being the baseline of its first line; ``\\n`` starts a line.

    >>> text(5, 20, "one line", 10, text_anchor="end")
    '<text x="5" y="20" font-size="10" text-anchor="end">one line</text>'
    >>> text(5, 20, "a\\nb", 10).split("><")[1:3]
    ['tspan x="5" y="20">a</tspan', 'tspan x="5" y="31.5">b</tspan']
    """
    lines = words.split("\n")
    if len(lines) == 1:
        return tag("text", esc(words), x=float(x), y=float(y), font_size=float(size), **attrs)
    body = "".join(tag("tspan", esc(line), x=float(x), y=float(y + n * size * line_height))
                   for n, line in enumerate(lines))
    return tag("text", body, x=float(x), y=float(y), font_size=float(size), **attrs)


def text_width(words: str, size: float, bold: bool = False) -> float:
    """A safe estimate of a line's width in pixels, at ``size`` pixels; the widest line counts.

    >>> round(text_width("Trotsky", 14.67), 1), round(text_width("Trotsky", 14.67, bold=True), 1)
    (56.7, 64.9)
    >>> text_width("ab\\nabcd", 10) == text_width("abcd", 10)
    True
    """
    table = _BOLD if bold else _REGULAR
    widest = 0
    for line in words.split("\n"):
        units = sum(table[ord(c) - 32] if " " <= c <= "~" else _OTHER.get(c, _UNKNOWN) for c in line)
        widest = max(widest, units)
    return widest / 1000 * size * _MARGIN


def wrap(words: str, width: float, size: float, bold: bool = False, balance: bool = False) -> list[str]:
    """Break a text into lines no wider than ``width`` pixels.

    A word too long for a line is broken after a '(', '.', '/' or '-' in it, if it has
    one (a name in code, a hyphenated word); else it stays whole. With ``balance``,
    the lines are as nearly equal as the same number of lines allows, so that no word
    is left alone on the last line.

    >>> wrap("Above: the phases. Below: each event.", 160, 14.67)
    ['Above: the phases.', 'Below: each event.']
    >>> wrap("one two three four five six", 190, 14.67)
    ['one two three four five', 'six']
    >>> wrap("one two three four five six", 190, 14.67, balance=True)
    ['one two three', 'four five six']
    >>> wrap('e.g. course.statistics_chart("industrial-output"), prints', 200, 14.67)
    ['e.g. course.', 'statistics_chart(', '"industrial-output"),', 'prints']
    """
    lines: list[str] = []
    for word in words.split():
        pieces = [word]
        if text_width(word, size, bold) > width:
            pieces = [p for p in re.split(r"(?<=[(./-])", word) if p]
        for n, piece in enumerate(pieces):
            joined = f"{lines[-1]}{' ' if n == 0 else ''}{piece}" if lines else piece
            if lines and text_width(joined, size, bold) <= width:
                lines[-1] = joined
            else:
                lines.append(piece)
    if balance and len(lines) > 1:
        narrower = text_width(words, size, bold) / len(lines)
        while len(wrap(words, narrower, size, bold)) > len(lines):
            narrower += size / 4
        return wrap(words, narrower, size, bold)
    return lines


def text_box(x: float, y: float, words: str, size: float, anchor: str = "start",
             line: float = 1.15, bold: bool = False, pad: float = 0,
             vertical: bool = False) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1) a text takes, in pixels, from its estimated width.

    ``y`` is the middle of its lines (``line`` sizes of the font apart) and ``x`` where
    ``anchor`` puts it ("start", "middle" or "end"); ``pad`` widens it on each side (an
    italic leans out), beyond the pixel allowed for a glyph that reaches past its
    advance (a 'T'). A ``vertical`` text runs up the page, turned about (x, y): x is
    then the middle of its lines, y where ``anchor`` puts it.

    >>> text_box(100, 50, "Trotsky", 14.67, "end")
    (42.3, 40.9, 101.0, 59.1)
    >>> text_box(100, 50, "Trotsky", 14.67, "end", vertical=True)
    (90.9, 49.0, 109.1, 107.7)
    """
    pad += 1
    width = text_width(words, size, bold)
    half = words.count("\n") * line * size / 2 + 0.62 * size
    start = {"start": 0, "middle": -width / 2, "end": -width}[anchor]
    if vertical:  # up the page: "start" is the bottom of the text, "end" its top
        box = (x - half, y - start - width - pad, x + half, y - start + pad)
    else:
        box = (x + start - pad, y - half, x + start + width + pad, y + half)
    return tuple(round(float(v), 1) for v in box)


def label(x: float, y: float, words: str, size: float, anchor: str = "start", *,
          line: float = 1.15, bold: bool = False, italic: bool = False, vertical: bool = False,
          **attrs) -> tuple[str, tuple[float, float, float, float]]:
    """A text whose lines are centred on ``y`` (see `text_box`), with the box it takes
    written in its ``data-box`` (x0 y0 x1 y1), for tests to check that no two overlap.

    Returns the markup and the box. Bold and italic are drawn as they are measured;
    an italic's box is 3 pixels wider each side.

    >>> markup, box = label(10, 20, "a < b", 14.67, bold=True)
    >>> markup.split(" font-size")[0], markup.split("bold")[1]
    ('<text x="10" y="25.1"', '" data-box="9 10.9 55.6 29.1">a &lt; b</text>')
    >>> box
    (9.0, 10.9, 55.6, 29.1)
    """
    box = text_box(x, y, words, size, anchor, line, bold, 3 if italic else 0, vertical)
    # a line's baseline sits a third of the font size below its middle
    shift = -words.count("\n") * line * size / 2 + 0.35 * size
    if vertical:
        bx, by = x + shift, y
        attrs["transform"] = f"rotate(-90 {num(bx)} {num(by)})"
    else:
        bx, by = x, y + shift
    markup = text(bx, by, words, size, line, text_anchor=anchor,
                  font_weight="bold" if bold else None, font_style="italic" if italic else None,
                  data_box=" ".join(num(v) for v in box), **attrs)
    return markup, box


def overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float],
             gap: float = 0) -> bool:
    """Whether two boxes (x0, y0, x1, y1) overlap, or come closer than ``gap``.

    >>> overlaps((0, 0, 10, 10), (10, 0, 20, 10)), overlaps((0, 0, 10, 10), (12, 0, 20, 10), gap=4)
    (False, True)
    """
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def pack_rows(spans: list[tuple[float, float]], widths: list[float], left: float, right: float,
              heights: list[int] | None = None, gap: float = 5, sep: float = 12) -> list[tuple[int, str]]:
    """Give each item a row, and its label a side, so that no two items of a row overlap.

    ``spans`` are the items' (start, end), markers included, and ``widths`` their
    labels' widths, all in pixels; ``heights`` the rows each label takes (one unless
    it is wrapped). A label goes ``gap`` right of its item if it fits before ``right``,
    else left of it; items of one row keep ``sep`` apart. Items are placed in order,
    each in the first row where it fits. Returns (first row, the label's
    text-anchor: "start" right of the item, "end" left of it) per item.

    >>> pack_rows([(0, 10), (20, 30), (200, 210)], [100, 100, 50], 0, 400)
    [(0, 'start'), (1, 'start'), (0, 'start')]
    >>> pack_rows([(380, 390)], [100], 0, 400)
    [(0, 'end')]
    >>> pack_rows([(0, 10), (200, 210), (20, 30)], [100, 50, 30], 0, 400, heights=[2, 1, 1])
    [(0, 'start'), (0, 'start'), (2, 'start')]
    """
    rows: list[list[tuple[float, float]]] = []
    placed = []
    for (start, end), width, height in zip(spans, widths, heights or [1] * len(spans), strict=True):
        options = [("start", start, end + gap + width), ("end", start - gap - width, end)]
        options = [o for o in options if o[1] >= left and o[2] <= right] or options[:1]
        row = 0
        while True:
            rows += [[] for _ in range(row + height - len(rows))]
            free = [o for o in options if all(o[2] + sep <= a or o[1] - sep >= b
                                              for r in rows[row:row + height] for a, b in r)]
            if free:
                anchor, lo, hi = free[0]
                break
            row += 1
        for r in rows[row:row + height]:
            r.append((lo, hi))
        placed.append((row, anchor))
    return placed


def hatch_pattern(pattern_id: str, hatch: str, colour: str = "#333333", size: float = 8) -> str:
    """A ``<pattern>`` drawing a hatch ('//', '..', 'xx', '\\\\', 'oo', '--': `figure_base.HATCHES`).

    Fill a shape with ``url(#pattern_id)`` over its colour, so that colour is never the
    only signal. An empty hatch gives an empty string.

    >>> hatch_pattern("h1", "//")[:67]
    '<pattern id="h1" width="8" height="8" patternUnits="userSpaceOnUse"'
    >>> hatch_pattern("h0", "")
    ''
    """
    s, line = size, {"stroke": colour, "stroke_width": 0.9}
    shapes = {
        "/": [tag("path", d=f"M0,{num(s)} L{num(s)},0 M-1,1 L1,-1 M{num(s - 1)},{num(s + 1)} "
                            f"L{num(s + 1)},{num(s - 1)}", **line)],
        "\\": [tag("path", d=f"M0,0 L{num(s)},{num(s)} M-1,{num(s - 1)} L1,{num(s + 1)} "
                             f"M{num(s - 1)},-1 L{num(s + 1)},1", **line)],
        ".": [tag("circle", cx=s / 4, cy=s / 4, r=1.1, fill=colour),
              tag("circle", cx=3 * s / 4, cy=3 * s / 4, r=1.1, fill=colour)],
        "o": [tag("circle", cx=s / 2, cy=s / 2, r=s / 4, fill="none", **line)],
        "-": [tag("path", d=f"M0,{num(s / 2)} H{num(s)}", **line)],
    }
    shapes["x"] = shapes["/"] + shapes["\\"]
    kinds = dict.fromkeys(hatch)
    if not kinds:
        return ""
    body = "".join(shape for kind in kinds for shape in shapes[kind])
    return tag("pattern", body, id=pattern_id, width=float(s), height=float(s),
               patternUnits="userSpaceOnUse")


def unique_id(prefix: str, *texts: str) -> str:
    """An id for a figure's elements, the same for the same texts, different for others:
    two figures inlined in one notebook never share an id.

    >>> unique_id("timeline", "a") == unique_id("timeline", "a") != unique_id("timeline", "b")
    True
    """
    return f"{prefix}-{hashlib.sha1(chr(0).join(texts).encode()).hexdigest()[:8]}"


def document(width: float, height: float, body: str, *, title: str, desc: str, ids: str,
             defs: str = "") -> str:
    """A whole, self-contained SVG: white background, its title and description for
    screen readers (``role="img"``), the declared fonts, then ``body``. ``ids`` (from
    `unique_id`) starts the ids of the title and description.

    >>> svg = document(100, 50, tag("circle", cx=5, cy=5, r=2), title="Dots", desc="One dot.",
    ...                ids="dots-1")
    >>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and 'role="img"' in svg
    True
    >>> '<title id="dots-1-title">Dots</title><desc id="dots-1-desc">One dot.</desc>' in svg
    True
    """
    head = (tag("title", esc(title), id=f"{ids}-title")
            + tag("desc", esc(desc), id=f"{ids}-desc")
            + (tag("defs", defs) if defs else "")
            + tag("rect", width="100%", height="100%", fill="white"))
    return tag("svg", head + body, xmlns="http://www.w3.org/2000/svg", role="img",
               aria_labelledby=f"{ids}-title", aria_describedby=f"{ids}-desc",
               viewBox=f"0 0 {num(width)} {num(height)}", width=float(width),
               height=float(height), font_family=FONT_FAMILY,
               style="max-width:100%;height:auto;background:white")
