"""Writing the briefing files safely.

``check_folder`` runs before any analysis: an output folder that is a file, cannot be made or
cannot be written to is reported in one line at once, not after minutes of work.
``write_together`` writes every file to a unique temporary name in the folder, then renames
them all under a lock: two runs writing to the same folder never share a temporary name, and
the folder holds the files of one run or the other, never a mix; when one file cannot be
written, none is replaced.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = ".newsprism.lock"


class OutputError(Exception):
    """The output folder cannot take the briefing; the message is one line for the user."""


def check_folder(folder: Path) -> None:
    """OutputError (one line) when ``folder`` cannot take the briefing: it is a file, or it
    (or, when it does not exist yet, the folder it would be made in) cannot be written to;
    proved by creating and removing a temporary file. Nothing is created here."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        if existing.is_symlink():
            raise OutputError(f"output folder {folder}: {existing} is a broken symbolic link")
        existing = existing.parent
    if not existing.is_dir():
        where = "exists and is not a folder" if existing == folder else f"cannot be made: {existing} is a file"
        raise OutputError(f"output folder {folder} {where}")
    try:
        fd, probe = tempfile.mkstemp(dir=existing, prefix=".newsprism-probe-")
    except OSError as exc:
        raise OutputError(f"cannot write to output folder {existing}: {exc.strerror or exc}") from exc
    os.close(fd)
    os.unlink(probe)


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    if sys.platform == "win32":  # no flock; renames are still atomic one by one
        yield
        return
    import fcntl

    with open(folder / LOCK_NAME, "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def write_together(folder: Path, files: dict[str, str]) -> list[Path]:
    """Write ``{name: text}`` into ``folder``: all files replaced, or (OutputError) none."""
    temps: dict[str, str] = {}
    mode = 0o666 & ~_umask()  # what open() would give; mkstemp makes 0600 files
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
            temps[name] = tmp
            os.chmod(tmp, mode)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
        with _folder_lock(folder):
            for name, tmp in temps.items():
                os.replace(tmp, folder / name)
    except (OSError, UnicodeError) as exc:
        for tmp in temps.values():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise OutputError(f"cannot write the briefing into {folder}: {why}") from exc
    return [folder / name for name in files]
