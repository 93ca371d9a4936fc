"""`Table`: a pandas DataFrame that shows the sources' words whole.

pandas cuts every cell to 50 characters on screen ("The Thermidor of the Great
Russian Revolution is no..."), which is useless in a reading course. A `Table`
is an ordinary DataFrame in every way (filter it, sort it, count it), except
that when it is displayed, its text is shown in full and aligned for reading.
Nothing is changed in pandas' options, so a student's own DataFrames behave
as pandas documents.
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["Table", "Column"]

_CELL = re.compile(r"<td>(.*?)</td>", re.DOTALL)


def _cell(match: re.Match) -> str:
    """A cell aligned for reading; a long text gets room enough to read as a paragraph."""
    width = " min-width:28em;" if len(match.group(1)) > 120 else ""
    return f'<td style="text-align:left; vertical-align:top;{width}">{match.group(1)}</td>'


_HEAD = re.compile(r"(<thead>\s*<tr[^>]*>\s*)<th></th>(.*?</tr>)(\s*<tr>\s*<th>(.*?)</th>"
                   r"(?:\s*<th></th>)*\s*</tr>)?", re.DOTALL)


def _one_header_row(html: str, simple: bool) -> str:
    """Name the corner cell of the header (screen readers announce an empty header cell as
    nothing): pandas puts the index's name on a second header row; move it up."""
    if not simple:
        return html
    return _HEAD.sub(lambda m: f"{m.group(1)}<th>{m.group(4) or 'row'}</th>{m.group(2)}",
                     html, count=1)


class Column(pd.Series):
    """One column of a `Table`: a pandas Series that shows its text whole."""

    @property
    def _constructor(self):
        return Column

    @property
    def _constructor_expanddim(self):
        return Table

    def __repr__(self) -> str:
        with pd.option_context("display.max_colwidth", None):
            return super().__repr__()


class Table(pd.DataFrame):
    """A DataFrame of the course's records whose text is shown whole.

    >>> table = Table({"quote": ["x" * 80]})
    >>> "x" * 80 in repr(table) and "x" * 80 in table._repr_html_()
    True
    >>> type(table[table["quote"] != ""]).__name__    # filtering keeps the whole-text display
    'Table'
    >>> "x" * 80 in repr(pd.DataFrame({"quote": ["x" * 80]}))   # plain DataFrames are untouched
    False
    """

    @property
    def _constructor(self):
        return Table

    @property
    def _constructor_sliced(self):
        return Column

    def __repr__(self) -> str:
        with pd.option_context("display.max_colwidth", None):
            return super().__repr__()

    def _repr_html_(self) -> str | None:
        with pd.option_context("display.max_colwidth", None):
            html = super()._repr_html_()
        if not html:
            return html
        # A wide table scrolls inside the output: a Tab stop lets keyboard users scroll it.
        label = f"table of {len(self)} rows and {len(self.columns)} columns"
        simple = self.index.nlevels == 1 and self.columns.nlevels == 1
        return (f'<div tabindex="0" role="region" aria-label="{label}">'
                f"{_one_header_row(_CELL.sub(_cell, html), simple)}</div>")
