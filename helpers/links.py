"""nbgitpuller links: one click gives a student the course on a JupyterHub, opened at a lesson.

    python3 run.py links https://hub.example.org --repo https://github.com/OWNER/REPO

prints, for every lesson, a link of nbgitpuller's form

    HUB/hub/user-redirect/git-pull?repo=REPO&branch=BRANCH&targetpath=FOLDER&urlpath=lab/tree/FOLDER/lessons/L/L.ipynb

A first click copies the repository into the student's home folder (as FOLDER,
the repository's name without ".git", named in the link: nbgitpuller's own
default would keep the ".git") and opens the lesson; a later click pulls the teacher's
changes and keeps the student's own edits (nbgitpuller's merge).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlencode, urlparse

__all__ = ["pull_link", "lesson_links"]


def pull_link(hub: str, repo: str, path: str, branch: str = "main") -> str:
    """An nbgitpuller link that opens ``path`` (inside the repository) in JupyterLab.

    >>> print(pull_link("https://hub.example.org/", "https://github.com/me/course.git",
    ...                 "lessons/01-x/01-x.ipynb"))
    https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fme%2Fcourse.git&branch=main&targetpath=course&urlpath=lab%2Ftree%2Fcourse%2Flessons%2F01-x%2F01-x.ipynb
    """
    parts = urlparse(hub)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"the hub's address must start with https:// (or http://), not {hub!r}")
    folder = Path(urlparse(repo).path).name.removesuffix(".git") or "course"
    query = urlencode({"repo": repo, "branch": branch, "targetpath": folder,
                       "urlpath": f"lab/tree/{folder}/{path}"}, quote_via=quote, safe="")
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def lesson_links(hub: str, repo: str, lessons_dir: Path, branch: str = "main") -> list[str]:
    """One line per lesson: its folder name and its link."""
    return [f"{nb.stem}: {pull_link(hub, repo, nb.relative_to(lessons_dir.parent).as_posix(), branch)}"
            for nb in sorted(lessons_dir.glob("[0-9][0-9]-*/*.ipynb"))]
