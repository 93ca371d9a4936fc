"""Looking records up by id, with a helpful error when the id is wrong."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import TypeVar

__all__ = ["UnknownIdError", "close_matches", "find"]

T = TypeVar("T")


class UnknownIdError(KeyError, ValueError):
    """An id that is not in the corpus. It is both a KeyError and a ValueError.

    Its message names the id and lists close matches, so a typo is easy to fix.
    """

    def __str__(self) -> str:  # KeyError would otherwise show the message in quotes
        return str(self.args[0])


def find(records: Mapping[str, T], wanted: str, what: str) -> T:
    """Return ``records[wanted]``, or raise UnknownIdError naming close matches.

    >>> find({"hallas-stalinism": 1}, "hallas-stalinism", "source")
    1
    >>> find({"hallas-stalinism": 1, "rfzo47-blog": 2}, "halas-stalinism", "source")
    Traceback (most recent call last):
    ...
    helpers.lookup.UnknownIdError: no source with id 'halas-stalinism'; did you mean 'hallas-stalinism'?
    """
    if wanted in records:
        return records[wanted]
    ids = [str(key) for key in records]
    close = close_matches(wanted, ids, cutoff=0.5)
    if not close:
        close = [key for key in ids if str(wanted).lower() in key.lower()][:3]
    if close:
        hint = "did you mean " + " or ".join(repr(c) for c in close) + "?"
    else:
        hint = "the ids are: " + ", ".join(repr(i) for i in ids)
    raise UnknownIdError(f"no {what} with id {wanted!r}; {hint}")


def close_matches(wanted: object, ids, cutoff: float = 0.6) -> list[str]:
    """Up to three ids close to ``wanted``, best first (used by lookups and the checker).

    >>> close_matches("hallas-note-1", ["hallas-note-01", "hallas-note-11", "x"])
    ['hallas-note-01', 'hallas-note-11']
    """
    ids = [str(key) for key in ids]
    same_numbers = [key for key in ids if _numbers_unpadded(key) == _numbers_unpadded(wanted)]
    similar = difflib.get_close_matches(str(wanted), ids, n=3, cutoff=cutoff)
    return (same_numbers + [key for key in similar if key not in same_numbers])[:3]


def _numbers_unpadded(text: object) -> str:
    """'hallas-note-01' and 'hallas-note-1' compare equal."""
    return re.sub(r"\d+", lambda m: str(int(m.group())), str(text).lower())
