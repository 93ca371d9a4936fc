"""An executed lesson saved with its widget state carries every reveal in that state.

The debate opens its steps in the browser (Accordion panels), so the content
must already be in the saved widget models, not fetched from the kernel later.
"""

from __future__ import annotations

import json
from html import escape

import nbformat
from nbclient import NotebookClient

import helpers


def test_saved_widget_state_holds_every_position_and_excerpt_of_the_debate():
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(
        'import helpers\nhelpers.load().debate("trotsky-in-power")')]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    NotebookClient(notebook, timeout=120, store_widget_state=True).execute()

    state = json.dumps(notebook.metadata["widgets"], ensure_ascii=False)
    records = helpers.load().records
    for position in records.theme("trotsky-in-power").positions:
        assert position.label in state
    for excerpt in records.excerpts(theme="trotsky-in-power"):
        assert escape(excerpt.quote) in state, excerpt.id
