"""Faults: kill -9 during ingest, two ingests at once, unwritable places, a full disk, files
that are not stores, a store from a newer schema, and migrations."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newsprism.store import SCHEMA_VERSION, Store, StoreBusy, StoreError
from newsprism.store.db import MIGRATIONS, WriterLock

from .helpers import write_corpus

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _cli(*args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen([sys.executable, "-m", "newsprism.cli", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def _state(db: Path, options) -> tuple[set[str], dict[str, int]]:
    """Stored articles (by source key) and the store's invariants, checked."""
    with Store(db, options) as st:
        c = st.conn
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        keys = [r[0] for r in c.execute("SELECT source_key FROM articles")]
        assert len(keys) == len(set(keys))
        unassigned = c.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NULL "
                               "AND n NOT IN (SELECT article FROM assignments)").fetchone()[0]
        assert unassigned == 0  # every original has its story, in the same commit
        has_state = c.execute("SELECT count(*) FROM clusterer").fetchone()[0]
        assert has_state == (1 if keys else 0)
        files = {r[0]: r[1] for r in c.execute("SELECT path, articles FROM files")}
        for path, n in files.items():  # a file marked read has all its articles stored
            stored = c.execute("SELECT count(*) FROM articles WHERE file = ?", (path,)).fetchone()[0]
            assert stored == n
        return set(keys), {"files": len(files)}


def test_kill_9_during_ingest_then_rerun(tmp_path: Path, options) -> None:
    write_corpus(tmp_path / "in", 240, per_file=40)
    db = tmp_path / "news.db"
    args = ["ingest", str(tmp_path / "in"), "--db", str(db), "--no-annotate", "--batch", "15", "-q"]
    kills = 0
    for target in (15, 120):
        proc = _cli(*args)
        deadline = time.monotonic() + 120
        while _count(db) < target and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.communicate()
        _state(db, options)  # consistent after each kill
    assert kills >= 1
    proc = _cli(*args)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    keys, _ = _state(db, options)
    # the same articles as one uninterrupted run: nothing lost, nothing doubled
    clean = tmp_path / "clean.db"
    with Store(clean, options, create=True) as st:
        st.ingest([str(tmp_path / "in")], annotate=False)
    clean_keys, _ = _state(clean, options)
    assert keys == clean_keys and len(keys) == 240


def test_two_ingests_at_once(tmp_path: Path, options) -> None:
    write_corpus(tmp_path / "in", 150, per_file=30)
    db = tmp_path / "news.db"
    args = ["ingest", str(tmp_path / "in"), "--db", str(db), "--no-annotate", "--batch", "10", "-q"]
    a, b = _cli(*args), _cli(*args)
    (_, err_a), (_, err_b) = a.communicate(timeout=300), b.communicate(timeout=300)
    codes = sorted([a.returncode, b.returncode])
    assert codes[0] == 0, err_a + err_b
    if codes[1] != 0:  # the later one fails clearly, naming the other writer
        assert codes[1] == 2
        assert "another ingest" in (err_a + err_b)
    keys, _ = _state(db, options)
    assert len(keys) == 150


def test_a_second_writer_fails_clearly_or_waits(tmp_path: Path, options) -> None:
    write_corpus(tmp_path / "in", 5)
    db = tmp_path / "news.db"
    Store(db, options, create=True).close()
    with WriterLock(db), Store(db, options) as st:
        with pytest.raises(StoreBusy, match=r"another ingest \(pid \d+\) is writing to .*--wait"):
            st.ingest([str(tmp_path / "in")], annotate=False)
    lock = WriterLock(db).__enter__()
    threading.Timer(0.5, lock.__exit__).start()
    with Store(db, options) as st:
        report = st.ingest([str(tmp_path / "in")], annotate=False, wait=30)
    assert report.added == 5


def _make_read_only(path: Path) -> None:
    """chmod for a user; root ignores permissions, so for root the immutable attribute."""
    if os.geteuid() != 0:
        path.chmod(0o555 if path.is_dir() else 0o444)
        return
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"running as root and cannot make {path} read-only here: {done.stderr.strip()}")


def _make_writable(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    path.chmod(0o755)


def test_unwritable_folder_or_database_gives_a_clear_error(tmp_path: Path, options) -> None:
    write_corpus(tmp_path / "in", 3)
    folder = tmp_path / "ro"
    folder.mkdir()
    Store(tmp_path / "existing.db", options, create=True).close()
    made: list[Path] = []
    try:
        for p in (folder, tmp_path / "existing.db"):
            _make_read_only(p)
            made.append(p)
        for db, expect in ((folder / "news.db", "is not writable"), (tmp_path / "existing.db", "read-only")):
            proc = _cli("ingest", str(tmp_path / "in"), "--db", str(db), "--no-annotate")
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 2, err
            assert expect in err and "Traceback" not in err
    finally:
        for p in made:
            _make_writable(p)


def test_full_disk_gives_a_clear_error(tmp_path: Path, options) -> None:
    write_corpus(tmp_path / "in", 200)
    db = tmp_path / "news.db"
    with Store(db, options, create=True) as st:
        pages = st.conn.execute("PRAGMA page_count").fetchone()[0]
        st.conn.execute(f"PRAGMA max_page_count = {pages + 8}")  # SQLite's 'disk is full'
        with pytest.raises(StoreError, match="disk is full"):
            st.ingest([str(tmp_path / "in")], annotate=False, batch=50)
    keys, _ = _state(db, options)
    assert len(keys) % 50 == 0  # whole batches only


def test_newer_schema_is_refused(tmp_path: Path, options) -> None:
    db = tmp_path / "news.db"
    Store(db, options, create=True).close()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=rf"newer newsprism \(store schema {SCHEMA_VERSION + 1}.*upgrade"):
        Store(db, options)
    proc = _cli("stories", "--db", str(db))
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and "newer newsprism" in err


@pytest.mark.parametrize("content, reason", [
    (b"just some text, not a database\n" * 10, "not an SQLite database"),
    (b"SQLite format 3\x00" + b"\x07" * 4000, "damaged or not a newsprism store"),
])
def test_a_file_that_is_no_store_is_refused(tmp_path: Path, options, content: bytes, reason: str) -> None:
    db = tmp_path / "news.db"
    db.write_bytes(content)
    with pytest.raises(StoreError, match=reason):
        Store(db, options, create=True)
    assert db.read_bytes() == content  # untouched


def test_another_programs_database_is_refused(tmp_path: Path, options) -> None:
    db = tmp_path / "app.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE users (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a newsprism store"):
        Store(db, options, create=True)


def test_an_older_store_is_migrated(tmp_path: Path, options) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[1])
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.commit()
    conn.close()
    with Store(db, options) as st:
        version = st.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        tables = {r[0] for r in st.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert int(version) == SCHEMA_VERSION and "briefings" in tables


def test_missing_store_for_reading(tmp_path: Path, options) -> None:
    with pytest.raises(StoreError, match="no store at"):
        Store(tmp_path / "none.db", options)
