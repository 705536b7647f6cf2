"""The SQLite file behind the store: opening it safely, its schema and the migrations.

One writer at a time (an exclusive lock file beside the database for a whole ingest, SQLite's
own locking for each transaction), WAL so readers never wait for the writer, and a schema
version in ``meta`` that every open checks: an older store is migrated in one transaction, a
newer one is refused."""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

SCHEMA_VERSION = 3

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
  path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
  sha256 TEXT NOT NULL, articles INTEGER NOT NULL, done_at TEXT NOT NULL
);
CREATE TABLE articles (
  n INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source_key TEXT NOT NULL UNIQUE,
  text_sha256 TEXT NOT NULL,
  norm_sha256 TEXT NOT NULL,
  origin TEXT, file TEXT, line INTEGER, record INTEGER, record_uri TEXT,
  title TEXT, outlet TEXT, url TEXT, published TEXT, language TEXT,
  raw_text TEXT NOT NULL,
  clean BLOB NOT NULL,
  duplicate_of INTEGER REFERENCES articles(n),
  duplicate_kind TEXT,
  similarity REAL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_norm ON articles(norm_sha256);
CREATE INDEX articles_dup ON articles(duplicate_of);
CREATE TABLE minhash (article INTEGER PRIMARY KEY REFERENCES articles(n), sig BLOB NOT NULL);
CREATE TABLE lsh (band INTEGER NOT NULL, key INTEGER NOT NULL, article INTEGER NOT NULL);
CREATE INDEX lsh_key ON lsh(band, key);
CREATE TABLE annotations (
  article INTEGER NOT NULL REFERENCES articles(n), pipeline TEXT NOT NULL,
  data BLOB NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (article, pipeline)
);
CREATE TABLE skipped (
  n INTEGER PRIMARY KEY, item TEXT NOT NULL, reason TEXT NOT NULL, seen_at TEXT NOT NULL,
  UNIQUE (item, reason)
);
CREATE TABLE assignments (article INTEGER PRIMARY KEY REFERENCES articles(n), story TEXT NOT NULL);
CREATE INDEX assignments_story ON assignments(story);
CREATE TABLE clusterer (id INTEGER PRIMARY KEY CHECK (id = 1), state BLOB NOT NULL, updated_at TEXT NOT NULL);
"""

# version 2: every briefing built from the store is kept, with what it was built from (issue 16)
_V2 = """
CREATE TABLE briefings (
  n INTEGER PRIMARY KEY, story TEXT NOT NULL, version INTEGER NOT NULL,
  built_at TEXT NOT NULL, pipeline TEXT NOT NULL, article_ids TEXT NOT NULL,
  data BLOB NOT NULL, UNIQUE (story, version)
);
"""

# version 3: the second level of the clustering, groups of related stories (story -> group)
_V3 = """
CREATE TABLE story_groups (story TEXT PRIMARY KEY, grp TEXT NOT NULL);
CREATE INDEX story_groups_grp ON story_groups(grp);
"""

MIGRATIONS: dict[int, str] = {1: _V1, 2: _V2, 3: _V3}  # version -> DDL that reaches it from version - 1


class StoreError(Exception):
    """The store cannot be used; the message says why and what to do."""


class StoreBusy(StoreError):
    """Another process is writing to the store."""


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def connect(path: str | Path, *, create: bool, readonly: bool = False) -> sqlite3.Connection:
    """Open (or create) the store at ``path``, check it is a newsprism store of a schema this
    version reads, and migrate an older one. Raises StoreError with a clear reason."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    exists = path.exists()
    if not exists and not create:
        raise StoreError(f"no store at {path} (create one with `newsprism ingest ... --db {path}`)")
    if not exists:
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            raise StoreError(f"cannot create {path}: folder {parent} does not exist")
        if not os.access(parent, os.W_OK | os.X_OK):
            raise StoreError(f"cannot create {path}: folder {parent} is not writable")
    elif not readonly and not os.access(path, os.W_OK):
        raise StoreError(f"cannot write to {path}: the file is read-only (check its permissions)")
    if exists:
        _check_header(path)
    uri = f"file:{path}?mode=ro" if readonly else str(path)
    try:
        conn = sqlite3.connect(uri, uri=readonly, timeout=30.0, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}") from exc
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA busy_timeout = 30000")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        _check_schema(conn, path, readonly)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(_db_reason(path, exc)) from exc
    except StoreError:
        conn.close()
        raise
    return conn


def _check_header(path: Path) -> None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if head and head != b"SQLite format 3\x00":
        raise StoreError(f"{path} is not a newsprism store (not an SQLite database); choose another --db path")


def _db_reason(path: Path, exc: sqlite3.DatabaseError) -> str:
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return f"cannot write to {path}: {text} (is the file or its folder read-only?)"
    if "disk is full" in text or "database or disk is full" in text:
        return f"cannot write to {path}: the disk is full"
    if "malformed" in text or "not a database" in text or "file is encrypted" in text:
        return f"{path} is damaged or not a newsprism store ({text})"
    if "locked" in text or "busy" in text:
        return f"{path} is busy: another process holds it locked ({text})"
    return f"cannot use {path}: {text}"


def _check_schema(conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        if readonly:
            raise StoreError(f"{path} is an empty database, not a newsprism store")
        _migrate(conn, 0)
        return
    if "meta" not in tables:
        raise StoreError(f"{path} is an SQLite database but not a newsprism store (no meta table)")
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        raise StoreError(f"{path} is not a newsprism store (no schema version)")
    version = int(row[0])
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer newsprism (store schema {version}; this version reads "
            f"up to {SCHEMA_VERSION}): upgrade newsprism to use it"
        )
    if version < SCHEMA_VERSION:
        if readonly:
            raise StoreError(f"{path} has store schema {version}; open it once for writing to migrate it")
        _migrate(conn, version)


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    """Bring the schema from ``version`` to SCHEMA_VERSION in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        # another process may have created or migrated the store meanwhile: read it again
        has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() if has_meta else None
        current = int(row[0]) if row else 0
        if current > SCHEMA_VERSION:
            raise StoreError(f"the store was just migrated to a newer schema ({current}) by another process")
        for v in range(current + 1, SCHEMA_VERSION + 1):
            for stmt in MIGRATIONS[v].split(";"):
                if stmt.strip():
                    conn.execute(stmt)
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(v),)
            )
        if current == 0:
            conn.execute("INSERT INTO meta (key, value) VALUES ('created_at', ?)", (now(),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def write(conn: sqlite3.Connection, path: str | Path, body: Callable[[], None]) -> None:
    """Run ``body`` in one IMMEDIATE transaction: all of it is stored or none of it."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise StoreError(_db_reason(Path(path), exc)) from exc
    try:
        body()
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        _rollback(conn)
        raise StoreError(_db_reason(Path(path), exc)) from exc
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


class WriterLock:
    """The one-writer lock of a store: an exclusive ``flock`` on ``<db>.lock``, released by the
    kernel when the process ends, even killed with -9. ``wait`` seconds to wait for it."""

    def __init__(self, path: str | Path, wait: float = 0.0) -> None:
        self.path = Path(f"{path}.lock")
        self.wait = wait
        self._fd: int | None = None

    def __enter__(self) -> WriterLock:
        import fcntl

        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot create the lock file {self.path}: {exc.strerror or exc}") from exc
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    os.close(fd)
                    raise StoreError(f"cannot lock {self.path}: {exc.strerror or exc}") from exc
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "another process"
                    os.close(fd)
                    raise StoreBusy(
                        f"another ingest ({holder}) is writing to {str(self.path)[:-5]}; try again when "
                        "it ends, or pass --wait SECONDS to wait for it"
                    ) from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}".encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the lock
            self._fd = None
