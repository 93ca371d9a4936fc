"""A whole class at once on a real JupyterHub: N students log in, start their servers,
pull the course by its nbgitpuller link and run lesson 01 top to bottom, all at the
same moment (the class of tests/hub/classroom.py, with more students).

Reported: seconds until every server is ready; each student's lesson run (median and
95th percentile); memory per student (their server and kernel, resident, while the
lesson's kernel is still open); and a check that nothing any student wrote was lost:
each one's saved answers and kept evidence are read back afterwards.
"""

from __future__ import annotations

import json
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LESSON = "01-trotsky-in-power"
STUDENT_PATH = f"students/{LESSON}/{LESSON}.ipynb"


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _read_as_root(path: Path) -> str:
    """A file in a student's private home (the benchmark runs as root, or with sudo)."""
    import os
    import subprocess

    if os.geteuid() == 0:
        return path.read_text("utf-8") if path.exists() else ""
    found = subprocess.run(["sudo", "-n", "cat", str(path)], capture_output=True, text=True)
    return found.stdout


def class_load(students: int = 30) -> dict:
    """Run the class; return its figures (or why it could not run)."""
    sys.path.insert(0, str(ROOT))
    import nbformat

    from helpers.links import pull_link
    from tests.answers import right_submission
    from tests.hub.classroom import FOLDER, Classroom, unavailable

    reason = unavailable()
    if reason:
        return {"measured": False, "why": reason}
    teacher_copy = nbformat.read(ROOT / "lessons" / LESSON / f"{LESSON}.ipynb", as_version=4)
    student_copy = nbformat.read(ROOT / STUDENT_PATH, as_version=4)
    with Classroom(students=students) as room:
        link = pull_link(room.url, room.repo_url, STUDENT_PATH)
        path = f"{FOLDER}/{STUDENT_PATH}"
        results: dict[str, dict] = {}
        errors: list[str] = []
        ready_at: dict[str, float] = {}
        start = time.monotonic()

        def one_student(person) -> None:
            try:
                ready = person.start_server()
                ready_at[person.name] = time.monotonic() - start
                person.pull(link)
                mine = right_submission(teacher_copy, student_copy,
                                        written=f"Answer written by {person.name}.")
                person.save_notebook(path, json.loads(nbformat.writes(mine)))
                began = time.monotonic()
                after: dict = {}

                def keep_and_measure(kernel) -> None:
                    after["kept"] = kernel.run(
                        f"course.keep('hallas-thermidor-1935', note='kept by {person.name}')")
                    after["seconds"] = time.monotonic() - began
                    after["memory"] = person.memory_mib()  # server and kernel, lesson open

                notebook = person.run_notebook(path, stop_on_error=False,
                                               before_closing=keep_and_measure)
                failed = [o["ename"] for c in notebook["cells"] if c["cell_type"] == "code"
                          for o in c["outputs"] if o["output_type"] == "error"]
                results[person.name] = {"ready_s": ready, "run_s": after["seconds"],
                                        "memory_mib": after["memory"], "errors": failed,
                                        "kept": [o.get("text", "") for o in after["kept"]]}
            except Exception as error:  # noqa: BLE001 (reported in the figures)
                errors.append(f"{person.name}: {error.__class__.__name__}: {error}")

        threads = [threading.Thread(target=one_student, args=(p,)) for p in room.students]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.monotonic() - start
        lost = []
        for person in room.students:  # read back everything each student wrote
            if person.name not in results:
                continue
            saved = json.dumps(person.read_notebook(path))
            if f"Answer written by {person.name}." not in saved:
                lost.append(f"{person.name}: answers")
            bank = _read_as_root(person.home / ".trotsky-stalin-course" / "evidence-bank.json")
            if f"kept by {person.name}" not in bank:
                lost.append(f"{person.name}: evidence bank")
        runs = [r["run_s"] for r in results.values()]
        memory = [r["memory_mib"] for r in results.values()]
        return {
            "measured": True, "students": students, "finished": len(results),
            "errors": errors[:5], "cell_errors": sorted({e for r in results.values()
                                                        for e in r["errors"]}),
            "all_ready_s": round(max(ready_at.values()), 1) if ready_at else None,
            "whole_class_s": round(wall, 1),
            "run_median_s": round(statistics.median(runs), 2) if runs else None,
            "run_p95_s": round(_percentile(runs, 0.95), 2) if runs else None,
            "memory_median_mib": round(statistics.median(memory), 1) if memory else None,
            "memory_max_mib": round(max(memory), 1) if memory else None,
            "lost": lost}


if __name__ == "__main__":
    print(json.dumps(class_load(int(sys.argv[1]) if len(sys.argv) > 1 else 30), indent=1))
