#!/usr/bin/env python3
"""Benchmarks: the course against the floor Jupyter itself sets, and a teacher's larger corpus.

    python3 run.py bench                  # every figure (a few minutes)
    python3 run.py bench --quick          # a fast smoke run, fewer repetitions
    python3 run.py bench --json out.json  # also write the figures as JSON

Each figure is a median of several runs, and each comparison is measured side by
side, alternating, in one run, so that a ratio holds on a noisy machine. Targets are
printed beside the figures; they are not asserted anywhere (a test only runs this
script in --quick mode so that it cannot rot).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}


def median(values):
    return statistics.median(values) if values else float("nan")


def _execute(notebook_path: Path | None, *code: str) -> float:
    """Seconds to execute a notebook in a fresh kernel (as nbval and nbclient do): a saved
    notebook, or one made of the code cells given."""
    import nbformat
    from nbclient import NotebookClient

    if notebook_path is not None:
        notebook = nbformat.read(notebook_path, as_version=4)
        folder = str(notebook_path.parent)
    else:
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_code_cell(c) for c in code]
        notebook.metadata["kernelspec"] = KERNEL
        folder = tempfile.gettempdir()
    start = time.perf_counter()
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": folder}}).execute()
    return time.perf_counter() - start


def course_run(quick: bool) -> dict:
    """All lessons against as many one-cell notebooks (and against notebooks that only
    import the libraries every lesson needs)."""
    lessons = sorted(ROOT.glob("lessons/[0-9][0-9]-*/*.ipynb"))
    if quick:
        lessons = lessons[1:3]
    repeats = 1 if quick else 3
    import nbformat

    lesson_times, floor_times, imports_times, shape_times = [], [], [], []
    for path in lessons:
        cells = sum(c.cell_type == "code" for c in nbformat.read(path, as_version=4).cells)
        # the same shape with none of the course's work: as many cells, the libraries imported
        shape = ["import pandas, ipywidgets"] + ["1"] * (cells - 1)
        runs = {"lesson": [], "floor": [], "imports": [], "shape": []}
        for _ in range(repeats):  # alternate, so that drift hits both sides alike
            runs["lesson"].append(_execute(path))
            runs["floor"].append(_execute(None, "1"))
            runs["imports"].append(_execute(None, "import pandas, ipywidgets"))
            runs["shape"].append(_execute(None, *shape))
        lesson_times.append(median(runs["lesson"]))
        floor_times.append(median(runs["floor"]))
        imports_times.append(median(runs["imports"]))
        shape_times.append(median(runs["shape"]))
    total, floor, imports = sum(lesson_times), sum(floor_times), sum(imports_times)
    shaped = sum(shape_times)
    return {"lessons": len(lessons), "lessons_s": round(total, 2), "floor_s": round(floor, 2),
            "ratio": round(total / floor, 2), "target": 1.5,
            "imports_floor_s": round(imports, 2), "ratio_to_imports_floor": round(total / imports, 2),
            "same_shape_floor_s": round(shaped, 2), "ratio_to_same_shape": round(total / shaped, 2),
            "per_lesson_s": {p.stem: round(t, 2) for p, t in zip(lessons, lesson_times,
                                                                  strict=True)}}


def _time_process(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tempfile.gettempdir(),
                   capture_output=True)
    return time.perf_counter() - start


def cold_start(quick: bool) -> dict:
    """A fresh process that imports helpers and loads the course, against one that only
    imports pandas and ipywidgets."""
    course, floor = [], []
    for _ in range(3 if quick else 7):
        course.append(_time_process("import helpers; helpers.load()"))
        floor.append(_time_process("import pandas, ipywidgets"))
    return {"course_s": round(median(course), 3), "floor_s": round(median(floor), 3),
            "ratio": round(median(course) / median(floor), 2), "target": 1.3}


_CHECK = """
import json, resource, sys, time
from helpers.checks import check_corpus
start = time.perf_counter()
raw, problems = check_corpus(sys.argv[1])
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
print(json.dumps({"seconds": seconds, "peak_bytes": peak, "excerpts": len(raw.excerpts),
                  "sources": len(raw.sources), "problems": [str(p) for p in problems[:3]]}))
