"""A small, fast JSON Schema validator for the keywords the course's schemas use.

The schemas in `corpus/schema/` are ordinary JSON Schema (draft 2020-12) and stay the
contract: `tests/test_schema_fast.py` proves, on thousands of damaged records, that this
validator reports exactly the errors `jsonschema` reports. It exists because checking a
teacher's large corpus record by record with `jsonschema` is slow (its generality costs
about 30 microseconds per value); this one walks the same schema with plain Python.

Supported keywords: type, enum, pattern, minLength, minItems, minimum, items,
properties, required, additionalProperties (a boolean), anyOf; annotations such as
title and $schema are ignored. Any other keyword raises an error, so a schema that
grows beyond this subset is noticed, never silently ignored.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from functools import cache

__all__ = ["SchemaError", "iter_errors"]

_ANNOTATIONS = {"title", "description", "$schema", "$id", "$comment", "examples", "default"}
_TYPES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
}


@dataclass
class SchemaError:
    """One failed keyword: the same attributes `jsonschema`'s ValidationError offers here."""

    validator: str
    validator_value: object
    instance: object
    schema: dict
    message: str
    path: deque = field(default_factory=deque)


@cache
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _equal(one, two) -> bool:
    """JSON equality: true is not 1, and false is not 0."""
    if isinstance(one, bool) or isinstance(two, bool):
        return isinstance(one, bool) and isinstance(two, bool) and one == two
    return one == two


def _is_valid(schema: dict, instance) -> bool:
    return next(iter_errors(schema, instance), None) is None


def iter_errors(schema: dict, instance, path: tuple = ()):
    """Every error of ``instance`` against ``schema``, each with its path (as jsonschema)."""
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS:
            continue
        error = None
        if keyword == "type":
            kinds = [value] if isinstance(value, str) else value
            if not any(_TYPES[k](instance) for k in kinds):
                error = f"{instance!r} is not of type " + ", ".join(repr(k) for k in kinds)
        elif keyword == "enum":
            if not any(_equal(instance, option) for option in value):
                error = f"{instance!r} is not one of {value!r}"
        elif keyword == "pattern":
            if isinstance(instance, str) and not _compiled(value).search(instance):
                error = f"{instance!r} does not match {value!r}"
        elif keyword == "minLength":
            if isinstance(instance, str) and len(instance) < value:
                error = f"{instance!r} is too short"
        elif keyword == "minItems":
            if isinstance(instance, list) and len(instance) < value:
                error = f"{instance!r} is too short"
        elif keyword == "minimum":
            if _TYPES["number"](instance) and instance < value:
                error = f"{instance!r} is less than the minimum of {value!r}"
        elif keyword == "items":
            if isinstance(instance, list):
                for index, item in enumerate(instance):
                    yield from iter_errors(value, item, (*path, index))
        elif keyword == "properties":
            if isinstance(instance, dict):
                for name, subschema in value.items():
                    if name in instance:
                        yield from iter_errors(subschema, instance[name], (*path, name))
        elif keyword == "required":
            if isinstance(instance, dict):
                for name in value:
                    if name not in instance:
                        yield SchemaError("required", value, instance, schema,
                                          f"{name!r} is a required property", deque(path))
        elif keyword == "additionalProperties":
            if value is not False:
                raise NotImplementedError("additionalProperties must be false here")
            if isinstance(instance, dict):
                extras = [k for k in instance if k not in schema.get("properties", {})]
                if extras:
                    error = ("Additional properties are not allowed ("
                             + ", ".join(repr(k) for k in extras) + " was unexpected)")
        elif keyword == "anyOf":
            if not any(_is_valid(subschema, instance) for subschema in value):
                error = f"{instance!r} is not valid under any of the given schemas"
        else:
            raise NotImplementedError(f"schema keyword {keyword!r} is not supported here")
        if error is not None:
            yield SchemaError(keyword, value, instance, schema, error, deque(path))
