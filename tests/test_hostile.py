"""The hostile corpus, small: each probe an attacker or a careless user tried (issue 18), with
the outcome it must have. ``bench/robustness.py`` runs the full-size versions."""

from __future__ import annotations

import io
import json
import os
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism import bounded
from newsprism.briefing import build_briefing
from newsprism.clean import clean_article
from newsprism.cli import app
from newsprism.ingest import read_inputs
from newsprism.model import Article
from newsprism.options import Options
from newsprism.render.json_out import to_dict
from newsprism.render.markdown import render_markdown

OPTS = Options(progress=False, max_bytes=2_000_000)
GOOD = "The dam held overnight, engineers said on Sunday, and residents of the valley returned home."
runner = CliRunner()


def _gz_stream(path: Path, head: bytes, filler: bytes, n_mb: int) -> None:
    co = zlib.compressobj(9, zlib.DEFLATED, 31)
    with open(path, "wb") as fh:
        fh.write(co.compress(head))
        block = filler * (1 << 20)
        for _ in range(n_mb):
            fh.write(co.compress(block))
        fh.write(co.flush())


class _Spaces(io.RawIOBase):
    def __init__(self, n: int) -> None:
        self.n = n

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        k = min(len(b), self.n)
        b[:k] = b" " * k
        self.n -= k
        return k


def _reasons(r) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {Path(s.item.split("#")[0].split(":")[0]).name: s.reason for s in r.skipped}


def test_decompression_bombs_stop_early_with_a_short_reason(tmp_path: Path) -> None:
    _gz_stream(tmp_path / "zeros.warc.gz", b"", b"\0", 40)
    _gz_stream(tmp_path / "line.warc.gz", b"WARC/1.0 ", b"x", 40)
    with open(tmp_path / "record.warc.gz", "wb") as fh:  # a well-formed record of 40 MB of spaces
        w = WARCWriter(fh, gzip=True)
        h = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        w.write_record(w.create_warc_record("https://a.example/", "response",
                                            payload=io.BufferedReader(_Spaces(40_000_000)), http_headers=h))
    (tmp_path / "ok.txt").write_text(GOOD)
    r = read_inputs([str(tmp_path)], OPTS)
    reasons = _reasons(r)
    assert [a.id for a in r.articles] == ["ok"]
    assert "not a WARC file" in reasons["zeros.warc.gz"]
    assert "headers are over" in reasons["line.warc.gz"] or "bomb" in reasons["line.warc.gz"]
    assert "decompression bomb" in reasons["record.warc.gz"] or "over the" in reasons["record.warc.gz"]
    assert all(len(s.reason) < 400 and "\n" not in s.reason for s in r.skipped)


def test_plain_warc_with_an_endless_first_line(tmp_path: Path) -> None:
    (tmp_path / "long.warc").write_bytes(b"WARC/1.0 " + b"y" * 3_000_000)
    r = read_inputs([str(tmp_path / "long.warc")], OPTS)
    assert not r.articles and "headers are over" in r.skipped[0].reason and len(r.skipped[0].reason) < 200


def test_stdin_and_jsonl_lines_are_bounded() -> None:
    r = read_inputs(["-"], OPTS, stdin=io.BytesIO(b"word " * 500_000))
    assert not r.articles and "stdin is more than 2.0 MB" in r.skipped[0].reason
    big = json.dumps({"text": "x " * 1_500_000}).encode()
    lines = json.dumps({"text": GOOD}).encode() + b"\n" + big + b"\n" + json.dumps({"text": GOOD + " Again."}).encode()
    r = read_inputs(["-"], OPTS, stdin=io.BytesIO(lines))
    assert len(r.articles) == 2 and "<stdin>:2" == r.skipped[0].item and "line is" in r.skipped[0].reason


def test_one_long_line_is_cut_at_max_chars_and_said(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text(("The river rose again overnight. " * 20_000).strip())
    r = read_inputs([str(tmp_path / "long.txt")], Options(progress=False, max_chars=50_000))
    assert len(r.articles[0].text) <= 50_000 and r.articles[0].text.endswith(".")
    assert any("over the 50,000-character limit" in w for w in r.warnings)


def test_special_files_links_and_unreadable_folders_are_reported(tmp_path: Path, monkeypatch) -> None:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "ok.txt").write_text(GOOD)
    (d / "sub" / "deep.txt").write_text(GOOD + " More.")
    os.mkfifo(d / "pipe.txt")
    os.symlink("/nonexistent/file.txt", d / "dangling.txt")
    os.symlink(d, d / "sub" / "loop")
    os.symlink(d / "self.txt", d / "self.txt")
    (d / "locked").mkdir()
    (d / ".hidden.txt").write_text(GOOD)
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":  # as root, chmod cannot make a folder unreadable
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(bounded.os, "scandir", scandir)
    r = read_inputs([str(d), str(d / "pipe.txt")], OPTS)
    assert sorted(a.id for a in r.articles) == ["deep", "ok"]
    reasons = {Path(s.item).name: s.reason for s in r.skipped}
    assert "named pipe" in reasons["pipe.txt"] and len([s for s in r.skipped if s.item.endswith("pipe.txt")]) == 2
    assert "broken symbolic link" in reasons["dangling.txt"]
    assert "loop" in reasons["loop"] and "loop" in reasons["self.txt"]
    assert "Permission denied" in reasons["locked"]
    assert any("1 hidden item" in w for w in r.warnings)


