"""The debate widget: a central question, each side's argument, words and evidence.

The logic is in plain functions (`debate_sections`, `views_summary`) that
tests call directly; `debate_widget` only arranges ipywidgets around them.
All revealing is done by Accordion panels that the browser opens, so
an executed lesson saved with its widget state still reveals everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from html import escape

from . import render

__all__ = ["PositionSections", "debate_sections", "views_summary", "debate_widget",
           "NOT_SURE", "STEP_TITLES"]

NOT_SURE = "Not sure yet"

#: The four steps of revealing a position, in order, as the student sees them.
STEP_TITLES = ("1. The argument, in our words",
               "2. In the authors' own words",
               "3. The evidence they cite",
               "4. Read in context")


@dataclass(frozen=True)
class PositionSections:
    """The four steps of one position, each as escaped HTML."""

    position_id: str
    label: str
    argument: str
    words: str
    evidence: str
    context: str
    excerpt_count: int
    keep_choices: tuple[tuple[str, str], ...] = ()
    words_more: str = ""  # the position's other extracts, behind "More extracts"
    context_more: str = ""
    more_count: int = 0


#: How many extracts a position shows at first; the rest wait behind "More extracts".
FIRST_SHOWN = 3


def key_excerpts(excerpts: list, limit: int = FIRST_SHOWN) -> list:
    """The extracts a position shows first: one per author in turn, those that argue
    before those that report, and among an author's, those resting on more than bare
    assertion, then the shorter. Returned in corpus order.

    >>> import helpers
    >>> records = helpers.load().records
    >>> chosen = key_excerpts(records.excerpts(position="social-forces"))
    >>> len(chosen), len({e.source for e in chosen})
    (3, 3)
    """
    pool = [e for e in excerpts if e.stance == "argues"] or list(excerpts)
    by_author: dict[str, list] = {}
    for e in pool:
        by_author.setdefault(e.source, []).append(e)
    for mine in by_author.values():
        mine.sort(key=lambda e: (-sum(ev.kind != "assertion" for ev in e.evidence), len(e.quote)))
    chosen: list = []
    while len(chosen) < limit and any(by_author.values()):
        for mine in by_author.values():
            if mine and len(chosen) < limit:
                chosen.append(mine.pop(0))
    return [e for e in excerpts if e in chosen]


def debate_sections(records, theme: str) -> list[PositionSections]:
    """The revealable content of every position of a theme, as HTML strings.

    >>> import helpers
    >>> sections = debate_sections(helpers.load().records, "why-stalin-won")
    >>> [s.position_id for s in sections]
    ['social-forces', 'party-machine', 'personality']
    """
    found = records.theme(theme)
    citations = {c.id: c for c in records.citations_used(theme=theme)}
    result = []
    for position in found.positions:
        excerpts = records.excerpts(position=position.id)
        argued = [e for e in excerpts if e.stance == "argues"]
        summaries = [(records.author(e.source), e.argument) for e in excerpts]
        first = key_excerpts(excerpts)
        words, contexts, words_more, contexts_more = [], [], [], []
        for e in excerpts:
            source = records.source(e.source)
            shown = e in first
            (words if shown else words_more).append(
                render.excerpt_html(e, source.short_name, source.title, source.date_shown,
                                    position.label))
            (contexts if shown else contexts_more).append(
                f"<p><b>{escape(source.short_name)}</b>, <i>{escape(source.title)}</i> "
                f"[{escape(e.id)}]</p>" + render.context_html(source.text, e, source.short_name))
        if not excerpts:
            words = ["<p><i>No author in this corpus argues or reports this position.</i></p>"]
        elif not argued:
            words.insert(0, "<p><i>No author in this corpus argues this position; the excerpts "
                            "below report it in order to describe or reject it.</i></p>")
        result.append(PositionSections(
            position_id=position.id, label=position.label,
            argument=render.argument_html(position, summaries),
            words="".join(words),
            evidence=render.evidence_html([(records.author(e.source), e) for e in excerpts],
                                          citations),
            context="".join(contexts) or "<p><i>No excerpt to show in context.</i></p>",
            excerpt_count=len(excerpts),
            keep_choices=tuple((f"{records.author(e.source)}: {render.opening(e.quote)}", e.id)
                               for e in excerpts),
            words_more="".join(words_more), context_more="".join(contexts_more),
            more_count=len(excerpts) - len(first)))
    return result


def views_summary(before: str | None, after: str | None) -> str:
    """The student's two choices side by side, as escaped HTML.

    >>> print(views_summary("Social forces", "Social forces"))
    <table ...>...<td>Social forces</td><td>Social forces</td></tr></table><p>You kept your first view.</p>
    >>> "You changed your mind" in views_summary("A", "B")
    True
    """
    shown_before = escape(before) if before else "<i>not recorded yet</i>"
    shown_after = escape(after) if after else "<i>not recorded yet</i>"
    table = ('<table style="border-collapse:collapse" border="1" cellpadding="4">'
             "<tr><th>Before reading</th><th>After reading</th></tr>"
             f"<tr><td>{shown_before}</td><td>{shown_after}</td></tr></table>")
    if not before or not after:
        verdict = "Record both views to compare them."
    elif before == after:
        verdict = "You kept your first view."
    else:
        verdict = f"You changed your mind: from “{escape(before)}” to “{escape(after)}”."
    return f"{table}<p>{verdict}</p>"


def debate_widget(records, theme_id: str):
    """Build the ipywidgets debate for one theme (see `Course.debate`)."""
    import ipywidgets as widgets

    Debate = _debate_class()
    theme = records.theme(theme_id)
    sections = debate_sections(records, theme_id)
    options = [s.label for s in sections] + [NOT_SURE]

    header = widgets.HTML(
        f"<h3>{escape(theme.title)}</h3><p><b>Central question:</b> {escape(theme.question)}</p>"
        f"<p>{escape(theme.context)}</p><p><b>The positions:</b></p><ol>"
        + "".join(f"<li>{escape(s.label)}</li>" for s in sections) + "</ol>")

    def choice(prompt: str, button_text: str):
        label = widgets.HTML(f"<b>{escape(prompt)}</b>")
        radio = widgets.RadioButtons(options=options, value=None, description="My view:",
                                     layout=widgets.Layout(width="auto"))
        button = widgets.Button(description=button_text, button_style="",
                                tooltip=button_text, layout=widgets.Layout(width="auto"))
        return label, radio, button

    before_label, before, before_button = choice(
        "Before you open the positions: which do you find more convincing?", "Record my first view")
    after_label, after, after_button = choice(
        "After reading: which do you find more convincing now?", "Record my view now")
    recorded = {"before": None, "after": None}
    summary = widgets.HTML(views_summary(None, None))

    def record(key, radio, button):
        def on_click(_button):
            if radio.value is None:
                summary.value = ("<p><b>Choose one of the positions first (or “Not sure yet”), "
                                 "then click the button.</b></p>"
                                 + views_summary(recorded["before"], recorded["after"]))
                return
            recorded[key] = radio.value
            if key == "before":  # a first view stays first: it cannot be changed after reading
                radio.disabled = button.disabled = True
                button.description = "First view recorded"
            summary.value = views_summary(recorded["before"], recorded["after"])
        return on_click

    before_button.on_click(record("before", before, before_button))
    after_button.on_click(record("after", after, after_button))

    from .keep import keep_control

    def with_more(html: str, more: str, title: str):
        if not more:
            return [widgets.HTML(html)]
        hidden = widgets.Accordion(children=[widgets.HTML(more)])
        hidden.titles = (title,)
        return [widgets.HTML(html), hidden]

    panels = []
    for s in sections:
        more = f"More extracts for this position ({s.more_count})"
        words = widgets.VBox(with_more(s.words, s.words_more, more)
                             + ([keep_control(list(s.keep_choices))] if s.keep_choices else []))
        context = widgets.VBox(with_more(s.context, s.context_more,
                                         f"More passages in context ({s.more_count})"))
        steps = widgets.Accordion(children=[widgets.HTML(s.argument), words,
                                            widgets.HTML(s.evidence), context])
        steps.titles = (STEP_TITLES[0], f"{STEP_TITLES[1]} ({s.excerpt_count} excerpts)",
                        STEP_TITLES[2], STEP_TITLES[3])
        panels.append(steps)
    # One section per position, opened in the browser. (An Accordion rather than
    # a Tab: tab titles are cut short at a fixed width, and the labels must be read whole.)
    positions = widgets.Accordion(children=panels)
    positions.titles = tuple(f"Position {n}: {s.label}" for n, s in enumerate(sections, start=1))
    missing = widgets.HTML(f"<p><b>Voices this corpus lacks:</b> {escape(theme.missing_voices)}</p>")

    children = [header, before_label, before, before_button, positions, missing,
                after_label, after, after_button,
                widgets.HTML("<b>Your views side by side:</b>"), summary]
    first = [widgets.HTML(f"<p><b>Central question:</b> {escape(theme.question)}</p>"),
             before_label, before, before_button, summary]
    return Debate(children, first, parts={
        "before": before, "before_button": before_button, "positions": positions,
        "after": after, "after_button": after_button, "summary": summary})


@cache
def _debate_class():
    import ipywidgets as widgets

    class Debate(widgets.VBox):
        """The debate widget; ``first_view()`` shows only the first step, for a lesson's starter.

        Both show the same controls: a view recorded in one shows in the other.
        """

        def __init__(self, children, first, parts):
            super().__init__(children)
            self._first = first
            self.parts = parts  # named handles, so tests (and curious students) can drive it

        def first_view(self):
            """Only the question and the "record my first view" step (same controls)."""
            return widgets.VBox(self._first)

    return Debate


def __getattr__(name):  # the widget class is built on first use, so importing needs no ipywidgets
    if name == "Debate":
        return _debate_class()
    raise AttributeError(name)
