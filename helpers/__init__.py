"""Helpers for the course "Trotsky vs Stalin": load the corpus, explore the debate.

In a lesson::

    import helpers
    course = helpers.load()
    course.themes()                            # the debate themes, as a table
    course.excerpts(theme="why-stalin-won")    # the authors' own words on one theme
    course.debate("why-stalin-won")            # the debate, step by step

From a terminal (in the course folder)::

    python3 run.py check [FOLDER]              # validate the corpus (or a teacher's own)
"""

from .course import CorpusError, Course, load
from .filters import FilterError
from .lookup import UnknownIdError

__all__ = ["load", "Course", "CorpusError", "UnknownIdError", "FilterError"]
__version__ = "0.2.0"
