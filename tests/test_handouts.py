"""Printable handouts: every lesson, every extract verbatim, nothing fetched from a network."""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape

import pytest

from .conftest import ROOT

LESSONS = sorted(p.name for p in (ROOT / "lessons").iterdir()
                 if p.is_dir() and re.fullmatch(r"\d\d-[a-z0-9-]+", p.name))


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    result = subprocess.run([sys.executable, "-m", "helpers", "handouts", "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return out


def _plain(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_lesson_has_a_handout_whose_extracts_are_verbatim(handouts, lesson, records):
    html = (handouts / f"{lesson}.html").read_text(encoding="utf-8")
    boxes = re.findall(r"<table[^>]*aria-label=\"[^\"]*with line numbers\">(.*?)</table>.*?"
                       r"\[([a-z0-9+ -]+)\]", html, re.S)
    assert boxes, "a handout shows the lesson's extracts"
    for body, ids in boxes:
        shown = " ".join(_plain(cell) for cell in re.findall(r"<td[^>]*font-family[^>]*>(.*?)</td>",
                                                              body, re.S))
        for excerpt_id in ids.split(" + "):
            quote = records.excerpt(excerpt_id).quote
            assert quote in shown or quote.replace(" ", "") in shown.replace(" ", ""), excerpt_id


@pytest.mark.parametrize("lesson", LESSONS)
def test_a_handout_needs_no_network_and_prints_no_code_solution_or_mark_scheme(handouts, lesson):
    html = (handouts / f"{lesson}.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)\b", html, re.I)  # nothing to fetch
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "@import" not in html and "url(" not in html
    for leak in ("### BEGIN", "HIDDEN TESTS", "Indicative content", "Mark guide", "check_form",
                 "import helpers"):
        assert leak not in html, leak
    assert html.count('class="answer"') >= 2  # empty boxes for the written answers


def test_handouts_that_exist_are_kept_unless_forced(tmp_path):
    def make(*extra):
        return subprocess.run([sys.executable, "-m", "helpers", "handouts", "--out",
                               str(tmp_path), *extra], cwd=ROOT, capture_output=True, text=True,
                              timeout=300)

    assert make().returncode == 0
    first = tmp_path / f"{LESSONS[0]}.html"
    first.write_text("my edited handout", "utf-8")
    kept = make()
    assert f"kept {first}" in kept.stdout and first.read_text("utf-8") == "my edited handout"
    assert make("--force").returncode == 0 and first.read_text("utf-8") != "my edited handout"
