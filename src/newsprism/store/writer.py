"""``newsprism ingest``: inputs -> articles in the store, in batches, each one transaction.

Per batch: read (the folder readers, with their skipping), clean, hash, find exact and near
duplicates (committed articles and the batch so far), annotate the originals, then in ONE
transaction store the articles, their MinHash bands, annotations, skipped items, the files
read whole, the clusterer's new assignments and its state. A kill at any moment loses at
most the open batch, which the next run reads again; an article already stored (same origin,
same text) is never stored twice."""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import os
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..clean import clean_articles
from ..ingest import read_inputs
from ..model import Article, CleanArticle, ClusterDoc, IngestReport, Skipped
from . import codec
from .db import WriterLock, now, write
from .dedup import Signature, is_near_duplicate, norm_hash, signature

if TYPE_CHECKING:
    from spacy.language import Language

    from .store import Store

_ORIGIN = re.compile(r"^(?P<file>.*?)(?::(?P<line>\d+)|\[(?P<item>\d+)\]|#(?P<rec>\d+)(?: (?P<uri>\S+))?)?$")


@dataclass(slots=True)
class _Item:
    article: Article
    clean: CleanArticle
    text_sha: str
    norm_sha: str
    key: str
    sig: Signature | None
    dup_of: int | None = None  # committed original (articles.n)
    dup_in_batch: int | None = None  # index of an original earlier in this batch
    dup_kind: str | None = None
    similarity: float | None = None


@dataclass(slots=True)
class _File:
    path: str
    size: int
    mtime_ns: int
    sha256: str
    articles: int


@dataclass(slots=True)
class _Batch:
    items: list[_Item] = field(default_factory=list)


