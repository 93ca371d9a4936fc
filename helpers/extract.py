"""Extracts for close reading, laid out as in an exam booklet: numbered lines.

A class reading a passage together needs to say "line 7". `Extract` shows an
excerpt's exact words broken into short numbered lines, headed by its letter
and followed by who wrote it, where and when, and any claim we flag. It is a
plain display object, so it prints the same in JupyterLab, in an exported
handout and in a terminal.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from html import escape

from .records import FLAG_STATUSES

__all__ = ["Extract", "make_extract", "LINE_WIDTH"]

#: Characters per numbered line: about twelve words, as in a printed source booklet.
LINE_WIDTH = 72


@dataclass(frozen=True)
class Extract:
    """One excerpt as a lettered, line-numbered extract.

    A paragraph break in the source is kept: it is an empty string in ``lines``,
    shown as a gap with no number.

    >>> e = Extract("A", "x", ("The party ruled.", "", "The workers did not."), "Ann", "T",
    ...             "1979", ())
    >>> print(e)
    Extract A
     1  The party ruled.
    <BLANKLINE>
     2  The workers did not.
    — Ann, T, 1979 [x]
    """

    letter: str
    excerpt_id: str  # several ids, joined by " + ", when the extract joins excerpts
    lines: tuple[str, ...]
    author: str
    title: str
    date: str
    notes: tuple[str, ...]
    #: (excerpt id, first line, last line) of each excerpt an extract joins
    parts: tuple[tuple[str, int, int], ...] = ()

    @property
    def words(self) -> int:
        """How many words the extract has."""
        return sum(len(line.split()) for line in self.lines)

    def numbered(self) -> list[tuple[int | None, str]]:
        """(line number, text) for every line; paragraph gaps have no number."""
        result, number = [], 0
        for text in self.lines:
            if text:
                number += 1
                result.append((number, text))
            else:
                result.append((None, ""))
        return result

    def line(self, number: int) -> str:
        """The words on one numbered line (numbers start at 1)."""
        return dict(self.numbered())[number]

    @property
    def heading(self) -> str:
        """'Extract A', or the label given whole (e.g. 'Source A')."""
        return self.letter if " " in self.letter else f"Extract {self.letter}"

    def __str__(self) -> str:
        numbered = self.numbered()
        width = len(str(max(n or 0 for n, _ in numbered)))
        body = "\n".join(f"{n:>{width + 1}}  {text}" if n else "" for n, text in numbered)
        notes = "".join(f"\n{note}" for note in self.notes)
        return (f"{self.heading}\n{body}\n— {self.author}, {self.title}, {self.date} "
                f"[{self.excerpt_id}]{notes}")

    def __repr__(self) -> str:
        return str(self)

    def _ipython_display_(self) -> None:
        """In a notebook: the extract, then the control that keeps it for the essay."""
        from IPython.display import HTML, display

        display(HTML(self._repr_html_()))
        try:
            from .keep import keep_control
        except ImportError:  # no ipywidgets: the extract alone
            return
        display(keep_control(self.keep_choices()))

    def keep_choices(self) -> list[tuple[str, str]]:
        """(label, excerpt id) for each excerpt that can be kept; a joined extract's parts
        are labelled with their lines, e.g. 'Extract A (Hallas), part 2: lines 5-9'."""
        ids = self.excerpt_id.split(" + ")
        if len(ids) == 1:
            return [(f"{self.heading} ({self.author})", ids[0])]
        lines = {eid: (first, last) for eid, first, last in self.parts}
        return [(f"{self.heading} ({self.author}), part {n}"
                 + (f": lines {lines[eid][0]}–{lines[eid][1]}" if eid in lines else ""), eid)
                for n, eid in enumerate(ids, start=1)]

    def _repr_html_(self) -> str:
        rows = "".join(
            f'<tr><td style="text-align:right; color:#555; padding-right:10px; '
            f'vertical-align:top; user-select:none">{n}</td>'
            f'<td style="text-align:left; font-family:Georgia, serif">{escape(text)}</td></tr>'
            if n else '<tr><td colspan="2" style="height:0.6em"></td></tr>'
            for n, text in self.numbered())
        notes = "".join(f"<p style='margin:4px 0'>{escape(note)}</p>" for note in self.notes)
        return (f'<div style="border:1px solid #555; padding:6px 12px; margin:8px 0; '
                f'max-width:48em; color:#111; background:#fff">'
                f"<p style='margin:2px 0'><b>{escape(self.heading)}</b></p>"
                f'<table style="border-collapse:collapse; margin:0" '
                f'aria-label="{escape(self.heading)}, with line numbers">{rows}</table>'
                f"<p style='margin:6px 0 2px 0'>— <b>{escape(self.author)}</b>, "
                f"<i>{escape(self.title)}</i>, {escape(self.date)} "
                f"<span style='color:#555'>[{escape(self.excerpt_id)}]</span></p>{notes}</div>")


def make_extract(records, excerpt, letter: str = "A") -> Extract:
    """The extract of one excerpt (or of several that follow one another in one source),
    its lines numbered straight through, with its source and any flags.

    Several excerpts are joined with the source's own words between them when the gap is
    short (up to 40 words); a longer gap is shown as [...].
    """
    ids = [excerpt] if isinstance(excerpt, str) else list(excerpt)
    if not ids:
        raise ValueError("extract needs an excerpt id, or a list of ids")
    excerpts = sorted((records.excerpt(i) for i in ids), key=lambda e: e.start)
    sources = {e.source for e in excerpts}
    if len(sources) > 1:
        raise ValueError(f"an extract comes from one source; these come from {sorted(sources)}")
    source = records.source(excerpts[0].source)
    text = source.text
    passage, cursor = "", None
    segments: list[tuple[int, int, int]] = []  # (source start, source end, passage start)
    for e in excerpts:
        if cursor is not None and e.start > cursor:
            gap = text[cursor:e.start]
            if len(gap.split()) <= 40:
                segments.append((cursor, e.start, len(passage)))
                passage += gap
            else:
                passage += "\n\n[...]\n\n"
        if cursor is None or e.end > cursor:
            begin = max(e.start, cursor or 0)
            segments.append((begin, e.end, len(passage)))
            passage += text[begin:e.end]
            cursor = e.end
    lines: list[str] = []
    for paragraph in re.split(r"\n[ \t\u00a0]*\n", passage):
        if lines and paragraph.strip():
            lines.append("")  # the source's paragraph break, kept
        lines += textwrap.wrap(" ".join(paragraph.split()), LINE_WIDTH, break_long_words=False,
                               break_on_hyphens=False)
    notes = [f"⚑ Check this claim ({FLAG_STATUSES[f.status]}): “{f.words}”. {f.note}"
             + (f" {f.basis}" if f.basis else "") for e in excerpts for f in e.flags]
    reporting = [e for e in excerpts if e.stance == "reports"]
    if reporting and len(reporting) == len(excerpts):
        notes.insert(0, f"Note: here {source.short_name} reports a view in order to describe "
                        "or reject it.")
    elif reporting:
        opening = "; ".join(f"“{' '.join(e.quote.split()[:6])} …”" for e in reporting)
        notes.insert(0, f"Note: in part of this extract ({opening}) {source.short_name} reports "
                        "a view in order to describe or reject it.")
    return Extract(letter, " + ".join(e.id for e in excerpts), tuple(lines), source.short_name,
                   source.title, source.date_shown, tuple(notes),
                   _line_ranges(excerpts, segments, passage, lines) if len(excerpts) > 1 else ())


def _line_ranges(excerpts, segments, passage: str, lines: list[str]):
    """(id, first line, last line) of each excerpt, from its place in the joined passage."""
    def in_passage(offset: int) -> int:
        return next(p + offset - a for a, b, p in segments if a <= offset <= b)

    line_of_word: list[int] = []  # the line number of each word of the passage, in order
    number = 0
    for text in lines:
        if text:
            number += 1
            line_of_word += [number] * len(text.split())
    ranges = []
    for e in excerpts:
        first_word = len(passage[:in_passage(e.start)].split())
        last_word = max(len(passage[:in_passage(e.end)].split()) - 1, first_word)
        ranges.append((e.id, line_of_word[first_word], line_of_word[min(last_word,
                                                                         len(line_of_word) - 1)]))
    return tuple(ranges)
