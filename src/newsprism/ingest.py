"""Ingest stage: files, directories, globs or stdin -> Article records.

Every bad item (empty, binary, undecodable, over the size limit, malformed JSON/HTML/feed/WARC)
becomes one ``Skipped`` line naming the item and the reason; the rest of the batch carries on.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import feedparser
import lxml.etree
import lxml.html
import trafilatura
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from . import textcodec
from .bounded import (
    BadInput,
    GuardedStream,
    check_path,
    over_limit,
    read_at_most,
    read_line_at_most,
    walk,
)
from .model import Article, IngestResult, Skipped
from .options import Options
from .safety import short

__all__ = ["BadInput", "decode", "html_fragment_text", "read_inputs"]

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
FEED_EXT = {".rss", ".atom", ".xml"}
WARC_EXT = {".warc"}


def read_inputs(
    inputs: Sequence[str], options: Options, stdin: BinaryIO | None = None,
    sink: Callable[[Article], None] | None = None,
) -> IngestResult:
    """Read every input (file, directory, glob, or ``-`` for stdin) into articles. Every item
    ends up as an article or in ``skipped`` with a short reason.

    With ``sink``, each article is handed to it as soon as it is read and not kept (the
    result's ``articles`` stay empty, and ids are not made unique: the caller does that), so a
    JSONL or WARC file of any length is never held in memory whole."""
    result = IngestResult(articles=_Streamed(sink)) if sink is not None else IngestResult()
    for source, path in _expand(inputs, result):
        if source == "-":
            _read_stream(stdin or sys.stdin.buffer, "<stdin>", "stdin", options, result)
        else:
            _read_path(Path(path), options, result)
    if sink is not None:
        result.articles = []
    _dedupe_ids(result.articles)
    result.skipped = [Skipped(_SURROGATE.sub("\ufffd", s.item), short(s.reason)) for s in result.skipped]
    result.warnings = [short(w) for w in result.warnings]
    return result


class _Streamed(list[Article]):
    """The articles of a streamed read (``read_inputs(..., sink=...)``): appending one hands it
    to the sink; nothing is kept."""

    def __init__(self, sink: Callable[[Article], None]) -> None:
        super().__init__()
        self.sink = sink

    def append(self, art: Article) -> None:
        self.sink(art)


def _skip(result: IngestResult, item: str, reason: str) -> None:
    result.skipped.append(Skipped(item, short(reason)))


def _expand(inputs: Sequence[str], result: IngestResult) -> Iterator[tuple[str, str]]:
    for item in inputs:
        if item == "-":
            yield "-", "-"
            continue
        path = Path(item)
        entry = check_path(path)
        if entry.reason == "a folder":
            files = 0
            for e in walk(path):
                if e.reason is None:
                    files += 1
                    yield "path", e.path
                elif e.warning:
                    result.warnings.append(f"{e.path}: {e.reason}")
                else:
                    _skip(result, e.path, e.reason)
            if not files:
                _skip(result, item, "directory holds no files")
        elif entry.reason is None:
            yield "path", item
        elif entry.reason == "no such file or directory" and any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            found = 0
            for m in matches:
                e = check_path(Path(m))
                if e.reason is None:
                    found += 1
                    yield "path", m
                elif e.reason != "a folder":
                    _skip(result, m, e.reason)
            if not found:
                _skip(result, item, "no file matches this pattern")
        else:
            _skip(result, item, entry.reason)


def _kind(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith((".warc.gz", ".warc")):
        return "warc"
    suffix = Path(lower).suffix
    for kind, exts in (("txt", TEXT_EXT), ("html", HTML_EXT), ("jsonl", JSONL_EXT), ("feed", FEED_EXT)):
        if suffix in exts:
            return kind
    if suffix == ".json":
        return "json"
    return None


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith(b"warc/") or data[:2] == b"\x1f\x8b":
        return "warc"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"[") :
        return "json"
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        return "feed" if (b"<rss" in head or b"<feed" in head or b"<rdf" in head) else "html"
    if head.startswith(b"<!doctype html") or head.startswith(b"<html") or b"<body" in head:
        return "html"
    return "txt"


def _read_path(path: Path, options: Options, result: IngestResult) -> None:
    kind = _kind(path.name)
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            _read_stream(fh, str(path), path.stem, options, result, kind, size)
    except OSError as exc:
        _skip(result, str(path), f"cannot read file: {exc.strerror or exc}")


def _read_stream(
    fh: BinaryIO, origin: str, stem: str, options: Options, result: IngestResult,
    kind: str | None = None, size: int | None = None,
) -> None:
    """One file or stdin. WARC and JSON Lines are read record by record (each one under
    ``max_bytes``); anything else is one item of at most ``max_bytes``, counted while it is
    read (``size``, when the file system gives it, only makes the message exact)."""
    try:
        head = fh.read(2048)
        if not head:
            raise BadInput("empty file")
        kind = kind or _sniff(head)
        stream = _Chain(head, fh)
        if kind == "warc":
            _read_warc(stream, origin, options, result)
        elif kind == "jsonl":
            _read_jsonl(stream, origin, stem, options, result)
        else:
            what = "stdin" if origin == "<stdin>" else "file"
            if size is not None and size > options.max_bytes:
                raise over_limit(what, options.max_bytes, size)
            _read_bytes(read_at_most(stream, options.max_bytes, what), origin, stem, options, result, kind)
    except BadInput as exc:
        _skip(result, origin, str(exc))


class _Chain:
    """A stream whose first bytes were already read (to sniff the format): ``head`` then ``fh``."""

    def __init__(self, head: bytes, fh: BinaryIO) -> None:
        self.head = head
        self.fh = fh

    def read(self, n: int = -1) -> bytes:
        if self.head:
            if n is None or n < 0:
                data, self.head = self.head + self.fh.read(), b""
                return data
            data, self.head = self.head[:n], self.head[n:]
            if len(data) < n:
                data += self.fh.read(n - len(data))
            return data
        return self.fh.read(n)

    def readline(self, limit: int = -1) -> bytes:
        if not self.head:
            return self.fh.readline(limit)
        nl = self.head.find(b"\n")
        if nl >= 0 and (limit < 0 or nl < limit):
            data, self.head = self.head[: nl + 1], self.head[nl + 1 :]
            return data
        if 0 <= limit <= len(self.head):
            data, self.head = self.head[:limit], self.head[limit:]
            return data
        data, self.head = self.head, b""
        return data + self.fh.readline(limit - len(data) if limit >= 0 else -1)


def _read_bytes(
    data: bytes, origin: str, stem: str, options: Options, result: IngestResult, kind: str | None = None
) -> None:
    try:
        if not data.strip():
            raise BadInput("empty file")
        kind = kind or _sniff(data)
        if kind == "json":
            _read_json(data, origin, stem, options, result)
        elif kind == "html":
            _add(result, _html_article(data, origin, stem, result), options)
        elif kind == "feed":
            _read_feed(data, origin, stem, options, result)
        else:
            text = _decode(data, origin, result)
            if not text.strip():
                raise BadInput("empty file")
            _add(result, Article(id=stem, text=text, origin=origin), options)
    except BadInput as exc:
        _skip(result, origin, str(exc))


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _add(result: IngestResult, art: Article, options: Options) -> None:
    """Keep an article, cut to ``max_chars`` characters (at a paragraph or sentence break
    near the limit when there is one) with a warning that says so. Lone surrogates (JSON can
    carry them; no file can store them) become U+FFFD, in the text and every field."""
    for name in ("id", "text", "title", "outlet", "url", "published", "language", "origin"):
        value = getattr(art, name)
        if isinstance(value, str) and _SURROGATE.search(value):
            setattr(art, name, _SURROGATE.sub("\ufffd", value))
    n = len(art.text)
    if n > options.max_chars:
        window = art.text[: options.max_chars]
        floor = int(options.max_chars * 0.9)
        cut = max(window.rfind("\n", floor), window.rfind(". ", floor) + 1)
        cut = cut if cut > floor else options.max_chars
        art.text = art.text[:cut]
        result.warnings.append(
            f"{art.origin}: article is {n:,} characters, over the {options.max_chars:,}-character "
            f"limit (option max_chars): only the first {cut:,} are analysed"
        )
    result.articles.append(art)


def _decode(data: bytes, origin: str, result: IngestResult) -> str:
    decoded = textcodec.decode(data)
    if decoded.note:
        result.warnings.append(f"{origin}: {decoded.note}")
    return decoded.text


def decode(data: bytes) -> str:
    """Bytes -> text (see ``textcodec.decode``): BadInput for binary or undecodable data."""
    return textcodec.decode(data).text


# --------------------------------------------------------------------------- HTML


def _html_article(data: bytes, origin: str, stem: str, result: IngestResult, url: str | None = None) -> Article:
    html = _decode(data, origin, result)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, lxml.etree.LxmlError) as exc:
        raise BadInput(f"malformed HTML: {short(exc, 120)}") from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise BadInput("no article text found in the HTML")
    published = _iso_date(getattr(doc, "date", None))
    return Article(
        id=stem,
        text=text,
        title=getattr(doc, "title", None) or None,
        outlet=getattr(doc, "sitename", None) or None,
        url=getattr(doc, "url", None) or url,
        published=published,
        language=getattr(doc, "language", None) or None,
        origin=origin,
    )


def html_fragment_text(fragment: str) -> str:
    """Visible text of an HTML fragment, one paragraph per block element."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for block in root.xpath(".//p|.//div|.//li|.//h1|.//h2|.//h3|.//h4|.//blockquote|.//br"):
        block.tail = ("\n\n" if block.tag != "br" else "\n") + (block.tail or "")
    text = root.text_content()
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()


# --------------------------------------------------------------------------- JSON Lines


_META_FIELDS = ("title", "outlet", "url", "published", "language")


def _record_article(obj: object, default_id: str, origin: str, result: IngestResult) -> Article:
    """An Article from one JSON object; BadInput when it has no text."""
    if not isinstance(obj, dict):
        raise BadInput(f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadInput("no 'text' field with article text")
    meta: dict[str, str | None] = {}
    for key in _META_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            result.warnings.append(f"{origin}: field '{key}' is not a string; ignored")
            value = None
        meta[key] = value or None
    if meta["published"] is not None:
        iso = _iso_date(meta["published"])
        if iso is None:
            result.warnings.append(f"{origin}: 'published' {meta['published']!r} is not ISO 8601; ignored")
        meta["published"] = iso
    raw_id = obj.get("id")
    return Article(id=str(raw_id) if raw_id not in (None, "") else default_id, text=text, origin=origin, **meta)


def _read_jsonl(fh: _Chain, origin: str, stem: str, options: Options, result: IngestResult) -> None:
    """One article per line; each line is read under ``max_bytes`` (a longer one is read
    through in chunks, never kept, and skipped)."""
    read = 0
    lineno = 0
    while True:
        line, length = read_line_at_most(fh, options.max_bytes)
        if not length:
            break
        lineno += 1
        where = f"{origin}:{lineno}"
        if not line:
            _skip(result, where, str(over_limit("line", options.max_bytes, length)))
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(_decode(line, where, result))
            _add(result, _record_article(obj, f"{stem}-{lineno}", where, result), options)
            read += 1
        except json.JSONDecodeError as exc:
            _skip(result, where, f"malformed JSON: {exc.msg} at column {exc.colno}")
        except RecursionError:
            _skip(result, where, "malformed JSON: nested too deeply")
        except BadInput as exc:
            _skip(result, where, str(exc))
    if read == 0 and not any(s.item.startswith(origin) for s in result.skipped):
        _skip(result, origin, "no JSON lines in file")


def _read_json(data: bytes, origin: str, stem: str, options: Options, result: IngestResult) -> None:
    try:
        obj = json.loads(_decode(data, origin, result))
    except json.JSONDecodeError as exc:
        raise BadInput(f"malformed JSON: {exc.msg} at line {exc.lineno}") from exc
    except RecursionError as exc:
        raise BadInput("malformed JSON: nested too deeply") from exc
    items = obj if isinstance(obj, list) else [obj]
    for i, item in enumerate(items, start=1):
        where = f"{origin}[{i}]" if isinstance(obj, list) else origin
        try:
            _add(result, _record_article(item, f"{stem}-{i}", where, result), options)
        except BadInput as exc:
            _skip(result, where, str(exc))


# --------------------------------------------------------------------------- feeds


def _read_feed(data: bytes, origin: str, stem: str, options: Options, result: IngestResult) -> None:
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        raise BadInput(f"not a readable RSS/Atom feed{': ' + short(reason, 120) if reason else ''}")
    outlet = feed.feed.get("title") or None
    for i, entry in enumerate(feed.entries, start=1):
        where = f"{origin}#{i}"
        body = ""
        if entry.get("content"):
            body = entry.content[0].get("value", "")
        body = body or entry.get("summary", "")
        if len(body) > options.max_bytes:
            _skip(result, where, str(over_limit("feed entry", options.max_bytes, len(body))))
            continue
        text = html_fragment_text(body)
        if not text.strip():
            _skip(result, where, "feed entry has no content or summary")
            continue
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat()
        _add(result, Article(
            id=f"{stem}-{i}",
            text=text,
            title=entry.get("title") or None,
            outlet=outlet,
            url=entry.get("link") or None,
            published=published,
            origin=where,
        ), options)


# --------------------------------------------------------------------------- WARC


_WARC_HEADERS = 1 << 20  # most bytes a record's WARC and HTTP headers may take


def _read_warc(fh: _Chain, origin: str, options: Options, result: IngestResult) -> None:
    """HTML response records of a WARC or WARC.gz, each body under ``max_bytes``. The stream
    is decompressed here, counted while it is read: a decompression bomb or a header line with
    no end stops the file with a short reason; the records read before stay."""
    stream = GuardedStream(fh)
    head = stream.read(16)
    if not head.lstrip().upper().startswith(b"WARC/"):
        why = stream.damage or "it does not start with a WARC/ version line"
        raise BadInput(f"not a WARC file ({why})")
    stream_with_head = _Chain(head, stream)  # type: ignore[arg-type]
    found = 0
    n = 0
    damage: str | None = None
    stream.budget_reason = f"a record's headers are over {_WARC_HEADERS // 1024} kB"
    try:
        records = iter(ArchiveIterator(stream_with_head))
        while True:
            # the parser reads only headers inside next(): each record's body was read
            # through below, so a header line with no end stops at the budget
            stream.budget = stream.out + _WARC_HEADERS
            try:
                record = next(records)
            except StopIteration:
                break
            stream.budget = None
            try:
                found += _warc_record(record, n + 1, origin, options, result)
            finally:
                while record.raw_stream.read(1 << 16):
                    pass
            n += record.rec_type == "response"
    except BadInput as exc:
        damage = str(exc)
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, AttributeError) as exc:
        damage = ("a record's headers are cut off" if isinstance(exc, AttributeError)
                  else f"{type(exc).__name__}: {short(exc, 120)}")
    damage = stream.damage or damage
    if damage:
        _skip(result, origin, f"malformed or truncated WARC ({damage}); {found} article(s) read before the damage")
    elif found == 0 and n == 0:
        _skip(result, origin, "WARC holds no HTML response records")


def _warc_record(record: ArcWarcRecord, n: int, origin: str, options: Options, result: IngestResult) -> int:
    """Read one WARC record: 1 when it gave an article, else 0 (skipped with a reason, or not
    an HTML response)."""
    if record.rec_type != "response":
        return 0
    uri = short(record.rec_headers.get_header("WARC-Target-URI") or f"record {n}", 200)
    where = f"{origin}#{n} {uri}"
    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
    status = record.http_headers.get_statuscode() if record.http_headers else None
    if "html" not in ctype.lower():
        return 0
    if status and not str(status).startswith("2"):
        _skip(result, where, f"HTTP status {short(status, 40)}")
        return 0
    try:
        body = read_at_most(record.content_stream(), options.max_bytes, "HTML response")
        if getattr(record.raw_stream, "limit", 0) > 0:
            raise BadInput("record is truncated (shorter than its Content-Length)")
        art = _html_article(body, where, f"{Path(origin).name.split('.')[0]}-{n}", result, url=uri)
    except BadInput as exc:
        _skip(result, where, str(exc))
        return 0
    _add(result, art, options)
    return 1


# --------------------------------------------------------------------------- helpers


def _iso_date(value: str | None) -> str | None:
    """ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) from an ISO date or datetime string."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}(-\d{2})?", value):
        return value
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _dedupe_ids(articles: list[Article]) -> None:
    seen: dict[str, int] = {}
    for art in articles:
        base = art.id
        if base in seen:
            seen[base] += 1
            art.id = f"{base}~{seen[base]}"
        else:
            seen[base] = 1
