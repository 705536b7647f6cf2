"""The command line: help, the demo command, bad input and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.render.json_out import validate

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_help_reads_well() -> None:
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0
    for cmd in ("brief", "quotes", "clean"):
        assert cmd in res.output
    res = runner.invoke(app, ["brief", "--help"])
    assert res.exit_code == 0 and "--out" in res.output


def test_only_bad_input_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    res = runner.invoke(app, ["brief", str(tmp_path), "-o", str(tmp_path / "out"), "-q"])
    assert res.exit_code == 2
    assert "empty.txt: empty file" in res.output
    assert "bin.txt: binary" in res.output
    assert not (tmp_path / "out").exists()


def test_brief_mixed_batch(tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(ROOT / "examples" / "khan-shaykhun", src)
    (src / "empty.txt").write_text("")
    (src / "broken.jsonl").write_text('{"text": "ok text about the flood on Monday."}\n{broken\n')
    out = tmp_path / "out"
    res = runner.invoke(app, ["brief", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads((out / "briefing.json").read_text())
    validate(data, reference=True)
    assert len(data["sources"]) == 4
    reasons = {Path(s["item"].split(":")[0]).name: s["reason"] for s in data["skipped"]}
    assert reasons["empty.txt"] == "empty file"
    assert "malformed JSON" in reasons["broken.jsonl"]
    assert (out / "briefing.md").read_text().startswith("# ")
    assert "<html" in (out / "briefing.html").read_text()
    assert "sources" in res.output and "seconds" in res.output


def test_clean_command_shows_removed() -> None:
    res = runner.invoke(app, ["clean", str(ROOT / "examples" / "khan-shaykhun" / "001_cbc-news.txt")])
    assert res.exit_code == 0
    rec = json.loads(res.stdout.strip().splitlines()[-1])
    assert rec["outlet"] == "CBC News"
    assert {r["kind"] for r in rec["removed"]} >= {"caption", "pull_quote", "duplicate", "boilerplate"}
