"""The student's evidence bank: the extracts kept for the essay, across lessons.

Historians build an argument from the evidence they keep. A student keeps an
extract (with a note in their own words) from any lesson; the bank is one small
JSON file that every lesson reads, so it survives moving between lesson folders:

    ~/.trotsky-stalin-course/evidence-bank.json     (or the file named by the
                                                     environment variable
                                                     COURSE_EVIDENCE_BANK)

Nothing is ever lost: every write goes to a temporary file that then replaces
the bank in one step; two lessons open at once take turns through a lock file
and re-read the bank before each change, so neither drops the other's entries;
a bank that cannot be read (damaged by hand, or by a crash of another program)
is set aside under a new name, never overwritten, and the student is told where.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

__all__ = ["BANK_VARIABLE", "Entry", "EvidenceBank", "bank_path"]

BANK_VARIABLE = "COURSE_EVIDENCE_BANK"
_VERSION = 1


def bank_path() -> Path:
    """Where the bank lives: $COURSE_EVIDENCE_BANK, else a file in the home folder.

    >>> os.environ[BANK_VARIABLE] = "/tmp/some-bank.json"; str(bank_path())
    '/tmp/some-bank.json'
    >>> del os.environ[BANK_VARIABLE]; bank_path().name
    'evidence-bank.json'
    """
    named = os.environ.get(BANK_VARIABLE)
    if named:
        return Path(named).expanduser()
    return Path.home() / ".trotsky-stalin-course" / "evidence-bank.json"


@dataclass(frozen=True)
class Entry:
    """One kept extract: its excerpt id, the student's note and when it was kept."""

    excerpt: str
    note: str
    kept_at: str


class EvidenceBank:
    """The bank file: keep, forget and list entries, safely.

    Every method re-reads the file, so two lessons open at once see each
    other's entries. `notice` holds a one-line message when a damaged file was
    set aside (a widget or table shows it to the student).
    """

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else bank_path()
        self.notice: str | None = None

    # --- reading -------------------------------------------------------------------
    def entries(self) -> list[Entry]:
        """Every entry, oldest first (an empty list if there is no bank yet)."""
        if not self.path.exists():
            return []  # nothing kept yet: reading creates no folder in the student's home
        with self._locked():
            return self._read()

    def _read(self) -> list[Entry]:
        if not self.path.exists():
            return []
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("version") != _VERSION:
                raise ValueError("not an evidence bank of this course")
            return [Entry(str(e["excerpt"]), str(e.get("note", "")), str(e["kept_at"]))
                    for e in data["entries"]]
        except (OSError, ValueError, KeyError, TypeError) as error:
            self._set_aside(error)
            return []

    def _set_aside(self, error: Exception) -> None:
        """Move an unreadable bank to a new name (never overwriting anything)."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        n, target = 0, self.path.with_name(f"{self.path.stem}.damaged-{stamp}.json")
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.stem}.damaged-{stamp}-{n}.json")
        os.replace(self.path, target)
        self.notice = (f"Your evidence bank could not be read ({error.__class__.__name__}); it "
                       f"was kept, unchanged, as {target}, and a new bank was started.")

    # --- changing ------------------------------------------------------------------
    def keep(self, excerpt: str, note: str = "") -> Entry:
        """Keep an extract with a note (keeping it again replaces the note)."""
        entry = Entry(excerpt, note.strip(),
                      datetime.now(timezone.utc).isoformat(timespec="seconds"))
        with self._locked():
            entries = [e for e in self._read() if e.excerpt != excerpt] + [entry]
            self._write(entries)
        return entry

    def forget(self, excerpt: str) -> bool:
        """Remove an extract from the bank; return whether it was there."""
        with self._locked():
            entries = self._read()
            kept = [e for e in entries if e.excerpt != excerpt]
            if len(kept) != len(entries):
                self._write(kept)
            return len(kept) != len(entries)

    def _write(self, entries: list[Entry]) -> None:
        """Write all entries to a temporary file, then swap it in (atomic)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": _VERSION, "about": "The evidence you kept in the course 'Trotsky vs "
                "Stalin'. One entry per extract: its id, your note, when you kept it.",
                "entries": [e.__dict__ for e in entries]}
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".bank-",
                                             suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(data, file, ensure_ascii=False, indent=1)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    @contextmanager
    def _locked(self, timeout: float = 10.0):
        """Take turns with other processes: a lock file created exclusively.

        A lock left by a process that died is taken over after `timeout` seconds.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = self.path.with_name(self.path.name + ".lock")
        start = time.monotonic()
        while True:
            try:
                os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
                break
            except FileExistsError:
                try:
                    stale = time.time() - lock.stat().st_mtime > timeout
                except FileNotFoundError:
                    continue
                if stale or time.monotonic() - start > timeout:
                    lock.unlink(missing_ok=True)
                    continue
                time.sleep(0.01)
        try:
            yield
        finally:
            lock.unlink(missing_ok=True)
