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


_HEAD = re.compile(r"(<thead>\s*<tr[^>]*>\s*)<th>(.*?)</th>(.*?</tr>)(\s*<tr>\s*<th>(.*?)</th>"
                   r"(?:\s*<th></th>)*\s*</tr>)?", re.DOTALL)


def _corner(match: re.Match) -> str:
    columns, index = match.group(2), match.group(5)
    if columns and index:  # a cross-table: say which name runs down, which across
        corner = f"{index} ↓ · {columns} →"
    else:
        corner = columns or index or "row"
    return f"{match.group(1)}<th>{corner}</th>{match.group(3)}"


def _one_header_row(html: str, simple: bool) -> str:
    """Name the corner cell of the header (screen readers announce an empty header cell as
    nothing): pandas puts the index's name on a second header row, of empty cells; move it
    up into the corner, beside the columns' own name if they have one.

    >>> print(_one_header_row("<thead><tr><th>stance</th><th>argues</th></tr>"
    ...                       "<tr><th>position</th><th></th></tr></thead>", True))
    <thead><tr><th>position ↓ · stance →</th><th>argues</th></tr></thead>
    >>> print(_one_header_row("<thead><tr><th></th><th>n</th></tr></thead><tbody><tr><th></th>"
    ...                       "<td>2</td></tr></tbody>", True))
    <thead><tr><th>row</th><th>n</th></tr></thead><tbody><tr><th>(none)</th><td>2</td></tr></tbody>
    """
    if not simple:
        return html
    head, tbody, body = _HEAD.sub(_corner, html, count=1).partition("<tbody>")
    # a row whose label is empty (e.g. narrating excerpts, which take no position)
    return head + tbody + body.replace("<th></th>", "<th>(none)</th>")


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
