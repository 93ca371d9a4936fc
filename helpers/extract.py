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
    excerpt_id: str
    lines: tuple[str, ...]
    author: str
    title: str
    date: str
    notes: tuple[str, ...]

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

    def __str__(self) -> str:
        numbered = self.numbered()
        width = len(str(max(n or 0 for n, _ in numbered)))
        body = "\n".join(f"{n:>{width + 1}}  {text}" if n else "" for n, text in numbered)
        notes = "".join(f"\n{note}" for note in self.notes)
        return (f"Extract {self.letter}\n{body}\n— {self.author}, {self.title}, {self.date} "
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
        display(keep_control([(f"Extract {self.letter} ({self.author})", self.excerpt_id)]))

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
                f"<p style='margin:2px 0'><b>Extract {escape(self.letter)}</b></p>"
                f'<table style="border-collapse:collapse; margin:0" '
                f'aria-label="Extract {escape(self.letter)}, with line numbers">{rows}</table>'
                f"<p style='margin:6px 0 2px 0'>— <b>{escape(self.author)}</b>, "
                f"<i>{escape(self.title)}</i>, {escape(self.date)} "
                f"<span style='color:#555'>[{escape(self.excerpt_id)}]</span></p>{notes}</div>")


def make_extract(records, excerpt_id: str, letter: str = "A") -> Extract:
    """The extract of one excerpt, its lines numbered, with its source and any flags."""
    excerpt = records.excerpt(excerpt_id)
    source = records.source(excerpt.source)
    passage = source.text[excerpt.start:excerpt.end]
    lines: list[str] = []
    for paragraph in re.split(r"\n[ \t\u00a0]*\n", passage):
        if lines:
            lines.append("")  # the source's paragraph break, kept
        lines += textwrap.wrap(" ".join(paragraph.split()), LINE_WIDTH, break_long_words=False,
                               break_on_hyphens=False)
    notes = [f"⚑ Check this claim ({FLAG_STATUSES[f.status]}): “{f.words}”. {f.note}"
             + (f" {f.basis}" if f.basis else "") for f in excerpt.flags]
    if excerpt.stance == "reports":
        notes.insert(0, f"Note: here {source.short_name} reports a view in order to describe "
                        "or reject it.")
    return Extract(letter, excerpt.id, tuple(lines), source.short_name, source.title,
                   source.date_shown, tuple(notes))
