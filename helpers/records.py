"""The course's records: plain, read-only objects built from the corpus files."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EVIDENCE_KINDS", "EVIDENCE_NOUNS", "FLAG_STATUSES", "STANCES", "Flag", "Source",
           "Position", "Theme", "Evidence", "Excerpt", "Citation", "Event", "Statistic", "Phase", "Term"]

#: Evidence kinds, in the order the course shows them, with a label a student reads.
EVIDENCE_KINDS = {
    "primary-quotation": "quotes a primary source",
    "paraphrase": "reports or names a primary source, without quoting it",
    "statistic": "gives a statistic",
    "event": "points to an event",
    "secondary-work": "relies on a historian's work",
    "assertion": "asserts it, with no evidence given",
}

#: Each evidence kind as a noun, singular and plural, for counts ("2 bare assertions").
EVIDENCE_NOUNS = {
    "primary-quotation": ("quotation from a primary source", "quotations from primary sources"),
    "paraphrase": ("primary source reported without quotation",
                   "primary sources reported without quotation"),
    "statistic": ("statistic", "statistics"),
    "event": ("event pointed to", "events pointed to"),
    "secondary-work": ("historian's work relied on", "historians' works relied on"),
    "assertion": ("bare assertion", "bare assertions"),
}

#: What an excerpt does with its view, with the words a student reads.
STANCES = {
    "argues": "argues it",
    "reports": "reports it, to describe or reject it",
    "narrates": "tells what happened, arguing no position",
}

#: How sure we are that a claim in a source is wrong, with the words a student reads.
FLAG_STATUSES = {
    "wrong": "factual error",
    "disputed": "disputed claim",
    "not-corroborated": "not corroborated by the other sources",
}


@dataclass(frozen=True)
class Flag:
    """Our note on a claim in a source that is wrong or disputed.

    ``words`` are the source's words the flag is about (empty for a whole
    event); ``note`` gives the accepted fact in our words; ``basis`` names the
    kind of reference, outside the five texts, where a teacher can check it.
    """

    status: str
    words: str
    note: str
    basis: str | None

    @property
    def status_label(self) -> str:
        """The status in words, e.g. 'disputed claim'."""
        return FLAG_STATUSES[self.status]


@dataclass(frozen=True)
class Source:
    """One of the texts of the corpus, with what we know about it."""

    id: str
    author: str
    short_name: str
    title: str
    publication: str
    genre: str
    date: str
    date_basis: str
    tradition: str
    tradition_evidence: tuple[tuple[str, str], ...]
    outside_text: tuple[str, ...]
    provenance: str
    text: str
    author_typos: tuple[tuple[str, str], ...]

    @property
    def date_shown(self) -> str:
        """The date as a student should see it: 'date not stated' when unknown."""
        if self.date == "not stated":
            return "date not stated"
        if self.date_basis == "established outside the text":
            return f"{self.date} (established outside the text)"
        return self.date


@dataclass(frozen=True)
class Position:
    """One answer to a theme's central question."""

    id: str
    theme: str
    label: str
    summary: str


@dataclass(frozen=True)
class Theme:
    """A debate theme: a central question and the positions taken on it."""

    id: str
    title: str
    question: str
    context: str
    positions: tuple[Position, ...]
    missing_voices: str
    outside_text: tuple[str, ...] = ()

    def position(self, position_id: str) -> Position:
        """The position with this id (KeyError, with close matches, if none)."""
        from .lookup import find

        return find({p.id: p for p in self.positions}, position_id, f"position of '{self.id}'")


@dataclass(frozen=True)
class Evidence:
    """What an author rests a claim on."""

    kind: str
    description: str
    citation: str | None

    @property
    def kind_label(self) -> str:
        """The kind in words, e.g. 'asserts it, with no evidence given'."""
        return EVIDENCE_KINDS[self.kind]


@dataclass(frozen=True)
class Excerpt:
    """An author's own words on a theme, with our summary and their evidence."""

    id: str
    source: str
    theme: str
    position: str | None
    stance: str
    quote: str
    argument: str
    evidence: tuple[Evidence, ...]
    start: int
    end: int
    flags: tuple[Flag, ...] = ()


@dataclass(frozen=True)
class Citation:
    """A work or person an author cites or quotes."""

    id: str
    source: str
    note: int | None
    cited_author: str
    work: str
    details: str | None
    page: str | None
    as_printed: str


@dataclass(frozen=True)
class Event:
    """A dated event the sources mention, with the excerpts that state it."""

    id: str
    date: str
    end_date: str | None
    label: str
    excerpts: tuple[str, ...]
    conflicting_dates: tuple[tuple[str, tuple[str, ...], str], ...]
    flag: Flag | None = None

    @property
    def year(self) -> int:
        """The year the event began."""
        return int(self.date[:4])


@dataclass(frozen=True)
class Statistic:
    """A number a source gives, exactly as printed, tied to its excerpt."""

    id: str
    series: str
    label: str
    value_as_printed: str
    value: float
    unit: str
    year: int | None
    excerpt: str
    note: str | None


@dataclass(frozen=True)
class Phase:
    """A stretch of years the timeline shades: the course's framing, not a source's date."""

    label: str
    start: int
    end: int
    row: str


@dataclass(frozen=True)
class Term:
    """A word the sources use, explained in our own words."""

    id: str
    term: str
    also: tuple[str, ...]
    definition: str
