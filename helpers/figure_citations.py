"""Who cites whom: each author against the people and works they cite.

A grid: the sources down the side, the people they cite (or quote)
across the top, the number of citations written in each cell. The people are
grouped by name (``person_of``): "V.I. Lenin" and "Lenin" are one column,
and a work whose author is not named counts under its title. A source that
cites nothing says so in its row.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap

from .figure_base import FONT, CourseFigure, corpus_file, new_figure, plural
from .tables import citations_table, evidence_table

__all__ = ["person_of", "citation_table", "draw_citation_map"]

NOT_NAMED = "not named in the text"
NOTHING = "cites nothing"
#: Pale to dark blue (colour-blind safe); every cell also prints its count.
_BLUES = ListedColormap(["#ffffff", "#cfe3f3", "#8cc0e6", "#4a97cf", "#0b5f9e"])


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


def draw_citation_map(records) -> CourseFigure:
    """Draw the citation grid (see `Course.citation_map`)."""
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
    fig = new_figure(11, 6.2)
    ax = fig.add_subplot()
    values = grid.to_numpy()
    if people:
        ax.imshow(np.minimum(values, 4), cmap=_BLUES, vmin=0, vmax=4, aspect="auto")
    else:  # nobody cites anything: keep one empty column for the words below
        ax.set_xlim(-0.5, 0.5)
        ax.set_ylim(len(authors) - 0.5, -0.5)
    for i, author in enumerate(authors):
        if values[i].sum() == 0:
            ax.text(len(people) / 2 - 0.5, i, f"{author} {NOTHING}: no work or person is "
                    "cited or quoted as a source", ha="center", va="center", fontsize=FONT + 1,
                    style="italic", bbox={"facecolor": "white", "edgecolor": "#888888"})
            continue
        for j, count in enumerate(values[i]):
            if count:
                ax.text(j, i, str(count), ha="center", va="center", fontsize=FONT + 1,
                        fontweight="bold", color="white" if count >= 3 else "black")
    ax.set_xticks(range(len(people)), people, rotation=50, ha="right",
                  rotation_mode="anchor", fontsize=FONT)
    ax.set_yticks(range(len(authors)),
                  [f"{a} ({int(values[i].sum())})" for i, a in enumerate(authors)],
                  fontsize=FONT + 1)
    ax.set_xticks(np.arange(-0.5, len(people)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(authors)), minor=True)
    ax.grid(which="minor", color="#888888", linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    ax.axvline(n_primary - 0.5, color="black", linewidth=3)
    for start, end, words in ((0, n_primary, "Quoted as primary sources"),
                              (n_primary, len(people), "Historians and commentators")):
        ax.annotate(words, xy=((start + end) / 2 - 0.5, -0.5), xytext=(0, 4),
                    textcoords="offset points", ha="center", va="bottom", fontsize=FONT + 1,
                    fontweight="bold", annotation_clip=False)
    ax.set_xlabel("Who or what is cited (in each group, most widely cited first)",
                  fontsize=FONT)
    ax.set_ylabel("Author (total citations)", fontsize=FONT)
    title = "Who cites whom: the people and works each author draws on"
    ax.set_title("Each number counts citations (notes, quotations, works named); "
                 "darker cells: more citations", fontsize=FONT, loc="left", pad=28)
    fig.suptitle(title, fontsize=FONT + 5, fontweight="bold", x=0.01, ha="left")
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
    return CourseFigure(fig, title, caption, table, alt_text)
