"""How hard a text is to read: the Flesch-Kincaid grade, computed offline.

The course's own words (summaries, contexts, labels) must be easier to read
than the sources they explain. The Flesch-Kincaid grade estimates the US school
grade a reader needs:

    grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59

Syllables are counted by a rule of thumb (groups of vowels, with the usual
corrections for a silent final e), which needs no dictionary or download. It
is an estimate, good for comparing texts, not a verdict on one sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Readability", "count_syllables", "measure", "sentences", "words"]

# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vol.", "vols.", "p.", "pp.", "no.", "ch.", "cf.",
                  "mr.", "mrs.", "dr.", "st.", "op.cit.", "ibid.", "c.")
_WORD = re.compile(r"[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?|\d+(?:[.,]\d+)*")


def words(text: str) -> list[str]:
    """The words of a text (numbers count as words; hyphenated words as one).

    >>> words("Stalin's turn of 1928 was a 'left zigzag'.")
    ["Stalin's", 'turn', 'of', '1928', 'was', 'a', 'left', 'zigzag']
    """
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """Split a text into sentences, at . ! ? or ; followed by a space and a capital or end.

    Initials (E.H. Carr) and common abbreviations (e.g., p.) do not end a sentence.
    A semicolon or colon is not a sentence end.

    >>> sentences("E.H. Carr wrote it, e.g. in vol. 2. Hallas agrees! Does he?")
    ['E.H. Carr wrote it, e.g. in vol. 2.', 'Hallas agrees!', 'Does he?']
    >>> len(sentences("It was a dictatorship. It ruled. He left the republic. No."))
    4
    """
    protected = text
    for abbreviation in _ABBREVIATIONS:
        protected = re.sub(r"(?<![A-Za-z])" + re.escape(abbreviation),
                           lambda m: m.group().replace(".", "\0"), protected, flags=re.IGNORECASE)
    protected = re.sub(r"\b([A-Z])\.", "\\1\0", protected)  # initials: E. H.
    parts = re.split(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])", protected.strip())
    return [part.replace("\0", ".").strip() for part in parts if words(part)]


def count_syllables(word: str) -> int:
    """Syllables in one English word, by a rule of thumb (at least 1).

    >>> [count_syllables(w) for w in ["war", "Stalin", "bureaucracy", "collectivisation", "rule"]]
    [1, 2, 4, 6, 1]
    """
    word = re.sub(r"[^a-z]", "", word.lower())
    if not word:
        return 1  # a number or symbol: read as one unit
    if len(word) <= 3:
        return 1
    if re.search(r"[^aeiouy]le$", word):
        pass  # "table", "people": the final -le is a syllable
    elif re.search(r"[^aeiouysxzcgh]es$", word) or re.search(r"[^aeiouytd]ed$", word):
        word = word[:-2]  # "times", "ruled": silent ending
    elif word.endswith("e"):
        word = word[:-1]  # "rule": silent final e
    word = re.sub(r"^y", "", word)
    count = len(re.findall(r"[aeiouy]+", word))
    # "ideology", "dual": these vowel pairs are two syllables ("-tion" is not).
    count += len(re.findall(r"(?:eo|ua|uo|ia(?!n$))", word))
    return max(1, count)


@dataclass(frozen=True)
class Readability:
    """Counts and the Flesch-Kincaid grade of a text."""

    words: int
    sentences: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        """Average sentence length in words."""
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def grade(self) -> float:
        """The Flesch-Kincaid grade level (about the US school grade a reader needs)."""
        if not self.words:
            return 0.0
        return (0.39 * self.words_per_sentence + 11.8 * self.syllables / self.words - 15.59)

    def __add__(self, other: Readability) -> Readability:
        return Readability(self.words + other.words, self.sentences + other.sentences,
                           self.syllables + other.syllables)


def measure(*texts: str) -> Readability:
    """Measure one text, or several together (as if they were one text).

    >>> r = measure("The party ruled. The workers had no say.")
    >>> (r.words, r.sentences, round(r.grade, 1))
    (8, 2, 0.7)
    """
    total = Readability(0, 0, 0)
    for text in texts:
        found = words(text)
        total = total + Readability(len(found), len(sentences(text)),
                                    sum(count_syllables(w) for w in found))
    return total
