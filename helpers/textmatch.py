"""Finding quotations in source texts.

The course's one rule for "verbatim": a quote must match the source exactly,
except that any run of whitespace (spaces, line breaks, non-breaking spaces)
matches any other run. Nothing else is normalised: curly quotes, dashes and
the authors' own typos must match character for character.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["normalise_space", "find_quote", "paragraph_around", "explain_mismatch"]


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace to one space and trim the ends.

    >>> normalise_space("  a\\n\\n b\\u00a0 c ")
    'a b c'
    """
    return " ".join(text.split())


class _Normalised:
    """A text with its whitespace runs made single spaces, and a map back to the original."""

    def __init__(self, text: str):
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
        self.flat = " ".join(text[a:b] for a, b in words)
        self._original = words
        self._flat_starts = []  # where each word starts in `flat`
        at = 0
        for a, b in words:
            self._flat_starts.append(at)
            at += b - a + 1

    def to_original(self, index: int) -> int:
        """The offset in the original text of the character at ``index`` in ``flat``.

        The single space between two words stands for the end of the first one.
        """
        word = bisect.bisect_right(self._flat_starts, index) - 1
        start, end = self._original[word]
        offset = index - self._flat_starts[word]
        return start + offset if start + offset < end else end


_NORMALISED: dict[int, tuple[str, _Normalised]] = {}


def _normalised(text: str) -> _Normalised:
    """The normalised form of a text, computed once per text (keyed by identity and checked)."""
    cached = _NORMALISED.get(id(text))
    if cached is None or cached[0] is not text:
        cached = (text, _Normalised(text))
        _NORMALISED[id(text)] = cached
    return cached[1]


def find_quote(quote: str, text: str) -> tuple[int, int] | None:
    """Return the (start, end) offsets of ``quote`` in ``text``, or None.

    Whitespace runs compare equal; everything else must be identical. The text is
    normalised once and searched with ``str.find``, so checking many quotes against
    one long text stays linear.

    >>> find_quote("two  three", "one two\\nthree four")
    (4, 13)
    >>> find_quote("two three", "one two, three") is None
    True
    """
    wanted = " ".join(quote.split())
    if not wanted:
        return None
    norm = _normalised(text)
    at = norm.flat.find(wanted)
    while at >= 0:
        # a match must start and end on the original's characters, not inside a word's split
        start = norm.to_original(at)
        last = norm.to_original(at + len(wanted) - 1)
        return start, last + 1
    return None


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


#: Characters that look alike but differ, named for a teacher.
_NAMES = {
    "'": "a straight apostrophe '", "’": "a curly apostrophe ’", "‘": "an opening curly quote ‘",
    '"': 'a straight double quote "', "“": "an opening curly double quote “",
    "”": "a closing curly double quote ”", "-": "a hyphen -", "–": "an en dash –",
    "—": "an em dash —", "…": "an ellipsis character …", " ": "a space",
}


def _named(char: str) -> str:
    return _NAMES.get(char, f"'{char}'") if char else "the end of the text"


def explain_mismatch(quote: str, text: str) -> str:
    """Why a quote is not in a text: the words that do match, and the first character that differs.

    >>> print(explain_mismatch("the workers' state is", "the workers’ state is"))
    the quote matches the source up to 'the workers' and then has a straight apostrophe '
    where the source has a curly apostrophe ’
    >>> print(explain_mismatch("nothing like it", "the workers’ state"))
    not even the first word, 'nothing', is in the source: check the source id,
    or copy the quote again
    """
    words = quote.split()
    low, high = 0, len(words)  # the longest prefix of whole words that occurs
    while low < high:
        middle = (low + high + 1) // 2
        if find_quote(" ".join(words[:middle]), text) is not None:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return (f"not even the first word, '{words[0] if words else ''}', is in the source: "
                "check the source id, or copy the quote again")
    matched = " ".join(words[:low])
    _, end = find_quote(matched, text)
    after = " ".join(text[end:].split())
    gap = " " if text[end:end + 1].isspace() else ""
    ours, theirs = " " + " ".join(words[low:]), gap + after
    same = 0
    while same < len(ours) and same < len(theirs) and ours[same] == theirs[same]:
        same += 1
    agreed = (matched + ours[:same]).split()
    shown = " ".join(agreed[-8:])
    if same == len(ours):
        return f"the quote matches the source up to '{shown}'"
    source = theirs[same] if same < len(theirs) else ""
    return (f"the quote matches the source up to '{shown}' and then has {_named(ours[same])} "
            f"where the source has {_named(source)}")
