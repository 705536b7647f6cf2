"""The store: idempotent ingest, duplicates linked not dropped, stories, skipped reasons."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsprism.store import Store

from .helpers import COPY, OTHER, WIRE, jsonl_line, write_corpus


@pytest.fixture()
def opts(options):
    return options


def _ingest(db: Path, inputs: list[Path | str], options, **kw):
    with Store(db, options, create=True) as st:
        return st.ingest([str(p) for p in inputs], annotate=False, **kw)


def test_ingest_is_idempotent(tmp_path: Path, opts) -> None:
    paths = write_corpus(tmp_path / "in", 60)
    db = tmp_path / "news.db"
    first = _ingest(db, [tmp_path / "in"], opts)
    assert (first.read, first.added, first.already) == (60, 60, 0)
    again = _ingest(db, [tmp_path / "in"], opts)
    assert (again.added, again.files_unchanged) == (0, len(paths))
    # a file touched (same content) is read again, and nothing is added
    os.utime(paths[0], ns=(1, 1))
    touched = _ingest(db, [tmp_path / "in"], opts)
    assert (touched.read, touched.already, touched.added) == (25, 25, 0)
    # a line appended to a feed file adds that line only
    with open(paths[0], "a", encoding="utf-8") as fh:
        fh.write(jsonl_line(999, OTHER, outlet="Northfield Post") + "\n")
    grown = _ingest(db, [tmp_path / "in"], opts)
    assert (grown.added, grown.already) == (1, 25)
    with Store(db, opts) as st:
        assert st.count() == 61
        assert st.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_same_input_twice_in_one_run_is_stored_once(tmp_path: Path, opts) -> None:
    f = tmp_path / "one.jsonl"
    f.write_text(jsonl_line(1, WIRE, outlet="Lakeport Wire") + "\n", encoding="utf-8")
    report = _ingest(tmp_path / "news.db", [f, f, tmp_path / "*.jsonl"], opts)
    assert report.added == 1


def test_exact_and_near_duplicates_are_linked_to_their_original(tmp_path: Path, opts) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "1-wire.jsonl").write_text(
        jsonl_line(1, WIRE, outlet="Lakeport Wire", title="Harbour bridge closed after cracks found",
                   published="2024-05-07") + "\n", encoding="utf-8")
    (src / "2-copies.jsonl").write_text("\n".join([
        jsonl_line(2, COPY, outlet="Bay Courier", title="Lakeport shuts harbour bridge - Bay Courier",
                   published="2024-05-08"),
        jsonl_line(3, WIRE.replace("  ", " ").upper(), outlet="Coast Radio"),  # same words: exact
        jsonl_line(4, OTHER, outlet="Northfield Post", published="2024-05-04"),
    ]) + "\n", encoding="utf-8")
    report = _ingest(tmp_path / "news.db", [src], opts)
    assert (report.added, report.exact_duplicates, report.near_duplicates) == (4, 1, 1)
    with Store(tmp_path / "news.db", opts) as st:
        rows = {r["id"]: r for r in st.conn.execute("SELECT n, id, duplicate_of, duplicate_kind FROM articles")}
        wire = rows["a1"]["n"]
        assert (rows["a2"]["duplicate_of"], rows["a2"]["duplicate_kind"]) == (wire, "near")
        assert (rows["a3"]["duplicate_of"], rows["a3"]["duplicate_kind"]) == (wire, "exact")
        assert rows["a4"]["duplicate_of"] is None
        stories = {s.id: s for s in st.stories()}
        bridge = next(s for s in stories.values() if "a1" in s.article_ids)
        # the copies follow their original into its story and count once
        assert set(bridge.article_ids) == {"a1", "a2", "a3"}
        assert (bridge.articles, bridge.copies) == (1, 2)
        assert bridge.outlets == ["Bay Courier", "Coast Radio", "Lakeport Wire"]
        assert bridge.title == "Harbour bridge closed after cracks found"
        sport = next(s for s in stories.values() if "a4" in s.article_ids)
        assert sport.id != bridge.id


def test_a_shorter_text_is_only_matched_exactly(tmp_path: Path, opts) -> None:
    f = tmp_path / "short.jsonl"
    f.write_text("\n".join([
        jsonl_line(1, "Rain is expected in the north on Monday, forecasters said."),
        jsonl_line(2, "Rain is expected in the south on Monday, forecasters said."),
    ]) + "\n", encoding="utf-8")
    report = _ingest(tmp_path / "news.db", [f], opts)
    assert (report.exact_duplicates, report.near_duplicates) == (0, 0)


def test_skipped_items_keep_their_reason(tmp_path: Path, opts) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_text("")
    (src / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (src / "feed.jsonl").write_text(jsonl_line(1, OTHER) + "\n{broken\n", encoding="utf-8")
    db = tmp_path / "news.db"
    _ingest(db, [src, tmp_path / "missing.txt"], opts)
    _ingest(db, [src, tmp_path / "missing.txt"], opts)  # nothing doubles on a re-run
    with Store(db, opts) as st:
        reasons = {Path(s.item).name: s.reason for s in st.skipped()}
        assert len(st.skipped()) == 4
    assert reasons["empty.txt"] == "empty file"
    assert reasons["bin.txt"].startswith("binary file")
    assert reasons["feed.jsonl:2"].startswith("malformed JSON")
    assert reasons["missing.txt"] == "no such file or directory"


def test_origin_and_hashes_are_kept(tmp_path: Path, opts) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_text(jsonl_line(1, OTHER, url="https://example.org/cup") + "\n" + jsonl_line(2, WIRE) + "\n")
    _ingest(tmp_path / "news.db", [f], opts)
    with Store(tmp_path / "news.db", opts) as st:
        row = st.conn.execute("SELECT * FROM articles WHERE id = 'a2'").fetchone()
        assert (row["file"], row["line"]) == (str(f), 2)
        assert row["origin"] == f"{f}:2"
        assert len(row["text_sha256"]) == 64
        art = st.article("a1")
        assert art.url == "https://example.org/cup" and art.text.startswith("Striker Amara Osei")
        frow = st.conn.execute("SELECT sha256, articles FROM files").fetchone()
        assert frow["articles"] == 2 and len(frow["sha256"]) == 64


def test_stories_json(tmp_path: Path, opts) -> None:
    from typer.testing import CliRunner

    from newsprism.cli import app

    write_corpus(tmp_path / "in", 10)
    db = tmp_path / "news.db"
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db), "--no-annotate"])
    assert res.exit_code == 0, res.output
    assert "10 article(s) read: 10 added" in res.output
    res = runner.invoke(app, ["stories", "--db", str(db), "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert sum(r["articles"] for r in rows) == 10
    assert all(r["title"] and r["first_published"] for r in rows)


def test_stories_come_in_groups(tmp_path: Path, opts) -> None:
    """Two floods in two countries: two stories in one group; a football match: its own group.
    Stored in the store, listed by ``newsprism stories`` (json: a group field)."""
    from typer.testing import CliRunner

    from newsprism.cli import app

    from ..cluster.test_clusterer import FLOOD_KENYA, FLOOD_PERU, FOOTBALL

    lines = []
    for prefix, texts, day in (("p", FLOOD_PERU, 1), ("f", FOOTBALL, 2), ("k", FLOOD_KENYA, 3)):
        for i, text in enumerate(texts):
            lines.append(json.dumps({"id": f"{prefix}{i}", "text": text, "published": f"2024-05-0{day}"}))
    (tmp_path / "stream.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "news.db"
    _ingest(db, [tmp_path / "stream.jsonl"], opts)
    with Store(db, opts) as st:
        members = st.members()
        story_of = {aid: sid for sid, ids in members.items() for aid in ids}
        assert {frozenset(ids) for ids in members.values()} == {
            frozenset({"p0", "p1", "p2"}), frozenset({"k0", "k1", "k2"}), frozenset({"f0", "f1", "f2"})}
        group = {s.id: s.group for s in st.stories()}
        assert group[story_of["p0"]] == group[story_of["k0"]] != group[story_of["f0"]]
        assert sorted(len(v) for v in st.groups().values()) == [1, 2]
    res = CliRunner().invoke(app, ["stories", "--db", str(db), "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = {r["id"]: r for r in json.loads(res.stdout)}
    assert rows[story_of["p0"]]["group"] == rows[story_of["k0"]]["group"] != rows[story_of["f0"]]["group"]
    table = CliRunner().invoke(app, ["stories", "--db", str(db)])
    assert table.exit_code == 0 and "3 stories in 2 groups" in table.stdout
