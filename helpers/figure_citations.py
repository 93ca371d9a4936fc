"""Who cites whom: each author against the people and works they cite.

A grid: the sources down the side, the people they cite (or quote) in columns,
grouped as primary sources or historians and commentators under headings across
the top, their names under the grid; the number of citations is written in each
cell, which is also the darker the more citations (the number is the signal, the
shade a help). The people are grouped by name (``person_of``): "V.I. Lenin" and
"Lenin" are one column, and a work whose author is not named counts under its
title. A source that cites nothing says so in its row.

The figure is SVG written by hand (see `figure_parts`): every text records the
box it takes in ``data-box``; the names of the columns run up the page.
"""

from __future__ import annotations

import re

import pandas as pd

from . import svg
from .figure_base import OKABE_ITO, CourseFigure, corpus_file, plural
from .figure_parts import BIG, LINE, SIZE, TITLE, Canvas
from .tables import citations_table, evidence_table

__all__ = ["person_of", "citation_table", "draw_citation_map"]

NOT_NAMED = "not named in the text"
NOTHING = "cites nothing"
_ROW = 46  # pixels from one author's row to the next
_WIDTH = 1100  # the drawing, in pixels (wider when many people are cited)


def person_of(cited_author: str, work: str) -> str:
    """The name a citation is grouped under: a surname, a group, or the work's title.

    >>> person_of("V.I. Lenin", "not named in the text")
    'Lenin'
    >>> person_of("Karl Marx and Frederick Engels", "not named in the text")
    'Marx and Engels'
    >>> person_of("D. and G. Cohn-Bendit", "Obsolete Communism")
    'Cohn-Bendit'
    >>> person_of("Trotsky (quoted in I. Deutscher)", "The Prophet Armed")
    'Trotsky'
    >>> person_of("not named in the text", "Workers’ Press")
    'Workers’ Press'
    >>> person_of("not named in the text (a popular rhyme)", "the rhyme “When Adam delved ...”")
    'a popular rhyme'
    """
    aside = re.search(r"\((.*)\)\s*$", cited_author)
    name = re.sub(r"\s*\(.*\)\s*$", "", cited_author).strip()
    if name.lower().startswith("not named"):
        for label in (aside.group(1) if aside else "", work):
            if label and not label.lower().startswith("not named") and len(label) <= 30:
                return label
        return NOT_NAMED
    if name.lower().startswith("the "):
        return name
    surnames = [part.split()[-1] for part in name.split(" and ")]
    surnames = [s for s in surnames if not s.endswith(".")]
    return " and ".join(surnames)


PRIMARY, SECONDARY = "quoted as a primary source", "relied on as a historian or commentator"


def _roles(records) -> dict[str, str]:
    """Each cited person's role: a historian or commentator if any author relies on
    them as a 'secondary-work' piece of evidence, else a primary source."""
    roles: dict[str, str] = {}
    for _, row in evidence_table(records).iterrows():
        if row["citation"]:
            cited = records.citation(row["citation"])
            person = person_of(cited.cited_author, cited.work)
            if row["kind"] == "secondary-work" or roles.get(person) == SECONDARY:
                roles[person] = SECONDARY
            else:
                roles[person] = PRIMARY
    return roles


def citation_table(records) -> pd.DataFrame:
    """One row per author, cited person and work, with how many times it is cited."""
    cites = citations_table(records)
    roles = _roles(records)
    rows = []
    for source in records.sources():
        mine = cites[cites["source"] == source.id]
        if mine.empty:
            rows.append({"author": source.short_name, "cited_person": NOTHING, "cited_as": "",
                         "cited_author": NOTHING, "work": NOTHING, "count": 0})
            continue
        groups = mine.groupby(["cited_author", "work"], sort=False).size()
        for (who, work), count in groups.items():
            person = person_of(who, work)
            rows.append({"author": source.short_name, "cited_person": person,
                         "cited_as": roles.get(person, PRIMARY), "cited_author": who,
                         "work": work, "count": int(count)})
    return pd.DataFrame(rows, columns=["author", "cited_person", "cited_as", "cited_author",
                                       "work", "count"])


