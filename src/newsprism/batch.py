"""Batch engine: many articles on many events -> stories -> one briefing per story.

``run_batch(inputs, options, out, engine)`` reads every input (JSONL, WARC, RSS, HTML, text
through :func:`newsprism.ingest.read_inputs`; Parquet files with a ``text`` column and the
optional ``id``, ``title``, ``outlet``, ``url``, ``published``, ``language`` columns), cleans
the articles, clusters them into stories (:class:`newsprism.cluster.StoryClusterer`, in
publication order), then annotates and briefs each story and writes::

    OUT/stories.json           the stories table (id, title, size, outlets, dates, article ids,
                               group of related stories)
    OUT/stories.csv            the same table for a spreadsheet
    OUT/<story id>/briefing.json, briefing.md

Two engines give the same result:

- ``local``: everything in this process;
- ``ray``: cleaning and the per-story briefing (annotation included) run on Ray Data
  (``map_batches`` with a callable class, so each worker of the actor pool loads spaCy once).
  ``ray.init()`` joins the cluster named by ``RAY_ADDRESS`` if set, otherwise starts a local
  one with ``workers`` CPUs. Clustering runs on the driver: it is sequential by nature and costs
  little next to parsing.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .clean import clean_article
from .cluster import ClusterDoc, StoryClusterer
from .ingest import read_inputs
from .model import Article, BatchStory, IngestResult, Skipped
from .options import Options

if TYPE_CHECKING:
    from spacy.language import Language

ENGINES = ("local", "ray")
_PARQUET_META = ("title", "outlet", "url", "published", "language")


# --------------------------------------------------------------------------- reading


def read_batch_inputs(inputs: Sequence[str], options: Options) -> IngestResult:
    """Every article of the inputs: Parquet files here, everything else by ``read_inputs``."""
    parquet: list[Path] = []
    rest: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_file() and path.suffix.lower() == ".parquet":
            parquet.append(path)
        elif path.is_dir():
            parquet.extend(sorted(p for p in path.rglob("*.parquet") if p.is_file()))
            rest.append(item)
        else:
            rest.append(item)
    result = read_inputs(rest, options) if rest else IngestResult()
    taken = {str(p) for p in parquet}
    result.skipped = [s for s in result.skipped if s.item not in taken]
    for path in parquet:
        _read_parquet(path, result)
    return result


def _read_parquet(path: Path, result: IngestResult) -> None:
    import pyarrow.parquet as pq
    from pyarrow import ArrowException

    try:
        table = pq.read_table(path)
    except (OSError, ArrowException) as exc:
        result.skipped.append(Skipped(str(path), f"unreadable Parquet file: {exc}"))
        return
    if "text" not in table.column_names:
        result.skipped.append(Skipped(str(path), "Parquet file has no 'text' column"))
        return
    for i, row in enumerate(table.to_pylist(), start=1):
        where = f"{path}[{i}]"
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            result.skipped.append(Skipped(where, "no article text"))
            continue
        meta = {k: _meta_value(row.get(k)) for k in _PARQUET_META}
        raw_id = row.get("id")
        art_id = str(raw_id) if raw_id not in (None, "") else f"{path.stem}-{i}"
        result.articles.append(Article(id=art_id, text=text, origin=where, **meta))


def _meta_value(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


# --------------------------------------------------------------------------- stages


def clean_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Article rows -> what the clusterer needs: cleaned text, title, outlet, date."""
    out = []
    for row in rows:
        cleaned = clean_article(Article(**row))
        out.append({"id": cleaned.id, "text": cleaned.text, "title": cleaned.title,
                    "outlet": cleaned.outlet, "published": cleaned.published})  # fmt: skip
    return out


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def cluster_rows(rows: list[dict[str, Any]], options: Options) -> dict[str, str]:
    """Cleaned rows -> article id -> story id, fed in publication order (undated last, in
    input order)."""
    return _cluster(rows, options).assignments()


