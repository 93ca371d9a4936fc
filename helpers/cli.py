"""The command line: check a corpus, print it as JSON, or start a teacher's own.

    python3 run.py check [FOLDER]   exit 0 if valid; else 1, one line per problem
    python3 run.py dump  [FOLDER]   the whole validated corpus as JSON on stdout
    python3 run.py new   FOLDER     a starter corpus (one source, one theme) to fill in
    python3 run.py handouts         a printable HTML handout of every lesson, in handouts/
    python3 run.py links HUB --repo URL   an nbgitpuller link for every lesson, for a JupyterHub
    python3 run.py markschemes      every written question's mark scheme (teachers only)
    python3 run.py students         the student copy of every lesson (nbgrader's), in students/

(`python3 run.py X` runs `python -m helpers X` in the course's environment.)
`new` writes only into a folder that does not exist yet; `handouts` and `students`
write only into their output folder, and replace a file that exists only with --force.
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


def _writer(sub, name: str, summary: str, description: str, out: str, force: str) -> None:
    """A command that writes files made from the lessons: --lessons, --out and --force."""
    command = sub.add_parser(name, help=summary, description=description)
    command.add_argument("--lessons", default="lessons",
                         help="the lessons folder (default: lessons)")
    command.add_argument("--out", default=out, help=f"where to write (default: {out})")
    command.add_argument("--force", action="store_true", help=force)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python3 run.py",
        description="Check, dump or start a corpus of the course 'Trotsky vs Stalin'.")
    sub = parser.add_subparsers(dest="command", required=True,
                                metavar="{check,dump,new,handouts,markschemes,links,students}")
    for name, text in (("check", "validate a corpus; print one line per problem"),
                       ("dump", "print the whole validated corpus as JSON")):
        command = sub.add_parser(name, help=text, description=text)
        command.add_argument("corpus_dir", nargs="?", default=None,
                             help="corpus folder (default: the corpus shipped with the course)")
    new = sub.add_parser("new", help="create a starter corpus to fill in",
                         description="create a starter corpus (one source, one theme) in FOLDER, "
                                     "which must not exist yet")
    new.add_argument("folder", help="the folder to create, e.g. my-readings")
    _writer(sub, "handouts", "write a printable HTML handout of every lesson",
            "write a printable, self-contained HTML handout of every lesson (no code, no "
            "solutions)", out="handouts", force="replace handouts that exist")
    _writer(sub, "markschemes", "write the mark schemes of every written question",
            "write handouts/mark-schemes.html: every written question with its mark scheme "
            "(for teachers only)", out="handouts", force="replace the file if it exists")
    links = sub.add_parser("links", help="print an nbgitpuller link for every lesson",
                           description="print, for every lesson, an nbgitpuller link that copies "
                                       "the course to a student's JupyterHub home and opens it")
    links.add_argument("hub", help="the hub's address, e.g. https://hub.example.org")
    links.add_argument("--repo", required=True,
                       help="the course's git repository, e.g. https://github.com/OWNER/REPO")
    links.add_argument("--branch", default="main", help="the branch to pull (default: main)")
    links.add_argument("--lessons", default="students",
                       help="the folder of the notebooks the links open (default: students, "
                            "the student copies)")
    _writer(sub, "students", "write the student copy of every lesson",
            "write, for every lesson, the copy students open (made by nbgrader: no solutions, "
            "hidden tests or mark schemes) into students/", out="students",
            force="replace student copies that differ from the lessons")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code (0 valid, 1 problems, 2 usage)."""
    args = _parser().parse_args(argv)
    if args.command == "new":
        from .starter import create_starter

        return create_starter(Path(args.folder))
    if args.command == "links":
        from .links import lesson_links

        try:
            for line in lesson_links(args.hub, args.repo, Path(args.lessons), args.branch):
                print(line)
        except ValueError as error:
            print(error, file=sys.stderr)
            return 2
        return 0
    if args.command == "students":
        from .student_copies import StudentCopyError, write_student_copies

        try:
            report = write_student_copies(Path(args.lessons), Path(args.out), force=args.force)
        except StudentCopyError as error:
            print(error, file=sys.stderr)
            return 1
        for line in report:
            print(line)
        return 0 if not any(line.startswith("kept") for line in report) else 1
    if args.command == "markschemes":
        from .handouts import write_markschemes

        print(write_markschemes(Path(args.lessons), Path(args.out), force=args.force))
        return 0
    if args.command == "handouts":
        from .course import load
        from .handouts import write_handouts

        lessons = Path(args.lessons)
        if not lessons.is_dir():
            print(f"{lessons}: no lessons folder here; run this in the course folder, or give "
                  "--lessons FOLDER", file=sys.stderr)
            return 1
        for line in write_handouts(load(), lessons, Path(args.out), force=args.force):
            print(line)
        return 0
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