def shade(count: int) -> str:
    """A cell's colour: white for none, then ever darker tints of Okabe-Ito blue, the
    darkest from 4 citations on (where its number turns white).

    >>> shade(0), shade(1), shade(4), shade(19)
    ('#ffffff', '#cce3f0', '#0072b2', '#0072b2')
    """
    share = (0, 0.2, 0.45, 0.7, 1)[min(count, 4)]
    blue = OKABE_ITO["blue"]
    channels = [int(blue[n:n + 2], 16) for n in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - share * (255 - c)):02x}" for c in channels)


def _headings(canvas: Canvas, groups, left: float, column: float, top: float) -> float:
    """Each group's heading, centred over its columns (none over an empty group), moved
    down a line where it would run into the one before; return the y under them."""
    placed, bottom = [], top
    for start, end, words in groups:
        if start == end:
            continue
        middle = left + (start + end) / 2 * column
        box = svg.text_box(middle, top + 0.62 * BIG, words, BIG, "middle", bold=True)
        shift = max(0.0, left - box[0])
        y = top + 0.62 * BIG
        while any(svg.overlaps(svg.text_box(middle + shift, y, words, BIG, "middle", bold=True),
                               other, gap=8) for other in placed):
            y += 1.24 * BIG + 4
        placed.append(canvas.text(middle + shift, y, words, BIG, "middle", bold=True,
                                  class_="group"))
        bottom = max(bottom, placed[-1][3])
    return bottom


def _cells(canvas: Canvas, authors, people, values, left: float, column: float,
           top: float) -> None:
    """The grid: each author's row of counts, or the words saying that the author cites nothing."""
    width = len(people) * column
    for i, author in enumerate(authors):
        y = top + i * _ROW
        if values[i].sum() == 0:
            canvas.add(svg.tag("rect", x=left, y=y, width=width, height=_ROW, fill="white",
                               stroke="#888888", stroke_width=0.6))
            words = f"{author} {NOTHING}: no work or person is cited or quoted as a source"
            words = "\n".join(svg.wrap(words, width - 24, BIG))
            box = svg.text_box(left + width / 2, y + _ROW / 2, words, BIG, "middle", LINE,
                               pad=3)
            canvas.add(svg.tag("rect", x=box[0] - 4, y=box[1], width=box[2] - box[0] + 8,
                               height=box[3] - box[1], fill="white", stroke="#888888"))
            canvas.text(left + width / 2, y + _ROW / 2, words, BIG, "middle", italic=True,
                        class_="cites-nothing")
            continue
        for j, count in enumerate(values[i]):
            x = left + j * column
            canvas.add(svg.tag("rect", x=x, y=y, width=column, height=_ROW, fill=shade(count),
                               stroke="#888888", stroke_width=0.6, class_="cell",
                               data_author=author, data_person=people[j], data_count=int(count)))
            if count:
                canvas.text(x + column / 2, y + _ROW / 2, str(count), BIG, "middle", bold=True,
                            fill="white" if count >= 4 else "black", class_="count")


