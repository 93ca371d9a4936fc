"""Finding quotations in source texts.

The course's one rule for "verbatim": a quote must match the source exactly,
except that any run of whitespace (spaces, line breaks, non-breaking spaces)
matches any other run. Nothing else is normalised: curly quotes, dashes and
the authors' own typos must match character for character.
"""

from __future__ import annotations

import re

__all__ = ["normalise_space", "find_quote", "paragraph_around"]


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace to one space and trim the ends.

    >>> normalise_space("  a\\n\\n b\\u00a0 c ")
    'a b c'
    """
    return " ".join(text.split())


def _pattern(quote: str) -> re.Pattern[str] | None:
    words = quote.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(word) for word in words))


def find_quote(quote: str, text: str) -> tuple[int, int] | None:
    """Return the (start, end) offsets of ``quote`` in ``text``, or None.

    Whitespace runs compare equal; everything else must be identical.

    >>> find_quote("two  three", "one two\\nthree four")
    (4, 13)
    >>> find_quote("two three", "one two, three") is None
    True
    """
    pattern = _pattern(quote)
    if pattern is None:
        return None
    match = pattern.search(text)
    return (match.start(), match.end()) if match else None


def paragraph_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the offsets of the paragraph(s) that contain text[start:end].

    Paragraphs are separated by a blank line.

    >>> text = "First para.\\n\\nSecond para, with the quote.\\n\\nThird."
    >>> s = text.index("the quote")
    >>> a, b = paragraph_around(text, s, s + 9)
    >>> text[a:b]
    'Second para, with the quote.'
    """
    breaks = [m.end() for m in re.finditer(r"\n[ \t\u00a0]*\n", text[:start])]
    para_start = breaks[-1] if breaks else 0
    after = re.search(r"\n[ \t\u00a0]*\n", text[end:])
    para_end = end + after.start() if after else len(text)
    return para_start, para_end