"""


def scale(quick: bool) -> dict:
    """Load and check generated corpora 10x and 100x the shipped one; time and peak memory."""
    from scale import build_scaled_corpus

    shapes = {"1x": (1, 1, 1), "10x": (2, 5, 2), "100x": (5, 20, 10)}
    if quick:
        shapes.pop("100x")
    results = {}
    with tempfile.TemporaryDirectory(prefix="course-scale-") as folder:
        for name, (sources, excerpts, text) in shapes.items():
            corpus = build_scaled_corpus(Path(folder) / name, sources, excerpts, text)
            runs = []
            for _ in range(1 if quick else 3):
                out = subprocess.run([sys.executable, "-c", _CHECK, str(corpus)], check=True,
                                     capture_output=True, text=True, cwd=ROOT)
                runs.append(json.loads(out.stdout))
            if runs[0]["problems"]:
                raise SystemExit(f"the {name} corpus is not valid: {runs[0]['problems']}")
            seconds = median([r["seconds"] for r in runs])
            results[name] = {"excerpts": runs[0]["excerpts"], "sources": runs[0]["sources"],
                             "seconds": round(seconds, 3),
                             "ms_per_excerpt": round(1000 * seconds / runs[0]["excerpts"], 3),
                             "peak_mb": round(max(r["peak_bytes"] for r in runs) / 2**20, 1)}
    largest = list(results)[-1]
    return {**results, "target_100x_s": 5.0,
            "linear": results[largest]["ms_per_excerpt"] <= results["1x"]["ms_per_excerpt"]}


def widgets(quick: bool) -> dict:
    """Building each theme's debate widget (warm, in one process), in milliseconds."""
    import helpers

    course = helpers.load()
    course.debate(course.records.themes()[0].id)  # the one-time import of ipywidgets
    built = {}
    for theme in course.records.themes():
        times = []
        for _ in range(2 if quick else 7):
            start = time.perf_counter()
            course.debate(theme.id)
            times.append(time.perf_counter() - start)
        built[theme.id] = round(1000 * median(times), 1)
    return {"debate_ms": built, "max_ms": max(built.values()), "target_ms": 50}


