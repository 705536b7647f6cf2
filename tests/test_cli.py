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


def test_help_shows_no_value_after_a_flag() -> None:
    # flags (--quiet, --help, --version) take no value: no type after them; options that take
    # one keep theirs
    for args in ([], ["brief"], ["clean"], ["quotes"], ["serve"], ["ingest"], ["stories"]):
        res = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "160"})
        assert res.exit_code == 0, res.output
        assert "<bool>" not in res.output
        flag = next(line for line in res.output.splitlines() if "--help" in line)
        assert "<" not in flag
    res = runner.invoke(app, ["brief", "--help"], env={"COLUMNS": "160"})
    assert "<path>" in next(line for line in res.output.splitlines() if "--out" in line)
    res = runner.invoke(app, ["brief", "--quiet=yes", "x"])
    assert res.exit_code == 2 and "does not take a value" in res.output


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


def test_clean_infers_the_dates_brief_infers(tmp_path: Path, options, nlp) -> None:
    from newsprism.briefing import brief

    # invented court story: neither file gives a date; the texts do
    (tmp_path / "a.txt").write_text(
        "Appeal court frees former mayor\n\nThe appeal court on Tuesday, March 4, 2031, overturned the "
        "fraud conviction of the former mayor, his lawyer said.\n\nThe court said the trial judge had erred.\n")
    (tmp_path / "b.txt").write_text(
        "Mayor walks free\n\nThe former mayor left prison on Wednesday, a day after the appeal court "
        "overturned his conviction on March 4.\n\nProsecutors said they would not appeal.\n")
    for folder in (tmp_path, ROOT / "examples" / "khan-shaykhun"):
        res = runner.invoke(app, ["clean", str(folder)])
        assert res.exit_code == 0, res.output
        shown = {r["id"]: (r["published"], r["inferred"].get("published"))
                 for r in map(json.loads, res.stdout.strip().splitlines())}
        briefed = brief([str(folder)], options, nlp)
        inferred = {a.source_id: (a.article.published, a.article.inferred.get("published"))
                    for a in briefed.story.articles}
        assert shown == inferred
        assert all(published for published, _ in shown.values())
