"""The command line: validate a corpus, or print it as JSON.

    python -m helpers check [CORPUS_DIR]   exit 0 if valid; else 1, one line per problem
    python -m helpers dump  [CORPUS_DIR]   the whole validated corpus as JSON on stdout

Neither command changes any file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .checks import check_corpus
from .course import Course
from .reading import bundled_corpus_dir, display_path

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m helpers",
        description="Check or dump the corpus of the course 'Trotsky vs Stalin'.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="{check,dump}")
    for name, text in (("check", "validate a corpus; print one line per problem"),
                       ("dump", "print the whole validated corpus as JSON")):
        command = sub.add_parser(name, help=text, description=text)
        command.add_argument("corpus_dir", nargs="?", default=None,
                             help="corpus folder (default: the corpus shipped with the course)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code (0 valid, 1 problems, 2 usage)."""
    args = _parser().parse_args(argv)
    folder = Path(args.corpus_dir) if args.corpus_dir else bundled_corpus_dir()
    try:
        raw, problems = check_corpus(folder)
    except Exception as error:  # a bug of ours, never a traceback for a teacher
        print(f"{display_path(folder)}: internal error while checking "
              f"({error.__class__.__name__}: {error}); please report it", file=sys.stderr)
        return 1
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr if args.command == "dump" else sys.stdout)
        print(f"{len(problems)} problem(s) found in {display_path(folder)}",
              file=sys.stderr if args.command == "dump" else sys.stdout)
        return 1
    course = Course(raw)
    if args.command == "check":
        counts = course.to_dict()
        summary = ", ".join(f"{len(counts[k])} {k}" for k in
                            ("sources", "themes", "excerpts", "citations", "events", "statistics"))
        print(f"corpus is valid: {display_path(folder)} ({summary})")
    else:
        json.dump(course.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    return 0
