"""Ingest: every format, and one clear line per bad item while the batch carries on."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import BadInput, decode, read_inputs
from newsprism.options import Options

OPTS = Options(progress=False)
ROOT = Path(__file__).resolve().parents[1]

HTML = """<!DOCTYPE html><html><head><title>Bridge reopens after repairs | Valley Post</title>
<meta property="og:site_name" content="Valley Post">
<meta property="article:published_time" content="2024-05-02T10:00:00Z"></head>
<body><nav>Home | News | Sport</nav><article><h1>Bridge reopens after repairs</h1>
<p>The Old Mill bridge reopened to traffic on Thursday after eight months of repairs that cost the county 4.2 million dollars, officials said.</p>
<p>"It is a relief for everyone who commutes from the north side," said Mayor Ann Cole at the ribbon-cutting ceremony.</p>
<p>Engineers found cracks in two of the bridge's supports during a routine inspection last September and closed it the next day.</p>
</article><footer>Copyright Valley Post</footer></body></html>"""

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>
<item><title>Ferry strike ends</title><link>https://example.org/a</link>
<pubDate>Tue, 04 Jun 2024 08:00:00 GMT</pubDate>
<description><![CDATA[<p>Ferry workers ended their three-day strike on Monday after the operator agreed to a new pay offer.</p><p>Services resume today.</p>]]></description></item>
<item><title>Empty</title><link>https://example.org/b</link><description></description></item>
</channel></rss>"""


def _warc(path: Path, pages: list[tuple[str, str]]) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for uri, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
            rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
            writer.write_record(rec)


def test_txt_directory_and_glob() -> None:
    r = read_inputs([str(ROOT / "examples" / "khan-shaykhun")], OPTS)
    assert len(r.articles) == 3 and not r.skipped
    g = read_inputs([str(ROOT / "examples" / "khan-shaykhun" / "00[01]*.txt")], OPTS)
    assert len(g.articles) == 2


def test_jsonl_example_keeps_metadata() -> None:
    r = read_inputs([str(ROOT / "examples" / "khan-shaykhun-jsonl" / "articles.jsonl")], OPTS)
    assert [(a.outlet, a.published) for a in r.articles] == [
        ("The Conversation", "2017-04-04"), ("CBC News", "2017-04-05"), ("TRT World", "2017-04-06"),
    ]


def test_html_and_feed(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "feed.xml").write_text(RSS, encoding="utf-8")
    r = read_inputs([str(tmp_path)], OPTS)
    by_origin = {a.origin: a for a in r.articles}
    page = by_origin[str(tmp_path / "page.html")]
    assert "Old Mill bridge reopened" in page.text and "Home | News" not in page.text
    assert page.outlet == "Valley Post" and page.published == "2024-05-02"
    feed = [a for a in r.articles if a.outlet == "Harbour Times"]
    assert len(feed) == 1 and feed[0].published == "2024-06-04" and feed[0].title == "Ferry strike ends"
    assert "\n\n" in feed[0].text
    assert any("no content" in s.reason for s in r.skipped)


def test_warc_and_truncated_warc(tmp_path: Path) -> None:
    good = tmp_path / "crawl.warc.gz"
    _warc(good, [("https://example.org/bridge", HTML), ("https://example.org/again", HTML.replace("Old Mill", "New Mill"))])
    r = read_inputs([str(good)], OPTS)
    assert len(r.articles) == 2 and r.articles[0].url == "https://example.org/bridge"
    data = good.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) // 2 + 40])
    r2 = read_inputs([str(cut)], OPTS)
    assert r2.skipped and "WARC" in r2.skipped[0].reason
    assert len(r2.articles) <= 1


def test_bad_inputs_each_get_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "latin1.txt").write_bytes("Le ministre a déclaré que la réforme était nécessaire pour l'économie du pays.".encode("latin-1"))
    (tmp_path / "broken.html").write_text("<html><body><p>Unclosed <b>tag and no article", encoding="utf-8")
    lines = [
        json.dumps({"id": "ok1", "text": "The river burst its banks on Monday, flooding the lower town.", "published": "2024-03-01"}),
        "{not json",
        json.dumps({"id": "no-text", "title": "x"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "bad-date", "text": "Rescue teams reached the valley by nightfall.", "published": "yesterday"}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "big.txt").write_bytes(b"word " * 300_000)
    opts = Options(progress=False, max_bytes=1_000_000)
    r = read_inputs([str(tmp_path), str(tmp_path / "missing.txt")], opts)
    reasons = {Path(s.item.split(":")[0]).name: s.reason for s in r.skipped}
    assert reasons["empty.txt"] == "empty file" and reasons["blank.txt"] == "empty file"
    assert "binary" in reasons["image.txt"]
    assert "over the" in reasons["big.txt"]
    assert "no such file" in reasons["missing.txt"]
    assert any("malformed JSON" in s.reason for s in r.skipped)
    assert any("'text'" in s.reason for s in r.skipped)
    ids = {a.id for a in r.articles}
    assert {"ok1", "bad-date", "latin1"} <= ids
    assert next(a for a in r.articles if a.id == "latin1").text.startswith("Le ministre a déclaré")
    assert any("not ISO 8601" in w for w in r.warnings)
    assert all("\n" not in s.reason for s in r.skipped)


def test_stdin_jsonl_and_text() -> None:
    data = json.dumps({"text": "Crews contained the fire by Sunday evening."}).encode() + b"\n"
    r = read_inputs(["-"], OPTS, stdin=io.BytesIO(data))
    assert len(r.articles) == 1
    r2 = read_inputs(["-"], OPTS, stdin=io.BytesIO(b"Plain text from a pipe."))
    assert r2.articles[0].text == "Plain text from a pipe."


def test_decode_detects_legacy_encodings() -> None:
    text = "Überschwemmungen in der Stadt: Die Feuerwehr rettete am Montag zwölf Menschen aus ihren Häusern."
    assert decode(text.encode("cp1252")) == text
    assert decode("\ufeffBOM text".encode()) == "BOM text"
    with pytest.raises(BadInput):
        decode(gzip.compress(b"newsprism " * 200))


def test_huge_file_is_skipped_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(50_000_000)  # 50 MB (sparse): skipped on its size, never read
    (tmp_path / "ok.txt").write_text("The dam held overnight, engineers said on Sunday.", encoding="utf-8")
    r = read_inputs([str(tmp_path)], Options(progress=False))
    assert [a.id for a in r.articles] == ["ok"]
    assert len(r.skipped) == 1 and "50.0 MB" in r.skipped[0].reason
