"""The web app's access to a store: reads on a read-only connection kept per worker thread
(SQLite in WAL mode: readers never wait for the writer, nor it for them), one writer at a time
(a lock around every ingest and kept briefing), briefings cached per story and set of articles
(a briefing the store kept for the same articles and pipeline is used as it is), uploads written
to a private temporary folder."""

from __future__ import annotations

import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..options import Options
from ..sections import sections
from ..store import Store

if TYPE_CHECKING:
    from spacy.language import Language

# the file types an upload may have (what newsprism.ingest reads), lower case
UPLOAD_TYPES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".warc", ".warc.gz")


class UploadRefused(ValueError):
    """An upload the app does not take (type, size, name); the message says why."""


@dataclass(slots=True)
class Upload:
    name: str  # as the browser sent it (never used as a path)
    data: bytes


@dataclass(slots=True)
class Placement:
    """Where one added article went."""

    article_id: str
    title: str
    story_id: str | None
    story_title: str
    new_story: bool
    duplicate_of: str | None = None


@dataclass(slots=True)
class AddResult:
    read: int = 0
    added: int = 0
    already: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)
    placed: list[Placement] = field(default_factory=list)
    changes: dict[str, dict[str, Any]] = field(default_factory=dict)  # story id -> what changed


def briefing_spans(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every span a briefing cites, marked with its section's kind (the registry's highlights)."""
    out: list[dict[str, Any]] = []
    for section in sections():
        if section.highlight is None or section.name not in data:
            continue
        out.extend({"source_id": sp["source_id"], "start": sp["start"], "end": sp["end"], "kind": section.css_kind}
                   for sp in section.highlight(data[section.name]))
    return out


def safe_name(name: str) -> str:
    """An upload's file name reduced to a plain base name of safe characters, with its type
    checked: no folders, no leading dots, nothing outside the temporary folder."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[^A-Za-z0-9._-]", "_", base).lstrip(".")[:120]
    lower = base.lower()
    if not base or not lower.endswith(UPLOAD_TYPES):
        raise UploadRefused(f"{name!r}: only {', '.join(UPLOAD_TYPES)} files are taken")
    return base


def _context(text: str, start: int, end: int, width: int = 60) -> dict[str, str]:
    """A mention's text with up to ``width`` characters of its line on each side, cut at a space."""
    before = text[max(0, start - width):start].rsplit("\n", 1)[-1]
    after = text[end:end + width].split("\n", 1)[0]
    if start - width > 0 and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if end + width < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    return {"before": before, "text": text[start:end], "after": after}


