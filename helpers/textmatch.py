"""Finding quotations in source texts.

The course's one rule for "verbatim": a quote must match the source exactly,
except that any run of whitespace (spaces, line breaks, non-breaking spaces)
matches any other run. Nothing else is normalised: curly quotes, dashes and
the authors' own typos must match character for character.
"""

from __future__ import annotations

import re

__all__ = ["normalise_space", "find_quote", "paragraph_around", "explain_mismatch"]


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
