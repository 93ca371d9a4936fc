"""The course's figures (timeline, citation map, statistics, stance map, evidence profile).

Each figure is drawn from the corpus and returned as a `CourseFigure`: the
matplotlib figure plus its title, a caption that says where the data comes
from, the data itself as a table, and a text alternative for screen readers.
Figures are built with `matplotlib.figure.Figure`, never pyplot, so they work
without a display and are shown exactly once in a notebook.

The methods of `Figures` are mixed into `helpers.Course`; the drawing lives in
`figure_timeline`, `figure_citations`, `figure_statistics` and `figure_grids`.
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

__all__ = ["CourseFigure", "Figures", "OKABE_ITO", "HATCHES", "new_figure"]

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


class Figures:
    """Figures drawn from the corpus; mixed into `Course`."""

    def timeline(self) -> CourseFigure:
        """The dated events the sources mention, 1905-1940, with the struggle's phases.

        Where sources date an event differently, both dates are drawn and flagged.

        >>> import helpers
        >>> fig = helpers.load().timeline()
        >>> fig.figure.axes[0].get_xlabel()
        'Year'
        >>> "socialism-in-one-country-adopted" in fig.data.index
        True
        """
        from .figure_timeline import draw_timeline

        return draw_timeline(self)

    def citation_map(self) -> CourseFigure:
        """Who cites whom: each author against the people and works they cite.

        >>> import helpers
        >>> table = helpers.load().citation_map().data
        >>> table[table["author"] == "The blog (rfzo47)"]["work"].tolist()
        ['cites nothing']
        """
        from .figure_citations import draw_citation_map

        return draw_citation_map(self)

    def statistics_chart(self, series: str | list[str] | None = None) -> CourseFigure:
        """The sources' own numbers: one panel per series (or only the series named).

        Every number is labelled with the words the source prints.

        >>> import helpers
        >>> fig = helpers.load().statistics_chart("real-wages")
        >>> fig.data["value_as_printed"].tolist()
        ['1928 = 100', '88.6']
        """
        from .figure_statistics import draw_statistics

        return draw_statistics(self, series)

    def stance_map(self) -> CourseFigure:
        """Where each author stands: sources by themes, each cell the positions taken.

        >>> import helpers
        >>> grid = helpers.load().stance_map().data
        >>> grid.loc["Battersby", "Why Stalin won"]
        'not addressed'
        """
        from .figure_grids import draw_stance_map

        return draw_stance_map(self)

    def evidence_profile(self) -> CourseFigure:
        """How each author supports claims: a stacked bar of evidence kinds per source.

        >>> import helpers
        >>> table = helpers.load().evidence_profile().data
        >>> int(table.loc["The blog (rfzo47)", "relies on a historian's work"])
        0
        """
        from .figure_grids import draw_evidence_profile

        return draw_evidence_profile(self)
