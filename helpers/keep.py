"""The "Keep for my essay" control, shown wherever an extract is shown.

A thin ipywidgets shell over `EvidenceBank.keep`. Its first words say that
keeping works while the lesson is running: in a lesson reopened with saved
widget state (no kernel behind it) a click cannot do anything, and the student
must not think it did.
"""

from __future__ import annotations

from html import escape

from .bank import EvidenceBank

__all__ = ["HINT", "keep_control"]

HINT = ("Keep an extract for your essay, with a note in your own words. (Keeping works while "
        "the lesson is running: if nothing happens when you click, run the lesson's cells again.)")


def keep_control(choices: list[tuple[str, str]], bank: EvidenceBank | None = None):
    """A labelled control that keeps one of ``choices`` ((label, excerpt id) pairs) in the bank.

    >>> import tempfile, pathlib
    >>> bank = EvidenceBank(pathlib.Path(tempfile.mkdtemp()) / "bank.json")
    >>> box = keep_control([("Hallas: The Thermidor ...", "hallas-thermidor-1935")], bank)
    >>> box.parts["note"].value = "Trotsky dates Thermidor to 1925"
    >>> box.parts["keep"].click()
    >>> "Kept" in box.parts["status"].value, [e.excerpt for e in bank.entries()]
    (True, ['hallas-thermidor-1935'])
    """
    import ipywidgets as widgets

    bank = bank or EvidenceBank()
    layout = widgets.Layout(width="auto")
    which = widgets.Dropdown(options=choices, value=choices[0][1], description="Extract:",
                             layout=widgets.Layout(width="95%"),
                             style={"description_width": "initial"})
    note = widgets.Text(placeholder="Why does this extract matter for your essay?",
                        description="My note:", layout=widgets.Layout(width="95%"),
                        style={"description_width": "initial"})
    keep = widgets.Button(description="Keep for my essay", tooltip="Keep for my essay",
                          layout=layout)
    status = widgets.HTML(f"<i>{escape(HINT)}</i>")

    def on_keep(_button) -> None:
        bank.keep(which.value, note.value)
        count = len(bank.entries())
        told = f"<b>{escape(bank.notice)}</b><br>" if bank.notice else ""
        status.value = (f"{told}Kept <b>{escape(which.label)}</b> in your evidence bank "
                        f"({count} extract{'s' if count != 1 else ''} kept). "
                        "See them all with <code>course.my_evidence()</code>.")

    keep.on_click(on_keep)
    children = ([which] if len(choices) > 1 else []) + [note, keep, status]
    box = widgets.VBox(children, layout=widgets.Layout(border="1px dashed #888",
                                                       padding="4px", margin="6px 0"))
    box.parts = {"which": which, "note": note, "keep": keep, "status": status}
    return box
