"""Students' answers to a lesson, made from the teacher's version: right, or wrong but well formed.

Shared by the nbgrader round trip (tests/test_assignments.py) and the class on a real
JupyterHub (tests/hub/), so that both mark the same three kinds of submission.
"""

from __future__ import annotations

import ast
import copy
import re

__all__ = ["cells_by_grade_id", "right_submission", "wrong_submission"]


def cells_by_grade_id(nb) -> dict:
    """A notebook's nbgrader cells, by grade id."""
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells if "nbgrader" in c.metadata}


def _wrong_answer(value, allowed):
    """A well-formed answer that is wrong in every part (for the third submission)."""
    if isinstance(value, dict):
        return {k: _wrong_answer(v, allowed) for k, v in value.items()}
    if isinstance(value, list):
        return list(reversed(value)) if len(set(map(repr, value))) > 1 else value
    if isinstance(value, float) and not allowed:
        return value + 10
    if isinstance(value, bool) or not isinstance(value, int):
        others = [a for a in (allowed or []) if a != value]
        assert others, f"no other allowed choice than {value!r} to make a wrong answer"
        return others[0]
    if allowed:
        return max(allowed, key=lambda a: abs(a - value))
    return value + 100


def wrong_submission(teacher, student):
    """The student copy with each automatically marked answer filled in wrongly but well formed."""
    wrong = copy.deepcopy(student)
    namespace: dict = {}
    teacher_cells = cells_by_grade_id(teacher)
    for cell in teacher.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code":
            continue
        source = cell.source
        if meta.get("solution"):
            exec(compile(source, "solution", "exec"), namespace)  # the teacher's answer
        elif not meta.get("grade"):
            try:
                exec(compile(source, "cell", "exec"), namespace)
            except Exception:
                pass  # display cells need a notebook; answers do not depend on them
    for gid, cell in cells_by_grade_id(wrong).items():
        meta = cell.metadata["nbgrader"]
        if cell.cell_type != "code" or not meta.get("grade"):
            continue
        call = next(node for node in ast.walk(ast.parse(teacher_cells[gid].source))
                    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "check_form")
        name = call.args[0].id
        allowed = next((eval(ast.unparse(k.value), namespace)  # noqa: S307 (our own lessons)
                        for k in call.keywords if k.arg == "allowed"), None)
        bad = _wrong_answer(namespace[name], allowed)
        answer = next(c for c in wrong.cells if c.metadata.get("nbgrader", {}).get("solution")
                      and re.search(rf"^{name}\s*=", c.source, re.M))
        answer.source += f"\n{name} = {bad!r}\n"
    return wrong


def right_submission(teacher, student, written: str = "My answer, in my own words."):
    """The student copy with the teacher's answer in every code answer cell (its solution
    markers removed) and ``written`` in every written answer box."""
    right = copy.deepcopy(student)
    answers = cells_by_grade_id(teacher)
    for gid, cell in cells_by_grade_id(right).items():
        if not cell.metadata["nbgrader"].get("solution"):
            continue
        if cell.cell_type == "markdown":
            cell.source = written
        else:
            cell.source = "\n".join(line for line in answers[gid].source.splitlines()
                                    if line.strip() not in ("### BEGIN SOLUTION",
                                                            "### END SOLUTION"))
    return right
