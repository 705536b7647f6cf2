"""Property tests (hypothesis) for every reader, the cleaner and every extractor: arbitrary
Unicode, control characters, unbalanced and nested quotes, odd separators, malformed dates and
long paragraphs. No exception escapes, every input item is accounted for, spans round-trip.
Few examples and no deadline, so CI stays quick; nothing here is timed."""

from __future__ import annotations

import gzip
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.annotate import annotate_doc
from newsprism.bounded import BadInput
from newsprism.clean import _WORD, clean_article
from newsprism.ingest import read_inputs
from newsprism.model import Article
from newsprism.options import Options
from newsprism.textcodec import decode

FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OPTS = Options(progress=False, max_bytes=200_000, max_chars=20_000)

FRAGMENTS = [
    "The minister said", "said", "told reporters", "according to officials", '"', "“", "”", "‘", "’",
    "«", "»", "'", "--", "—", " - ", ":", ";", "\n", "\n\n", "\r\n", "\t", "\x00", "\x1b[31m", "\u200b",
    "\u2028", "12", "1,200", "3.5 million", "at least 40", "dozens", "%", "$", "€5bn", "Monday",
    "on 4 April 2017", "2017-04-31", "31/02/2024", "April 45", "yesterday", "last week", "in 1998",
    "<p>", "</p>", "<script>", "&amp;", "[x](javascript:y)", "Dr.", "U.S.", "Mr Smith", "she", "he",
    "(", ")", "[", "]", "?", "!", ".", "...", "…", "I", "we", "Police", "people were killed",
    "injured", "the company", "Reuters", "AP", "Photo: ", "Copyright", "By Jane Doe",
]
words = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12))
SEPS = st.sampled_from([" ", " ", " ", "\n", "\n\n", "", "\t", "  "])


@st.composite
def article_text(draw: st.DrawFn, max_parts: int = 80) -> str:
    parts = draw(st.lists(st.tuples(words, SEPS), max_size=max_parts))
    return "".join(w + s for w, s in parts)


def _read(name: str, data: bytes) -> tuple[list, list, list]:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / name
        p.write_bytes(data)
        r = read_inputs([str(p)], OPTS)
    return r.articles, r.skipped, r.warnings


def _accounted(name: str, data: bytes) -> None:
    arts, skipped, warnings = _read(name, data)
    assert arts or skipped, f"{name}: neither an article nor a skipped line"
    for s in skipped:
        assert "\n" not in s.reason and len(s.reason) < 400
    for w in warnings:
        assert "\n" not in w and len(w) < 400
    for a in arts:
        assert a.text.strip() and len(a.text) <= OPTS.max_chars


@FAST
@given(st.binary(max_size=3000))
def test_decode_gives_text_or_a_reason(data: bytes) -> None:
    try:
        out = decode(data)
    except BadInput as exc:
        assert str(exc)
    else:
        assert isinstance(out.text, str)


@FAST
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.json", "a.xml",
                                                   "a.warc", "a.warc.gz", "a.bin"]))
def test_every_reader_on_arbitrary_bytes(data: bytes, name: str) -> None:
    _accounted(name, data)


@FAST
@given(article_text(), st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1"]))
def test_text_reader_on_odd_text(text: str, encoding: str) -> None:
    _accounted("a.txt", text.encode(encoding, errors="replace"))


@FAST
@given(st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["id", "text", "title", "outlet", "url", "published", "language"]),
                    st.one_of(article_text(20), st.integers(), st.none(), st.lists(st.integers(), max_size=2))),
    st.text(max_size=30)), min_size=1, max_size=5))
def test_jsonl_reader_on_odd_records(records: list) -> None:
    lines = [json.dumps(r) if not isinstance(r, str) else r for r in records]
    _accounted("a.jsonl", "\n".join(lines).encode("utf-8", errors="surrogatepass"))


@FAST
@given(article_text(30), article_text(10), st.text(max_size=30))
def test_html_feed_and_warc_readers_on_odd_markup(body: str, title: str, date: str) -> None:
    from xml.sax.saxutils import escape

    html = f"<html><head><title>{title}</title><meta name='date' content='{date}'></head><body><p>{body}</p></body></html>"
    _accounted("a.html", html.encode("utf-8", errors="replace"))
    feed = (f"<?xml version='1.0'?><rss><channel><title>{escape(title)}</title><item><title>{escape(title)}</title>"
            f"<pubDate>{escape(date)}</pubDate><description>{escape(body)}</description></item></channel></rss>")
    _accounted("a.xml", feed.encode("utf-8", errors="replace"))
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    h = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
    w.write_record(w.create_warc_record("https://x.example/", "response",
                                        payload=io.BytesIO(html.encode("utf-8", errors="replace")), http_headers=h))
    _accounted("a.warc", buf.getvalue())
    _accounted("a.warc.gz", gzip.compress(buf.getvalue())[: max(10, len(buf.getvalue()) // 3)])


@FAST
@given(article_text(120))
def test_cleaner_keeps_every_character_traceable(text: str) -> None:
    c = clean_article(Article(id="x", text=text))
    for cs, rs, n in c.offsets.segments:
        assert c.text[cs : cs + n] == c.raw[rs : rs + n]
    for r in c.removed:
        assert 0 <= r.raw_start <= r.raw_end <= len(text)
    for p0, p1 in c.paragraphs:
        assert 0 <= p0 <= p1 <= len(c.text)
    # text with a visible character (the cleaner counts zero-width and other Unicode spaces as
    # white space) that nothing removed must keep some text
    if _WORD.search(text) and not c.removed and not c.headings:
        assert c.text.strip()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(article_text(120))
def test_every_extractor_on_odd_text(nlp, text: str) -> None:
    clean = clean_article(Article(id="x", text=text, published="2024-03-01"))
    doc = nlp(clean.text)
    ann = annotate_doc(doc, clean)
    t = clean.text
    assert not [w for w in ann.warnings if "extraction failed" in w], ann.warnings
    for rec in (*ann.sentences, *ann.mentions, *ann.quotes, *ann.figures, *ann.dates):
        assert 0 <= rec.start <= rec.end <= len(t)
        assert t[rec.start : rec.end] == rec.text, rec
    for q in ann.quotes:
        for a, b in ((q.speaker_start, q.speaker_end), (q.cue_start, q.cue_end), (q.source_start, q.source_end)):
            if a is not None:
                assert b is not None and 0 <= a <= b <= len(t)


def test_invisible_only_text_is_skipped_with_a_reason() -> None:
    """Zero-width and other Unicode spaces alone are white space: the article is left out with a
    reason (found by hypothesis: '\\u200b ')."""
    from newsprism.clean import clean_articles

    kept, skipped = clean_articles([Article(id="x", text="\u200b \ufeff\u2003")])
    assert not kept and len(skipped) == 1 and "no text left" in skipped[0].reason