def browser_reveal(quick: bool) -> dict:
    """In JupyterLab and Chromium: a click on a debate position to its text on screen."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"measured": False, "why": "the playwright package is not installed"}
    if quick or not chromium:
        return {"measured": False, "why": "skipped in --quick mode" if quick else
                "no Chromium found (Debian/Ubuntu: sudo apt-get install chromium)"}
    import nbformat

    home = Path(tempfile.mkdtemp(prefix="course-bench-lab-"))
    (home / "root").mkdir()
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell('import helpers\nhelpers.load().debate("why-stalin-won")')]
    notebook.metadata["kernelspec"] = KERNEL
    nbformat.write(notebook, home / "root" / "bench.ipynb")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "c"), "JUPYTER_DATA_DIR": str(home / "d"),
           "JUPYTER_RUNTIME_DIR": str(home / "r"), "JUPYTERLAB_SETTINGS_DIR": str(home / "s")}
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
               "--ip=127.0.0.1", "--ServerApp.token=bench", f"--ServerApp.root_dir={home / 'root'}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/api/status?token=bench", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                user_data_dir=str(home / "profile"), executable_path=chromium, headless=True,
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                      "--no-first-run", "--disable-background-networking",
                      "--disable-component-update", "--disable-sync"])
            page = context.pages[0] if context.pages else context.new_page()
            page.goto(f"{base}/lab/tree/bench.ipynb?reset&token=bench")
            panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
            panel.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(
                state="attached", timeout=90_000)
            panel.locator(".jp-Notebook").first.click()
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
            titles = panel.locator(".jupyter-widget-Accordion .lm-AccordionPanel-title, "
                                   ".jupyter-widget-Accordion .jupyter-widget-Collapse-header",
                                   has_text=re.compile(r"^Position \d+:"))
            titles.first.wait_for(timeout=90_000)
            for _ in range(3):  # each position opened three times
                for index in range(titles.count()):
                    title = titles.nth(index)
                    step = panel.get_by_text("1. The argument, in our words").nth(index)
                    start = time.perf_counter()
                    title.click()
                    step.wait_for(state="visible", timeout=30_000)
                    times.append(time.perf_counter() - start)
                    title.click()
            context.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(home, ignore_errors=True)
    return {"measured": True, "clicks": len(times), "median_ms": round(1000 * median(times), 1),
            "target_ms": 200}


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def env_sizes(quick: bool) -> dict:
    """The Binder environment against a bare jupyterlab + ipywidgets + pandas one (MB)."""
    if quick:
        return {"measured": False, "why": "skipped in --quick mode (it installs two environments)"}
    import venv

    cache = HERE / ".cache"
    pins = {line.split("==")[0].lower(): line.strip() for line in
            (ROOT / "binder" / "requirements.txt").read_text().splitlines()
            if "==" in line and not line.startswith("#")}
    specs = {"binder": ["-r", str(ROOT / "binder" / "requirements.txt")],
             "bare": [pins["jupyterlab"], pins["ipywidgets"], pins["pandas"]]}
    sizes = {}
    requirements = (ROOT / "binder" / "requirements.txt").read_text()
    for name, spec in specs.items():
        # a cached environment is reused only while what it was built from is unchanged
        key = hashlib.sha1((json.dumps(spec) + requirements).encode()).hexdigest()[:12]
        folder = cache / f"env-{name}-{key}"
        for stale in cache.glob(f"env-{name}*"):
            if stale != folder:
                shutil.rmtree(stale, ignore_errors=True)
        python = folder / ("Scripts" if os.name == "nt" else "bin") / "python"
        if not python.exists():
            venv.EnvBuilder(with_pip=True).create(folder)
            subprocess.run([python, "-m", "pip", "install", "--quiet", *spec], check=True)
            if name == "binder":
                subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", str(ROOT)],
                               check=True)
        sizes[name] = round(_size(folder) / 2**20, 1)
    return {"binder_mb": sizes["binder"], "bare_mb": sizes["bare"],
            "ratio": round(sizes["binder"] / sizes["bare"], 2), "target": 1.15}


def report(figures: dict) -> str:
    """The figures as a table a teacher or maintainer can read."""
    lines = ["figure                                   measured            target   met"]

    def row(name, value, target, met):
        lines.append(f"{name:<40} {value:<19} {target:<8} {'yes' if met else 'NO'}")

    def asked(name: str) -> dict | None:
        data = figures.get(name, {})
        if data.get("measured") is False:
            lines.append(f"{name.replace('_', ' ')}: not measured ({data['why']})")
            return None
        return data

    run = asked("course_run")
    if run:
        row(f"course run / kernel floor ({run['lessons']} lessons)",
            f"{run['lessons_s']} s / {run['floor_s']} s = {run['ratio']}", "<= 1.5",
            run["ratio"] <= 1.5)
        lines.append(f"  (against notebooks that only import pandas and ipywidgets: "
                     f"{run['imports_floor_s']} s, ratio {run['ratio_to_imports_floor']};")
        lines.append(f"   against those imports in notebooks with each lesson's number of code "
                     f"cells: {run['same_shape_floor_s']} s, ratio {run['ratio_to_same_shape']})")
    cold = asked("cold_start")
    if cold:
        row("cold start / import pandas, ipywidgets", f"{cold['course_s']} / {cold['floor_s']} "
            f"s = {cold['ratio']}", "<= 1.3", cold["ratio"] <= 1.3)
    scaled = asked("scale")
    if scaled:
        for name, data in scaled.items():
            if isinstance(data, dict):
                row(f"scale {name}: {data['excerpts']} excerpts", f"{data['seconds']} s, "
                    f"{data['peak_mb']} MB", "<= 5 s" if name == "100x" else "",
                    data["seconds"] <= 5)
                lines.append(f"  {data['ms_per_excerpt']} ms per excerpt")
        lines.append(f"  time per excerpt no worse than at 1x: {scaled['linear']}")
    wid = asked("widgets")
    if wid:
        row("debate widget, slowest theme", f"{wid['max_ms']} ms", "< 50 ms", wid["max_ms"] < 50)
    rev = asked("browser_reveal")
    if rev:
        row("browser: click to text visible", f"{rev['median_ms']} ms", "< 200 ms",
            rev["median_ms"] < 200)
    env = asked("env_sizes")
    if env:
        row("Binder env / bare env", f"{env['binder_mb']} / {env['bare_mb']} MB = {env['ratio']}",
            "<= 1.15", env["ratio"] <= 1.15)
    load = asked("class_load")
    if load:
        lines.append(f"a class of {load['students']} on one JupyterHub (2 cores here), all at once:")
        lines.append(f"  every server ready after {load['all_ready_s']} s; lesson 01 run: median "
                     f"{load['run_median_s']} s, 95th percentile {load['run_p95_s']} s")
        lines.append(f"  memory per student (server and kernel): median "
                     f"{load['memory_median_mib']} MiB, most {load['memory_max_mib']} MiB")
        lines.append(f"  finished {load['finished']} of {load['students']}; cell errors: "
                     f"{load['cell_errors'] or 'none'}; work lost: {load['lost'] or 'none'}"
                     + (f"; failures: {load['errors']}" if load["errors"] else ""))
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--class-size", type=int, default=30,
                        help="students in the class-load run on a real JupyterHub (default 30)")
    parser.add_argument("--only", help="measure only this figure (e.g. class_load)")
    args = parser.parse_args(argv)
    # the lessons the benchmark runs must never touch the evidence bank of whoever runs it
    os.environ["COURSE_EVIDENCE_BANK"] = str(Path(tempfile.mkdtemp(prefix="course-bench-bank-"))
                                             / "evidence-bank.json")
    figures = {}
    def whole_class(quick: bool) -> dict:
        if quick:
            return {"measured": False, "why": "skipped in --quick mode (it creates a class of "
                    "users on a real JupyterHub)"}
        from class_load import class_load

        return class_load(args.class_size)

    for name, measure in (("cold_start", cold_start), ("widgets", widgets), ("scale", scale),
                          ("course_run", course_run), ("browser_reveal", browser_reveal),
                          ("env_sizes", env_sizes), ("class_load", whole_class)):
        if args.only and name != args.only:
            figures[name] = {"measured": False, "why": f"not asked for (--only {args.only})"}
            continue
        print(f"measuring {name} ...", file=sys.stderr, flush=True)
        figures[name] = measure(args.quick)
        if name == "env_sizes" and figures[name].get("measured") is None:
            figures[name]["measured"] = True
    print(report(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