def cluster_stories(rows: list[dict[str, Any]], options: Options) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Cleaned rows -> (story id -> its article ids, in id order of the stories; story id -> its
    group of related stories), as :func:`cluster_rows` places them."""
    clusterer = _cluster(rows, options)
    stories: dict[str, list[str]] = {}
    for art_id, sid in clusterer.assignments().items():
        stories.setdefault(sid, []).append(art_id)
    group_of = clusterer.groups()
    return dict(sorted(stories.items())), {sid: group_of[sid] for sid in stories}


def _cluster(rows: list[dict[str, Any]], options: Options) -> StoryClusterer:
    order = sorted(range(len(rows)), key=lambda i: (rows[i]["published"] is None,
                                                    rows[i]["published"] or "", i))  # fmt: skip
    clusterer = StoryClusterer(options)
    docs = [ClusterDoc(rows[i]["id"], rows[i]["text"], rows[i]["title"],
                       _date(rows[i]["published"])) for i in order]  # fmt: skip
    clusterer.add(docs)
    return clusterer


class BriefWorker:
    """Briefs one story at a time; the spaCy pipeline is loaded once, when it is built."""

    def __init__(self, options: Options, nlp: Language | None = None) -> None:
        from .annotate import load_pipeline

        self.options = options
        self.nlp = nlp if nlp is not None else load_pipeline(options)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {"story": [], "json": [], "md": []}
        for sid, payload in zip(batch["story"], batch["articles"], strict=True):
            data_json, data_md = self.brief(json.loads(str(payload)))
            out["story"].append(str(sid))
            out["json"].append(data_json)
            out["md"].append(data_md)
        return out

    def brief(self, articles: list[dict[str, Any]]) -> tuple[str, str]:
        from .briefing import build_briefing
        from .render.json_out import dumps, to_dict, validate
        from .render.markdown import render_markdown

        result = build_briefing([Article(**a) for a in articles], self.options, nlp=self.nlp)
        result.stats = {}  # timings differ from run to run and engine to engine
        data = to_dict(result, model_name=self.options.model)
        validate(data)
        return dumps(data), render_markdown(data)


# --------------------------------------------------------------------------- engines


def run_batch(
    inputs: Sequence[str],
    options: Options,
    out: Path,
    engine: str = "local",
    workers: int = 2,
    nlp: Language | None = None,
) -> tuple[list[BatchStory], IngestResult]:
    """Read, clean, cluster and brief; writes the stories table and one folder per story.
    ``nlp`` (local engine only) is a loaded pipeline to use instead of loading one."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    ingested = read_batch_inputs(inputs, options)
    articles = ingested.articles
    if not articles:
        return [], ingested
    rows = [asdict(a) for a in articles]
    by_id = {a.id: row for a, row in zip(articles, rows, strict=True)}
    if engine == "ray":
        briefed, cleaned, (members, group_of) = _run_ray(rows, options, workers)
    else:
        cleaned = clean_rows(rows)
        members, group_of = cluster_stories(cleaned, options)
        worker = BriefWorker(options, nlp)
        briefed = {sid: worker.brief([by_id[i] for i in ids]) for sid, ids in members.items()}
    stories = _table(cleaned, members, group_of, briefed)
    _write(out, stories, briefed)
    return stories, ingested


def _run_ray(
    rows: list[dict[str, Any]], options: Options, workers: int
) -> tuple[dict[str, tuple[str, str]], list[dict[str, Any]], tuple[dict[str, list[str]], dict[str, str]]]:
    import ray

    if not ray.is_initialized():
        if os.environ.get("RAY_ADDRESS"):
            ray.init(log_to_driver=False)
        else:
            ray.init(num_cpus=max(1, workers), include_dashboard=False, log_to_driver=False)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = options.progress
    by_id = {r["id"]: r for r in rows}
    position = {art_id: i for i, art_id in enumerate(by_id)}
    cleaned_ds = ray.data.from_items([{"row": json.dumps(r)} for r in rows]).map_batches(
        _clean_batch, batch_size=64
    )
    cleaned = sorted((json.loads(r["row"]) for r in cleaned_ds.take_all()),
                     key=lambda r: position[r["id"]])  # fmt: skip
    members, group_of = cluster_stories(cleaned, options)
    items = [{"story": sid, "articles": json.dumps([by_id[i] for i in ids])}
             for sid, ids in members.items()]  # fmt: skip
    briefs = ray.data.from_items(items).map_batches(
        BriefWorker,
        fn_constructor_kwargs={"options": options},
        batch_size=1,
        compute=ray.data.ActorPoolStrategy(size=max(1, workers)),
        num_cpus=1,
    )
    briefed = {str(r["story"]): (str(r["json"]), str(r["md"])) for r in briefs.take_all()}
    return briefed, cleaned, (members, group_of)


def _clean_batch(batch: dict[str, Any]) -> dict[str, list[str]]:
    rows = [json.loads(str(r)) for r in batch["row"]]
    return {"row": [json.dumps(r) for r in clean_rows(rows)]}


def _table(
    cleaned: list[dict[str, Any]],
    members: dict[str, list[str]],
    group_of: dict[str, str],
    briefed: dict[str, tuple[str, str]],
) -> list[BatchStory]:
    rows = {r["id"]: r for r in cleaned}
    out = []
    for sid, ids in members.items():
        data = json.loads(briefed[sid][0])
        dates = sorted(d for d in (rows[i]["published"] for i in ids) if d)
        outlets = sorted({o for o in (rows[i]["outlet"] for i in ids) if o})
        title = (data.get("story") or {}).get("title") or ""
        out.append(BatchStory(sid, title, len(ids), outlets, dates[0] if dates else None,
                              dates[-1] if dates else None, ids, group_of.get(sid)))  # fmt: skip
    out.sort(key=lambda s: (-s.size, s.id))
    return out


def _write(out: Path, stories: list[BatchStory], briefed: dict[str, tuple[str, str]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for story in stories:
        folder = out / story.id
        folder.mkdir(exist_ok=True)
        data_json, data_md = briefed[story.id]
        _atomic(folder / "briefing.json", data_json)
        _atomic(folder / "briefing.md", data_md)
    _atomic(out / "stories.json", json.dumps([asdict(s) for s in stories], indent=2) + "\n")
    tmp = out / "stories.csv.tmp"
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "title", "size", "outlets", "first", "last", "articles", "group"])
        for s in stories:
            writer.writerow([s.id, s.title, s.size, "; ".join(s.outlets), s.first or "",
                             s.last or "", " ".join(s.articles), s.group or ""])  # fmt: skip
    tmp.replace(out / "stories.csv")


def _atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
