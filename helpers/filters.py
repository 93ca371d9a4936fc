"""One way to ask for things: filters by name, and a plain answer when a call goes wrong.

Every table and widget of the course takes its filters by keyword, with the
same names everywhere (``theme=``, ``source=``, ``position=``, ``kind=``,
``series=``). A mistyped filter or a value given without its name gets a
message that says exactly what to write, not Python's bare TypeError.
"""

from __future__ import annotations

import functools
import inspect

from .lookup import close_matches

__all__ = ["FilterError", "friendly"]


class FilterError(TypeError):
    """A table or widget was called in a way it does not understand; the message says how."""


def friendly(method):
    """Wrap a `Course` method so that a wrong call is answered in words.

    The wrapped method keeps its signature (``help()`` and tab completion show it).
    """
    signature = inspect.signature(method)

    @functools.wraps(method)
    def wrapper(course, *args, **kwargs):
        try:
            signature.bind(course, *args, **kwargs)
        except TypeError:
            raise FilterError(_explain(course, method.__name__, signature, args, kwargs)) from None
        return method(course, *args, **kwargs)

    return wrapper


def _id_kind(course, value) -> str | None:
    """Which filter a value belongs to, if it is an id of the corpus."""
    records = course.records
    for name, ids in (("theme", [t.id for t in records.themes()]),
                      ("source", [s.id for s in records.sources()]),
                      ("position", [p.id for t in records.themes() for p in t.positions])):
        if value in ids:
            return name
    return None


def _explain(course, name: str, signature: inspect.Signature, args, kwargs) -> str:
    params = list(signature.parameters.values())[1:]
    named = [p.name for p in params if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)]
    keyword_only = [p.name for p in params if p.kind == p.KEYWORD_ONLY]
    positional = [p for p in params if p.kind == p.POSITIONAL_OR_KEYWORD]
    call = f"course.{name}()"
    for key in kwargs:
        if key not in named:
            close = close_matches(key, named, cutoff=0.5)
            hint = f"did you mean {close[0]}=? " if close else ""
            listed = ", ".join(f"{n}=" for n in named) or "none"
            return f"{call} has no filter '{key}': {hint}Its filters are: {listed}"
    if len(args) > len(positional):
        value = args[len(positional)]
        kind = _id_kind(course, value) if isinstance(value, str) else None
        if kind and kind in keyword_only:
            return (f"{call} takes its filters by name: write course.{name}({kind}={value!r})")
        listed = ", ".join(f"{n}=..." for n in keyword_only)
        return f"{call} takes its filters by name ({listed}), e.g. course.{name}({keyword_only[0]}=...)" \
            if keyword_only else f"{call} takes no value in brackets"
    missing = [p.name for p in positional if p.default is p.empty and
               p.name not in kwargs][len(args):]
    missing += [p.name for p in params if p.kind == p.KEYWORD_ONLY and p.default is p.empty
                and p.name not in kwargs]
    if missing:
        example = ", ".join(f"{m}=..." for m in missing)
        return f"{call} needs {' and '.join(missing)}: e.g. course.{name}(..., {example})" \
            if args else f"{call} needs {' and '.join(missing)}: e.g. course.{name}({example})"
    return f"{call} was called in a way it does not understand: see help(course.{name})"
