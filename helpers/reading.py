"""Reading corpus files without ever raising on bad data.

Every reader returns what it could read plus a list of `Problem`s, each of
which prints as one line naming the file, the line, the record, the field and
what is wrong, in words a teacher can act on. Nothing here writes to a file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

__all__ = ["Problem", "YamlFile", "display_path", "read_text", "read_yaml", "bundled_corpus_dir"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a corpus: printed as a single line.

    >>> print(Problem("corpus/themes.yaml", "why-stalin-won", "positions", "needs two", line=12))
    corpus/themes.yaml: line 12: why-stalin-won: positions: needs two
    """

    path: str
    record: str | None
    field: str | None
    message: str
    line: int | None = None

    def __str__(self) -> str:
        line = f"line {self.line}" if self.line else None
        parts = [self.path, line, self.record, self.field, self.message]
        return ": ".join(part for part in parts if part)


def bundled_corpus_dir() -> Path:
    """The corpus shipped with the course, wherever the package is installed.

    A regular install carries it inside the package (``helpers/corpus``); a
    source checkout or editable install keeps it beside the package.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "corpus", here.parent / "corpus"):
        if (candidate / "themes.yaml").is_file():
            return candidate
    return here.parent / "corpus"


def display_path(path: Path) -> str:
    """A path as a teacher would type it: relative to the current folder if inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def read_text(path: Path, problems: list[Problem]) -> str | None:
    """Read a UTF-8 text file with its line endings made "\\n"; on failure add a Problem.

    Windows line endings ("\\r\\n", as a Windows checkout may write them) read
    exactly like "\\n", so offsets and paragraphs are the same on every system.
    """
    where = display_path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(where, None, None, "file not found"))
        return None
    except OSError as error:
        reason = error.strerror or error.__class__.__name__
        problems.append(Problem(where, None, None, f"cannot read file: {reason}"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start : error.start + 1].hex()
        problems.append(
            Problem(where, None, None, f"line {line}: not valid UTF-8 (byte 0x{byte}); save as UTF-8")
        )
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


class YamlFile:
    """The line numbers of a parsed YAML file: where each mapping, and each of its keys, starts."""

    def __init__(self) -> None:
        self._lines: dict[int, tuple[int, dict[str, int]]] = {}

    def remember(self, mapping: dict, line: int, keys: dict[str, int]) -> None:
        """Record that ``mapping`` starts on ``line`` and where each key is (1-based)."""
        self._lines[id(mapping)] = (line, keys)

    def line(self, mapping: object, field: str | None = None) -> int | None:
        """The line of a mapping, or of one of its fields (the first part of 'a.b[2]')."""
        found = self._lines.get(id(mapping))
        if found is None:
            return None
        start, keys = found
        if field:
            key = field.split(".")[0].split("[")[0]
            return keys.get(key, start)
        return start


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


#: libyaml's C parser when PyYAML has it (10x faster), else the pure-Python one; both
#: give marks (line numbers) and both build values with the same safe constructor.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _loader(lines: YamlFile):
    class Loader(_BASE_LOADER):
        def construct_mapping(self, node, deep=False):
            keys: dict[str, int] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if isinstance(key, str) and key in keys:
                    raise _DuplicateKey(None, None, f"the field '{key}' appears twice in one "
                                        f"record (first on line {keys[key]}): keep one",
                                        key_node.start_mark)
                if isinstance(key, str):
                    keys[key] = key_node.start_mark.line + 1
            mapping = super().construct_mapping(node, deep=deep)
            lines.remember(mapping, node.start_mark.line + 1, keys)
            return mapping

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                           Loader.construct_mapping)
    return Loader


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _plain_yaml_error(error: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    """A YAML error in words a teacher can act on, with the line it is on."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = str(getattr(error, "problem", None) or str(error).splitlines()[0])
    if mark is None:
        return None, f"YAML syntax error: {problem}"
    lines = text.split("\n")
    number = mark.line + 1
    here = lines[mark.line] if mark.line < len(lines) else ""
    above = next((ln for ln in reversed(lines[:mark.line]) if ln.strip()
                  and not ln.lstrip().startswith("#")), "")
    if isinstance(error, _DuplicateKey):
        return number, f"YAML syntax error: {problem}"
    if "\t" in here[: _indent(here) + 1] or "'\\t'" in problem:
        return number, ("YAML syntax error: this line starts with a tab; YAML needs spaces "
                        "for indentation (replace the tab with spaces)")
    if "mapping values are not allowed" in problem:
        return number, ("YAML syntax error: a colon followed by a space inside a value; put "
                        "the value in quotes, or write it as a folded block (field: >-)")
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        start = getattr(error, "context_mark", None)
        opened = f" (opened on line {start.line + 1})" if start is not None else ""
        return number, (f"YAML syntax error: a bracket [ or {{{opened} is never closed; a value "
                        "that starts with [ or { must be put in quotes")
    if "found unexpected end of stream" in problem or "while scanning a quoted scalar" in str(
            error):
        start = getattr(error, "context_mark", None)
        opened = f" (opened on line {start.line + 1})" if start is not None else ""
        return number, (f"YAML syntax error: a quotation mark{opened} is never closed; close "
                        "it, or remove it and use a folded block (field: >-)")
    if "expected <block end>" in problem or "did not find expected" in problem or \
            "could not find expected ':'" in problem:
        if _indent(here) > _indent(above):
            where = "indented more than the line above it"
        elif _indent(here) < _indent(above):
            where = "indented less than the line above it"
        else:
            where = "not lined up with the fields of its record"
        return number, (f"YAML syntax error: this line is {where}; fields of one record must "
                        "start in the same column, and a list item starts with '- '")
    return number, f"YAML syntax error: {problem} (check the indentation and quotes here)"


def read_yaml(path: Path, problems: list[Problem], lines: YamlFile | None = None) -> object | None:
    """Parse a YAML file; on failure add a Problem (with its line, in plain words).

    Pass a `YamlFile` to learn the line of every record and field. A field
    written twice in one record is an error, not silently overwritten.
    """
    text = read_text(path, problems)
    if text is None:
        return None
    where = display_path(path)
    if not text.strip():
        problems.append(Problem(where, None, None, "file is empty"))
        return None
    try:
        data = yaml.load(text, Loader=_loader(lines or YamlFile()))  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as error:
        line, message = _plain_yaml_error(error, text)
        problems.append(Problem(where, None, None, message, line=line))
        return None
    if data is None:
        problems.append(Problem(where, None, None, "file is empty (only comments)"))
    return data
