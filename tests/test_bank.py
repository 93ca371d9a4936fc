"""The evidence bank: nothing a student keeps is ever lost, and the planner uses all of it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.bank import EvidenceBank

KEEP = ("import sys; from helpers.bank import EvidenceBank\n"
        "bank = EvidenceBank(sys.argv[1])\n"
        "for n in range(int(sys.argv[3])): bank.keep(f'{sys.argv[2]}-{n}', 'note')\n")


@pytest.fixture
def bank_file(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "home" / "bank.json"
    monkeypatch.setenv("COURSE_EVIDENCE_BANK", str(path))
    return path


def test_keep_note_forget_and_read_back_in_a_new_process(course, bank_file):
    course.keep("hallas-thermidor-1935", note="Trotsky dates Thermidor to 1925")
    course.keep("molyneux-river-of-blood")
    course.keep("hallas-thermidor-1935", note="a better note")  # keeping again: the new note
    course.forget("molyneux-river-of-blood")
    code = ("import helpers; t = helpers.load().my_evidence(); "
            "print(list(t.index), t['note'].tolist(), t['author'].tolist())")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['hallas-thermidor-1935'] ['a better note'] ['Hallas']"
    assert json.loads(bank_file.read_text("utf-8"))["version"] == 1  # a file a student can read


def test_a_damaged_bank_is_set_aside_reported_and_never_overwritten(course, bank_file, capsys):
    bank_file.parent.mkdir(parents=True)
    damaged = '{"version": 1, "entries": [{"excerpt": "hallas-thermidor-1935", '  # cut short
    bank_file.write_text(damaged, "utf-8")
    course.keep("molyneux-river-of-blood", note="new")
    kept = [p for p in bank_file.parent.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_text("utf-8") == damaged  # the student's text, intact
    table = course.my_evidence()
    assert list(table.index) == ["molyneux-river-of-blood"]
    bank = EvidenceBank(bank_file)
    bank_file.write_text("not json at all", "utf-8")
    assert bank.entries() == [] and bank.notice.endswith("a new bank was started.")
    assert str(bank_file.parent) in bank.notice
    assert len([p for p in bank_file.parent.iterdir() if ".damaged-" in p.name]) == 2


def test_two_lessons_keeping_at_once_lose_nothing(bank_file):
    runs = [subprocess.Popen([sys.executable, "-c", KEEP, str(bank_file), name, "40"])
            for name in ("lesson-a", "lesson-b")]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    kept = {e.excerpt for e in EvidenceBank(bank_file).entries()}
    assert kept == {f"{name}-{n}" for name in ("lesson-a", "lesson-b") for n in range(40)}
    assert not list(bank_file.parent.glob("*.lock")) and not list(bank_file.parent.glob(".bank-*"))


def test_the_planner_groups_by_position_and_flags_a_position_with_nothing_kept(course, records,
                                                                               bank_file):
    theme = records.theme("why-stalin-won")
    social, machine = (records.excerpts(position=p)[0].id for p in ("social-forces", "party-machine"))
    course.keep(social, note="class forces")
    course.keep(machine)
    course.keep("hallas-thermidor-1935")  # another theme
    plan = course.essay_plan("why-stalin-won")
    labels = {p.id: p.label for p in theme.positions}
    assert plan.missing == [labels["personality"]]
    assert len(plan.groups[labels["social-forces"]]) == 1
    html = plan._repr_html_()
    assert "No author in the five sources argues this view" in html  # personality: no author
    assert "Nothing kept for this position" not in html
    course.forget(machine)
    assert "Nothing kept for this position" in course.essay_plan("why-stalin-won")._repr_html_()
    outline = plan.markdown
    for part in ("**Claim**", "**Evidence:**", "**Counter-argument**", "**My judgement",
                 "My note: class forces", social, theme.question):
        assert part in outline, part
    assert "hallas-thermidor-1935" in " ".join(plan.elsewhere)


def test_the_planner_on_an_empty_bank_says_how_to_fill_it(course, bank_file):
    plan = course.essay_plan("why-stalin-won")
    assert plan.markdown == ""
    assert "Keep for my essay" in plan._repr_html_()


def test_the_planner_never_files_a_reported_view_as_its_reporters_argument(course, records,
                                                                           bank_file):
    reported = next(e for e in records.excerpts(theme="why-stalin-won") if e.stance == "reports")
    argued = next(e for e in records.excerpts(theme="why-stalin-won") if e.stance == "argues")
    course.keep(reported.id)
    course.keep(argued.id)
    lines = {line for items in course.essay_plan("why-stalin-won").groups.values()
             for line, _ in items}
    author = records.source(reported.source).short_name
    assert any(line.startswith(f"{author} reports this view") and reported.id in line
               for line in lines)
    assert any(line.startswith("“") and argued.id in line for line in lines)


def test_keep_says_how_many_extracts_are_kept_in_plain_words(course, bank_file, capsys):
    course.keep("hallas-thermidor-1935")
    assert "(1 extract in your evidence bank)" in capsys.readouterr().out
    course.keep("molyneux-river-of-blood")
    assert "(2 extracts in your evidence bank)" in capsys.readouterr().out
