"""The ``newsprism`` command line."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from typer.core import TyperGroup

from . import __version__
from .model import AnnotatedArticle, CleanArticle, IngestResult, Skipped
from .outputs import OutputError, check_folder, write_together
from .safety import json_line, terminal

if TYPE_CHECKING:
    from .options import Options

class _Group(TyperGroup):
    """The app's command group. Typer's rich help shows a value type after every option, flags
    included (``--quiet <bool>``, ``--help <bool>``), as if they took a value: a flag's type is
    left out here (an empty metavar), for the group's own options and every command's."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _flags_without_type(super().get_params(ctx))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        cmd = super().get_command(ctx, cmd_name)
        if cmd is not None:
            _flags_without_type([*cmd.params, cmd.get_help_option(ctx)])
        return cmd


def _flags_without_type(params: list[Any]) -> list[Any]:
    # typer ships its own copy of click (typer._click): its options are recognised by is_flag
    for p in params:
        if getattr(p, "is_flag", False) and p.metavar is None:
            p.metavar = ""
    return params


app = typer.Typer(
    cls=_Group,
    name="newsprism",
    help=(
        "Read many news articles about one event and write a sourced, multi-perspective "
        "briefing: what happened, who said what, which figures each source reports, what is "
        "disputed, a dated timeline and a cited summary. Offline; every item points back to "
        "the source text."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)
err = Console(stderr=True)

Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Articles: files, directories, glob patterns, or - for stdin. Formats: .txt, "
        ".html/.htm, .jsonl (one article per line: text, id, title, outlet, url, published, "
        "language), RSS/Atom (.xml/.rss/.atom), WARC (.warc, .warc.gz).",
        show_default=False,
    ),
]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help="TOML file with a [newsprism] table overriding the defaults.")
]
ModelOpt = Annotated[
    str | None, typer.Option("--model", help="spaCy pipeline package to load (default from settings).")
]
ProcessesOpt = Annotated[
    int | None, typer.Option("--processes", "-j", min=1, help="Worker processes for spaCy parsing.")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or digest.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsprism {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """newsprism: sourced, multi-perspective news briefings."""


def _options(config: Path | None, model: str | None, processes: int | None, quiet: bool, **more: object):
    from .options import load_options

    try:
        return load_options(config, model=model, n_process=processes, progress=not quiet, **more)
    except (OSError, ValueError) as exc:
        err.print(f"[red]error:[/] cannot read options: {terminal(exc)}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from exc


def _report_skipped(skipped: list[Skipped], warnings: list[str]) -> None:
    for s in skipped:
        err.print(f"[yellow]skipped[/] {terminal(s.item)}: {terminal(s.reason)}", highlight=False, soft_wrap=True)
    for w in warnings:
        err.print(f"[dim]warning[/] {terminal(w)}", highlight=False, soft_wrap=True)


StoreOpt = Annotated[Path, typer.Option("--db", help="The store (SQLite file) to use.")]
WaitOpt = Annotated[float, typer.Option(
    "--wait", min=0, help="Seconds to wait for another ingest writing to the same store (default: fail at once).")]


@app.command()
def brief(
    inputs: Annotated[list[str] | None, typer.Argument(
        help="Articles: files, directories, glob patterns, or - for stdin (not with --db).", show_default=False,
    )] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for briefing.json, briefing.md and briefing.html.")] = Path("out"),
    formats: Annotated[str, typer.Option("--formats", "-f", help="Comma-separated: json, md, html.")] = "json,md,html",
    summary_words: Annotated[int | None, typer.Option("--summary-words", min=20, help="Summary length bound in words.")] = None,
    outlet_groups: Annotated[Path | None, typer.Option(
        "--outlet-groups", help="TOML file of outlet groups (country, ownership, lean...: any grouping you "
        "define, with outlet aliases; see examples/outlet-groups.toml): coverage by group and blindspots.")] = None,
    config: ConfigOpt = None,
    model: ModelOpt = None,
    processes: ProcessesOpt = None,
    quiet: QuietOpt = False,
    db: Annotated[Path | None, typer.Option("--db", help="Brief a story of this store instead of INPUTS.")] = None,
    story: Annotated[str | None, typer.Option("--story", help="With --db: the story id (see `newsprism stories`).")] = None,
    since: Annotated[str | None, typer.Option(
        "--since", help="With --db: add what changed since a kept briefing: last, a version number or an ISO date/time.")] = None,
) -> None:
    """Brief articles about one event: briefing.json, briefing.md and briefing.html.

    Writes into OUT a schema-valid briefing.json, a Markdown report and one self-contained
    HTML page. Bad inputs are listed and skipped; exit status 2 when no article could be read.

    Example: `newsprism brief examples/khan-shaykhun -o out/`"""
    wanted = {f.strip().lower() for f in formats.split(",") if f.strip()}
    unknown = wanted - {"json", "md", "html"}
    if unknown:
        err.print(f"[red]error:[/] unknown format(s): {terminal(', '.join(sorted(unknown)))}", highlight=False)
        raise typer.Exit(2)
    opts = _options(config, model, processes, quiet, summary_words=summary_words,
                    outlet_groups=str(outlet_groups) if outlet_groups else None)
    _check_outlet_groups(opts.outlet_groups)
    try:
        check_folder(out)  # before the heavy imports and any analysis
    except OutputError as exc:
        err.print(f"[red]error:[/] {terminal(exc)}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from exc
    if db is not None or story is not None or since is not None:
        from .store_cli import brief_story

        brief_story(db, story, inputs, opts, out, wanted, quiet, since)
        return
    if not inputs:
        err.print("[red]error:[/] give the articles to brief (or --db and --story)")
        raise typer.Exit(2)
    from .briefing import NoArticles
    from .briefing import brief as run_brief
    from .render.json_out import to_dict, validate

    t0 = time.perf_counter()
    progress = Progress(
        TextColumn("[bold]annotating"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
        TimeElapsedColumn(), console=err, disable=not opts.progress, transient=False,
    )
    read: list[IngestResult] = []

    def on_read(ingested: IngestResult) -> None:
        read.append(ingested)
        _report_skipped(ingested.skipped, ingested.warnings)
        if ingested.articles:
            progress.add_task(f"loading {opts.model}", total=len(ingested.articles))

    def on_article(ann: AnnotatedArticle) -> None:
        progress.update(progress.task_ids[0], advance=1, description=terminal(ann.source_id))

    try:
        with progress:
            result = run_brief(inputs, opts, on_read=on_read, on_article=on_article)
    except NoArticles as exc:
        if read and read[0].articles:  # read, but cleaning left no text
            err.print(f"[red]no article could be briefed:[/] {terminal(exc)}", highlight=False, soft_wrap=True)
        else:
            err.print(f"[red]no article could be read[/] ({len(read[0].skipped) if read else 0} item(s) skipped)")
        raise typer.Exit(2) from exc
    data = to_dict(result, model_name=opts.model)
    validate(data)
    from .changes import reported_revisions

    if (found := reported_revisions(data)) is not None:  # "had risen to 86" (issue 16)
        data["what_changed"] = found
    written = write_briefing(data, wanted, out)
    _report_skipped(result.skipped[len(read[0].skipped):], result.warnings[len(read[0].warnings):])
    if not quiet:
        err.print(digest_table(data, time.perf_counter() - t0, result.stats.get("model_load_s", 0.0), written))


def digest_table(data: dict, seconds: float, load_s: float, written: list[Path]) -> Table:
    """The digest printed after ``brief``: one line per section that has a digest (registration
    order), then the run itself."""
    from .sections import sections

    st = data["story"]
    table = Table(title=f"{terminal(st['title'])} — event date {st['event_date'] or 'unknown'}", show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    for section in sections():
        if section.digest is not None and section.name in data:
            table.add_row(*(terminal(cell) for cell in section.digest(data)))  # outlets come from input
    table.add_row("skipped", str(len(data["skipped"])))
    table.add_row("seconds", f"{seconds:.1f} (model load {load_s:.1f})")
    table.add_row("written", terminal(", ".join(str(p) for p in written)))
    return table


@app.command()
def clean(
    inputs: Inputs,
    config: ConfigOpt = None,
    model: ModelOpt = None,
) -> None:
    """Show what cleaning removes from each article and which metadata it infers.

    One JSON line per article on stdout: outlet, title, genre and date (given or inferred,
    with the evidence), headings, every removed caption, pull-quote, duplicate, byline and
    boilerplate line with its span in the raw file, and the cleaned text. A missing
    publication date is inferred as `brief` infers it for the same files (read together as
    one story: datelines, the dates in the texts), so this needs the spaCy pipeline."""
    from .clean import clean_article
    from .ingest import read_inputs

    opts = _options(config, model, None, True)
    ingested = read_inputs(inputs, opts)
    _report_skipped(ingested.skipped, ingested.warnings)
    cleaned = [clean_article(art) for art in ingested.articles]
    kept = [c for c in cleaned if c.text.strip()]  # what brief analyses (an emptied one is skipped)
    if any(not c.published for c in kept):
        _infer_dates(kept, opts)
    for c in cleaned:
        rec = {
            "id": c.id, "origin": c.origin, "title": c.title, "outlet": c.outlet, "published": c.published,
            "genre": c.genre, "inferred": c.inferred,
            "headings": [h.text for h in c.headings],
            "removed": [{"kind": r.kind, "text": r.text, "raw_span": [r.raw_start, r.raw_end]} for r in c.removed],
            "text": c.text,
        }
        sys.stdout.write(json_line(rec) + "\n")
    if not ingested.articles:
        raise typer.Exit(2)


def _infer_dates(cleaned: list[CleanArticle], opts: Options) -> None:
    """Missing publication dates filled in place by the inference `brief` runs
    (``timeline.infer_story_dates`` on the articles as one story, with its event frame), from
    the sentences and the dates the ``dates`` section extracts; nothing else is annotated."""
    from .annotate import load_pipeline
    from .extract.sentences import extract_sentences
    from .frame import build_frame
    from .model import AnnotatedArticle, Story
    from .sections import ArticleContext
    from .sections.dates import DATES
    from .story import story_id
    from .timeline import infer_story_dates

    nlp = load_pipeline(opts)
    annotated = []
    stream = ((c.text[: opts.max_chars], c) for c in cleaned)
    for doc, c in nlp.pipe(stream, as_tuples=True, batch_size=opts.batch_size):
        ann = AnnotatedArticle(article=c)
        ann.sentences = extract_sentences(doc, c.id, c.paragraphs)
        ann.dates = DATES.extract(doc, ArticleContext(article=c, sentences=ann.sentences, options=opts, models={}))
        annotated.append(ann)
    story = Story(id=story_id(annotated), articles=annotated)
    story.frame = build_frame(story, nlp)
    infer_story_dates(story, nlp)


@app.command()
def quotes(
    inputs: Inputs,
    fmt: Annotated[str, typer.Option("--format", help="jsonl (one attribution per line) or table.")] = "jsonl",
    config: ConfigOpt = None,
    model: ModelOpt = None,
    processes: ProcessesOpt = None,
    scope: Annotated[str | None, typer.Option(
        "--scope", help="statements (what was said or believed; the default) or broad (also stances, "
        "intentions and evaluations, with the learned cue scorer: PolNeAR's notion of attribution).")] = None,
) -> None:
    """Extract who said what: one record per attribution.

    Each record has speaker, speaker_role, cue, content, kind (direct, indirect, mixed) and
    [start, end) character spans into the raw input file."""
    from .annotate import annotate, load_pipeline
    from .clean import clean_article
    from .extract.quotes_jsonl import quotes_records
    from .ingest import read_inputs

    if fmt not in ("jsonl", "table"):
        err.print("[red]error:[/] --format must be jsonl or table")
        raise typer.Exit(2)
    opts = _options(config, model, processes, True, attribution_scope=scope)
    ingested = read_inputs(inputs, opts)
    _report_skipped(ingested.skipped, ingested.warnings)
    if not ingested.articles:
        raise typer.Exit(2)
    nlp = load_pipeline(opts)
    table = Table("speaker", "cue", "kind", "content")
    for ann in annotate((clean_article(a) for a in ingested.articles), nlp, opts):
        for w in ann.warnings:
            err.print(f"[dim]warning[/] {terminal(w)}", highlight=False, soft_wrap=True)
        for rec in quotes_records(ann):
            if fmt == "jsonl":
                sys.stdout.write(json_line(rec) + "\n")
            else:
                table.add_row(*(terminal(rec.get(k)) for k in ("speaker", "cue", "kind", "content")))
    if fmt == "table":
        Console().print(table)


def write_briefing(data: dict, wanted: set[str], out: Path) -> list[Path]:
    """Render the wanted formats (json, md, html) of a briefing dict and write them into ``out``
    all together or none; a failure is one line and exit 2."""
    from .render.html import render_html
    from .render.json_out import dumps
    from .render.markdown import render_markdown

    files = {
        name: render(data)
        for fmt, name, render in (
            ("json", "briefing.json", dumps),
            ("md", "briefing.md", render_markdown),
            ("html", "briefing.html", render_html),
        )
        if fmt in wanted
    }
    try:
        return write_together(out, files)  # all together or none
    except OutputError as exc:
        err.print(f"[red]error:[/] {terminal(exc)}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from exc


def _check_outlet_groups(path: str) -> None:
    """Refuse a bad outlet-groups file before any analysis runs."""
    if not path:
        return
    from .outlet_groups import load_outlet_groups

    try:
        load_outlet_groups(path)
    except ValueError as exc:
        err.print(f"[red]error:[/] {terminal(exc)}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from exc


def _register_extra_commands() -> None:
    from .cli_export import export
    from .web.cli import serve

    app.command("export")(export)
    app.command("serve")(serve)


_register_extra_commands()

@app.command()
def ingest(
    inputs: Inputs,
    db: StoreOpt = Path("news.db"),
    annotate: Annotated[bool, typer.Option(
        "--annotate/--no-annotate", help="Parse new articles now (default) or when first briefed.")] = True,
    wait: WaitOpt = 0.0,
    batch: Annotated[int | None, typer.Option(
        "--batch", min=1, help="Articles stored per transaction (default 64, or 256 with --no-annotate).")] = None,
    config: ConfigOpt = None,
    model: ModelOpt = None,
    processes: ProcessesOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Read articles into a store: deduplicated, annotated and grouped into stories.

    Safe to re-run (nothing is added twice) and to kill (a re-run finishes the job). Exact and
    near duplicates (syndicated copies) are kept and linked to their original.

    Example: `newsprism ingest feeds/ crawl.warc.gz --db news.db`"""
    from .store_cli import ingest_command

    ingest_command(inputs, db, annotate, wait, batch, _options(config, model, processes, quiet), quiet)


@app.command()
def stories(
    db: StoreOpt = Path("news.db"),
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """List the stories of a store: id, title, articles, outlets, date range."""
    from .store_cli import stories_command

    stories_command(db, fmt)


@app.command()
def watch(
    inputs: Inputs,
    db: StoreOpt = Path("news.db"),
    interval: Annotated[float, typer.Option("--interval", min=0.1, help="Seconds between two looks at the inputs.")] = 60.0,
    once: Annotated[bool, typer.Option("--once", help="Look once, report, and stop.")] = False,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Also write each changed story's briefing.json (with what changed) to OUT/STORY/.")] = None,
    config: ConfigOpt = None,
    model: ModelOpt = None,
) -> None:
    """Keep a store up to date: ingest new files as they appear, re-brief the stories that
    changed, and print one line per changed story with what changed. Ctrl-C stops it.

    Example: `newsprism watch feeds/ --db news.db --interval 300`"""
    from .store_cli import watch_command

    watch_command(inputs, db, interval, once, _options(config, model, None, True), out)

@app.command()
def batch(
    inputs: Inputs,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for stories.json, stories.csv and one folder per story.")] = Path("out"),
    engine: Annotated[str, typer.Option("--engine", help="local (this process) or ray (Ray Data; a cluster through RAY_ADDRESS).")] = "local",
    workers: Annotated[int, typer.Option("--workers", min=1, help="Ray actors briefing stories (each loads spaCy once).")] = 2,
    config: ConfigOpt = None,
    model: ModelOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Cluster many articles into stories and brief each story.

    Reads JSONL, Parquet, WARC and the other input formats, clusters the articles into stories
    and writes OUT/stories.json, OUT/stories.csv and OUT/STORY/briefing.json + briefing.md.

    Example: `newsprism batch crawl.warc.gz feed.jsonl --engine ray -o out/`"""
    from .batch import ENGINES, run_batch

    if engine not in ENGINES:
        err.print(f"[red]error:[/] --engine must be one of {', '.join(ENGINES)}")
        raise typer.Exit(2)
    opts = _options(config, model, None, quiet)
    stories, ingested = run_batch(inputs, opts, out, engine=engine, workers=workers)
    _report_skipped(ingested.skipped, ingested.warnings)
    if not ingested.articles:
        err.print(f"[red]no article could be read[/] ({len(ingested.skipped)} item(s) skipped)")
        raise typer.Exit(2)
    if not quiet:
        table = Table("story", "articles", "outlets", "dates", "title")
        for st in stories:
            dates = f"{st.first or '?'} .. {st.last or '?'}" if st.first or st.last else ""
            table.add_row(terminal(st.id), str(st.size), str(len(st.outlets)), terminal(dates), terminal(st.title))
        err.print(table)
        err.print(f"{len(stories)} stories written to {terminal(str(out))}", highlight=False)


if __name__ == "__main__":
    app()
