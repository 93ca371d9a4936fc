"""A starter corpus for a teacher's own readings: `python3 run.py new FOLDER`.

It writes a small, valid corpus (one source, one theme, two positions) whose
every text says what to replace it with, so a teacher starts from something
that passes `python3 run.py check` and changes it step by step. It never
writes into a folder that already exists.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .reading import display_path

__all__ = ["STARTER_FILES", "create_starter"]

_TEXT = """\
Your reading goes here

Replace this file with the text of your reading, exactly as you have it.
Keep the author's words, spelling and punctuation.

The bureaucracy won because the working class was exhausted. That is the claim
of this placeholder reading, and an excerpt quotes it.
"""

STARTER_FILES = {
    "originals/my-reading.txt": _TEXT,
    "texts/my-reading.txt": _TEXT,
    "sources/my-reading.yaml": """\
# One reading. Rename the file and the id together (my-reading -> e.g. deutscher-unarmed).
# Format: corpus/README.md in the course. Check: python3 run.py check FOLDER
id: my-reading
author: A. Writer
short_name: Writer
title: The title of the reading
publication: Where it appeared (or "not stated")
genre: book chapter
date: not stated
date_basis: not stated
date_quote: null
tradition:
  label: The author's tradition, as the text shows it
  evidence:
    - quote: The bureaucracy won because the working class was exhausted.
      note: Why this quote shows the tradition, in your words.
outside_text: []
provenance: Where the text came from (a book, a web page, a printed handout).
text_file: texts/my-reading.txt
original_file: originals/my-reading.txt
removed_furniture: []
""",
    "themes.yaml": """\
# The themes of your course: one lesson each. Every theme needs two or more positions.
themes:
  - id: my-theme
    title: The title of your theme
    question: The central question your students will answer?
    context: >-
      A few sentences of background, in your own words, that every side accepts.
    positions:
      - id: first-answer
        label: A first answer
        summary: >-
          One answer to the question, in your words. Writer argues this.
      - id: second-answer
        label: A second answer
        summary: >-
          Another answer. No author in this corpus holds it yet: add a reading that does.
    missing_voices: >-
      Which voices your readings lack on this question.
""",
    "excerpts/my-reading.yaml": """\
# The passages of this reading the lessons use. Copy each quote from texts/my-reading.txt.
source: my-reading
excerpts:
  - id: my-reading-exhausted
    theme: my-theme
    position: first-answer
    quote: The bureaucracy won because the working class was exhausted.
    argument: >-
      Writer argues that the working class was too tired to resist. Say in your own
      words what the passage argues, and name its author.
    evidence:
      - kind: assertion
        description: The author gives no evidence for this claim here.
""",
    "citations/my-reading.yaml": """\
# The works this reading cites. Leave the list empty if it cites none.
source: my-reading
citations: []
""",
    "events.yaml": """\
# Dated events your readings mention (optional). Each excerpt listed must state the year.
events: []
""",
    "statistics.yaml": """\
# Numbers your readings give (optional), each printed in an excerpt.
statistics: []
""",
    "glossary.yaml": """\
# Words your readings use that students need explained (optional).
terms:
  - id: bureaucracy
    term: bureaucracy
    definition: >-
      The officials who run a state or a party. Write each definition in your own words.
""",
}


def create_starter(folder: Path) -> int:
    """Write the starter corpus into ``folder`` (which must not exist); return an exit code."""
    if folder.exists():
        print(f"{display_path(folder)} already exists: nothing was written. Choose a new folder "
              "name, e.g. python3 run.py new my-readings", file=sys.stderr)
        return 1
    for name, text in STARTER_FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    shown = display_path(folder)
    print(f"created {shown}: one reading, one theme. Next: replace texts/my-reading.txt and "
          f"originals/my-reading.txt with your reading, edit the YAML files, then run: "
          f"python3 run.py check {shown}")
    return 0
