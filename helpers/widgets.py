"""The course's interactive widgets; mixed into `helpers.Course`."""

from __future__ import annotations

__all__ = ["Widgets"]


class Widgets:
    """Widgets over the corpus; mixed into `Course`."""
