"""The course's figures (timeline, citation map, statistics, stance map, evidence profile).

The methods here are mixed into `helpers.Course`.
"""

from __future__ import annotations

__all__ = ["Figures"]


class Figures:
    """Figures drawn from the corpus; mixed into `Course`."""