def draw_citation_map(records) -> CourseFigure:
    """Draw the citation grid (see `Course.citation_map`), as SVG.

    >>> from helpers import load
    >>> grid = draw_citation_map(load().records)
    >>> grid.svg.startswith("<svg")
    True
    """
    table = citation_table(records)
    authors = [s.short_name for s in records.sources()]
    cited = table[table["count"] > 0]
    totals = cited.groupby("cited_person")["count"].sum()
    spread = cited.groupby("cited_person")["author"].nunique()
    role = dict(zip(cited["cited_person"], cited["cited_as"], strict=True))
    people = sorted(totals.index, key=lambda p: (role[p] == SECONDARY, p == NOT_NAMED,
                                                 -spread[p], -totals[p], p))
    n_primary = sum(role[p] == PRIMARY for p in people)
    grid = (cited.pivot_table(index="author", columns="cited_person", values="count",
                              aggfunc="sum", fill_value=0)
            .reindex(index=authors, columns=people, fill_value=0))
    values = grid.to_numpy()
    title = "Who cites whom: the people and works each author draws on"
    nothing = [a for i, a in enumerate(authors) if values[i].sum() == 0]
    nobody = (f"{' and '.join(nothing)} {'cites' if len(nothing) == 1 else 'cite'} nothing. "
              if nothing else "Every author cites something. ")
    caption = (f"Counts of the {plural(int(table['count'].sum()), 'citation')} in "
               f"{corpus_file(records, 'citations/')} (one file per source), grouped by the "
               f"person or work cited; the table (.data) lists every work. A person counts as a "
               f"historian or commentator when an author relies on their work as secondary "
               f"evidence ({corpus_file(records, 'excerpts/')}). {nobody}"
               f"'{NOT_NAMED}' gathers quotations whose speaker and work the author does "
               "not name.")
    parts = []
    for i, author in enumerate(authors):
        row = [f"{p} {int(n)}" for p, n in zip(people, values[i], strict=True) if n]
        parts.append(f"{author} cites " + (", ".join(row) if row else "nothing"))
    alt_text = ("A grid of authors against the people and works they cite, with counts. "
                + "; ".join(parts) + ".")
    canvas = Canvas("citation-map", title, alt_text)
    labels = [f"{a} ({int(values[i].sum())})" for i, a in enumerate(authors)]
    left = 40 + max(svg.text_width(label, BIG) for label in labels) + 12
    columns = max(len(people), 1)  # nobody cites anything: one empty column for the words
    column = min(90, max(1.24 * SIZE + 12, (_WIDTH - 20 - left) / columns))
    groups = [(0, n_primary, "Quoted as primary sources"),
              (n_primary, len(people), "Historians and commentators")]
    for start, end, words in groups:  # room for each group's heading over its columns
        if end > start:
            column = max(column, (svg.text_width(words, BIG, bold=True) + 8) / (end - start))
    if nothing:  # room for the words that say so
        words = f"{max(nothing, key=len)} {NOTHING}: no work or person is cited or quoted as a source"
        column = max(column, min(svg.text_width(words, BIG) + 40, _WIDTH - 20 - left) / columns)
    width = max(left + columns * column + 20, min(svg.text_width(title, TITLE, bold=True) + 28,
                                                  _WIDTH))
    top = canvas.heading(14, width - 28, "Each number counts citations (notes, quotations, "
                         "works named); darker cells: more citations") + 14
    top = _headings(canvas, groups, left, column, top) + 6
    _cells(canvas, authors, people or [""], values if people else [[0]] * len(authors),
           left, column, top)
    bottom = top + len(authors) * _ROW
    if 0 < n_primary < len(people):
        x = left + n_primary * column
        canvas.add(svg.tag("line", x1=x, y1=top - 4, x2=x, y2=bottom + 4, stroke="black",
                           stroke_width=3))
    for i, label in enumerate(labels):
        canvas.text(left - 10, top + (i + 0.5) * _ROW, label, BIG, "end", class_="author")
    if svg.text_width("Author (total citations)", SIZE) + 12 <= bottom - top:
        canvas.text(14 + 0.62 * SIZE, (top + bottom) / 2, "Author (total citations)", SIZE,
                    "middle", vertical=True, class_="axis-label")
    else:  # too few authors for the label up their side: it goes under their names
        canvas.paragraph(left - 10, bottom + 8, "Author (total citations)", left - 24,
                         anchor="end", class_="axis-label")
    under = bottom + 8 + 1.24 * SIZE
    most = int((column - 4 - 1.24 * SIZE) // (LINE * SIZE)) + 1  # lines a column has room for
    for j, person in enumerate(people):
        lines = svg.wrap(person, 150, SIZE, balance=True)
        words = "\n".join(lines) if len(lines) <= most else person
        box = canvas.text(left + (j + 0.5) * column, bottom + 8, words, SIZE, "end",
                          vertical=True, class_="person")
        under = max(under, box[3])
    words = "Who or what is cited (in each group, most widely cited first)"
    middle = min(max(left + columns * column / 2, left + svg.text_width(words, SIZE) / 2),
                 (left + width - 20) / 2)  # under the grid, if there is room
    end = canvas.paragraph(middle, under + 10, words, width - 20 - left, anchor="middle",
                           class_="axis-label")
    return CourseFigure(canvas.finish(width, end + 14), title, caption, table, alt_text)
