"""The benchmark script runs (in --quick mode), so that it cannot rot.

The targets it prints are not asserted here: speed is measured by the script, not by
timed tests. This test checks that every figure is produced, is a real measurement,
and that the generated larger corpus is valid.
"""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT


def test_the_benchmark_script_runs_and_reports_every_figure(tmp_path):
    out = tmp_path / "figures.json"
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--json",
                             str(out)], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(out.read_text("utf-8"))
    assert set(figures) == {"course_run", "cold_start", "scale", "widgets", "browser_reveal",
                            "env_sizes", "class_load"}
    # in --quick mode the slow figures say why they were left out, in the table too
    for slow in ("env_sizes", "class_load"):
        assert figures[slow]["measured"] is False and "--quick" in figures[slow]["why"]
    assert "class load: not measured (skipped in --quick mode" in result.stdout
    assert figures["course_run"]["lessons_s"] > 0 and figures["course_run"]["floor_s"] > 0
    assert figures["course_run"]["same_shape_floor_s"] > 0
    assert figures["cold_start"]["course_s"] > 0 and figures["cold_start"]["floor_s"] > 0
    assert figures["scale"]["10x"]["excerpts"] == 10 * figures["scale"]["1x"]["excerpts"]
    assert figures["widgets"]["debate_ms"] and figures["widgets"]["max_ms"] > 0
    for line in ("course run / kernel floor", "cold start", "scale 10x", "debate widget"):
        assert line in result.stdout, line
