"""``newsprism export``: a briefing as CSV or Parquet tables (registered by cli.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

err = Console(stderr=True)


def export(
    source: Annotated[Path, typer.Argument(
        help="A briefing.json, a folder holding one, or a store (news.db): then each story's latest kept "
        "briefing goes to OUT/<story id>/.", show_default=False)],
    fmt: Annotated[str, typer.Option("--format", help="csv or parquet.")] = "csv",
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the tables.")] = Path("tables"),
) -> None:
    """Export a briefing as tables for analysts: one file each for sources, quotes, figures,
    reconciled figures, claims, contradictions (one row per side and holder), entities, mentions,
    timeline, summary and coverage. Every row carries its source id and span. Columns:
    docs/export.md.

    Example: `newsprism export out/briefing.json --format parquet -o tables/`"""
    from .export import FORMATS, read_briefing, write_tables

    if fmt not in FORMATS:
        err.print(f"[red]error:[/] --format must be one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    if out.exists() and not out.is_dir():
        err.print(f"[red]error:[/] {escape(str(out))} exists and is not a folder")
        raise typer.Exit(2)
    if source.is_file() and _is_sqlite(source):
        _export_store(source, out, fmt)
        return
    try:
        data = read_briefing(source)
    except ValueError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from exc
    try:
        written = write_tables(data, out, fmt)
    except OSError as exc:
        err.print(f"[red]error:[/] cannot write to {escape(str(out))}: {escape(exc.strerror or str(exc))}")
        raise typer.Exit(2) from exc
    err.print(f"written {len(written)} tables to {escape(str(out))}", highlight=False)


def _is_sqlite(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(16) == b"SQLite format 3\x00"


def _export_store(db: Path, out: Path, fmt: str) -> None:
    """Each story's latest kept briefing as tables in OUT/<story id>/; a story never briefed is
    named with the command that briefs it."""
    from .export import write_tables
    from .store import Store, StoreError

    try:
        with Store(db, readonly=True) as st:
            stories = st.stories()
            done = 0
            for story in stories:
                try:
                    _, data = st.kept_briefing(story.id, "last")
                except StoreError:
                    err.print(f"[yellow]skipped[/] story {escape(story.id)}: no briefing kept yet "
                              f"(newsprism brief --db {escape(str(db))} --story {escape(story.id)})", highlight=False)
                    continue
                write_tables(data, out / story.id, fmt)
                done += 1
    except StoreError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from exc
    except OSError as exc:
        err.print(f"[red]error:[/] cannot write to {escape(str(out))}: {escape(exc.strerror or str(exc))}")
        raise typer.Exit(2) from exc
    err.print(f"written the tables of {done} of {len(stories)} stories to {escape(str(out))}", highlight=False)
