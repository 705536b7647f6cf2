"""Ingest stage: files, directories, globs or stdin -> Article records.

Every bad item (empty, binary, undecodable, over the size limit, malformed JSON/HTML/feed/WARC)
becomes one ``Skipped`` line naming the item and the reason; the rest of the batch carries on.
"""

from __future__ import annotations

import datetime as dt
import glob
import gzip
import io
import json
import re
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import charset_normalizer
import feedparser
import lxml.etree
import lxml.html
import trafilatura
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .model import Article, IngestResult, Skipped
from .options import Options

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
FEED_EXT = {".rss", ".atom", ".xml"}
WARC_EXT = {".warc"}


class BadInput(Exception):
    """An input item that cannot be read; the message is the reason shown to the user."""


def read_inputs(inputs: Sequence[str], options: Options, stdin: BinaryIO | None = None) -> IngestResult:
    """Read every input (file, directory, glob, or ``-`` for stdin) into articles."""
    result = IngestResult()
    for source, data_or_path in _expand(inputs, result):
        if source == "-":
            data = (stdin or sys.stdin.buffer).read()
            _read_bytes(data, "<stdin>", "stdin", options, result)
        else:
            _read_path(Path(data_or_path), options, result)
    _dedupe_ids(result.articles)
    return result


def _expand(inputs: Sequence[str], result: IngestResult) -> Iterator[tuple[str, str]]:
    for item in inputs:
        if item == "-":
            yield "-", "-"
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            if not files:
                result.skipped.append(Skipped(item, "directory holds no files"))
            for p in files:
                yield "path", str(p)
        elif path.is_file():
            yield "path", item
        elif any(ch in item for ch in "*?["):
            matches = sorted(m for m in glob.glob(item, recursive=True) if Path(m).is_file())
            if not matches:
                result.skipped.append(Skipped(item, "no file matches this pattern"))
            for m in matches:
                yield "path", m
        else:
            result.skipped.append(Skipped(item, "no such file or directory"))


def _hidden(p: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in p.relative_to(root).parts)


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
        size = path.stat().st_size
        if kind == "warc":
            with open(path, "rb") as fh:
                _read_warc(fh, str(path), options, result)
            return
        if kind == "jsonl" or (kind is None and size > options.max_bytes):
            if size == 0:
                raise BadInput("empty file")
            with open(path, "rb") as fh:
                head = fh.read(2048)
            if kind == "jsonl" or _sniff(head) == "jsonl":
                with open(path, "rb") as fh:
                    _read_jsonl(fh, str(path), path.stem, options, result)
                return
        if size > options.max_bytes:
            raise BadInput(
                f"file is {size / 1e6:.1f} MB, over the {options.max_bytes / 1e6:.0f} MB limit "
                "for one article (option max_bytes)"
            )
        data = path.read_bytes()
    except BadInput as exc:
        result.skipped.append(Skipped(str(path), str(exc)))
        return
    except OSError as exc:
        result.skipped.append(Skipped(str(path), f"cannot read file: {exc.strerror or exc}"))
        return
    _read_bytes(data, str(path), path.stem, options, result, kind)


def _read_bytes(
    data: bytes, origin: str, stem: str, options: Options, result: IngestResult, kind: str | None = None
) -> None:
    try:
        if not data.strip():
            raise BadInput("empty file")
        kind = kind or _sniff(data)
        if kind == "warc":
            _read_warc(io.BytesIO(data), origin, options, result)
        elif kind == "jsonl":
            _read_jsonl(io.BytesIO(data), origin, stem, options, result)
        elif kind == "json":
            _read_json(data, origin, stem, result)
        elif kind == "html":
            result.articles.append(_html_article(data, origin, stem))
        elif kind == "feed":
            _read_feed(data, origin, stem, result)
        else:
            text = decode(data)
            if not text.strip():
                raise BadInput("empty file")
            result.articles.append(Article(id=stem, text=text, origin=origin))
    except BadInput as exc:
        result.skipped.append(Skipped(origin, str(exc)))


