"""What every figure of the course shares: `CourseFigure`, a blank figure, the palette.

Each figure is drawn from the corpus and returned as a `CourseFigure`: the
picture plus its title, a caption that says where the data comes from, the data
itself as a table, and a text alternative for screen readers. The picture is
either SVG written by hand (the timeline, see `svg`), which needs no plotting
library, or a matplotlib figure (the teacher's figures), built with
`matplotlib.figure.Figure`, never pyplot, so that it works without a display and
is shown exactly once in a notebook. matplotlib is a teacher's extra
(``pip install -e '.[figures]'``): it is imported only when such a figure is drawn,
and where it is missing, asking for one says so in one line.

The drawers (`figure_timeline`, `figure_citations`, `figure_statistics`,
`figure_grids`) import this module; it imports none of them.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .filters import FilterError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["CourseFigure", "FigureError", "OKABE_ITO", "HATCHES", "FONT", "new_figure",
           "needs_matplotlib", "plural", "corpus_file"]

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


def needs_matplotlib(what: str = "This figure") -> None:
    """Raise `FigureError`, in one line, if matplotlib (the 'figures' extra) is not installed.

    >>> needs_matplotlib()  # the test and teacher environments have it: nothing happens
    """
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise FigureError(f"{what} needs matplotlib, a teacher's extra that the student "
                          "environment leaves out: install it with pip install -e '.[figures]' "
                          "in the course folder (or pip install matplotlib)") from None


def new_figure(width: float = 10, height: float = 5.5, layout: str | None = "constrained") -> Figure:
    """A blank matplotlib figure sized for a laptop screen and a projector, needing no display.

    >>> new_figure().get_size_inches().tolist()
    [10.0, 5.5]
    """
    needs_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100, layout=layout)
    FigureCanvasAgg(figure)
    return figure


@dataclass(eq=False)
class CourseFigure:
    """A figure from the corpus, with its title, caption, data and text alternative.

    The picture is a matplotlib ``figure``, or, when ``figure`` is None, the SVG
    text in ``svg``. In a notebook it shows as a picture with its caption;
    ``.data`` is the same information as a table, ``.alt_text`` the same as a paragraph.

    >>> svg = '<svg xmlns="http://www.w3.org/2000/svg" role="img"><desc>Nothing.</desc></svg>'
    >>> cf = CourseFigure(None, "A <test>", "From nowhere.", pd.DataFrame(), "Nothing.", svg=svg)
    >>> shown = cf._repr_html_()
    >>> "&lt;test&gt;" in shown and shown.startswith("<figure") and svg in shown
    True
    >>> cf.save("timeline.png")
    Traceback (most recent call last):
    ...
    helpers.figure_base.FigureError: This figure is drawn as SVG, not as a PNG or PDF picture: ...
    >>> fig = CourseFigure(new_figure(2, 1), "A <test>", "From nowhere.", pd.DataFrame(), "Nothing.")
    >>> "&lt;test&gt;" in fig._repr_html_() and 'alt="Nothing."' in fig._repr_html_()
    True
    """

    figure: Figure | None
    title: str
    caption: str
    data: pd.DataFrame
    alt_text: str
    svg: str | None = None
    _png: bytes | None = field(default=None, repr=False)

    def png(self) -> bytes:
        """The figure as PNG bytes (drawn once, then reused); a matplotlib figure only."""
        if self.figure is None:
            raise FigureError("This figure is drawn as SVG, not as a PNG or PDF picture: save it "
                              "as .svg (or .html), e.g. figure.save('timeline.svg')")
        if self._png is None:
            buffer = io.BytesIO()
            self.figure.savefig(buffer, format="png", dpi=100, facecolor="white")
            self._png = buffer.getvalue()
        return self._png

    def save(self, path: str | Path) -> Path:
        """Save the figure by the file's suffix; return the path.

        An SVG figure saves as .svg, or as .html (the picture with its caption); a
        matplotlib figure as .png, .pdf or .svg, or .html.
        """
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".html":
            path.write_text(f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                            f"<title>{escape(self.title)}</title></head>\n<body>"
                            f"{self._repr_html_()}</body></html>\n", encoding="utf-8")
        elif self.figure is None and suffix == ".svg":
            path.write_text(self.svg + "\n", encoding="utf-8")
        elif suffix == ".png" or self.figure is None:
            path.write_bytes(self.png())
        else:
            self.figure.savefig(path, facecolor="white")
        return path

    def _repr_html_(self) -> str:
        caption = f'<figcaption><b>{escape(self.title)}.</b> {escape(self.caption)}</figcaption>'
        if self.figure is None:
            return f'<figure style="margin:0">{self.svg}{caption}</figure>'
        image = base64.b64encode(self.png()).decode("ascii")
        return (f'<figure style="margin:0">'
                f'<img src="data:image/png;base64,{image}" alt="{escape(self.alt_text)}" '
                f'style="max-width:100%">{caption}</figure>')

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
