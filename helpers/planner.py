"""The essay planner: the evidence a student kept, grouped by the position it supports.

`plan_essay` reads the evidence bank, groups the extracts kept on one theme by
position, says which positions have nothing kept (a one-sided plan is the
commonest weak essay), and writes an outline (claim, evidence with author and
date, counter-argument, judgement) for the student to copy into a markdown
cell and complete.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from .render import opening

__all__ = ["EssayPlan", "plan_essay"]


_UNARGUED_LINE = ("- **Evidence:** no author in the five sources argues this view, so take "
                  "your evidence from the lesson's context (the facts marked [outside]) and "
                  "from historians the lesson names.")


@dataclass
class EssayPlan:
    """A plan for one theme's question, from the kept evidence."""

    question: str
    groups: dict[str, list[tuple[str, str]]]  # position label -> [(evidence line, note)]
    missing: list[str]  # positions with nothing kept
    elsewhere: list[str] = field(default_factory=list)  # kept on other themes
    notice: str | None = None
    unargued: list[str] = field(default_factory=list)  # positions no author of the corpus argues

    @property
    def markdown(self) -> str:
        """The outline to copy into a markdown cell and complete."""
        if not any(self.groups.values()):
            return ""
        lines = [f"## Essay plan: {self.question}", "",
                 "**My overall answer (my judgement, in one sentence):** ...", ""]
        for n, (label, items) in enumerate(self.groups.items(), start=1):
            lines += [f"### {n}. {label}", "", "- **Claim** (in my words): ..."]
            if label in self.unargued:
                lines.append(_UNARGUED_LINE)
            if items:
                lines += [f"- **Evidence:** {line}" + (f" My note: {note}" if note else "")
                          for line, note in items]
            elif label not in self.unargued:
                lines.append("- **Evidence:** (nothing kept yet: find the strongest extract)")
            lines += ["- **Counter-argument** (the strongest point against it): ...",
                      "- **My judgement on this part:** ...", ""]
        lines += ["### Conclusion", "", "- **Which position is most convincing, and why:** ..."]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        parts = [f"<h3>Your evidence on: {escape(self.question)}</h3>"]
        if self.notice:
            parts.append(f"<p><b>{escape(self.notice)}</b></p>")
        if not any(self.groups.values()):
            return "".join(parts) + (
                "<p>Your evidence bank has nothing on this question yet. To fill it: under an "
                "extract in this lesson or any other (or in step 2 of a debate), write a note "
                "and click <b>Keep for my essay</b>. Then run this cell again.</p>")
        for label, items in self.groups.items():
            parts.append(f"<h4>{escape(label)}</h4>")
            if label in self.unargued:
                parts.append("<p>ⓘ <b>No author in the five sources argues this view.</b> Take "
                             "your evidence from the lesson's context (the facts marked "
                             "[outside]) and from historians the lesson names.</p>")
            if items:
                parts.append("<ul>" + "".join(
                    f"<li>{escape(line)}" + (f" <i>My note: {escape(note)}</i>" if note else "")
                    + "</li>" for line, note in items) + "</ul>")
            elif label not in self.unargued:
                parts.append("<p>⚠ <b>Nothing kept for this position.</b> An essay that leaves "
                             "out a position is one-sided, the commonest weakness. Open it in the "
                             "debate and keep its strongest extract, even if you disagree.</p>")
        if self.elsewhere:
            parts.append("<p><b>Kept on other themes (may help as context):</b> "
                         + escape("; ".join(self.elsewhere)) + "</p>")
        parts.append("<p><b>Your plan to copy</b> into your plan box and complete "
                      "(select it all, copy, paste):</p>"
                      f"<pre style='white-space:pre-wrap'>{escape(self.markdown)}</pre>")
        return "".join(parts)

    def __repr__(self) -> str:
        return self.markdown or "Your evidence bank has nothing on this question yet."


def plan_essay(records, theme: str, bank) -> EssayPlan:
    """Plan an essay on one theme from the extracts kept in ``bank``."""
    found = records.theme(theme)
    groups: dict[str, list[tuple[str, str]]] = {p.label: [] for p in found.positions}
    elsewhere = []
    for entry in bank.entries():
        try:
            excerpt = records.excerpt(entry.excerpt)
        except KeyError:
            continue  # kept from another corpus: not this plan's business
        source = records.source(excerpt.source)
        line = (f"“{opening(excerpt.quote, 12)}” ({source.short_name}, {source.title}, "
                f"{source.date_shown}) [{excerpt.id}]")
        if excerpt.stance == "reports":
            line = (f"{source.short_name} reports this view, to describe or reject it, so use "
                    f"it as the counter-argument or as a sign of who held it: {line}")
        elif excerpt.stance == "narrates":
            line = f"{source.short_name} tells what happened, without arguing a view: {line}"
        if excerpt.theme == theme and excerpt.position:
            groups[records.position(excerpt.position).label].append((line, entry.note))
        else:
            elsewhere.append(f"{source.short_name} [{excerpt.id}]")
    missing = [label for label, items in groups.items() if not items]
    unargued = [p.label for p in found.positions if not records.authors_of(p.id)]
    return EssayPlan(found.question, groups, missing, elsewhere, bank.notice, unargued)
