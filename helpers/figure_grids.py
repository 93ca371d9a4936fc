"""Two grids of the authors: where each stands on each theme, and how each argues.

`draw_stance_map` lays every position of every theme against the sources; a cell
says in words whether the source argues the position or only
reports it (states it to describe or reject it), and how many excerpts do so.
Its table is the short form: sources by themes, each cell the positions taken.

`draw_evidence_profile` stacks, for each source, the evidence its excerpts rest
on, by kind: quoting primary sources, giving statistics, pointing to events,
relying on historians, or asserting with no evidence.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.patches import Patch, Rectangle

from .figure_base import FONT, HATCHES, OKABE_ITO, CourseFigure, corpus_file, new_figure, plural
from .records import EVIDENCE_KINDS
from .tables import evidence_table

__all__ = ["stance_table", "draw_stance_map", "draw_evidence_profile"]

NOT_ADDRESSED = "not addressed"
_PALE_ORANGE = "#fde3b0"  # a tint of Okabe-Ito orange, light enough for black text


def _stances(records, theme, source) -> dict[str, dict[str, int]]:
    """For one theme and source: position id -> {"argues": n, "reports": n}.

    Excerpts that only narrate (no position) count under the key None.
    """
    found: dict[str, dict[str, int]] = {}
    for e in records.excerpts(theme=theme.id, source=source.id):
        counts = found.setdefault(e.position, {"argues": 0, "reports": 0, "narrates": 0})
        counts[e.stance] += 1
    return found


def stance_table(records) -> pd.DataFrame:
    """Sources by themes; each cell the positions the source argues, then those it reports.

    >>> import helpers
    >>> stance_table(helpers.load().records).loc["Molyneux", "Why Stalin won"]
    'Social forces decided it (reports: Personality and tactics decided it)'
    """
    table = {}
    for source in records.sources():
        row = {}
        for theme in records.themes():
            found = _stances(records, theme, source)
            found.pop(None, None)
            argued = [theme.position(p).label for p, n in found.items() if n["argues"]]
            reported = [theme.position(p).label for p, n in found.items()
                        if n["reports"] and not n["argues"]]
            text = "; ".join(argued)
            if reported:
                text += (" " if text else "") + f"(reports: {'; '.join(reported)})"
            row[theme.title] = text or NOT_ADDRESSED
        table[source.short_name] = row
    return pd.DataFrame.from_dict(table, orient="index")


def _cell_text(counts: dict[str, int]) -> str:
    parts = [f"{kind} {n}" for kind, n in counts.items() if n and kind != "narrates"]
    return " + ".join(parts)


def draw_stance_map(records) -> CourseFigure:
    """Draw the stance map (see `Course.stance_map`)."""
    sources, themes = records.sources(), records.themes()
    rows = []  # (kind, theme, position or None)
    for theme in themes:
        rows.append(("theme", theme, None))
        rows.extend(("position", theme, p) for p in theme.positions)
    fig = new_figure(14, 0.245 * len(rows) + 1.6)
    ax = fig.add_subplot()
    ax.set_xlim(-0.5, len(sources) - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    argue, report = OKABE_ITO["blue"], _PALE_ORANGE
    labels = []
    for y, (kind, theme, position) in enumerate(rows):
        if kind == "theme":
            labels.append(theme.title)
            ax.axhspan(y - 0.5, y + 0.5, color="#e8e8e8", linewidth=0)
            for x, source in enumerate(sources):
                if not _stances(records, theme, source):
                    ax.text(x, y + 0.5 + len(theme.positions) / 2, NOT_ADDRESSED, ha="center",
                            va="center", fontsize=FONT, style="italic", color="#555555")
            continue
        labels.append("\u2003" + textwrap.shorten(position.label, 58, placeholder="\u2026"))
        for x, source in enumerate(sources):
            counts = _stances(records, theme, source).get(position.id)
            if not counts or not (counts["argues"] or counts["reports"]):
                continue
            argues = counts["argues"] > 0
            ax.add_patch(Rectangle((x - 0.47, y - 0.45), 0.94, 0.9, linewidth=0.8,
                                   facecolor=argue if argues else report,
                                   edgecolor="black", hatch="" if argues else "//"))
            ax.text(x, y, _cell_text(counts), ha="center", va="center", fontsize=FONT,
                    color="white" if argues else "black",
                    bbox=None if argues else {"facecolor": report, "edgecolor": "none",
                                              "pad": 0.5})
    ax.set_yticks(range(len(rows)), labels, fontsize=FONT)
    for tick, (kind, _, _) in zip(ax.get_yticklabels(), rows, strict=True):
        if kind == "theme":
            tick.set_fontweight("bold")
    ax.set_xticks(range(len(sources)), [s.short_name for s in sources], fontsize=FONT + 1)
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.tick_params(length=0)
    ax.set_xticks(np.arange(-0.5, len(sources)), minor=True)
    ax.grid(axis="x", which="minor", color="#999999", linewidth=0.8)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlabel("Source (author)", fontsize=FONT, labelpad=6)
    ax.set_ylabel("Theme (bold) and its positions", fontsize=FONT)
    fig.legend(handles=[Patch(facecolor=argue, edgecolor="black",
                              label="argues n: the author's own view, in n excerpts"),
                        Patch(facecolor=report, edgecolor="black", hatch="//",
                              label="reports n: states the view, to describe or reject it")],
               loc="outside lower center", ncol=2, fontsize=FONT, frameon=False)
    title = f"Where each author stands: positions on {plural(len(themes), 'theme')}"
    fig.suptitle(title, fontsize=FONT + 5, fontweight="bold", x=0.01, ha="left")
    table = stance_table(records)
    caption = (f"Each cell counts the excerpts ({corpus_file(records, 'excerpts/')}) in which a "
               f"source argues or reports a position of a theme "
               f"({corpus_file(records, 'themes.yaml')}); '{NOT_ADDRESSED}' means no excerpt of "
               f"that source is on the theme. The table (.data) gives the same in words, sources "
               f"by themes.")
    alt_text = (f"A grid of {plural(len(sources), 'source')} against the positions of "
                f"{plural(len(themes), 'theme')}. ") + " ".join(
        f"{source}: " + "; ".join(f"{theme}: {text}" for theme, text in cells.items()) + "."
        for source, cells in table.iterrows())
    return CourseFigure(fig, title, caption, table, alt_text)


def draw_evidence_profile(records) -> CourseFigure:
    """Draw the evidence profile (see `Course.evidence_profile`)."""
    evidence = evidence_table(records)
    names = [s.short_name for s in records.sources()]
    counts = (evidence.groupby(["author", "kind"]).size().unstack(fill_value=0)
              .reindex(index=names, columns=list(EVIDENCE_KINDS), fill_value=0))
    counts.columns = list(EVIDENCE_KINDS.values())
    counts.index.name = "author"
    shares = counts.div(counts.sum(axis=1).replace(0, 1), axis=0)
    colours = [OKABE_ITO[c] for c in ("blue", "reddish purple", "bluish green", "sky blue",
                                      "orange", "vermillion")]
    fig = new_figure(12, 5.8)
    left, right = fig.subplots(1, 2, sharey=True)
    y = np.arange(len(names))[::-1]
    totals = counts.sum(axis=1)
    for ax, values, as_share in ((left, counts, False), (right, shares, True)):
        start = np.zeros(len(names))
        for n, label in enumerate(counts.columns):
            widths = values[label].to_numpy(dtype=float)
            ax.barh(y, widths, left=start, color=colours[n], hatch=HATCHES[n],
                    edgecolor="black", linewidth=0.7, label=label, height=0.65)
            for yy, s, w, c in zip(y, start, widths, counts[label], strict=True):
                big = w >= (0.07 if as_share else 4)
                if c and big:
                    ax.text(s + w / 2, yy, f"{w:.0%}" if as_share else str(c), ha="center",
                            va="center", fontsize=FONT, fontweight="bold",
                            bbox={"facecolor": "white", "alpha": 0.85, "pad": 1,
                                  "edgecolor": "none"})
            start += widths
        ax.tick_params(labelsize=FONT)
        for spine in ("top", "right"):
            ax.spines[spine].set_visible(False)
    for yy, total in zip(y, totals, strict=True):
        left.text(total + 1, yy, f"{total}", va="center", fontsize=FONT)
    left.set_yticks(y, names, fontsize=FONT + 1)
    left.set_xlabel("Pieces of evidence (the total ends each bar)", fontsize=FONT)
    left.set_ylabel("Source (author)", fontsize=FONT)
    left.set_title("How many pieces of evidence", fontsize=FONT + 1, loc="left")
    left.set_xlim(0, totals.max() * 1.12)
    right.set_xlim(0, 1)
    right.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    right.set_xlabel("Share of each author's evidence", fontsize=FONT)
    right.set_title("What share of each author's evidence", fontsize=FONT + 1, loc="left")
    handles, labels = left.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=3, fontsize=FONT,
               title="Evidence kind (colour and hatching; the smallest segments are unnumbered: see .data)",
               title_fontsize=FONT, frameon=False)
    title = "Evidence profile: how each author supports their claims"
    fig.suptitle(title, fontsize=FONT + 5, fontweight="bold", x=0.01, ha="left")
    table = counts.assign(total=totals)
    caption = (f"The {plural(int(totals.sum()), 'piece')} of evidence recorded for the excerpts "
               f"in {corpus_file(records, 'excerpts/')}, by kind, for each source. 'Asserts' "
               "means the author gives no evidence for that claim: a finding about the text, "
               "not a fault of the record.")
    alt_text = "Stacked bars of the evidence each source uses, by kind. " + " ".join(
        f"{name}: {int(totals[name])} pieces; " + ", ".join(
            f"{label} {int(counts.loc[name, label])} ({shares.loc[name, label]:.0%})"
            for label in counts.columns) + "." for name in names)
    return CourseFigure(fig, title, caption, table, alt_text)
