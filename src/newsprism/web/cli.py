"""``newsprism serve``: run the web app on a store (or on the bundled example)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from ..options import load_options

EXAMPLE = "examples/khan-shaykhun"


def bundled_example() -> Path | None:
    """The bundled example: in the current folder (a clone) or beside the installed package."""
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        if (base / EXAMPLE).is_dir():
            return base / EXAMPLE
    return None


def serve(
    db: Annotated[Path | None, typer.Option(
        "--db", help="The store to serve. Without it the bundled example is ingested into a temporary store.")] = None,
    host: Annotated[str, typer.Option(
        "--host", help="Address to listen on. Only this machine (127.0.0.1) unless you ask for another.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    config: Annotated[Path | None, typer.Option("--config", help="A settings.toml overriding the defaults.")] = None,
) -> None:
    """Browse, search and grow the stories of a store in your browser.

    Example: `newsprism serve --db news.db` then open http://127.0.0.1:8000/"""
    import uvicorn

    from ..cli import err
    from ..store import Store, StoreError
    from .app import create_app
    from .service import Library

    options = load_options(config)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]warning:[/] serving on {host}: anyone who can reach this machine can read and add "
                  "articles (there is no login)", highlight=False)
    tmp = None
    if db is None:
        example = bundled_example()
        if example is None:
            err.print("[red]error:[/] no --db given and the bundled example is not here; run from a clone "
                      "or give --db news.db")
            raise typer.Exit(2)
        tmp = tempfile.TemporaryDirectory(prefix="newsprism-serve-")
        db = Path(tmp.name) / "example.db"
        err.print(f"no --db: ingesting {example} into a temporary store ({db}) and briefing its stories…",
                  highlight=False)
    nlp = None
    try:
        with Store(db, options, create=tmp is not None) as st:
            if tmp is not None:
                from ..pipeline import load_pipeline

                nlp = load_pipeline(options)
                st.ingest([str(example)], nlp=nlp)
                for story in st.stories():  # kept in the store: the first page opens at once
                    st.brief(story.id, nlp)
    except StoreError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    app = create_app(Library(db, options, nlp=nlp))
    err.print(f"serving {db} on http://{host}:{port}/ (Ctrl-C stops)", highlight=False)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        if tmp is not None:
            tmp.cleanup()
