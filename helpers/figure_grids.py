"""The stance map: where each author stands on each theme, as a grid.

`draw_stance_map` lays every position of every theme (rows, grouped under their
theme) against the sources (columns); a cell says in words whether the source
argues the position or only reports it (states it to describe or reject it), and
how many excerpts do so: solid blue for "argues", hatched pale orange for
"reports", so that colour is never the only signal. Its table is the short form:
sources by themes, each cell the positions taken.

The figure is SVG written by hand (see `figure_parts`): every text records the
box it takes in ``data-box``. (The evidence profile, the other grid of the
authors, is in `figure_evidence`.)
"""

from __future__ import annotations

import pandas as pd

from . import svg
from .figure_base import OKABE_ITO, CourseFigure, corpus_file, plural
from .figure_parts import BIG, LINE, SIZE, TITLE, Canvas

__all__ = ["stance_table", "draw_stance_map"]

NOT_ADDRESSED = "not addressed"
_PALE_ORANGE = "#fde3b0"  # a tint of Okabe-Ito orange, light enough for black text


def _stances(records, theme, source) -> dict[str, dict[str, int]]:
    """For one theme and source: position id -> {"argues": n, "reports": n}.

    Excerpts that only narrate (no position) count under the key None.
    """
    found: dict[str, dict[str, int]] = {}
    for e in records.excerpts(theme=theme.id, source=source.id):
        counts = found.setdefault(e.position, {"argues": 0, "reports": 0, "narrates": 0})
        counts[e.stance] += 1
    return found


def stance_table(records) -> pd.DataFrame:
    """Sources by themes; each cell the positions the source argues, then those it reports.

    >>> import helpers
    >>> stance_table(helpers.load().records).loc["Molyneux", "Why Stalin won"]
    'Social forces decided it (reports: Personality and tactics decided it)'
    """
    table = {}
    for source in records.sources():
        row = {}
        for theme in records.themes():
            found = _stances(records, theme, source)
            found.pop(None, None)
            argued = [theme.position(p).label for p, n in found.items() if n["argues"]]
            reported = [theme.position(p).label for p, n in found.items()
                        if n["reports"] and not n["argues"]]
            text = "; ".join(argued)
            if reported:
                text += (" " if text else "") + f"(reports: {'; '.join(reported)})"
            row[theme.title] = text or NOT_ADDRESSED
        table[source.short_name] = row
    return pd.DataFrame.from_dict(table, orient="index")


def _cell_text(counts: dict[str, int]) -> str:
    parts = [f"{kind} {n}" for kind, n in counts.items() if n and kind != "narrates"]
    return " + ".join(parts)


_LABELS = 400  # pixels a position's label may take before it wraps
_PAD = 6  # pixels above and below the text of a row
_WIDTH = 1200  # the drawing, in pixels, for a corpus of several sources (wider for many)


def _rows(records, sources, themes, column: float, band: float) -> list[tuple]:
    """The grid's rows, top to bottom: (theme, position or None for the theme's own row,
    its label wrapped (a theme's title to the ``band`` across the grid), {source id: the
    cell's words, wrapped to the column})."""
    rows = []
    for theme in themes:
        rows.append((theme, None, "\n".join(svg.wrap(theme.title, band, SIZE, bold=True)), {}))
        found = {source.id: _stances(records, theme, source) for source in sources}
        for position in theme.positions:
            cells = {}
            for source in sources:
                counts = found[source.id].get(position.id)
                if counts and (counts["argues"] or counts["reports"]):
                    words = _cell_text(counts)
                    if svg.text_width(words, SIZE) > column - 16:
                        words = words.replace(" + ", " +\n")
                    cells[source.id] = words
            label = "\n".join(svg.wrap(position.label, _LABELS, SIZE))
            rows.append((theme, position, label, cells))
    return rows


def _height(*texts: str) -> float:
    """A row's height: room for the most lines of its texts."""
    return (max(t.count("\n") for t in texts) * LINE + 1.24) * SIZE + 2 * _PAD


def _header(canvas: Canvas, sources, rows, left: float, column: float, top: float) -> float:
    """The sources' names over their columns, and the label of each axis; return the grid's top.

    The label of the rows runs up the grid's side, or heads the column of positions
    when the grid is too short for it (a teacher's corpus of one theme)."""
    right = left + len(sources) * column
    top = canvas.paragraph((left + right) / 2, top, "Source (author)", right - left,
                           anchor="middle", class_="axis-label") + 4
    names = ["\n".join(svg.wrap(s.short_name, column - 12, BIG)) for s in sources]
    tall = max(n.count("\n") for n in names) * LINE * BIG + 1.24 * BIG
    words, grid = "Theme (bold) and its positions", sum(_height(r[2], *r[3].values()) for r in rows)
    if svg.text_width(words, SIZE) + 12 <= grid:
        canvas.text(14 + 0.62 * SIZE, top + tall + 6 + grid / 2, words, SIZE, "middle",
                    vertical=True, class_="axis-label")
    else:
        words = "\n".join(svg.wrap(words, left - 48, SIZE))
        tall = max(tall, words.count("\n") * LINE * SIZE + 1.24 * SIZE)
        canvas.text(40, top + tall / 2, words, class_="axis-label")
    for n, name in enumerate(names):
        canvas.text(left + (n + 0.5) * column, top + tall / 2, name, BIG, "middle",
                    class_="source")
    return top + tall + 6


