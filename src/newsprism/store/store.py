"""``Store``: the Python API of a newsprism store (``newsprism ingest/stories/brief --db``).

    with Store("news.db", create=True) as st:
        report = st.ingest(["feeds/", "crawl.warc.gz"])
        for s in st.stories():
            print(s.id, s.title, s.articles)
        briefing = st.brief(st.stories()[0].id)
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import (
    AnnotatedArticle,
    Article,
    Briefing,
    CleanArticle,
    IngestReport,
    Republication,
    Skipped,
    StorySummary,
)
from ..options import Options, load_options
from . import codec
from .db import StoreError, connect, now, write
from .pipeline import pipeline_version
from .titles import representative

if TYPE_CHECKING:
    from spacy.language import Language

_ARTICLE_COLS = "n, id, title, outlet, url, published, origin, duplicate_of, duplicate_kind, similarity"


class Store:
    """A newsprism store: articles, their annotations, duplicates and stories in one SQLite file."""

    def __init__(
        self, path: str | Path, options: Options | None = None, *, create: bool = False, readonly: bool = False
    ) -> None:
        self.path = Path(path)
        self.options = options or load_options()
        self.readonly = readonly
        self.conn: sqlite3.Connection = connect(self.path, create=create, readonly=readonly)
        self._pipeline: str | None = None

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def pipeline(self) -> str:
        if self._pipeline is None:
            self._pipeline = pipeline_version(self.options)
        return self._pipeline

    # ------------------------------------------------------------------ writing

    def ingest(
        self,
        inputs: Sequence[str],
        *,
        annotate: bool = True,
        nlp: Language | None = None,
        wait: float = 0.0,
        batch: int | None = None,
        names: Mapping[str, str] | None = None,
    ) -> IngestReport:
        """Read the inputs into the store: new articles are cleaned, checked for duplicates,
        annotated (unless ``annotate`` is False: then on first briefing) and clustered into
        stories. Idempotent and safe to kill: each batch is one transaction. ``names`` maps an
        input path to the name its articles are recorded under (their origin), for inputs
        written to a temporary file (uploads, pasted text)."""
        from .writer import Ingester

        if self.readonly:
            raise StoreError(f"{self.path} is open read-only")
        return Ingester(self, annotate=annotate, nlp=nlp, batch=batch, names=names).run(inputs, wait=wait)

    # ------------------------------------------------------------------ reading

    def skipped(self) -> list[Skipped]:
        """Every input item any ingest skipped, with its reason."""
        rows = self.conn.execute("SELECT item, reason FROM skipped ORDER BY n")
        return [Skipped(r["item"], r["reason"]) for r in rows]

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def members(self) -> dict[str, list[str]]:
        """story id -> the ids of its articles in store order, copies included (each follows
        its original's story)."""
        return {sid: [r["id"] for r in rows] for sid, rows in self._members().items()}

    def groups(self) -> dict[str, list[str]]:
        """group id -> the ids of its stories (related stories: the second level of the
        clustering), largest group first; a story not grouped yet is a group of its own."""
        out: dict[str, list[str]] = defaultdict(list)
        for s in self.stories():
            out[s.group or s.id].append(s.id)
        return dict(sorted(out.items(), key=lambda kv: -len(kv[1])))

    def _group_of(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT story, grp FROM story_groups")}

    def _members(self) -> dict[str, list[sqlite3.Row]]:
        """story id -> its article rows (originals by assignment, copies through their original)."""
        story_of: dict[int, str] = {
            r[0]: r[1] for r in self.conn.execute("SELECT article, story FROM assignments")
        }
        out: dict[str, list[sqlite3.Row]] = defaultdict(list)
        for row in self.conn.execute(f"SELECT {_ARTICLE_COLS} FROM articles ORDER BY n"):
            root = row["duplicate_of"] if row["duplicate_of"] is not None else row["n"]
            story = story_of.get(root)
            if story is not None:
                out[story].append(row)
        return out

    def stories(self) -> list[StorySummary]:
        """Every story, largest first (ties: most recent first)."""
        group_of = self._group_of()
        out = [self._summary(sid, rows, group_of.get(sid)) for sid, rows in self._members().items()]
        out.sort(key=lambda s: (-s.articles, -_ord(s.last_published), s.id))
        return out

    def story(self, story_id: str) -> StorySummary:
        rows = self._members().get(story_id)
        if not rows:
            raise StoreError(f"no story {story_id!r} in {self.path} (list them with `newsprism stories --db {self.path}`)")
        return self._summary(story_id, rows, self._group_of().get(story_id))

    def _summary(self, story_id: str, rows: list[sqlite3.Row], group: str | None = None) -> StorySummary:
        originals = [r for r in rows if r["duplicate_of"] is None]
        dates = sorted(r["published"] for r in rows if r["published"])
        outlets = sorted({r["outlet"] for r in rows if r["outlet"]})
        summary = StorySummary(
            id=story_id,
            title="",
            articles=len(originals),
            copies=len(rows) - len(originals),
            outlets=outlets,
            first_published=dates[0] if dates else None,
            last_published=dates[-1] if dates else None,
            article_ids=[r["id"] for r in rows],
            group=group,
        )
        ordered = sorted(originals or rows, key=lambda r: (r["published"] or "9999", r["n"]))
        titles = [r["title"] for r in ordered if r["title"]]
        title = representative(titles, outlets)
        if title:
            summary.title, summary.title_from = title, "headlines"
        else:
            summary.title, summary.title_from = self._fallback_title(ordered)
        return summary

    def _fallback_title(self, rows: list[sqlite3.Row]) -> tuple[str, str]:
        """The engine's event label from stored annotations, else the lead's first words."""
        from ..resolve import recover_names, resolve_entities
        from ..story import story_title

        cached = self._cached([r["n"] for r in rows])
        if cached and len(cached) == len(rows):
            from ..model import Story

            anns = [cached[r["n"]] for r in rows]
            recover_names(anns)  # the entity pipeline of every briefing (briefing.brief_annotated)
            story = Story(id="", articles=anns, entities=resolve_entities(anns))
            return story_title(story), "engine"
        raw = self.conn.execute("SELECT raw_text FROM articles WHERE n = ?", (rows[0]["n"],)).fetchone()[0]
        words = raw.split()
        return " ".join(words[:12]) + (" …" if len(words) > 12 else ""), "text"

    # ------------------------------------------------------------------ annotations

    def _cached(self, ns: Sequence[int]) -> dict[int, AnnotatedArticle]:
        out: dict[int, AnnotatedArticle] = {}
        for chunk in _chunks(list(ns), 500):
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT a.article, a.data, r.raw_text FROM annotations a JOIN articles r ON r.n = a.article "
                f"WHERE a.pipeline = ? AND a.article IN ({marks})", (self.pipeline, *chunk),
            )
            for r in rows:
                data = codec.loads_json(r["data"])
                data["article"]["raw"] = r["raw_text"]
                out[r["article"]] = codec.decode(data, AnnotatedArticle)
        return out

    def article(self, article_id: str) -> CleanArticle:
        """One stored article as cleaned at ingest (text, what cleaning removed, metadata)."""
        row = self.conn.execute("SELECT clean, raw_text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id!r} in {self.path}")
        data = codec.loads_json(row["clean"])
        data["raw"] = row["raw_text"]
        return codec.decode(data, CleanArticle)

    def annotated(self, article_ids: Sequence[str], nlp: Language | None = None) -> list[AnnotatedArticle]:
        """The annotations of these articles for this pipeline version: stored ones as they are,
        missing ones parsed now (with ``nlp``, loaded when needed) and stored for next time."""
        rows = [self._row(a) for a in article_ids]
        cached = self._cached([r["n"] for r in rows])
        missing = [r for r in rows if r["n"] not in cached]
        if missing:
            cached.update(self._annotate_rows(missing, nlp))
        return [cached[r["n"]] for r in rows]

    def _row(self, article_id: str) -> sqlite3.Row:
        row = self.conn.execute(f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id!r} in {self.path}")
        return row

    def _annotate_rows(self, rows: list[sqlite3.Row], nlp: Language | None) -> dict[int, AnnotatedArticle]:
        from ..annotate import annotate
        from ..clean import clean_article
        from ..pipeline import load_pipeline

        cleaned = [clean_article(self._source_article(r["n"])) for r in rows]
        nlp = nlp or load_pipeline(self.options)
        anns = list(annotate(cleaned, nlp, self.options))
        out = {r["n"]: a for r, a in zip(rows, anns, strict=True)}
        if not self.readonly:
            stamp = now()

            def body() -> None:
                for n, ann in out.items():
                    self.conn.execute(
                        "INSERT OR REPLACE INTO annotations (article, pipeline, data, created_at) VALUES (?, ?, ?, ?)",
                        (n, self.pipeline, annotation_blob(ann), stamp),
                    )

            write(self.conn, self.path, body)
        return out

    def _source_article(self, n: int) -> Article:
        r = self.conn.execute(
            "SELECT id, raw_text, title, outlet, url, published, language, origin FROM articles WHERE n = ?", (n,)
        ).fetchone()
        return Article(id=r["id"], text=r["raw_text"], title=r["title"], outlet=r["outlet"], url=r["url"],
                       published=r["published"], language=r["language"], origin=r["origin"])

    # ------------------------------------------------------------------ briefing

    def briefing_articles(self, story_id: str, nlp: Language | None = None) -> list[AnnotatedArticle]:
        """The story's articles as a briefing counts them: each text once. A copy (exact or
        near) is not briefed again; its original lists it in ``republished_by``. Copies follow
        their original into its story, so the original is always there."""
        rows = self._members().get(story_id)
        if not rows:
            raise StoreError(f"no story {story_id!r} in {self.path} (list them with `newsprism stories --db {self.path}`)")
        originals = [r for r in rows if r["duplicate_of"] is None]
        anns = self.annotated([r["id"] for r in originals], nlp)
        ann_of = {r["n"]: a for r, a in zip(originals, anns, strict=True)}
        for r in rows:
            if r["duplicate_of"] is not None:
                ann_of[r["duplicate_of"]].article.republished_by.append(Republication(
                    id=r["id"], kind=r["duplicate_kind"], similarity=round(r["similarity"], 3),
                    outlet=r["outlet"], title=r["title"], url=r["url"], published=r["published"],
                    origin=r["origin"],
                ))
        return anns

    def brief(self, story_id: str, nlp: Language | None = None, *, keep: bool = True) -> Briefing:
        """The briefing of one story, from stored annotations (parsing only what is missing).
        With ``keep`` the briefing is stored as the story's next version when it differs in its
        articles or pipeline from the last one (``briefings``)."""
        from ..briefing import brief_annotated
        from ..pipeline import load_pipeline

        nlp = nlp or load_pipeline(self.options)
        anns = self.briefing_articles(story_id, nlp)
        result = brief_annotated(anns, self.options, nlp)
        result.story.id = story_id
        if keep and not self.readonly:
            self._keep(story_id, result)
        return result

    def _keep(self, story_id: str, result: Briefing) -> None:
        import json

        from ..render.json_out import to_dict

        ids = json.dumps(sorted(a.source_id for a in result.story.articles))
        last = self.conn.execute(
            "SELECT version, article_ids, pipeline FROM briefings WHERE story = ? ORDER BY version DESC LIMIT 1",
            (story_id,),
        ).fetchone()
        if last is not None and last["article_ids"] == ids and last["pipeline"] == self.pipeline:
            return
        version = (last["version"] + 1) if last is not None else 1
        blob = codec.pack(to_dict(result, model_name=self.options.model))

        def body() -> None:
            self.conn.execute(
                "INSERT INTO briefings (story, version, built_at, pipeline, article_ids, data) VALUES (?, ?, ?, ?, ?, ?)",
                (story_id, version, now(), self.pipeline, ids, blob),
            )

        write(self.conn, self.path, body)

    def briefing_versions(self, story_id: str) -> list[dict[str, Any]]:
        """The kept briefings of a story: version, when, pipeline, article ids (oldest first)."""
        import json

        rows = self.conn.execute(
            "SELECT version, built_at, pipeline, article_ids FROM briefings WHERE story = ? ORDER BY version",
            (story_id,),
        )
        return [{"version": r["version"], "built_at": r["built_at"], "pipeline": r["pipeline"],
                 "article_ids": json.loads(r["article_ids"])} for r in rows]


    def changed_stories(self) -> list[StorySummary]:
        """Stories whose articles differ from their latest kept briefing (or have none yet)."""
        import json

        kept = {r["story"]: r["article_ids"] for r in self.conn.execute(
            "SELECT story, article_ids FROM briefings b WHERE version = "
            "(SELECT max(version) FROM briefings WHERE story = b.story)")}
        out = []
        for sid, rows in self._members().items():
            ids = json.dumps(sorted(r["id"] for r in rows if r["duplicate_of"] is None))
            if kept.get(sid) != ids:
                out.append(self._summary(sid, rows))
        return out

    def kept_briefing(self, story_id: str, since: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """A kept briefing of the story and what it was built from: ``since`` is ``last`` (the
        latest kept), a version number, or an ISO date/time (the latest built by then)."""
        import json

        query = "SELECT version, built_at, pipeline, article_ids, data FROM briefings WHERE story = ?"
        if since == "last":
            row = self.conn.execute(query + " ORDER BY version DESC LIMIT 1", (story_id,)).fetchone()
        elif since.isdigit():
            row = self.conn.execute(query + " AND version = ?", (story_id, int(since))).fetchone()
        else:
            stamp = since.replace(" ", "T")
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?Z?)?", stamp):
                raise StoreError(f"--since takes last, a version number or an ISO date/time, not {since!r}")
            if len(stamp) == 10:
                stamp += "T23:59:59Z"
            row = self.conn.execute(query + " AND built_at <= ? ORDER BY version DESC LIMIT 1",
                                    (story_id, stamp)).fetchone()
        if row is None:
            raise StoreError(f"no kept briefing of story {story_id!r} matches --since {since}")
        meta = {"version": row["version"], "built_at": row["built_at"], "pipeline": row["pipeline"],
                "article_ids": json.loads(row["article_ids"])}
        return meta, codec.loads_json(row["data"])


def annotation_blob(ann: AnnotatedArticle) -> bytes:
    """An AnnotatedArticle for the annotations table: the raw text is kept once, in articles."""
    data = codec.encode(ann)
    data["article"]["raw"] = ""
    return codec.pack(data)


def _chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _ord(date: str | None) -> int:
    digits = "".join(ch for ch in (date or "") if ch.isdigit())[:8]
    return int(digits.ljust(8, "0")) if digits else 0