class Library:
    """One store served by the web app."""

    def __init__(self, path: Path, options: Options, nlp: Language | None = None) -> None:
        self.path = Path(path)
        self.options = options
        self._nlp = nlp
        self.write_lock = threading.Lock()
        self._nlp_lock = threading.Lock()
        self._cache: dict[tuple[str, tuple[str, ...]], dict[str, Any]] = {}
        self._cache_lock = threading.Lock()
        self._local = threading.local()  # .store: this thread's read-only Store
        self._pipeline: str | None = None
        self._not_kept: set[tuple[str, tuple[str, ...]]] = set()  # stories with no current kept briefing

    # ------------------------------------------------------------------ connections

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """This thread's read-only connection, opened on its first read and kept (autocommit:
        every statement sees the latest committed ingest). Reads never reopen the store."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.path, self.options, readonly=True)
            self._local.store = store
        yield store

    @property
    def pipeline(self) -> str:
        """The pipeline a kept briefing must have been built with to be used as it is."""
        if self._pipeline is None:
            with self.reader() as st:
                self._pipeline = st.pipeline
        return self._pipeline

    def nlp(self) -> Language:
        with self._nlp_lock:
            if self._nlp is None:
                from ..pipeline import load_pipeline

                self._nlp = load_pipeline(self.options)
            return self._nlp

    # ------------------------------------------------------------------ stories

    def stories(self, query: str = "", outlet: str = "", since: str = "", until: str = "") -> list[dict[str, Any]]:
        """Stories of the store, filtered: ``query`` in a title or an article's text, an outlet,
        published on or after ``since`` / on or before ``until`` (ISO dates)."""
        with self.reader() as st:
            # the store's stories, listed again only when a commit changed it (data_version
            # moves when another connection commits; the listing is kept per connection)
            version = st.conn.execute("PRAGMA data_version").fetchone()[0]
            listing = getattr(self._local, "listing", None)
            if listing is None or listing[0] != version:
                last_update = dict(st.conn.execute(
                    "SELECT s.story, max(a.ingested_at) FROM assignments s JOIN articles a ON a.n = s.article "
                    "GROUP BY s.story").fetchall())
                listing = self._local.listing = (version, st.stories(), last_update)
            _, found, last = listing
            hits = self._text_hits(st.conn, query) if query else None
        out = []
        for s in found:
            if query and query.lower() not in s.title.lower() and not (hits & set(s.article_ids)):
                continue
            if outlet and outlet not in s.outlets:
                continue
            first, last_pub, inferred = s.first_published, s.last_published, False
            if first is None:  # no article gives a date: the dates its briefing inferred, if built
                dated = self._inferred_range(s.id, tuple(sorted(s.article_ids)))
                if dated:
                    (first, last_pub), inferred = dated, True
            if since and (last_pub or "")[:10] < since:
                continue
            if until and (first or "9999")[:10] > until:
                continue
            out.append({"id": s.id, "title": s.title, "articles": s.articles, "copies": s.copies,
                        "outlets": s.outlets, "first_published": first, "last_published": last_pub,
                        "dates_inferred": inferred, "article_ids": s.article_ids, "updated": last.get(s.id)})
        return out

    def _inferred_range(self, story_id: str, ids: tuple[str, ...]) -> tuple[str, str] | None:
        """The publication dates a current briefing of the story inferred (cached or kept in
        the store; never built for a listing)."""
        key = (story_id, ids)
        with self._cache_lock:
            data = self._cache.get(key)
            if data is None and key in self._not_kept:
                return None
        if data is None:
            data = self._kept(story_id)
            with self._cache_lock:
                if data is None:
                    self._not_kept.add(key)
                    return None
                self._cache[key] = data
        dates = data["story"].get("published_range") or []
        return (dates[0], dates[-1]) if dates else None

    @staticmethod
    def _text_hits(conn: sqlite3.Connection, query: str) -> set[str]:
        pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = conn.execute(
            "SELECT id FROM articles WHERE raw_text LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\'",
            (pattern, pattern))
        return {r[0] for r in rows}

    def outlets(self) -> list[str]:
        with self.reader() as st:
            rows = st.conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")
            return [r[0] for r in rows]

    def search(self, query: str) -> list[dict[str, Any]]:
        """Articles whose title or text holds ``query``, with a short context."""
        if not query.strip():
            return []
        with self.reader() as st:
            ids = self._text_hits(st.conn, query)
            out = []
            for r in st.conn.execute(f"SELECT id, title, outlet, published, raw_text FROM articles WHERE id IN "
                                     f"({','.join('?' * len(ids))}) ORDER BY n", sorted(ids)):
                text = r["raw_text"]
                at = text.lower().find(query.lower())
                context = text[max(0, at - 80): at + len(query) + 80] if at >= 0 else text[:160]
                out.append({"id": r["id"], "title": r["title"], "outlet": r["outlet"],
                            "published": r["published"], "context": context})
        return out

    def story_of(self, article_id: str) -> str | None:
        with self.reader() as st:
            row = st.conn.execute(
                "SELECT s.story FROM articles a JOIN assignments s ON s.article = coalesce(a.duplicate_of, a.n) "
                "WHERE a.id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    # ------------------------------------------------------------------ briefings

    def briefing(self, story_id: str) -> dict[str, Any]:
        """The story's briefing as briefing.json holds it (cached until its articles change).
        The one the store kept for the same articles and pipeline is used as it is; otherwise
        it is built, and kept as the story's next version when no ingest is running (never
        waiting for one)."""
        from ..render.json_out import to_dict

        with self.reader() as st:
            summary = st.story(story_id)
        key = (story_id, tuple(sorted(summary.article_ids)))
        with self._cache_lock:
            hit = self._cache.get(key)
        if hit is not None:
            return hit
        data = self._kept(story_id)
        if data is None:
            nlp = self.nlp()
            if self.write_lock.acquire(blocking=False):
                try:
                    with Store(self.path, self.options) as st:
                        result = st.brief(story_id, nlp)
                finally:
                    self.write_lock.release()
            else:
                with self.reader() as st:
                    result = st.brief(story_id, nlp, keep=False)
            data = to_dict(result, model_name=self.options.model)
        with self._cache_lock:
            self._cache[key] = data
        return data

    def _kept(self, story_id: str) -> dict[str, Any] | None:
        """The story's latest kept briefing when it is current: built by this pipeline from the
        story's articles as they are, after the last of them (copies included) was added."""
        with self.reader() as st:
            versions = st.briefing_versions(story_id)
            if not versions or versions[-1]["pipeline"] != self.pipeline:
                return None
            last = versions[-1]
            rows = st.conn.execute(
                "SELECT a.id, a.duplicate_of, a.ingested_at FROM articles a JOIN articles r "
                "ON r.n = coalesce(a.duplicate_of, a.n) JOIN assignments s ON s.article = r.n "
                "WHERE s.story = ?", (story_id,)).fetchall()
            originals = sorted(r["id"] for r in rows if r["duplicate_of"] is None)
            added = max((r["ingested_at"] for r in rows), default="")
            if originals != sorted(last["article_ids"]) or not last["built_at"] > added:
                return None
            return st.kept_briefing(story_id, str(last["version"]))[1]

    def article(self, article_id: str) -> dict[str, Any]:
        """One article: its briefing source record (text, what cleaning removed, metadata) with
        every span its story's briefing extracted from it, and its story."""
        with self.reader() as st:
            clean = st.article(article_id)
            row = st.conn.execute("SELECT d.id FROM articles a JOIN articles d ON d.n = a.duplicate_of "
                                  "WHERE a.id = ?", (article_id,)).fetchone()
        original = row[0] if row else None
        story_id = self.story_of(article_id)
        data = self.briefing(story_id) if story_id else None
        source = None
        if data is not None:
            source = next((s for s in data["sources"] if s["id"] == (original or article_id)), None)
        if source is None:  # a copy, or not yet in a story: the cleaned text without spans
            source = {"id": article_id, "text": clean.text, "title": clean.title, "outlet": clean.outlet,
                      "published": clean.published, "removed": [{"kind": r.kind, "text": r.text} for r in clean.removed],
                      "headings": []}
        spans = [sp for sp in briefing_spans(data) if sp["source_id"] == source["id"]] if data else []
        return {"id": article_id, "copy_of": original, "story": story_id, "source": source, "spans": spans}

    # ------------------------------------------------------------------ entities

    def entities(self, name: str) -> list[dict[str, Any]]:
        """Every entity named ``name`` (or with it as an alias) in every story of the store,
        with its story, aliases, who it acts for and its mentions (briefings built or read from
        the store as needed, then cached)."""
        key = " ".join(name.split()).casefold()
        with self.reader() as st:
            story_ids = self._stories_naming(st, name)
        out = []
        for story_id in story_ids:
            data = self.briefing(story_id)
            by_id = {e["id"]: e for e in data.get("entities", [])}
            for e in by_id.values():
                if key != e["name"].casefold() and key not in {a.casefold() for a in e.get("aliases", [])}:
                    continue
                texts = {s["id"]: s["text"] for s in data["sources"]}
                outlets = {s["id"]: s.get("outlet") or s.get("title") or s["id"] for s in data["sources"]}
                mentions = [{"source_id": m["source_id"], "start": m["start"], "end": m["end"],
                             "outlet": outlets.get(m["source_id"], m["source_id"]),
                             **_context(texts.get(m["source_id"], ""), m["start"], m["end"])}
                            for m in e.get("mentions", [])]
                acts = by_id.get(e.get("acts_for") or "")
                out.append({"story": story_id, "story_title": data["story"]["title"], "id": e["id"],
                            "name": e["name"], "type": e["type"], "aliases": e.get("aliases", []),
                            "acts_for": acts["name"] if acts else None, "mentions": mentions})
        return out

    @classmethod
    def _stories_naming(cls, st: Store, name: str) -> list[str]:
        """The stories whose articles could name ``name``: each of its words (ASCII words of two
        or more characters; a line break may fall between them) in one of the story's texts.
        An entity's name and aliases are words of its mentions, so no other story can hold it,
        and its briefing is never built for the lookup. A name without such a word is looked
        for in every story."""
        stories = st.stories()
        words = [w for w in re.findall(r"[^\W_]{2,}", name) if w.isascii()]
        if not words:
            return [s.id for s in stories]
        hits = set.intersection(*(cls._text_hits(st.conn, w) for w in words))
        return [s.id for s in stories if hits & set(s.article_ids)]

    # ------------------------------------------------------------------ writing

    def add(self, texts: list[str], uploads: list[Upload]) -> AddResult:
        """Ingest pasted texts and uploaded files (one writer at a time): deduplicated and
        clustered by the store; says which story each article joined and what changed."""
        from ..changes import what_changed

        names = [safe_name(u.name) for u in uploads]
        with self.write_lock, tempfile.TemporaryDirectory(prefix="newsprism-upload-") as tmp:
            folder = Path(tmp)
            paths: list[str] = []
            recorded: dict[str, str] = {}  # temporary path -> the origin kept in the store
            for i, text in enumerate(t for t in texts if t.strip()):
                p = folder / f"pasted-{i + 1}.txt"
                p.write_text(text, encoding="utf-8")
                paths.append(str(p))
                recorded[str(p)] = "pasted text"
            for i, (u, base) in enumerate(zip(uploads, names, strict=True)):
                p = folder / f"{i + 1}-{base}"
                p.write_bytes(u.data)
                paths.append(str(p))
                recorded[str(p)] = f"upload:{base}"
            with Store(self.path, self.options, create=True) as st:
                before = {s.id: set(s.article_ids) for s in st.stories()}
                known = {r[0] for r in st.conn.execute("SELECT id FROM articles")}
                report = st.ingest(paths, nlp=self.nlp(), names=recorded)
                result = AddResult(read=report.read, added=report.added, already=report.already,
                                   exact_duplicates=report.exact_duplicates, near_duplicates=report.near_duplicates,
                                   skipped=[{"item": Path(k.item).name, "reason": k.reason} for k in report.skipped])
                new_ids = [r[0] for r in st.conn.execute("SELECT id FROM articles ORDER BY n") if r[0] not in known]
                stories = {s.id: s for s in st.stories()}
                old = {sid: st.kept_briefing(sid, "last")[1] for sid in before if sid in stories
                       and st.briefing_versions(sid)}
        for aid in new_ids:
            with self.reader() as st:
                row = st.conn.execute("SELECT a.title, d.id FROM articles a LEFT JOIN articles d "
                                      "ON d.n = a.duplicate_of WHERE a.id = ?", (aid,)).fetchone()
            sid = self.story_of(aid)
            story = stories.get(sid) if sid else None
            result.placed.append(Placement(aid, row[0] or aid, sid, story.title if story else "",
                                           sid not in before, row[1]))
        for sid in {p.story_id for p in result.placed if p.story_id and not p.new_story}:
            if sid in old:
                result.changes[sid] = what_changed(old[sid], self.briefing(sid))
        return result