def test_encodings_are_read_right_or_warned(tmp_path: Path) -> None:
    fr = "Le ministre a déclaré à la presse que la réforme était nécessaire pour le café du pays."
    (tmp_path / "latin1.txt").write_bytes(fr.encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes(GOOD.encode("utf-16-le"))
    (tmp_path / "utf32.txt").write_bytes(GOOD.encode("utf-32-be"))
    (tmp_path / "mixed.txt").write_bytes("Le café était fermé, ".encode() + "dit le maire à la télé.".encode("latin-1"))
    (tmp_path / "cyrillic.txt").write_bytes("Наводнение в городе".encode("cp1251"))
    r = read_inputs([str(tmp_path)], OPTS)
    text = {a.id: a.text for a in r.articles}
    assert text["latin1"] == fr and text["utf16"] == GOOD == text["utf32"]
    assert text["mixed"] == "Le café était fermé, dit le maire à la télé."
    warned = " ".join(r.warnings)
    assert "mixed.txt: mixed encodings" in warned and "utf16.txt: read as UTF-16-LE" in warned
    assert "latin1.txt" not in warned
    assert "cyrillic.txt" in warned or text["cyrillic"] == "Наводнение в городе"


def test_one_line_article_is_kept_and_an_emptied_one_is_skipped(nlp) -> None:
    one = clean_article(Article(id="one", text="Markets rallied on Friday after the central bank held rates"))
    assert one.text == "Markets rallied on Friday after the central bank held rates"
    arts = [Article(id="ok", text=GOOD, origin="ok.txt"),
            Article(id="boiler", text="Photo: Reuters\n\nCopyright 2024 Example News. All rights reserved.",
                    origin="boiler.txt")]
    b = build_briefing(arts, Options(progress=False), nlp=nlp)
    assert [a.article.id for a in b.story.articles] == ["ok"]
    assert [s.item for s in b.skipped] == ["boiler.txt"] and "no text left after cleaning" in b.skipped[0].reason


INJECTION = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[here](javascript:alert(1))",
    "\x1b]0;owned\x07\x1b[2J\x9b31m",
]


def test_injection_payloads_reach_neither_markdown_nor_terminal(tmp_path: Path) -> None:
    payload = " ".join(INJECTION)
    recs = [
        {"id": f"evil{k}", "title": f"Flood {payload}", "outlet": f"Daily {payload}",
         "text": f"Rescuers reached the village of Brenna on Monday, officials said. {payload}\n\n"
                 f"\"The water came in minutes,\" said farmer Ana Ruiz. {payload}\n\n"
                 f"At least 12 people were injured, the regional health office said. {payload}"}
        for k in range(2)
    ]
    d = tmp_path / "in"
    d.mkdir()
    (d / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in recs) + "\n")
    (d / "bad\x1b[31mname.txt").write_text("")
    out = tmp_path / "out"
    res = runner.invoke(app, ["brief", str(d), "-o", str(out)])
    assert res.exit_code == 0, res.output
    md = (out / "briefing.md").read_text()
    for bad in ("<script", "<img", "](javascript:", "\x1b", "\x07", "\x9b"):
        assert bad not in md, bad
    assert "\x1b" not in res.output and "\x9b" not in res.output and "\x07" not in res.output
    assert "bad\\x1b[31mname.txt" in res.output.replace("\\[", "[")
    data = json.loads((out / "briefing.json").read_text())
    assert any("<script>" in s["text"] for s in data["sources"])  # the JSON keeps the text as given


def test_output_folder_is_checked_before_any_analysis(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "taken").write_text("a file")
    res = runner.invoke(app, ["brief", str(tmp_path / "a.txt"), "-o", str(tmp_path / "taken")])
    assert res.exit_code == 2 and "is not a folder" in res.output and "annotating" not in res.output
    assert len(res.output.strip().splitlines()) == 1


def test_renderers_survive_lone_surrogates(nlp) -> None:
    r = read_inputs(["-"], OPTS, stdin=io.BytesIO(b'{"text": "' + GOOD.encode() + b' \\ud800", "outlet": "X\\udfff"}'))
    b = build_briefing(r.articles, Options(progress=False), nlp=nlp)
    data = to_dict(b, "m")
    render_markdown(data).encode("utf-8")
    json.dumps(data, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("n", [2])
def test_two_runs_into_one_folder_leave_one_runs_files(tmp_path: Path, n: int) -> None:
    from newsprism.outputs import write_together

    out = tmp_path / "out"
    for k in range(n):
        write_together(out, {"briefing.json": f'{{"run": {k}}}', "briefing.md": f"run {k}", "briefing.html": f"run {k}"})
    assert json.loads((out / "briefing.json").read_text())["run"] == n - 1
    assert (out / "briefing.md").read_text() == f"run {n - 1}" == (out / "briefing.html").read_text()
