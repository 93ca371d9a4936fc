"""The fast schema validator reports exactly what jsonschema reports, on damaged records.

`helpers.schema_fast` checks the corpus against its JSON Schemas without the cost of
`jsonschema`'s generality. This test takes every corpus file, damages it thousands of
ways at random (fields removed, added, emptied, retyped, misspelt), and compares the
two validators' errors: the same keyword at the same place, every time.
"""

from __future__ import annotations

import copy
import json
import random

import jsonschema
import pytest
import yaml

from helpers.schema_fast import iter_errors

from .conftest import CORPUS

FILES = {"themes": ["themes.yaml"], "events": ["events.yaml"], "statistics": ["statistics.yaml"],
         "glossary": ["glossary.yaml"], "excerpts": [f"excerpts/{p.name}" for p in
                                                      sorted((CORPUS / "excerpts").glob("*.yaml"))],
         "citations": [f"citations/{p.name}" for p in sorted((CORPUS / "citations").glob("*.yaml"))],
         "source": [f"sources/{p.name}" for p in sorted((CORPUS / "sources").glob("*.yaml"))]}
REPLACEMENTS = [None, True, 0, 7, 2.5, "", "Not An Id!", "1905", [], {}, ["x"], {"x": 1},
                "argues", "wrong", "primary-quotation", -1]


def _nodes(data, path=()):
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _nodes(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _nodes(value, (*path, index))


def _damage(data, rng: random.Random):
    data = copy.deepcopy(data)
    path, _ = rng.choice(list(_nodes(data)))
    if not path:
        return rng.choice(REPLACEMENTS)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    action = rng.choice(["replace", "delete", "add", "rename"])
    if action == "delete":
        del parent[last]
    elif action == "add" and isinstance(parent, dict):
        parent[rng.choice(["extra", "quote", "notes", "id"])] = rng.choice(REPLACEMENTS)
    elif action == "rename" and isinstance(parent, dict):
        parent[f"{last}x"] = parent.pop(last)
    else:
        parent[last] = rng.choice(REPLACEMENTS)
    return data


def _signature(errors) -> list:
    return sorted((tuple(map(str, e.path)), e.validator) for e in errors)


@pytest.mark.parametrize("kind", sorted(FILES))
def test_the_fast_validator_agrees_with_jsonschema_on_damaged_files(kind):
    schema = json.loads((CORPUS / "schema" / f"{kind}.schema.json").read_text("utf-8"))
    reference = jsonschema.validators.validator_for(schema)(schema)
    rng = random.Random(kind)
    checked = disagreements = with_errors = 0
    for name in FILES[kind]:
        data = yaml.safe_load((CORPUS / name).read_text("utf-8"))
        assert _signature(iter_errors(schema, data)) == []  # the shipped file is valid
        for _ in range(300 // len(FILES[kind]) + 40):
            damaged = _damage(data, rng)
            ours, theirs = _signature(iter_errors(schema, damaged)), _signature(
                reference.iter_errors(damaged))
            checked += 1
            with_errors += bool(theirs)
            disagreements += ours != theirs
            assert ours == theirs, (name, damaged if len(str(damaged)) < 500 else "...", ours,
                                    theirs)
    assert checked >= 300 and disagreements == 0 and with_errors >= checked // 3
