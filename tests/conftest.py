"""Shared test settings and fixtures.

Fixtures load the corpus when a test asks for it, never at collection time,
so that one slip in a corpus file fails the tests that need the corpus, with
the checker's message, instead of stopping whole files from being collected.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import NoReturn

import pytest

# No test (and no lesson run by nbval) keeps evidence in the real home folder.
os.environ.setdefault("COURSE_EVIDENCE_BANK",
                      os.path.join(tempfile.mkdtemp(prefix="course-tests-"), "evidence-bank.json"))

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURE = Path(__file__).parent / "fixtures" / "mini-corpus"
CHROMIUM_HOW = ("To run them, install Chromium (Debian/Ubuntu: sudo apt-get install chromium) "
                "and run python3 run.py test.")


def skip_or_fail(what: str, reason: str, how: str = "") -> NoReturn:
    """Skip, saying why and how to enable the test; with CI=true fail instead (no test may
    skip in CI)."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} cannot run in CI: {reason}")
    pytest.skip(f"{what} skipped: {reason}." + (f" {how}" if how else ""))


def find_chromium() -> str | None:
    """The Chromium (or Chrome) on this computer, if any."""
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser",
                                                "google-chrome"))), None)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Chromium, with Playwright to drive it: the browser tests skip without them (fail in CI)."""
    path = find_chromium()
    if path is None:
        skip_or_fail("browser tests", "no Chromium found on this computer", CHROMIUM_HOW)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        skip_or_fail("browser tests", "the playwright package is not installed "
                     "(pip install -e '.[test]')", CHROMIUM_HOW)
    return path


@pytest.fixture(scope="session")
def course():
    """The shipped course, loaded once for the whole run."""
    import helpers

    return helpers.load()


@pytest.fixture(scope="session")
def records(course):
    """The shipped corpus's records."""
    return course.records


@pytest.fixture
def mini(tmp_path) -> Path:
    """A fresh copy of the small valid fixture corpus, to break or extend."""
    folder = tmp_path / "corpus"
    shutil.copytree(FIXTURE, folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file; fail loudly if the fixture no longer has it."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
