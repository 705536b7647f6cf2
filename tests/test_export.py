"""Exports read back by pandas and DuckDB: same counts as the briefing, stable columns, spans
that cut the cited text out of the source."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.coverage import build_coverage
from newsprism.export import COLUMNS, read_briefing, tables, write_tables
from newsprism.outlet_groups import parse_outlet_groups
from newsprism.render.json_out import to_dict

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_coverage import _briefing  # noqa: E402


@pytest.fixture(scope="module")
def data() -> dict:
    b = _briefing()
    b.coverage = build_coverage(b, parse_outlet_groups({"country": {"UK": ["Daily Sport"], "Italy": ["Gazzetta"]}}))
    return to_dict(b, "test-model")


def _expected(data: dict) -> dict[str, int]:
    cov = data.get("coverage") or {"items": []}
    return {
        "sources": len(data["sources"]),
        "quotes": len(data["quotes"]),
        "figures": len(data["figures"]),
        "reconciled_figures": sum(len(r["figure_ids"]) or 1 for r in data["reconciled_figures"]),
        "claims": sum(len(c["evidence"]) or 1 for c in data["claims"]),
        "contradictions": sum(len(s["holders"]) or 1 for c in data["contradictions"] for s in c["sides"]),
        "entities": len(data["entities"]),
        "mentions": sum(len(e["mentions"]) for e in data["entities"]),
        "timeline": len(data["timeline"]),
        "summary": sum(len(s["citations"]) or 1 for s in data["summary"]),
        "coverage": sum(len(c["spans"]) or 1 for it in cov["items"] for c in it["cells"]),
    }


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_round_trip_with_the_briefing_counts(data, tmp_path, fmt):
    written = write_tables(data, tmp_path, fmt)
    assert sorted(p.stem for p in written) == sorted(COLUMNS)
    expected = _expected(data)
    for path in written:
        df = pd.read_csv(path) if fmt == "csv" else pd.read_parquet(path)
        assert list(df.columns) == COLUMNS[path.stem], path.name
        assert len(df) == expected[path.stem], path.name
        n = duckdb.sql(f"select count(*) from '{path}'").fetchall()[0][0]
        assert n == expected[path.stem], path.name
    assert not list(tmp_path.glob("*.tmp"))


def test_every_span_cuts_its_text_out_of_the_source(data):
    texts = {s["id"]: s["text"] for s in data["sources"]}
    t = tables(data)
    for row in t["quotes"] + t["figures"] + t["mentions"]:
        assert texts[row["source_id"]][row["start"] : row["end"]] == row["text"]
    for row in t["contradictions"]:
        assert row["source_id"] in texts and 0 <= row["start"] < row["end"] <= len(texts[row["source_id"]])


def test_coverage_rows_carry_status_groups_and_spans(data):
    rows = tables(data)["coverage"]
    assert rows and {r["status"] for r in rows} == {"attributed", "reported", "absent"}
    side2 = [r for r in rows if r["ref"] == "d1.s2"]
    assert [(r["outlet"], r["status"]) for r in side2] == [
        ("Daily Sport", "attributed"), ("Gazzetta", "absent"), ("Marca", "absent")]
    assert side2[0]["groups"] == "country=UK" and side2[0]["start"] is not None
    assert side2[1]["source_id"] == "b" and side2[1]["start"] is None


def test_contradiction_rows_are_side_by_holder_cited_by_the_holders_claim(data):
    rows = tables(data)["contradictions"]
    assert [(r["side"], r["holder"]) for r in rows] == [(1, "the club"), (2, "Marco Rossi")]
    denial = rows[1]
    text = next(s["text"] for s in data["sources"] if s["id"] == denial["source_id"])
    assert text[denial["start"] : denial["end"]] == "His agent denied that he asked to leave."


def test_empty_tables_keep_their_columns(tmp_path):
    data = to_dict(_briefing(), "m")
    data["quotes"] = []
    write_tables(data, tmp_path, "parquet")
    write_tables(data, tmp_path, "csv")
    assert list(pd.read_parquet(tmp_path / "quotes.parquet").columns) == COLUMNS["quotes"]
    assert list(pd.read_csv(tmp_path / "quotes.csv").columns) == COLUMNS["quotes"]


def test_cli_export_and_its_errors(data, tmp_path):
    src = tmp_path / "briefing.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["export", str(tmp_path), "--format", "parquet", "-o", str(tmp_path / "t")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "t" / "coverage.parquet").exists()
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": "1.0"}', encoding="utf-8")
    res = runner.invoke(app, ["export", str(bad)])
    assert res.exit_code == 2 and "not a valid briefing" in res.output
    res = runner.invoke(app, ["export", str(src), "--format", "xlsx"])
    assert res.exit_code == 2
    (tmp_path / "file").write_text("x")
    res = runner.invoke(app, ["export", str(src), "-o", str(tmp_path / "file")])
    assert res.exit_code == 2 and "not a folder" in res.output


def test_read_briefing_refuses_what_is_not_one(tmp_path):
    p = tmp_path / "x.json"
    p.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ValueError, match="not a briefing.json"):
        read_briefing(p)


def test_csv_cells_cannot_run_as_spreadsheet_formulas(tmp_path):
    b = _briefing()
    b.quotes[0].text = '=HYPERLINK("http://evil.example","x")'
    b.quotes[0].speaker = "@SUM(A1)"
    data = to_dict(b, "m")
    write_tables(data, tmp_path, "csv")
    write_tables(data, tmp_path, "parquet")
    row = pd.read_csv(tmp_path / "quotes.csv").iloc[0]
    assert row["text"].startswith("'=") and row["speaker"] == "'@SUM(A1)"
    assert pd.read_parquet(tmp_path / "quotes.parquet").iloc[0]["text"].startswith("=HYPERLINK")


def test_export_from_a_store_writes_each_briefed_story(tmp_path, nlp, options):
    from newsprism.store import Store

    db = tmp_path / "news.db"
    example = Path(__file__).resolve().parents[1] / "examples" / "khan-shaykhun"
    with Store(db, options, create=True) as st:
        st.ingest([str(example)], nlp=nlp)
        stories = st.stories()
        briefed = stories[0].id
        st.brief(briefed, nlp)
    runner = CliRunner()
    res = runner.invoke(app, ["export", str(db), "--format", "csv", "-o", str(tmp_path / "t")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "t" / briefed / "quotes.csv").exists()
    assert f"of {len(stories)} stories" in res.output
    for other in stories[1:]:
        assert f"story {other.id}: no briefing kept yet" in res.output
        assert not (tmp_path / "t" / other.id).exists()
    notdb = tmp_path / "x.db"
    notdb.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    res = runner.invoke(app, ["export", str(notdb), "-o", str(tmp_path / "u")])
    assert res.exit_code == 2 and "error" in res.output
