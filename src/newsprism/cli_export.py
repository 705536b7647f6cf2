"""``newsprism export``: a briefing as CSV or Parquet tables (registered by cli.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

err = Console(stderr=True)


def export(
    source: Annotated[Path, typer.Argument(help="A briefing.json, or a folder holding one.", show_default=False)],
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
