"""docs/jupyterhub/config.yaml is a valid configuration of the Zero to JupyterHub Helm chart.

Helm checks a release's values against the chart's values.schema.json before it renders
anything: not the user's file alone, but the chart's default values.yaml with the user's
values merged over it (maps merge key by key, anything else is replaced, and a null removes
the chart's default). The chart's schema requires top-level keys a user config leaves out,
so these tests do the same: merge the config over the chart's values.yaml, then validate
the result against the chart's own schema (tests/hub/z2jh/, version in its VERSION file).
"""

from __future__ import annotations

import copy
import json
import re

import jsonschema
import pytest
import yaml

from ..conftest import ROOT

CHART = ROOT / "tests" / "hub" / "z2jh"
CONFIG = ROOT / "docs" / "jupyterhub" / "config.yaml"
DELETE = object()  # in a breakage: remove the key


def _load_yaml(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _without_nulls(value):
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    return value


def helm_merge(defaults: dict, user: dict) -> dict:
    """The user's values over the chart's defaults, the way Helm coalesces them.

    >>> helm_merge({"a": {"b": 1, "c": 2}, "l": [1, 2], "n": None},
    ...            {"a": {"c": 3}, "l": [9]})
    {'a': {'c': 3, 'b': 1}, 'l': [9]}
    >>> helm_merge({"a": {"b": 1, "c": 2}}, {"a": {"b": None}})
    {'a': {'c': 2}}
    """
    merged = copy.deepcopy(user)
    for key, default in defaults.items():
        if key not in merged:
            if default is not None:
                merged[key] = _without_nulls(copy.deepcopy(default))
        elif merged[key] is None:
            if default is not None:
                del merged[key]  # a null in the user's values removes the chart's default
        elif isinstance(merged[key], dict) and isinstance(default, dict):
            merged[key] = helm_merge(default, merged[key])
    return merged


@pytest.fixture(scope="module")
def schema():
    schema = json.loads((CHART / "values.schema.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema).check_schema(schema)
    return schema


@pytest.fixture(scope="module")
def defaults():
    return _load_yaml(CHART / "values.yaml")


@pytest.fixture()
def config():
    return _load_yaml(CONFIG)


def _errors(schema, defaults, config) -> list[str]:
    validator = jsonschema.validators.validator_for(schema)(schema)
    values = helm_merge(defaults, config)
    return sorted(f"{'.'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
                  for error in validator.iter_errors(values))


def test_the_stored_schema_is_the_released_charts():
    version = (CHART / "VERSION").read_text(encoding="utf-8")
    assert "version 4.4.0" in version and "5c5f5df751588a68a7781ead01d0f62e88e2e72f" in version
    assert "BSD 3-Clause" in (CHART / "LICENSE").read_text(encoding="utf-8")
    assert "4.4.0" in (CHART / "values.yaml").read_text(encoding="utf-8")


def test_the_chart_needs_the_merge_and_its_own_defaults_pass_its_schema(schema, defaults):
    assert set(schema["required"]) - {"singleuser", "hub", "proxy"}, (
        "the schema requires keys a user config omits: validate the merged values")
    assert _errors(schema, defaults, {}) == []


def test_the_course_config_passes_the_charts_schema(schema, defaults, config):
    errors = _errors(schema, defaults, config)
    assert errors == [], "docs/jupyterhub/config.yaml breaks the chart's schema:\n" + "\n".join(errors)


BREAKAGES = {
    "a misspelt key under singleuser": (("singleuser", "defaultURL"), "/lab", "singleuser"),
    "a misspelt volume-mount key": (("singleuser", "storage", "extraVolumesMounts"), {},
                                    "singleuser.storage"),
    "a CPU limit given as words": (("singleuser", "cpu", "limit"), "one", "singleuser.cpu.limit"),
    "an unknown image pull policy": (("singleuser", "image", "pullPolicy"), "Sometimes",
                                     "singleuser.image.pullPolicy"),
    "the image tag nulled (Helm drops the default)": (("singleuser", "image", "tag"), None,
                                                      "singleuser.image"),
    "an nbgrader config file with no content": (
        ("singleuser", "extraFiles", "nbgrader-config", "stringData"), DELETE,
        "singleuser.extraFiles.nbgrader-config"),
    "a misspelt top-level key": (("singleusers",), {}, "(top)"),
}


@pytest.mark.parametrize("breakage", BREAKAGES, ids=list(BREAKAGES))
def test_a_broken_copy_of_the_config_is_rejected(schema, defaults, config, breakage):
    path, value, where = BREAKAGES[breakage]
    broken = copy.deepcopy(config)
    parent = broken
    for key in path[:-1]:
        parent = parent[key]
    if value is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    errors = _errors(schema, defaults, broken)
    assert errors, f"the chart's schema accepted {breakage}"
    assert any(error.startswith(where + ":") for error in errors), errors


def test_every_pod_mounts_the_exchange_where_nbgrader_looks_and_the_teacher_is_admin(config):
    singleuser = config["singleuser"]
    nbgrader = singleuser["extraFiles"]["nbgrader-config"]
    assert nbgrader["mountPath"] == "/etc/jupyter/nbgrader_config.py"  # read by every user
    root = re.search(r'c\.Exchange\.root = "([^"]+)"', nbgrader["stringData"]).group(1)
    course = re.search(r'c\.CourseDirectory\.course_id = "([^"]+)"', nbgrader["stringData"])
    assert course and course.group(1)
    mounts = singleuser["storage"]["extraVolumeMounts"].values()
    volumes = {v["name"]: v for v in singleuser["storage"]["extraVolumes"].values()}
    exchange = [m for m in mounts if m["mountPath"] == root]
    assert exchange, f"no volume is mounted at the exchange root {root}"
    assert volumes[exchange[0]["name"]]["persistentVolumeClaim"]["claimName"]
    assert config["hub"]["config"]["Authenticator"]["admin_users"]