def decode(data: bytes) -> str:
    """Bytes -> text: UTF-8 (with or without BOM) first, then charset detection.

    Raises BadInput for binary data or an undetectable encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BadInput(f"broken UTF-16 text: {exc.reason}") from exc
    sample = data[:8192]
    if b"\x00" in sample:
        raise BadInput("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise BadInput("not text: no character encoding fits these bytes")
    text = str(best)
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text[:4000])
    if printable < 0.95 * min(len(text), 4000):
        raise BadInput(f"binary file (decodes as {best.encoding} to mostly unprintable characters)")
    return text


# --------------------------------------------------------------------------- HTML


def _html_article(data: bytes, origin: str, stem: str, url: str | None = None) -> Article:
    html = decode(data)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, lxml.etree.LxmlError) as exc:
        raise BadInput(f"malformed HTML: {exc}") from exc
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


def _read_jsonl(fh: BinaryIO, origin: str, stem: str, options: Options, result: IngestResult) -> None:
    read = 0
    for lineno, line in enumerate(fh, start=1):
        where = f"{origin}:{lineno}"
        if not line.strip():
            continue
        if len(line) > options.max_bytes:
            result.skipped.append(Skipped(where, f"line is {len(line) / 1e6:.1f} MB, over the limit"))
            continue
        try:
            obj = json.loads(decode(line))
            result.articles.append(_record_article(obj, f"{stem}-{lineno}", where, result))
            read += 1
        except json.JSONDecodeError as exc:
            result.skipped.append(Skipped(where, f"malformed JSON: {exc.msg} at column {exc.colno}"))
        except BadInput as exc:
            result.skipped.append(Skipped(where, str(exc)))
    if read == 0 and not any(s.item.startswith(origin) for s in result.skipped):
        result.skipped.append(Skipped(origin, "no JSON lines in file"))


def _read_json(data: bytes, origin: str, stem: str, result: IngestResult) -> None:
    try:
        obj = json.loads(decode(data))
    except json.JSONDecodeError as exc:
        raise BadInput(f"malformed JSON: {exc.msg} at line {exc.lineno}") from exc
    items = obj if isinstance(obj, list) else [obj]
    for i, item in enumerate(items, start=1):
        where = f"{origin}[{i}]" if isinstance(obj, list) else origin
        try:
            result.articles.append(_record_article(item, f"{stem}-{i}", where, result))
        except BadInput as exc:
            result.skipped.append(Skipped(where, str(exc)))


# --------------------------------------------------------------------------- feeds


def _read_feed(data: bytes, origin: str, stem: str, result: IngestResult) -> None:
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        raise BadInput(f"not a readable RSS/Atom feed{': ' + str(reason) if reason else ''}")
    outlet = feed.feed.get("title") or None
    for i, entry in enumerate(feed.entries, start=1):
        where = f"{origin}#{i}"
        body = ""
        if entry.get("content"):
            body = entry.content[0].get("value", "")
        body = body or entry.get("summary", "")
        text = html_fragment_text(body)
        if not text.strip():
            result.skipped.append(Skipped(where, "feed entry has no content or summary"))
            continue
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat()
        result.articles.append(
            Article(
                id=f"{stem}-{i}",
                text=text,
                title=entry.get("title") or None,
                outlet=outlet,
                url=entry.get("link") or None,
                published=published,
                origin=where,
            )
        )


# --------------------------------------------------------------------------- WARC


def _gzip_damage(fh: BinaryIO) -> str | None:
    """Why a gzipped WARC is damaged (truncated or corrupt stream), or None when intact."""
    fh.seek(0)
    if fh.read(2) != b"\x1f\x8b":
        fh.seek(0)
        return None
    fh.seek(0)
    try:
        with gzip.GzipFile(fileobj=fh) as gz:
            while gz.read(1 << 20):
                pass
    except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as exc:
        return str(exc) or type(exc).__name__
    finally:
        fh.seek(0)
    return None


def _read_warc(fh: BinaryIO, origin: str, options: Options, result: IngestResult) -> None:
    damage = _gzip_damage(fh)
    found = 0
    n = 0
    try:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"record {n}"
            where = f"{origin}#{n} {uri}"
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            status = record.http_headers.get_statuscode() if record.http_headers else None
            if "html" not in ctype.lower():
                continue
            if status and not str(status).startswith("2"):
                result.skipped.append(Skipped(where, f"HTTP status {status}"))
                continue
            body = record.content_stream().read(options.max_bytes + 1)
            if len(body) > options.max_bytes:
                result.skipped.append(Skipped(where, "HTML response over the size limit"))
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:
                result.skipped.append(Skipped(where, "record is truncated (shorter than its Content-Length)"))
                continue
            try:
                art = _html_article(body, where, f"{Path(origin).name.split('.')[0]}-{n}", url=uri)
            except BadInput as exc:
                result.skipped.append(Skipped(where, str(exc)))
                continue
            result.articles.append(art)
            found += 1
    except (ArchiveLoadFailed, EOFError, zlib.error, gzip.BadGzipFile, ValueError, AttributeError) as exc:
        detail = "a record's headers are cut off" if isinstance(exc, AttributeError) else f"{type(exc).__name__}: {exc}"
        damage = damage or detail
    if damage:
        result.skipped.append(
            Skipped(origin, f"malformed or truncated WARC ({damage}); {found} article(s) read before the damage")
        )
    elif found == 0 and n == 0:
        result.skipped.append(Skipped(origin, "WARC holds no HTML response records"))


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
