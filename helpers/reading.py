"""Reading corpus files without ever raising on bad data.

Every reader returns what it could read plus a list of `Problem`s, each of
which prints as one line naming the file, the record, the field and what is
wrong. Nothing here writes to a file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

__all__ = ["Problem", "display_path", "read_text", "read_yaml", "bundled_corpus_dir"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a corpus: printed as a single line.

    >>> print(Problem("corpus/themes.yaml", "why-stalin-won", "positions", "needs two"))
    corpus/themes.yaml: why-stalin-won: positions: needs two
    """

    path: str
    record: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        parts = [self.path, self.record, self.field, self.message]
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
    """Read a UTF-8 text file; on failure add a Problem and return None."""
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
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start : error.start + 1].hex()
        problems.append(
            Problem(where, None, None, f"line {line}: not valid UTF-8 (byte 0x{byte}); save as UTF-8")
        )
        return None


def read_yaml(path: Path, problems: list[Problem]) -> object | None:
    """Parse a YAML file; on failure add a Problem (with the line) and return None."""
    text = read_text(path, problems)
    if text is None:
        return None
    where = display_path(path)
    if not text.strip():
        problems.append(Problem(where, None, None, "file is empty"))
        return None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        line = f"line {mark.line + 1}: " if mark is not None else ""
        problems.append(Problem(where, None, None, f"{line}YAML syntax error: {reason}"))
        return None
    if data is None:
        problems.append(Problem(where, None, None, "file is empty (only comments)"))
    return data
