"""Keyword in context: the classic concordance view of corpus linguistics."""

from __future__ import annotations

import re

from .table import Table

__all__ = ["kwic_table"]


def kwic_table(records, word: str, width: int = 40, source: str | None = None) -> Table:
    """Every occurrence of ``word`` across the sources, with ``width`` characters each side.

    Matches whole words (and words that start with it, so "bureaucra" finds
    "bureaucracy" and "bureaucratic"), ignoring case. Line breaks count as spaces.

    >>> import helpers
    >>> table = kwic_table(helpers.load().records, "Thermidor", width=20)
    >>> list(table.columns)
    ['author', 'source', 'left', 'keyword', 'right']
    >>> set(table["author"])
    {'Hallas'}
    """
    if not isinstance(word, str) or not word.strip():
        raise ValueError("kwic needs a word to look for, e.g. course.kwic('bureaucracy')")
    if not isinstance(width, int) or width < 1:
        raise ValueError(f"width must be a positive whole number, not {width!r}")
    pattern = re.compile(r"\b" + re.escape(word.strip()) + r"\w*", re.IGNORECASE)
    sources = [records.source(source)] if source else records.sources()
    rows = []
    for found in sources:
        text = " ".join(found.text.split())
        for match in pattern.finditer(text):
            rows.append({"author": found.short_name, "source": found.id,
                         "left": text[max(0, match.start() - width):match.start()],
                         "keyword": match.group(),
                         "right": text[match.end():match.end() + width]})
    return Table(rows, columns=["author", "source", "left", "keyword", "right"])
