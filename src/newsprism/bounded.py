"""Bounded reading: every byte an input yields is counted while it is read (after
decompression), so a decompression bomb, a 40 MB line or an endless pipe costs at most the
limit in memory and stops with a short reason; and walking folders that reports every entry it
does not read (special files, broken or looping links, unreadable folders).
"""

from __future__ import annotations

import os
import stat
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1 << 16


class BadInput(Exception):
    """An input item that cannot be read; the message is the reason shown to the user."""


def size_text(n: int) -> str:
    """Byte counts as people read them: '512 bytes', '3.2 MB'."""
    if n < 10_000:
        return f"{n:,} bytes"
    if n < 1_000_000:
        return f"{n / 1e3:,.0f} kB"
    return f"{n / 1e6:,.1f} MB"


def over_limit(what: str, limit: int, seen: int | None = None) -> BadInput:
    size = f"{size_text(seen)}" if seen is not None else f"more than {size_text(limit)}"
    return BadInput(f"{what} is {size}, over the {size_text(limit)} limit (option max_bytes)")


def read_at_most(fh: BinaryIO, limit: int, what: str = "input") -> bytes:
    """All of ``fh`` when it holds at most ``limit`` bytes; BadInput as soon as it holds more
    (never reads more than ``limit + 1`` bytes)."""
    parts: list[bytes] = []
    total = 0
    while True:
        chunk = fh.read(min(CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        total += len(chunk)
        if total > limit:
            raise over_limit(what, limit)


def read_line_at_most(fh: BinaryIO, limit: int) -> tuple[bytes, int]:
    """One line of ``fh`` (with its newline) and its full length. A line longer than ``limit``
    is read through in chunks and dropped: ``(b"", length)``; ``(b"", 0)`` at the end."""
    line = fh.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, len(line)
    total = len(line)
    while True:
        more = fh.readline(CHUNK)
        total += len(more)
        if not more or more.endswith(b"\n"):
            return b"", total


class GuardedStream:
    """A read-only stream over ``raw`` that undoes gzip (every member, as in a WARC.gz) and
    stops a decompression bomb or a runaway line while it is read:

    - more than ``max_ratio`` output bytes per input byte once the output passes ``floor``
      bytes (text and HTML compress about 5-10 times; a bomb of zeros 1,000 times);
    - more output than ``budget`` (an absolute output position, or None for no bound), which
      the reader sets while a parser reads headers: a WARC parser looking for the end of a
      header line would otherwise keep all of a 40 MB line in memory.

    ``damage`` says why a gzip stream ended early (truncated or corrupt), or is None."""

    def __init__(self, raw: BinaryIO, max_ratio: float = 100.0, floor: int = 8_000_000) -> None:
        self.raw = raw
        self.max_ratio = max_ratio
        self.floor = floor
        self.read_in = 0
        self.out = 0
        self.budget: int | None = None
        self.budget_reason = "over the limit"
        self.damage: str | None = None
        self._buf = b""
        head = raw.read(2)
        self._pending = head
        self._gzip = head == b"\x1f\x8b"
        self._dec = zlib.decompressobj(wbits=31) if self._gzip else None
        self._eof = False

    def tell(self) -> int:
        return self.out

    def _raw_read(self, n: int) -> bytes:
        if self._pending:
            data, self._pending = self._pending, b""
            data += self.raw.read(max(0, n - len(data)))
        else:
            data = self.raw.read(n)
        self.read_in += len(data)
        return data

    def _fill(self, n: int) -> bytes:
        """Up to ``n`` more output bytes (b"" at the end)."""
        if not self._gzip:
            return self._raw_read(n)
        assert self._dec is not None
        while not self._eof:
            if self._dec.unconsumed_tail:
                src = self._dec.unconsumed_tail
            else:
                src = self._raw_read(CHUNK)
                if not src:
                    if not self._dec.eof and self.out:
                        self.damage = "the gzip stream is truncated"
                    self._eof = True
                    return b""
            try:
                data = self._dec.decompress(src, n)
            except zlib.error as exc:
                self.damage = f"corrupt gzip data ({exc})"
                self._eof = True
                return b""
            if self._dec.eof:  # next gzip member (each WARC record is one)
                rest = self._dec.unused_data
                self._dec = zlib.decompressobj(wbits=31)
                if rest:
                    self._pending = rest + self._pending
            if data:
                return data
        return b""

    def read(self, size: int = -1) -> bytes:
        n = CHUNK if size is None or size < 0 else min(size, CHUNK)
        if n == 0:
            return b""
        data = self._fill(n)
        if not data:
            return b""
        self.out += len(data)
        if self.budget is not None and self.out > self.budget:
            raise BadInput(self.budget_reason)
        if self.out > self.floor and self.out > self.max_ratio * max(self.read_in, 1):
            raise BadInput(f"decompression bomb: {size_text(self.read_in)} grew to more than "
                           f"{size_text(self.out)}")
        return data


# --------------------------------------------------------------------------- folders


@dataclass(slots=True)
class Entry:
    """One thing met while expanding an input: a regular file to read, or an item to report."""

    path: str
    reason: str | None = None  # None: a regular file
    warning: bool = False  # the reason is a note (hidden items), not a skipped input


def file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def check_path(path: Path) -> Entry:
    """A path named by the user (or found in a folder): a regular file, or why it is not read."""
    try:
        st = path.lstat()
    except OSError as exc:
        return Entry(str(path), "no such file or directory" if isinstance(exc, FileNotFoundError)
                     else f"cannot read: {exc.strerror or exc}")
    if stat.S_ISLNK(st.st_mode):
        try:
            st = path.stat()
        except FileNotFoundError:
            return Entry(str(path), f"broken symbolic link (to {os.readlink(path)!s})")
        except OSError as exc:
            return Entry(str(path), f"symbolic link that cannot be followed: {exc.strerror or exc}")
    if stat.S_ISREG(st.st_mode):
        return Entry(str(path))
    if stat.S_ISDIR(st.st_mode):
        return Entry(str(path), "a folder")
    return Entry(str(path), f"{file_kind(st.st_mode)}, not a file: not read")


def walk(root: Path) -> Iterator[Entry]:
    """Every non-hidden entry under ``root``, sorted, following links to folders once: regular
    files, and one Entry with a reason for each special file, broken or looping link and
    unreadable folder. Hidden entries (names starting with a dot) are counted in one Entry."""
    seen: set[tuple[int, int]] = set()
    hidden = 0

    def visit(folder: Path) -> Iterator[Entry]:
        nonlocal hidden
        try:
            st = folder.stat()
        except OSError as exc:
            yield Entry(str(folder), f"cannot read folder: {exc.strerror or exc}")
            return
        key = (st.st_dev, st.st_ino)
        if key in seen:
            yield Entry(str(folder), "symbolic link loop (this folder was already read)")
            return
        seen.add(key)
        try:
            with os.scandir(folder) as it:
                names = sorted(e.name for e in it)
        except OSError as exc:
            yield Entry(str(folder), f"cannot read folder: {exc.strerror or exc}")
            return
        for name in names:
            if name.startswith("."):
                hidden += 1
                continue
            path = folder / name
            entry = check_path(path)
            if entry.reason == "a folder":
                yield from visit(path)
            elif entry.reason and "Too many levels of symbolic links" in entry.reason:
                yield Entry(str(path), "symbolic link loop")
            else:
                yield entry

    yield from visit(root)
    if hidden:
        yield Entry(str(root), f"{hidden} hidden item(s) (names starting with '.') not read", warning=True)
