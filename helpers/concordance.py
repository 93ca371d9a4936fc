"""Keyword in context: the classic concordance view of corpus linguistics."""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["kwic_table"]


def kwic_table(course, word: str, width: int = 40, source_id: str | None = None) -> pd.DataFrame:
    """Every occurrence of ``word`` across the sources, with ``width`` characters each side.

    Matches whole words (and words that start with it, so "bureaucra" finds
    "bureaucracy" and "bureaucratic"), ignoring case. Line breaks count as spaces.

    >>> import helpers
    >>> table = kwic_table(helpers.load(), "Thermidor", width=20)
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
    sources = [course.source(source_id)] if source_id else course.all_sources()
    rows = []
    for source in sources:
        text = " ".join(source.text.split())
        for match in pattern.finditer(text):
            rows.append({"author": source.short_name, "source": source.id,
                         "left": text[max(0, match.start() - width):match.start()],
                         "keyword": match.group(),
                         "right": text[match.end():match.end() + width]})
    return pd.DataFrame(rows, columns=["author", "source", "left", "keyword", "right"])
