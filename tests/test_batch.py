"""Batch engine: stories + one briefing per story; the Ray engine gives the local result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.batch import read_batch_inputs, run_batch
from newsprism.cli import app
from newsprism.options import load_options

FIXTURE = Path(__file__).parent / "fixtures" / "batch" / "news.jsonl"


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


@pytest.fixture(scope="module")
def local_run(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("local")
    stories, ingested = run_batch([str(FIXTURE)], load_options(progress=False), out, nlp=nlp)
    return out, stories, ingested


def test_local_engine_writes_one_briefing_per_story_and_the_table(local_run):
    out, stories, ingested = local_run
    assert not ingested.skipped
    groups = {frozenset(s.articles) for s in stories}
    assert groups == {frozenset({"flood-1", "flood-2", "flood-3"}), frozenset({"sport-1", "sport-2"})}
    flood = next(s for s in stories if "flood-1" in s.articles)
    assert flood.outlets == ["BBC", "El Pais", "Reuters"]
    assert (flood.first, flood.last) == ("2024-10-30", "2024-11-01")
    sport = next(s for s in stories if "sport-1" in s.articles)
    assert flood.group and sport.group and flood.group != sport.group  # a flood, a match: two groups
    table = json.loads((out / "stories.json").read_text())
    assert [row["id"] for row in table] == [s.id for s in stories]
    for s in stories:
        briefing = json.loads((out / s.id / "briefing.json").read_text())
        assert {src["id"] for src in briefing["sources"]} == set(s.articles)
        assert (out / s.id / "briefing.md").read_text().strip()
    assert (out / "stories.csv").read_text().count("\n") == len(stories) + 1
    header, *lines = (out / "stories.csv").read_text().splitlines()
    assert header.endswith(",group")
    assert {line.rsplit(",", 1)[1] for line in lines} == {s.group for s in stories}
    assert [row["group"] for row in table] == [s.group for s in stories]


def test_parquet_input_reads_the_same_articles(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    rows = [json.loads(line) for line in FIXTURE.read_text().splitlines()]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "news.parquet")
    pq.write_table(pa.Table.from_pylist([{"body": "no text column"}]), tmp_path / "bad.parquet")
    got = read_batch_inputs([str(tmp_path / "news.parquet"), str(tmp_path / "bad.parquet")],
                            load_options())  # fmt: skip
    want = read_batch_inputs([str(FIXTURE)], load_options())
    assert [(a.id, a.text, a.title, a.outlet, a.published) for a in got.articles] == \
        [(a.id, a.text, a.title, a.outlet, a.published) for a in want.articles]  # fmt: skip
    assert [s.reason for s in got.skipped] == ["Parquet file has no 'text' column"]


def test_ray_engine_gives_the_same_stories_and_briefings(local_run, tmp_path):
    ray = pytest.importorskip("ray")
    out_local, stories_local, _ = local_run
    _start_ray(ray)
    try:
        stories, _ = run_batch([str(FIXTURE)], load_options(progress=False), tmp_path,
                               engine="ray", workers=2)  # fmt: skip
    finally:
        ray.shutdown()
    assert stories == stories_local
    assert [(s.id, s.group) for s in stories] == [(s.id, s.group) for s in stories_local]
    assert all(s.group for s in stories)
    assert _files(tmp_path) == _files(out_local)


def _start_ray(ray) -> None:
    """A local Ray instance; its raylet must register within a fixed 30 s, which a heavily
    loaded machine can miss (Ray raises a bare Exception): up to three tries."""
    for attempt in range(3):
        try:
            ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
            return
        except Exception as exc:  # ray raises a bare Exception for this startup timeout
            if "timed out during startup" not in str(exc) or attempt == 2:
                raise
            ray.shutdown()


def test_cli_batch_refuses_an_unknown_engine(tmp_path):
    result = CliRunner().invoke(app, ["batch", str(FIXTURE), "--engine", "spark", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "--engine" in result.output
