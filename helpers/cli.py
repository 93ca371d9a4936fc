"""The command line: check a corpus, print it as JSON, or start a teacher's own.

    python3 run.py check [FOLDER]   exit 0 if valid; else 1, one line per problem
    python3 run.py dump  [FOLDER]   the whole validated corpus as JSON on stdout
    python3 run.py new   FOLDER     a starter corpus (one source, one theme) to fill in

(`python3 run.py X` runs `python -m helpers X` in the course's environment.)
Only `new` writes, and only into a folder that does not exist yet.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .course import check
from .reading import bundled_corpus_dir, display_path

__all__ = ["main"]

_COUNTED = (("sources", "sources"), ("themes", "themes"), ("excerpts", "excerpts"),
            ("citations", "citations"), ("events", "events"), ("statistics", "statistics"),
            ("glossary", "glossary terms"))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python3 run.py",
        description="Check, dump or start a corpus of the course 'Trotsky vs Stalin'.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="{check,dump,new}")
    for name, text in (("check", "validate a corpus; print one line per problem"),
                       ("dump", "print the whole validated corpus as JSON")):
        command = sub.add_parser(name, help=text, description=text)
        command.add_argument("corpus_dir", nargs="?", default=None,
                             help="corpus folder (default: the corpus shipped with the course)")
    new = sub.add_parser("new", help="create a starter corpus to fill in",
                         description="create a starter corpus (one source, one theme) in FOLDER, "
                                     "which must not exist yet")
    new.add_argument("folder", help="the folder to create, e.g. my-readings")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code (0 valid, 1 problems, 2 usage)."""
    args = _parser().parse_args(argv)
    if args.command == "new":
        from .starter import create_starter

        return create_starter(Path(args.folder))
    folder = Path(args.corpus_dir) if args.corpus_dir else bundled_corpus_dir()
    out = sys.stderr if args.command == "dump" else sys.stdout
    try:
        records, problems = check(folder)
    except Exception as error:  # a bug of ours, never a traceback for a teacher
        print(f"{display_path(folder)}: internal error while checking "
              f"({error.__class__.__name__}: {error}); please report it", file=sys.stderr)
        return 1
    if problems:
        for problem in problems:
            print(problem, file=out)
        print(f"{len(problems)} problem(s) found in {display_path(folder)}", file=out)
        return 1
    data = records.to_dict()
    if args.command == "check":
        summary = ", ".join(f"{len(data[key])} {words}" for key, words in _COUNTED)
        print(f"corpus is valid: {display_path(folder)} ({summary})")
    else:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        print()
    return 0
