"""Run before any test: say what to install when the test tools are missing.

`pyproject.toml` gives pytest nbval's options (--nbval-lax ...). Without the
test tools installed, pytest would stop at "unrecognized arguments"; instead
we accept those options and stop with one line saying what to run.
"""

from __future__ import annotations

import importlib.util

import pytest

_NEEDED = ("nbval", "playwright", "helpers", "ipywidgets", "pandas", "yaml")
MISSING = [name for name in _NEEDED if importlib.util.find_spec(name) is None]

if "nbval" in MISSING:
    def pytest_addoption(parser):
        """Accept nbval's options from pyproject.toml, so that we can explain instead."""
        group = parser.getgroup("nbval (not installed)")
        group.addoption("--nbval-lax", action="store_true")
        group.addoption("--nbval-current-env", action="store_true")
        group.addoption("--nbval-sanitize-with", action="store")


def pytest_configure(config):
    """Stop at once, in one line, if the test tools are not installed."""
    if MISSING:
        pytest.exit(f"the test tools are not installed here (missing: {', '.join(MISSING)}). "
                    "Run the tests with: python3 run.py test   (it installs them in .venv/; on "
                    "Windows: py run.py test)", returncode=4)
