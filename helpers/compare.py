"""Two authors side by side on one theme: their words, their evidence, what they cite."""

from __future__ import annotations

from html import escape

from . import render

__all__ = ["column_html", "compare_widget"]


def column_html(records, source_id: str, theme_id: str) -> str:
    """One author's column: header, then each excerpt with its evidence, as escaped HTML.

    >>> import helpers
    >>> html = column_html(helpers.load().records, "rfzo47-blog", "why-stalin-won")
    >>> "The blog (rfzo47)" in html and "asserts it, with no evidence given" in html
    True
    """
    source = records.source(source_id)
    theme = records.theme(theme_id)
    citations = {c.id: c for c in records.citations_used(theme=theme_id, source=source_id)}
    excerpts = records.excerpts(theme=theme_id, source=source_id)
    head = (f"<h4>{escape(source.short_name)}</h4><p><i>{escape(source.title)}</i>, "
            f"{escape(source.date_shown)}<br>{escape(source.tradition)}</p>")
    if not excerpts:
        return head + f"<p><i>{escape(source.short_name)} does not address this theme.</i></p>"
    parts = [head]
    for e in excerpts:
        label = theme.position(e.position).label if e.position else None
        evidence = "".join(f"<li>{render.evidence_line(ev, citations)}</li>" for ev in e.evidence)
        parts.append(render.excerpt_html(e, source.short_name, source.title, source.date_shown,
                                         label)
                     + f"<p>{escape(e.argument)}</p><ul>{evidence}</ul>")
    works = sorted({render.citation_text(c) for c in citations.values()})
    cited = "".join(f"<li>{escape(w)}</li>" for w in works) or "<li><i>cites no work</i></li>"
    parts.append(f"<p><b>What {escape(source.short_name)} cites on this theme:</b></p>"
                 f"<ul>{cited}</ul>")
    return "".join(parts)


def compare_widget(records, source_a: str, source_b: str, theme: str):
    """Build the two-column comparison (see `Course.compare`)."""
    import ipywidgets as widgets

    if source_a == source_b:
        raise ValueError(f"compare needs two different sources, not {source_a!r} twice: e.g. "
                         "course.compare('hallas-stalinism', 'battersby-spgb', theme=...)")
    theme_id, theme = theme, records.theme(theme)
    columns = [widgets.HTML(column_html(records, sid, theme_id),
                            layout=widgets.Layout(width="50%", padding="0 8px"))
               for sid in (source_a, source_b)]
    heading = widgets.HTML(f"<h3>{escape(records.author(source_a))} and "
                           f"{escape(records.author(source_b))} on: {escape(theme.title)}</h3>"
                           f"<p><b>Central question:</b> {escape(theme.question)}</p>")
    box = widgets.VBox([heading, widgets.HBox(columns)])
    box.parts = {"left": columns[0], "right": columns[1]}
    return box