class Ingester:
    def __init__(self, store: Store, *, annotate: bool, nlp: Language | None, batch: int | None,
                 names: Mapping[str, str] | None = None) -> None:
        self.store = store
        # input path -> the name its articles and skipped items are recorded under (an upload's
        # temporary file is kept as "upload:report.html", so the same upload again is "already")
        self.names = dict(names or {})
        self._path: str | None = None  # the file being read, when it has a name
        self.conn = store.conn
        self.options = store.options
        self.annotate = annotate
        self.nlp = nlp
        self.batch_size = batch or (self.options.batch_size * 2 if annotate else 256)
        self.report = IngestReport()
        self.threshold = self.options.near_duplicate_threshold
        self.containment = self.options.near_duplicate_containment

    # ------------------------------------------------------------------ the run

    def run(self, inputs: Sequence[str], wait: float = 0.0) -> IngestReport:
        t0 = time.perf_counter()
        with WriterLock(self.store.path, wait):
            self._start_clusterer()
            self._batch = _Batch()
            self._read(inputs)
            self._flush(self._batch)
        self.report.stories = int(self.conn.execute("SELECT count(DISTINCT story) FROM assignments").fetchone()[0])
        self.report.seconds = time.perf_counter() - t0
        return self.report

    def _start_clusterer(self) -> None:
        from ..cluster import StoryClusterer

        row = self.conn.execute("SELECT state FROM clusterer WHERE id = 1").fetchone()
        # the store keeps the assignments: the clusterer holds only the window
        self.clusterer = (
            StoryClusterer.from_state(row[0], self.options, remember=False) if row
            else StoryClusterer(self.options, remember=False)
        )
        # originals stored without an assignment (none after a clean run): clustered first
        self.unclustered = [
            r[0] for r in self.conn.execute(
                "SELECT n FROM articles WHERE duplicate_of IS NULL AND n NOT IN (SELECT article FROM assignments)")
        ]

    # ------------------------------------------------------------------ reading

    def _read(self, inputs: Sequence[str]) -> None:
        """Articles of every input not yet read whole, file by file, each one into the open
        batch as the reader reaches it (a file is never held whole); skipped items and finished
        files ride along with the batch their last article is in."""
        self._pending_files: list[_File] = []
        self._pending_skipped: list[Skipped] = []
        self._taken = 0  # articles the readers gave for the file being read
        self._batch_keys: set[str] = set()
        for label, path in _expand(inputs):
            if path is None:  # stdin, or an input the readers report as skipped
                result = read_inputs([label], self.options, sink=self._take)
                self._note(result.skipped, result.warnings)
                continue
            try:
                st = os.stat(path)
            except OSError as exc:
                self._note([Skipped(path, f"cannot read file: {exc.strerror or exc}")], [])
                continue
            row = self.conn.execute("SELECT size, mtime_ns FROM files WHERE path = ?", (path,)).fetchone()
            if row is not None and row[0] == st.st_size and row[1] == st.st_mtime_ns:
                self.report.files_unchanged += 1
                continue
            self._taken = 0
            self._path = path if path in self.names else None
            result = read_inputs([path], self.options, sink=self._take)
            self._note(result.skipped, result.warnings)
            self._path = None
            # after its last article: the file counts as read in the batch that stores that one
            self._pending_files.append(_File(path, st.st_size, st.st_mtime_ns, _file_sha(path), self._taken))

    def _take(self, art: Article) -> None:
        """One article from the readers into the open batch; a full batch is stored."""
        self._taken += 1
        art.origin = self._named(art.origin)
        for item in self._items([art]):
            self._batch.items.append(item)
            if len(self._batch.items) >= self.batch_size:
                self._flush(self._batch)
                self._batch = _Batch()

    def _named(self, origin: str | None) -> str | None:
        """``origin`` with the file being read written under its given name ("path:3" -> "name:3")."""
        if self._path is None or origin is None or not origin.startswith(self._path):
            return origin
        return self.names[self._path] + origin[len(self._path):]

    def _note(self, skipped: list[Skipped], warnings: list[str]) -> None:
        if self._path is not None:
            skipped = [Skipped(self._named(s.item) or s.item, s.reason) for s in skipped]
            warnings = [w.replace(self._path, self.names[self._path]) for w in warnings]
        self.report.skipped.extend(skipped)
        self.report.warnings.extend(warnings)
        self._pending_skipped.extend(skipped)

    def _items(self, articles: list[Article]) -> Iterator[_Item]:
        for art in articles:
            self.report.read += 1
            text_sha = hashlib.sha256(art.text.encode("utf-8")).hexdigest()
            meta = json.dumps([art.title, art.outlet, art.url, art.published, art.language])
            key = hashlib.sha256(f"{art.origin}\x00{text_sha}\x00{meta}".encode()).hexdigest()
            if key in self._batch_keys or self.conn.execute(
                    "SELECT 1 FROM articles WHERE source_key = ?", (key,)).fetchone():
                self.report.already += 1
                continue
            self._batch_keys.add(key)
            cleaned, emptied = clean_articles([art])  # an article cleaning empties is skipped
            if emptied:
                self._note(emptied, [])
                continue
            clean = cleaned[0]
            yield _Item(art, clean, text_sha, norm_hash(clean.text), key, signature(clean.text))

    # ------------------------------------------------------------------ duplicates

    def _find_duplicates(self, items: list[_Item]) -> None:
        seen_norm: dict[str, int] = {}
        bands: dict[tuple[int, int], list[int]] = {}  # LSH bands of the batch's originals so far
        for i, it in enumerate(items):
            row = self.conn.execute(
                "SELECT n, duplicate_of FROM articles WHERE norm_sha256 = ? ORDER BY n LIMIT 1", (it.norm_sha,)
            ).fetchone()
            if row is not None:
                it.dup_of, it.dup_kind, it.similarity = row[1] if row[1] is not None else row[0], "exact", 1.0
                continue
            if it.norm_sha in seen_norm:
                it.dup_in_batch, it.dup_kind, it.similarity = seen_norm[it.norm_sha], "exact", 1.0
                continue
            seen_norm[it.norm_sha] = i
            if it.sig is None:
                continue
            keys = list(enumerate(it.sig.band_keys()))
            best = self._near_committed(it.sig, keys)
            for j in sorted({j for k in keys for j in bands.get(k, ())}):  # the batch so far
                other = items[j]
                if other.sig is None:
                    continue
                near, sim = is_near_duplicate(other.sig, it.sig, self.threshold, self.containment)
                if near and (best is None or sim > best[1]):
                    best = (-1 - j, sim)
            if best is None:
                for k in keys:
                    bands.setdefault(k, []).append(i)
            else:
                ref, sim = best
                if ref < 0:
                    it.dup_in_batch = -1 - ref
                else:
                    it.dup_of = ref
                it.dup_kind, it.similarity = "near", sim

    def _near_committed(self, sig: Signature, keys: list[tuple[int, int]]) -> tuple[int, float] | None:
        cands: set[int] = set()
        for band, key in keys:
            cands.update(r[0] for r in self.conn.execute(
                "SELECT article FROM lsh WHERE band = ? AND key = ?", (band, key)))
        best: tuple[int, float] | None = None
        for n in sorted(cands):
            row = self.conn.execute("SELECT sig FROM minhash WHERE article = ?", (n,)).fetchone()
            near, sim = is_near_duplicate(Signature.from_bytes(row[0]), sig, self.threshold, self.containment)
            if near and (best is None or sim > best[1]):
                best = (n, sim)
        return best

    # ------------------------------------------------------------------ one batch

    def _flush(self, batch: _Batch) -> None:
        items = batch.items
        files, self._pending_files = self._pending_files, []
        skipped, self._pending_skipped = self._pending_skipped, []
        self._batch_keys = set()
        if not items and not files and not skipped and not self.unclustered:
            return
        self._find_duplicates(items)
        originals = [it for it in items if it.dup_kind is None]
        anns = {}
        if self.annotate and originals:
            from ..annotate import annotate
            from ..pipeline import load_pipeline

            if self.nlp is None:
                self.nlp = load_pipeline(self.options)
            for it, ann in zip(originals, annotate([it.clean for it in originals], self.nlp, self.options), strict=True):
                anns[id(it)] = ann
        stamp = now()

        def body() -> None:
            ns: list[int] = []
            for it in items:
                if it.dup_in_batch is not None:
                    it.dup_of = ns[it.dup_in_batch]
                    ref = items[it.dup_in_batch]
                    if ref.dup_of is not None and ref.dup_kind is not None:
                        it.dup_of = ref.dup_of  # link to the root original
                ns.append(self._insert(it, stamp))
                if id(it) in anns:
                    from .store import annotation_blob

                    self.conn.execute(
                        "INSERT INTO annotations (article, pipeline, data, created_at) VALUES (?, ?, ?, ?)",
                        (ns[-1], self.store.pipeline, annotation_blob(anns[id(it)]), stamp),
                    )
                    self.report.annotated += 1
            for s in skipped:
                self.conn.execute(
                    "INSERT OR IGNORE INTO skipped (item, reason, seen_at) VALUES (?, ?, ?)", (s.item, s.reason, stamp))
            for f in files:
                self.conn.execute(
                    "INSERT OR REPLACE INTO files (path, size, mtime_ns, sha256, articles, done_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)", (f.path, f.size, f.mtime_ns, f.sha256, f.articles, stamp))
            self._cluster([n for n, it in zip(ns, items, strict=True) if it.dup_kind is None] + self.unclustered, stamp)

        write(self.conn, self.store.path, body)
        self.unclustered = []
        for it in items:
            self.report.added += 1
            if it.dup_kind == "exact":
                self.report.exact_duplicates += 1
            elif it.dup_kind == "near":
                self.report.near_duplicates += 1

    def _insert(self, it: _Item, stamp: str) -> int:
        art, clean = it.article, it.clean
        uid = self._unique_id(art.id)
        art.id = clean.id = uid
        m = _ORIGIN.match(art.origin or "")
        file = line = rec = uri = None
        if m and art.origin and art.origin != "<stdin>":
            file = m.group("file")
            line = int(m.group("line") or m.group("item") or 0) or None
            rec = int(m.group("rec")) if m.group("rec") else None
            uri = m.group("uri")
        clean_data = codec.encode(clean)
        clean_data["raw"] = ""
        cur = self.conn.execute(
            "INSERT INTO articles (id, source_key, text_sha256, norm_sha256, origin, file, line, record, record_uri, "
            "title, outlet, url, published, language, raw_text, clean, duplicate_of, duplicate_kind, similarity, "
            "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uid, it.key, it.text_sha, it.norm_sha, art.origin, file, line, rec, uri,
             clean.title, clean.outlet, clean.url, clean.published, clean.language, art.text,
             codec.pack(clean_data), it.dup_of, it.dup_kind, it.similarity, stamp),
        )
        n = int(cur.lastrowid or 0)
        if it.sig is not None and it.dup_kind != "exact":
            self.conn.execute("INSERT INTO minhash (article, sig) VALUES (?, ?)", (n, it.sig.to_bytes()))
            if it.dup_kind is None:  # only originals are candidates: copies link to the root
                self.conn.executemany(
                    "INSERT INTO lsh (band, key, article) VALUES (?, ?, ?)",
                    [(b, k, n) for b, k in enumerate(it.sig.band_keys())])
        return n

    def _unique_id(self, base: str) -> str:
        uid, k = base, 1
        while self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (uid,)).fetchone():
            k += 1
            uid = f"{base}~{k}"
        return uid

    def _cluster(self, ns: list[int], stamp: str) -> None:
        if not ns:
            return
        docs = []
        for n in ns:
            r = self.conn.execute("SELECT id, clean, title, published FROM articles WHERE n = ?", (n,)).fetchone()
            text = codec.loads_json(r["clean"])["text"]
            docs.append(ClusterDoc(id=r["id"], text=text, title=r["title"], published=_when(r["published"])))
        self.clusterer.add(docs)
        changes = self.clusterer.take_changes()
        for gone, keep in changes.merged:  # articles that left the window follow their story too
            self.conn.execute("UPDATE assignments SET story = ? WHERE story = ?", (keep, gone))
            self.conn.execute("DELETE FROM story_groups WHERE story = ?", (gone,))
        self.conn.executemany(
            "INSERT INTO assignments (article, story) SELECT n, ? FROM articles WHERE id = ? "
            "ON CONFLICT(article) DO UPDATE SET story = excluded.story",
            [(story, doc) for doc, story in changes.assigned.items()])
        self.conn.executemany(
            "INSERT INTO story_groups (story, grp) VALUES (?, ?) ON CONFLICT(story) DO UPDATE SET grp = excluded.grp",
            list(changes.groups.items()))
        self.conn.execute(
            "INSERT INTO clusterer (id, state, updated_at) VALUES (1, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
            (self.clusterer.to_state(), stamp))


def _when(published: str | None) -> dt.datetime | None:
    if not published:
        return None
    for size, fmt in ((10, "%Y-%m-%d"), (7, "%Y-%m"), (4, "%Y")):
        if len(published) >= size:
            try:
                return dt.datetime.strptime(published[:size], fmt)
            except ValueError:
                continue
    return None


def _file_sha(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _expand(inputs: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """(input, absolute file path) per file, in the readers' order; (input, None) for stdin and
    for an input that names nothing (the readers then give its skip reason)."""
    for item in inputs:
        if item == "-":
            yield item, None
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not files:
                yield item, None
            for p in files:
                yield str(p), os.path.abspath(p)
        elif path.is_file():
            yield item, os.path.abspath(path)
        elif any(ch in item for ch in "*?["):
            matches = sorted(m for m in glob.glob(item, recursive=True) if Path(m).is_file())
            if not matches:
                yield item, None
            for m in matches:
                yield m, os.path.abspath(m)
        else:
            yield item, None
