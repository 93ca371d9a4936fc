"""What every figure of the course shares: `CourseFigure`, a blank figure, the palette.

Each figure is drawn from the corpus and returned as a `CourseFigure`: the
matplotlib figure plus its title, a caption that says where the data comes
from, the data itself as a table, and a text alternative for screen readers.
Figures are built with `matplotlib.figure.Figure`, never pyplot, so they work
without a display and are shown exactly once in a notebook.

The drawers (`figure_timeline`, `figure_citations`, `figure_statistics`,
`figure_grids`) import this module; it imports none of them.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

__all__ = ["CourseFigure", "OKABE_ITO", "HATCHES", "FONT", "new_figure", "plural", "corpus_file"]

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


def new_figure(width: float = 10, height: float = 5.5, layout: str | None = "constrained") -> Figure:
    """A blank figure sized for a laptop screen and a projector, needing no display.

    >>> new_figure().get_size_inches().tolist()
    [10.0, 5.5]
    """
    figure = Figure(figsize=(width, height), dpi=100, layout=layout)
    FigureCanvasAgg(figure)
    return figure


@dataclass(eq=False)
class CourseFigure:
    """A figure from the corpus, with its title, caption, data and text alternative.

    In a notebook it shows as a picture with its caption; ``.data`` is the same
    information as a table, ``.alt_text`` the same as a paragraph.

    >>> fig = new_figure(2, 1)
    >>> cf = CourseFigure(fig, "A <test>", "From nowhere.", pd.DataFrame(), "Nothing.")
    >>> "&lt;test&gt;" in cf._repr_html_() and 'alt="Nothing."' in cf._repr_html_()
    True
    """

    figure: Figure
    title: str
    caption: str
    data: pd.DataFrame
    alt_text: str
    _png: bytes | None = field(default=None, repr=False)

    def png(self) -> bytes:
        """The figure as PNG bytes (drawn once, then reused)."""
        if self._png is None:
            buffer = io.BytesIO()
            self.figure.savefig(buffer, format="png", dpi=100, facecolor="white")
            self._png = buffer.getvalue()
        return self._png

    def save(self, path: str | Path) -> Path:
        """Save the figure (PNG, PDF or SVG, by the file's suffix); return the path."""
        path = Path(path)
        if path.suffix.lower() == ".png":
            path.write_bytes(self.png())
        else:
            self.figure.savefig(path, facecolor="white")
        return path

    def _repr_html_(self) -> str:
        image = base64.b64encode(self.png()).decode("ascii")
        return (f'<figure style="margin:0">'
                f'<img src="data:image/png;base64,{image}" alt="{escape(self.alt_text)}" '
                f'style="max-width:100%">'
                f'<figcaption><b>{escape(self.title)}.</b> {escape(self.caption)}</figcaption>'
                f'</figure>')

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
