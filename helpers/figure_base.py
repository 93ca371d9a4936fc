"""What every figure of the course shares: `CourseFigure`, the palette, the font size.

Each figure is drawn from the corpus and returned as a `CourseFigure`: the
picture plus its title, a caption that says where the data comes from, the data
itself as a table, and a text alternative for screen readers. The picture is SVG
written by hand (see `svg` and `figure_parts`), which needs no plotting library:
a notebook shows it inline, and a browser, a slide or a word processor opens the
saved file as it is.

The drawers (`figure_timeline`, `figure_citations`, `figure_statistics`,
`figure_grids`, `figure_evidence`) import this module; it imports none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

import pandas as pd

from .filters import FilterError

__all__ = ["CourseFigure", "FigureError", "OKABE_ITO", "HATCHES", "FONT", "plural", "corpus_file"]

#: The Okabe-Ito palette, safe for the common kinds of colour blindness.
OKABE_ITO = {
    "orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00",
    "reddish purple": "#CC79A7", "black": "#000000",
}
#: Hatches that go with the palette, so that colour is never the only signal.
HATCHES = ["", "//", "..", "xx", "\\\\", "oo", "--"]
#: Smallest font size used, in points: readable from the back of a classroom.
FONT = 11


class FigureError(FilterError):
    """A figure asked for in a way that cannot work here; the message says what to do.

    In a notebook it shows as one plain line, not as a traceback through the
    course's code (IPython calls `_render_traceback_`).
    """

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


@dataclass(eq=False)
class CourseFigure:
    """A figure from the corpus: its picture (SVG), title, caption, data and text alternative.

    In a notebook it shows as the picture with its caption; ``.data`` is the same
    information as a table, ``.alt_text`` the same as a paragraph (also the SVG's
    description, which a screen reader reads).

    >>> svg = '<svg xmlns="http://www.w3.org/2000/svg" role="img"><desc>Nothing.</desc></svg>'
    >>> cf = CourseFigure(svg, "A <test>", "From nowhere.", pd.DataFrame(), "Nothing.")
    >>> shown = cf._repr_html_()
    >>> "&lt;test&gt;" in shown and shown.startswith("<figure") and svg in shown
    True
    >>> cf.save("timeline.png")
    Traceback (most recent call last):
    ...
    helpers.figure_base.FigureError: This figure is drawn as SVG, not as a PNG or PDF picture: ...
    """

    svg: str
    title: str
    caption: str
    data: pd.DataFrame
    alt_text: str

    def save(self, path: str | Path) -> Path:
        """Save the figure as .svg (the picture), or as .html (the picture with its caption);
        return the path. Any other suffix (.png, .pdf) is refused, in one line."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".html":
            path.write_text(f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                            f"<title>{escape(self.title)}</title></head>\n<body>"
                            f"{self._repr_html_()}</body></html>\n", encoding="utf-8")
        elif suffix == ".svg":
            path.write_text(self.svg + "\n", encoding="utf-8")
        else:
            raise FigureError("This figure is drawn as SVG, not as a PNG or PDF picture: save it "
                              "as .svg (or .html), e.g. figure.save('timeline.svg')")
        return path

    def _repr_html_(self) -> str:
        caption = f'<figcaption><b>{escape(self.title)}.</b> {escape(self.caption)}</figcaption>'
        return f'<figure style="margin:0">{self.svg}{caption}</figure>'

    def __repr__(self) -> str:
        return f"{self.title}\n{self.caption}"


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 event', '2 events' ('1 number', '3 numbers').

    >>> plural(1, "event"), plural(3, "event"), plural(2, "series", "series")
    ('1 event', '3 events', '2 series')
    """
    return f"{count} {word if count == 1 else (many or word + 's')}"


def corpus_file(records, name: str) -> str:
    """A corpus file's path as a caption should name it: 'corpus/events.yaml', or the teacher's folder."""
    return f"{records.folder.name}/{name}"
