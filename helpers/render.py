"""Turning corpus records into safe HTML for the widgets.

Corpus text is data, not markup: every string from the corpus passes through
`html.escape` before it reaches a widget (``widgets.HTML`` sets innerHTML
unsanitised). Sides are told apart by name, never by colour alone.
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape

from .records import EVIDENCE_KINDS, EVIDENCE_NOUNS, Citation, Evidence, Excerpt, Flag, Position
from .textmatch import paragraph_around

__all__ = ["citation_text", "evidence_line", "flag_html", "excerpt_html", "context_html",
           "argument_html", "evidence_html", "evidence_profile_line", "opening"]

_BOX = ("border-left:4px solid #555; padding:4px 10px; margin:6px 0; "
        "background:#f7f7f7; color:#111;")


def citation_text(citation: Citation) -> str:
    """A citation in words (plain text, not escaped).

    >>> from helpers.records import Citation
    >>> c = Citation("x", "s", 15, "Alec Nove", "An Economic History of the USSR",
    ...              "Harmondsworth: Penguin 1965", "p.206", "15. A. Nove ...")
    >>> citation_text(c)
    'note 15: Alec Nove, An Economic History of the USSR (Harmondsworth: Penguin 1965), p.206'
    """
    text = f"{citation.cited_author}, {citation.work}"
    if citation.details:
        text += f" ({citation.details})"
    if citation.page:
        text += f", {citation.page}"
    return f"note {citation.note}: {text}" if citation.note else text


def evidence_line(evidence: Evidence, citations: dict[str, Citation]) -> str:
    """One evidence item as escaped HTML: its kind in words, what it is, what is cited.

    >>> from helpers.records import Evidence
    >>> evidence_line(Evidence("assertion", "No source <given>.", None), {})
    '<b>asserts it, with no evidence given</b>: No source &lt;given&gt;.'
    """
    kind = escape(EVIDENCE_KINDS[evidence.kind])
    line = f"<b>{kind}</b>: {escape(evidence.description)}"
    if evidence.citation and evidence.citation in citations:
        line += f" <i>Cited: {escape(citation_text(citations[evidence.citation]))}</i>"
    return line


def flag_html(flag: Flag) -> str:
    """Our note on a claim that is wrong or disputed, as escaped HTML, marked in words.

    >>> from helpers.records import Flag
    >>> print(flag_html(Flag("wrong", "in 1907", "He was in prison.", "Outside the text.")))
    <div ...><b>⚑ Check this claim (factual error):</b> “in 1907”. He was in prison.
    <i>Outside the text.</i></div>
    """
    words = f" “{escape(flag.words)}”." if flag.words else ""
    basis = f" <i>{escape(flag.basis)}</i>" if flag.basis else ""
    return (f'<div style="border:1px dashed #8a3300; padding:2px 6px; margin-top:4px">'
            f"<b>⚑ Check this claim ({escape(flag.status_label)}):</b>{words} "
            f"{escape(flag.note)}{basis}</div>")


def excerpt_html(excerpt: Excerpt, author: str, title: str, date: str,
                 position_label: str | None = None) -> str:
    """An excerpt in the author's own words, attributed, as escaped HTML.

    >>> from helpers.records import Excerpt
    >>> e = Excerpt("x", "s", "t", "p", "argues", "<script>alert(1)</script>", "A.", (), 0, 1)
    >>> "<script>" in excerpt_html(e, "Ann", "T", "date not stated")
    False
    """
    side = f"Position: {escape(position_label)}. " if position_label else ""
    reported = ""
    if excerpt.stance == "reports":
        reported = (f"<div><i>Reported, not argued: {escape(author)} states this view in order "
                    "to describe or reject it.</i></div>")
    elif excerpt.stance == "narrates":
        reported = (f"<div><i>Narrative: {escape(author)} tells what happened here, arguing no "
                    "position.</i></div>")
    reported += "".join(flag_html(flag) for flag in excerpt.flags)
    return (f'<blockquote style="{_BOX}">“{escape(excerpt.quote)}”'
            f"<div style='font-size:90%; margin-top:4px'>— <b>{escape(author)}</b>, "
            f"<i>{escape(title)}</i>, {escape(date)}. {side}"
            f"<span style='color:#555'>[{escape(excerpt.id)}]</span></div>{reported}</blockquote>")


def context_html(text: str, excerpt: Excerpt, author: str) -> str:
    """The paragraph around an excerpt, the excerpt itself marked, as escaped HTML.

    When the excerpt is (nearly) a whole paragraph, the paragraphs before and after
    it are shown too, so that there is always context to read. The source's
    paragraph breaks are kept. The excerpt is marked three ways (highlight, bold,
    and bracketed words), so colour is never the only sign.

    >>> from helpers.records import Excerpt
    >>> text = "One.\\n\\nTwo <b> three four, and more words around the excerpt here.\\n\\nFive."
    >>> e = Excerpt("x", "s", "t", "p", "argues", "three", "A.", (), 14, 19)
    >>> print(context_html(text, e, "Ann"))
    <div ...><p>Two &lt;b&gt; <mark><b>[excerpt starts]</b> three <b>[excerpt ends]</b></mark>
    four, ...</p></div>
    >>> at = text.index("Five.")
    >>> e = Excerpt("x", "s", "t", "p", "argues", "Five.", "A.", (), at, at + 5)
    >>> print(context_html(text, e, "Ann"))
    <div ...><p>Two &lt;b&gt; three four, ...</p><p><mark><b>[excerpt starts]</b> Five.
    <b>[excerpt ends]</b></mark></p></div>
    """
    start, end = paragraph_around(text, excerpt.start, excerpt.end)
    if len(text[start:excerpt.start].split()) + len(text[excerpt.end:end].split()) < 15:
        # The excerpt is (nearly) its whole paragraph: show the paragraphs either side too.
        start = paragraph_around(text, max(start - 3, 0), max(start - 3, 0))[0] if start else 0
        end = paragraph_around(text, min(end + 3, len(text)), min(end + 3, len(text)))[1]
    breaks = re.compile(r"\n[ \t\u00a0]*\n")
    paragraphs: list[list[str]] = [[]]
    pieces = [(text[start:excerpt.start], False), (text[excerpt.start:excerpt.end], True),
              (text[excerpt.end:end], False)]
    for piece, marked in pieces:
        for n, part in enumerate(breaks.split(piece)):
            if n:
                paragraphs.append([])
            words = escape(" ".join(part.split()))
            if not words and not marked:
                continue
            if marked:
                first, last = n == 0, n == len(breaks.split(piece)) - 1
                words = ((" <b>[excerpt starts]</b> " if first else "") + words
                         + (" <b>[excerpt ends]</b> " if last else ""))
                words = f"<mark>{words.strip()}</mark>"
            paragraphs[-1].append(words)
    body = "".join(f"<p>{' '.join(p)}</p>" for p in paragraphs if p)
    return f'<div style="{_BOX}" aria-label="{escape(author)}, in context">{body}</div>'


def argument_html(position: Position, summaries: list[tuple[str, str]]) -> str:
    """A position's argument in our words, then each author's version of it.

    ``summaries`` is a list of (author, argument) pairs, from the excerpts.

    >>> from helpers.records import Position
    >>> html = argument_html(Position("p", "t", "Label", "Ann argues X."), [("Ann", "Ann: <X>.")])
    >>> "<li><b>Ann</b>: Ann: &lt;X&gt;.</li>" in html
    True
    """
    items = "".join(f"<li><b>{escape(author)}</b>: {escape(argument)}</li>"
                    for author, argument in summaries)
    held = "".join(f"<p>{escape(position.summary)}</p>")
    body = f"<ul>{items}</ul>" if items else "<p><i>No excerpt in the corpus argues this.</i></p>"
    return (f"<h4>{escape(position.label)}</h4>{held}"
            f"<p><b>How each author puts it (our summaries):</b></p>{body}")


def evidence_profile_line(author: str, evidence: list[Evidence]) -> str:
    """How one author supports a position, counted by kind of evidence.

    >>> from helpers.records import Evidence
    >>> print(evidence_profile_line("Ann", [Evidence("assertion", "x", None)] * 2))
    <li><b>Ann</b>: 2 pieces of evidence: 2 bare assertions</li>
    """
    counts = Counter(ev.kind for ev in evidence)
    parts = ", ".join(f"{counts[k]} {escape(EVIDENCE_NOUNS[k][counts[k] != 1])}"
                      for k in EVIDENCE_KINDS if counts[k])
    items = "1 piece of evidence" if len(evidence) == 1 else f"{len(evidence)} pieces of evidence"
    return f"<li><b>{escape(author)}</b>: {items}: {parts}</li>"


def evidence_html(rows: list[tuple[str, Excerpt]], citations: dict[str, Citation]) -> str:
    """The evidence behind a position, author by author, as escaped HTML.

    ``rows`` is a list of (author, excerpt) pairs.

    >>> from helpers.records import Evidence, Excerpt
    >>> e = Excerpt("x", "s", "t", "p", "argues", "Q.", "A.", (Evidence("event", "1921.", None),),
    ...             0, 2)
    >>> "<li><b>Ann</b>: 1 piece of evidence: 1 event pointed to</li>" in evidence_html([("Ann", e)], {})
    True
    """
    by_author: dict[str, list[Evidence]] = {}
    items = []
    for author, excerpt in rows:
        by_author.setdefault(author, []).extend(excerpt.evidence)
        lines = "".join(f"<li>{evidence_line(ev, citations)}</li>" for ev in excerpt.evidence)
        items.append(f"<li><b>{escape(author)}</b> on “{escape(_short(excerpt.quote))}”"
                     f"<ul>{lines}</ul></li>")
    profile = "".join(evidence_profile_line(a, evs) for a, evs in by_author.items())
    if not items:
        return "<p><i>No excerpt in the corpus argues this, so there is no evidence to show.</i></p>"
    return (f"<p><b>At a glance: who argues from evidence, who asserts</b></p><ul>{profile}</ul>"
            f"<p><b>Item by item</b></p><ul>{''.join(items)}</ul>")


def opening(quote: str, words: int = 14) -> str:
    """The first words of a quote, to name it in a list.

    >>> opening("one two three", words=2)
    'one two …'
    """
    parts = quote.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


_short = opening
