"""Proving that a cleaned text is its original capture minus web furniture.

The rule: the cleaned text is the original with whole lines deleted and
nothing else changed, and the deleted (non-blank) lines are exactly the ones
listed under ``removed_furniture`` in the source's metadata. Lines are
compared with whitespace runs equal, as quotes are.
"""

from __future__ import annotations

from .reading import Problem
from .textmatch import normalise_space

__all__ = ["removed_lines", "faithfulness_problems"]


def _lines(text: str) -> list[tuple[int, str]]:
    return [(n, normalise_space(line)) for n, line in enumerate(text.split("\n"), start=1)
            if line.strip()]


def removed_lines(cleaned: str, original: str) -> tuple[list[str], list[tuple[int, str]]]:
    """Match the cleaned text's lines, in order, against the original's.

    Returns the original lines that the cleaned text leaves out, and the
    cleaned lines (with their line numbers) that are not in the original.

    >>> removed_lines("b\\n\\nd\\n", "a\\nb\\nc\\n\\nd\\n")
    (['a', 'c'], [])
    >>> removed_lines("b\\nX\\n", "a\\nb\\n")
    (['a'], [(2, 'X')])
    """
    original_lines = _lines(original)
    removed: list[str] = []
    unmatched: list[tuple[int, str]] = []
    position = 0
    for number, line in _lines(cleaned):
        for look in range(position, len(original_lines)):
            if original_lines[look][1] == line:
                removed.extend(text for _, text in original_lines[position:look])
                position = look + 1
                break
        else:
            unmatched.append((number, line))
    removed.extend(text for _, text in original_lines[position:])
    return removed, unmatched


def faithfulness_problems(meta: dict, cleaned: str, original: str, where: str) -> list[Problem]:
    """Problems if ``cleaned`` is not ``original`` minus the listed furniture lines."""
    sid = meta["id"]
    problems = []
    removed, unmatched = removed_lines(cleaned, original)
    for number, line in unmatched:
        problems.append(Problem(where, sid, "text_file",
                                f"line {number} of {meta['text_file']} is not in the original "
                                f"capture (changed or added): '{line[:60]}'"))
    listed = [normalise_space(line) for line in meta["removed_furniture"]]
    if not unmatched and removed != listed:
        for line in removed:
            if line not in listed:
                problems.append(Problem(where, sid, "removed_furniture",
                                        f"line removed from the original but not listed: "
                                        f"'{line[:60]}'"))
        for line in listed:
            if line not in removed:
                problems.append(Problem(where, sid, "removed_furniture",
                                        f"listed line was not removed from the original: "
                                        f"'{line[:60]}'"))
        if all(line in listed for line in removed) and all(line in removed for line in listed):
            problems.append(Problem(where, sid, "removed_furniture",
                                    "lines are listed in a different order from the original"))
    return problems
