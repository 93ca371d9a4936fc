"""Checking the FORM of a student's answer, and saying plainly that only the form was checked.

Auto-graded exercises have a visible test a student can run and hidden tests
the teacher's marking runs. The visible test uses `check_form`: it catches a
typo or a missing answer, and its message says that "passed" means only
"well-formed", because students read a passed check as a right answer.
"""

from __future__ import annotations

__all__ = ["FormError", "check_form"]

ONLY_FORM = ("This checked only the FORM of your answer, not whether it is right: "
             "your teacher's marking decides that.")


class FormError(AssertionError):
    """An answer that is missing or has the wrong form; the message says what to fix.

    In a notebook it shows as one plain line, not as a traceback through the
    course's code (IPython calls `_render_traceback_`).
    """

    def _render_traceback_(self) -> list[str]:
        return [f"✗ Not yet: {self}"]


def check_form(answer, *, keys=None, allowed=None, count=None, number=False,
               unique=False) -> None:
    """Check an answer's form; print what was checked, or raise FormError saying what to fix.

    ``keys``: the answer is a dict with exactly these keys. ``allowed``: every
    value (or every item of a list) is one of these. ``count``: a list of
    exactly this many items. ``number``: the answer is a whole number. ``unique``: no
    choice is used twice.

    >>> check_form({"A": "narrative"}, keys=["A"], allowed=["narrative", "quoting"])
    Form OK: an answer for A, each one of the allowed choices. This checked only the FORM
    of your answer, not whether it is right: your teacher's marking decides that.
    >>> check_form({"A": "Narrative"}, keys=["A"], allowed=["narrative", "quoting"])
    Traceback (most recent call last):
    ...
    helpers.exercises.FormError: A: 'Narrative' is not one of the choices: 'narrative',
    'quoting'. Copy one exactly, keep the double quotes around it, and run the answer cell
    again.
    """
    if answer is None or answer is ... or answer == "":
        raise FormError("no answer yet. Replace the ... in the answer cell above with your "
                        "answer, run that cell (Shift+Enter), then run this check again. (If "
                        "that cell showed a red SyntaxError, fix the quotes or commas there "
                        "first: until it runs, this check still sees the old answer.)")
    if number:
        if isinstance(answer, bool) or not isinstance(answer, int):
            raise FormError(f"the answer should be a whole number, such as 5, without quotes "
                            f"(not {answer!r}). Change it in the answer cell above, run that "
                            "cell, then run this check again.")
        print(f"Form OK: a whole number. {ONLY_FORM}")
        return
    values = []
    if keys is not None:
        if not isinstance(answer, dict):
            raise FormError(f"the answer should be a dictionary like {{{keys[0]!r}: ...}}, "
                            f"not {type(answer).__name__}")
        missing = [k for k in keys if k not in answer]
        extra = [k for k in answer if k not in keys]
        if missing or extra:
            raise FormError(f"the answer needs exactly the keys {', '.join(map(repr, keys))}"
                            + (f"; missing: {', '.join(map(repr, missing))}" if missing else "")
                            + (f"; not expected: {', '.join(map(repr, extra))}" if extra else ""))
        values = [(k, answer[k]) for k in keys]
        what = f"an answer for {', '.join(map(str, keys))}"
    elif count is not None:
        if not isinstance(answer, (list, tuple)) or len(answer) != count:
            raise FormError(f"the answer should be a list of {count} items, like "
                            f"[{', '.join(['...'] * min(count, 3))}]")
        values = [(f"item {n}", v) for n, v in enumerate(answer, 1)]
        what = f"a list of {count} items"
    else:
        values = [("answer", answer)]
        what = "an answer"
    for where, value in values:
        if value is None or value is ...:
            raise FormError(f"{where}: no answer yet. Replace its ... in the answer cell above, "
                            "run that cell (Shift+Enter), then run this check again.")
        if allowed is not None and value not in allowed:
            choices = ", ".join(map(repr, allowed))
            if all(isinstance(a, int) and not isinstance(a, bool) for a in allowed):
                how = ("Write one of these numbers without quotes, and run the answer cell "
                       "again.")
            else:
                how = ("Copy one exactly, keep the double quotes around it, and run the answer "
                       "cell again.")
            raise FormError(f"{where}: {value!r} is not one of the choices: {choices}. {how}")
    if unique:
        seen = [repr(v) for _, v in values]
        repeated = sorted({s for s in seen if seen.count(s) > 1})
        if repeated:
            raise FormError(f"{', '.join(repeated)} is used more than once: each choice may be "
                            "used only once. Change the answer cell, run it, then run this check.")
    message = f"Form OK: {what}" + (", each one of the allowed choices" if allowed else "")
    print(f"{message}. {ONLY_FORM}")
