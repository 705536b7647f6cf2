"""The store's commands (``ingest``, ``stories``, ``brief --db``), kept apart from cli.py so the
briefing commands and these change independently."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import typer
from rich.table import Table

from .options import Options
from .safety import terminal
from .store import Store, StoreError


def _open(db: Path, options: Options | None = None, *, create: bool = False) -> Store:
    from .cli import err

    try:
        return Store(db, options, create=create)
    except StoreError as exc:
        err.print(f"[red]error:[/] {terminal(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from exc


def ingest_command(
    inputs: list[str], db: Path, annotate: bool, wait: float, batch: int | None, opts: Options, quiet: bool
) -> None:
    from .cli import _report_skipped, err

    store = _open(db, opts, create=True)
    try:
        report = store.ingest(inputs, annotate=annotate, wait=wait, batch=batch)
    except StoreError as exc:
        err.print(f"[red]error:[/] {terminal(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from exc
    finally:
        store.close()
    _report_skipped(report.skipped, report.warnings)
    if not quiet:
        rate = report.read / report.seconds if report.seconds else 0.0
        err.print(
            f"{report.read} article(s) read: {report.added} added "
            f"({report.exact_duplicates} exact and {report.near_duplicates} near duplicates linked to their "
            f"original), {report.already} already stored; {report.files_unchanged} file(s) unchanged; "
            f"{len(report.skipped)} skipped; {report.stories} stories in {db}; "
            f"{report.seconds:.1f} s ({rate:.1f} articles/s)",
            highlight=False, soft_wrap=True,
        )
    if report.read == 0 and report.files_unchanged == 0 and report.skipped:
        raise typer.Exit(2)


def stories_command(db: Path, fmt: str) -> None:
    from .cli import err

    if fmt not in ("table", "json"):
        err.print("[red]error:[/] --format must be table or json")
        raise typer.Exit(2)
    store = _open(db)
    try:
        found = store.stories()
    finally:
        store.close()
    if fmt == "json":
        rows = [
            {"id": s.id, "title": s.title, "articles": s.articles, "copies": s.copies, "outlets": s.outlets,
             "first_published": s.first_published, "last_published": s.last_published,
             "article_ids": s.article_ids, "title_from": s.title_from, "group": s.group}
            for s in found
        ]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    from rich.console import Console

    n_groups = len({s.group or s.id for s in found})
    table = Table("story", "group", "articles", "outlets", "dates", "title",
                  title=f"{len(found)} stories in {n_groups} groups in {db}")
    for s in found:
        dates = s.first_published or "?"
        if s.last_published and s.last_published != s.first_published:
            dates += f" – {s.last_published}"
        size = str(s.articles) + (f" (+{s.copies} copies)" if s.copies else "")
        outlets = ", ".join(s.outlets[:4]) + (f" +{len(s.outlets) - 4}" if len(s.outlets) > 4 else "")
        table.add_row(s.id, s.group or "-", size, terminal(outlets), dates, terminal(s.title))
    Console().print(table)


def brief_story(
    db: Path | None, story: str | None, inputs: list[str] | None, opts: Options, out: Path,
    wanted: set[str], quiet: bool, since: str | None = None,
) -> None:
    """``newsprism brief --db news.db --story ID [--since last|VERSION|DATETIME] -o out/``."""
    from .cli import digest_table, err, write_briefing
    from .render.json_out import to_dict, validate

    if db is None or story is None or inputs:
        err.print("[red]error:[/] --db and --story go together, without INPUTS")
        raise typer.Exit(2)
    t0 = time.perf_counter()
    store = _open(db, opts)
    try:
        before = store.kept_briefing(story, since) if since else None
        result = store.brief(story)
    except StoreError as exc:
        err.print(f"[red]error:[/] {terminal(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from exc
    finally:
        store.close()
    data = to_dict(result, model_name=opts.model)
    validate(data)
    if before is not None:
        from .changes import what_changed

        data["what_changed"] = what_changed(before[1], data, before[0])
    else:
        from .changes import reported_revisions

        if (found := reported_revisions(data)) is not None:  # "had risen to 86"
            data["what_changed"] = found
    written = write_briefing(data, wanted, out)
    for w in result.warnings:
        err.print(f"[dim]warning[/] {terminal(w)}", highlight=False, soft_wrap=True)
    if not quiet:
        err.print(digest_table(data, time.perf_counter() - t0, result.stats.get("model_load_s", 0.0), written))
    if "what_changed" in data:
        from .changes import lines

        since = data["what_changed"]["since"]
        head = (f"what changed since version {since['version']} ({since.get('built_at', '')})"
                if since.get("version") else "revisions reported in the sources")
        sys.stdout.write(terminal(head) + ":\n")
        for line in lines(data["what_changed"]) or ["nothing new"]:
            sys.stdout.write("  " + terminal(line) + "\n")
        sys.stdout.flush()


def watch_command(
    inputs: list[str], db: Path, interval: float, once: bool, opts: Options, out: Path | None,
) -> None:
    """``newsprism watch PATHS... --db news.db``: ingest what is new every ``interval`` seconds,
    re-brief the stories that changed, one line per changed story; Ctrl-C stops it cleanly
    (between two transactions: the store stays consistent)."""
    from .changes import headline, what_changed
    from .cli import _report_skipped, err
    from .pipeline import load_pipeline
    from .render.json_out import to_dict

    store = _open(db, opts, create=True)
    nlp = load_pipeline(opts)
    try:
        while True:
            report = store.ingest(inputs, nlp=nlp)
            _report_skipped(report.skipped, report.warnings)
            for story in store.changed_stories():
                try:
                    before = store.kept_briefing(story.id, "last")
                except StoreError:
                    before = None
                result = store.brief(story.id, nlp)
                data = to_dict(result, model_name=opts.model)
                if before is None:
                    line = f"new story, {story.articles} article(s)"
                else:
                    data["what_changed"] = what_changed(before[1], data, before[0])
                    line = headline(data["what_changed"])
                if out is not None:
                    from .render.json_out import dumps

                    folder = out / story.id
                    folder.mkdir(parents=True, exist_ok=True)
                    (folder / "briefing.json").write_text(dumps(data), encoding="utf-8")
                sys.stdout.write(f"{story.id}\t{story.title}\t{line}\n")
                sys.stdout.flush()
            if once:
                break
            time.sleep(interval)
    except KeyboardInterrupt:
        err.print("stopped")
    except StoreError as exc:
        err.print(f"[red]error:[/] {terminal(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from exc
    finally:
        store.close()
