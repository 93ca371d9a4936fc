"""Helpers for the course "Trotsky vs Stalin": load the corpus, explore the debate.

In a lesson::

    import helpers
    course = helpers.load()
    course.themes()                      # the debate themes, as a table
    course.excerpts("why-stalin-won")    # the authors' own words on one theme

From a terminal::

    python -m helpers check              # validate the corpus
    python -m helpers dump               # the whole corpus as JSON
"""

from .course import CorpusError, Course, load
from .lookup import UnknownIdError

__all__ = ["load", "Course", "CorpusError", "UnknownIdError"]
__version__ = "0.1.0"