def _cell(canvas: Canvas, x0: float, y0: float, width: float, height: float, words: str,
          **attrs) -> None:
    """One cell: solid blue, white words ("argues"), or hatched pale orange, the hatching
    stopping short of its black words ("reports")."""
    argues = words.startswith("argues")
    canvas.bar(x0, y0, width, height, OKABE_ITO["blue"] if argues else _PALE_ORANGE,
               "" if argues else "//", class_="cell argues" if argues else "cell reports", **attrs)
    middle = (x0 + width / 2, y0 + height / 2)
    if not argues:
        box = svg.text_box(*middle, words, SIZE, "middle", LINE)
        canvas.add(svg.tag("rect", x=box[0] - 4, y=box[1] + 1, width=box[2] - box[0] + 8,
                           height=box[3] - box[1] - 2, fill=_PALE_ORANGE))
    canvas.text(*middle, words, SIZE, "middle", fill="white" if argues else "black",
                class_="count")


def _grid(canvas: Canvas, records, sources, rows, left: float, column: float, y: float) -> float:
    """The rows: each theme's band, then its positions and their cells; return the grid's bottom."""
    right = left + len(sources) * column
    blocks = {}  # theme id -> (top, bottom) of its positions' rows
    for theme, position, label, cells in rows:
        height = _height(label, *cells.values())
        if position is None:
            canvas.add(svg.tag("rect", x=40, y=y, width=right - 40, height=height, fill="#e8e8e8"))
            canvas.text(46, y + height / 2, label, bold=True, class_="theme")
            blocks[theme.id] = (y + height, y + height)
        else:
            blocks[theme.id] = (blocks[theme.id][0], y + height)
            canvas.text(62, y + height / 2, label, class_="position")
            for n, source in enumerate(sources):
                if source.id in cells:
                    _cell(canvas, left + n * column + 4, y + 3, column - 8, height - 6,
                          cells[source.id], data_source=source.id, data_position=position.id)
        y += height
    for theme_id, (top, bottom) in blocks.items():
        theme = records.theme(theme_id)
        for n, source in enumerate(sources):
            if not _stances(records, theme, source):
                canvas.text(left + (n + 0.5) * column, (top + bottom) / 2, NOT_ADDRESSED, SIZE,
                            "middle", italic=True, fill="#555555", class_="not-addressed")
        canvas.add(*(svg.tag("line", x1=left + n * column, y1=top, x2=left + n * column, y2=bottom,
                             stroke="#999999", stroke_width=0.8) for n in range(len(sources) + 1)))
    return y


def draw_stance_map(records) -> CourseFigure:
    """Draw the stance map (see `Course.stance_map`), as SVG.

    >>> from helpers import load
    >>> stances = draw_stance_map(load().records)
    >>> stances.svg.startswith("<svg")
    True
    """
    sources, themes = records.sources(), records.themes()
    title = f"Where each author stands: positions on {plural(len(themes), 'theme')}"
    table = stance_table(records)
    caption = (f"Each cell counts the excerpts ({corpus_file(records, 'excerpts/')}) in which a "
               f"source argues or reports a position of a theme "
               f"({corpus_file(records, 'themes.yaml')}); '{NOT_ADDRESSED}' means no excerpt of "
               f"that source is on the theme. The table (.data) gives the same in words, sources "
               f"by themes.")
    alt_text = (f"A grid of {plural(len(sources), 'source')} against the positions of "
                f"{plural(len(themes), 'theme')}. ") + " ".join(
        f"{source}: " + "; ".join(f"{theme}: {text}" for theme, text in cells.items()) + "."
        for source, cells in table.iterrows())
    canvas = Canvas("stance-map", title, alt_text)
    # a column fits its counts and each word of its source's name; a position's label wraps
    widest = max([svg.text_width(word, BIG) + 16 for s in sources for word in s.short_name.split()]
                 + [svg.text_width(w, SIZE) + 24 for w in ("argues 99", "reports 99")])
    labels = max([svg.text_width(p.label, SIZE) for t in themes for p in t.positions] + [60])
    left = 44 + min(labels, _LABELS) + 28  # the first column; the labels are left of it
    column = max(widest, min(240, (_WIDTH - left - 14) / len(sources)))
    rows = _rows(records, sources, themes, column, left + len(sources) * column - 46 - 8)
    width = max(left + len(sources) * column + 14,
                min(svg.text_width(title, TITLE, bold=True) + 28, _WIDTH))
    top = _header(canvas, sources, rows, left, column, canvas.heading(14, width - 28) + 12)
    bottom = _grid(canvas, records, sources, rows, left, column, top)
    end = canvas.legend([(OKABE_ITO["blue"], "", "argues n: the author's own view, in n excerpts"),
                         (_PALE_ORANGE, "//", "reports n: states the view, to describe or reject it")],
                        40, bottom + 16, width - 54)
    return CourseFigure(canvas.finish(width, end + 14), title, caption, table, alt_text)
