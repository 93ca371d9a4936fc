"""Checking a corpus file against its JSON Schema, in words a teacher can act on."""

from __future__ import annotations

import difflib
import json
from functools import cache

from .reading import Problem, bundled_corpus_dir
from .schema_fast import iter_errors

__all__ = ["schema_problems"]

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a mapping (field: value)",
    "null": "empty (null)",
    "boolean": "true or false",
}


@cache
def _schema(kind: str) -> dict:
    path = bundled_corpus_dir() / "schema" / f"{kind}.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _describe(value: object) -> str:
    for name, python_type in (("true or false", bool), ("a whole number", int),
                              ("a number", float), ("text", str), ("a list", list),
                              ("a mapping", dict)):
        if isinstance(value, python_type):
            return name
    return "empty (null)" if value is None else type(value).__name__


def _is_date_field(error) -> bool:
    name = str(error.path[-1]) if error.path else ""
    return name in ("date", "end_date", "start", "end") or name.endswith("_date")


def _message(error) -> str:
    kind = error.validator
    if kind in ("type", "pattern") and _is_date_field(error) and not isinstance(error.instance, str):
        value = error.instance
        shown = value.isoformat() if hasattr(value, "isoformat") else value
        return (f"write the date in quotes, e.g. {error.path[-1]}: \"{shown}\" (without quotes "
                "YAML reads it as a number or a calendar date, not as text)")
    if kind == "required":
        missing = error.message.split("'")[1]
        return f"missing field '{missing}'"
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extras = [key for key in error.instance if key not in allowed]
        hints = []
        for extra in extras:
            close = difflib.get_close_matches(str(extra), allowed, n=1)
            hints.append(f"'{extra}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
        return f"unknown field {', '.join(hints)}; allowed: {', '.join(allowed)}"
    if kind == "type":
        wanted = error.validator_value
        wanted = [wanted] if isinstance(wanted, str) else wanted
        names = " or ".join(_TYPE_NAMES.get(w, w) for w in wanted)
        return f"should be {names}, not {_describe(error.instance)}"
    if kind == "enum":
        options = ", ".join(str(option) for option in error.validator_value)
        return f"'{error.instance}' is not allowed; use one of: {options}"
    if kind == "pattern":
        if "0-9]{4}" in error.validator_value:
            return f"'{error.instance}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD in quotes"
        return f"'{error.instance}' is not a valid id: use lower-case letters, digits and hyphens"
    if kind == "minLength":
        return "is empty"
    if kind == "minItems":
        return f"needs at least {error.validator_value} item(s)"
    if kind == "minimum":
        return f"should be at least {error.validator_value}"
    if kind == "anyOf" and error.instance is not None:
        return f"'{error.instance}' is not a valid id: use lower-case letters, digits and hyphens"
    return error.message


def schema_problems(kind: str, data: object, where: str,
                    lines=None) -> tuple[list[Problem], set]:
    """Check ``data`` against the schema ``kind``.

    ``lines`` (a `YamlFile`) gives each problem the line of its record's field.
    Returns the problems and the set of ``(list_field, index)`` pairs of the
    records that are broken, so the caller can leave those records out of the
    further checks. A pair ``(None, None)`` means the whole file is unusable.

    >>> problems, broken = schema_problems(
    ...     "citations", {"source": "x", "citations": [{"id": "x-1"}]}, "c.yaml")
    >>> print(problems[0])
    c.yaml: x-1: missing field 'cited_author'
    >>> broken
    {('citations', 0)}
    """
    problems: list[Problem] = []
    broken: set = set()
    for error in sorted(iter_errors(_schema(kind), data), key=lambda e: list(map(str, e.path))):
        path = list(error.path)
        record = None
        line = _line_of(data, path, lines)
        if len(path) >= 2 and isinstance(path[1], int):
            item = data[path[0]][path[1]]
            record = item.get("id") if isinstance(item, dict) else None
            record = str(record) if record else f"{path[0]} item {path[1] + 1}"
            broken.add((path[0], path[1]))
            path = path[2:]
        elif kind == "source" and isinstance(data, dict) and isinstance(data.get("id"), str):
            record = data["id"]
            broken.add((None, None))
        else:
            broken.add((None, None))
        field = ".".join(f"[{p + 1}]" if isinstance(p, int) else str(p) for p in path)
        field = field.replace(".[", "[") or None
        problems.append(Problem(where, record, field, _message(error), line=line))
    return problems, broken


def _line_of(data: object, path: list, lines) -> int | None:
    """The line of the deepest mapping on ``path`` (and of its key, if it has one)."""
    if lines is None:
        return None
    line, node = None, data
    for step in path:
        if isinstance(node, dict):
            line = lines.line(node, str(step)) or line
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
            line = lines.line(node) or line
        else:
            break
    return line
