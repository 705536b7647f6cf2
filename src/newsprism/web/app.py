"""``newsprism serve``: the stories of a store in the browser (FastAPI + Jinja2).

Pages: the stories (search, outlet and date filters), a story's briefing (the report's own
templates, through the section registry), an article with every extracted span highlighted by
kind and what cleaning removed shown apart, entity pages, and a form to add articles. The JSON
API under /api mirrors the CLI; /docs lists it from the OpenAPI schema (no external assets)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.datastructures import UploadFile

from ..render.html import marked_text, render_html
from ..render.view import anchor_id
from ..store import StoreError
from ..store.db import now
from .api import router as api_router
from .security import check_form, csrf_token, headers_middleware, inline_csp, read_upload
from .service import Library, Upload, UploadRefused

STATIC = Path(__file__).parent / "static"
VISIT_COOKIE = "newsprism_visit"
VISIT_GAP = 1800  # seconds without a look at the stories that end a visit
VISIT_KEPT = 400 * 86_400
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
MAX_FILES = 20


def last_visit(cookie: str, stamp: str) -> tuple[str | None, str]:
    """(the end of the user's previous visit, the cookie to set) from the visit cookie
    ``"<previous visit's end>,<last request>"`` (UTC stamps as the store writes them). A look
    more than ``VISIT_GAP`` seconds after the last one starts a new visit; a missing or
    malformed cookie is a first visit (nothing is marked)."""
    parts = cookie.split(",")
    if len(parts) != 2 or not all(_STAMP.fullmatch(p) or p == "" for p in parts) or not parts[1]:
        return None, f",{stamp}"
    seen, last = parts
    gap = (datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ") - datetime.strptime(last, "%Y-%m-%dT%H:%M:%SZ"))
    if gap.total_seconds() > VISIT_GAP:
        seen = last
    return seen or None, f"{seen},{stamp}"


def create_app(library: Library) -> FastAPI:
    app = FastAPI(title="newsprism", summary="Sourced multi-perspective briefings of the stories in a store.",
                  docs_url=None, redoc_url=None)
    app.state.library = library
    app.middleware("http")(headers_middleware)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api_router)
    env = Environment(loader=PackageLoader("newsprism", "templates"), autoescape=select_autoescape(default=True))
    env.filters["ticks"] = ticks

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(f"web/{template}").render(csrf=csrf_token(request), **context)
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> HTMLResponse | JSONResponse:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=404)
        return page(request, "error.html.j2", 404, message=str(exc), heading="Not found")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> HTMLResponse | JSONResponse:
        if request.url.path.startswith("/api/") or request.method == "GET" and exc.status_code == 404:
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page(request, "error.html.j2", exc.status_code, message=str(exc.detail), heading="Refused")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories(request: Request, q: str = "", outlet: str = "", since: str = "", until: str = "") -> HTMLResponse:
        found = library.stories(q, outlet, since, until)
        seen, cookie = last_visit(request.cookies.get(VISIT_COOKIE, ""), now())
        found = [{**s, "changed": bool(seen and s["updated"] and s["updated"] > seen)}  # since the last visit
                 for s in found]
        resp = page(request, "stories.html.j2", stories=found, outlets=library.outlets(),
                    q=q, outlet=outlet, since=since, until=until, seen=seen)
        resp.set_cookie(VISIT_COOKIE, cookie, max_age=VISIT_KEPT, httponly=True, samesite="lax")
        return resp

    rendered: dict[str, tuple[dict[str, Any], str, str]] = {}  # story id -> (briefing, page, policy)

    @app.get("/story/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story(request: Request, story_id: str) -> HTMLResponse:
        data = library.briefing(story_id)
        hit = rendered.get(story_id)
        if hit is None or hit[0] is not data:  # drawn once per briefing (the library caches it)
            html = render_html(data)
            nav = env.get_template("web/story_nav.html.j2").render(story_id=story_id, sources=data["sources"])
            html = html.replace("<main>", "<main>" + nav, 1)
            hit = rendered[story_id] = (data, html, inline_csp(html))
        return HTMLResponse(hit[1], headers={"Content-Security-Policy": hit[2]})

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article(request: Request, article_id: str) -> HTMLResponse:
        found = library.article(article_id)
        source, spans = found["source"], found["spans"]
        kinds = sorted({sp["kind"] for sp in spans})
        entities = []
        if found["story"]:
            data = library.briefing(found["story"])
            entities = [e for e in data.get("entities", [])
                        if any(m["source_id"] == source["id"] for m in e.get("mentions", []))]
        return page(request, "article.html.j2", a=found, s=source, marked=marked_text(source, spans),
                    kinds=kinds, counts={k: sum(sp["kind"] == k for sp in spans) for k in kinds},
                    entities=entities)

    @app.get("/entity", response_class=HTMLResponse, include_in_schema=False)
    def entity(request: Request, name: str = "") -> HTMLResponse:
        return page(request, "entity.html.j2", name=name, found=library.entities(name) if name else [],
                    anchor=anchor_id)

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_form(request: Request) -> HTMLResponse:
        return page(request, "add.html.j2", limit=library.options.web_max_upload_bytes)

    @app.post("/add", response_class=HTMLResponse, include_in_schema=False)
    async def add(request: Request) -> HTMLResponse:
        texts, uploads, token = await read_form(request, library.options.web_max_upload_bytes)
        check_form(request, token)
        if not texts and not uploads:
            return page(request, "add.html.j2", 400, limit=library.options.web_max_upload_bytes,
                        error="Paste an article or choose a file to add.")
        try:
            from starlette.concurrency import run_in_threadpool

            result = await run_in_threadpool(library.add, texts, uploads)
        except UploadRefused as exc:
            return page(request, "add.html.j2", 415, limit=library.options.web_max_upload_bytes, error=str(exc))
        return page(request, "added.html.j2", r=result)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return page(request, "docs.html.j2", api=app.openapi())

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> RedirectResponse:
        return RedirectResponse("/static/favicon.svg")

    return app


def ticks(text: str) -> Markup:
    """Text escaped, with `code spans` (as the API's docstrings write commands) in <code>."""
    return Markup(re.sub(r"`([^`<>]+)`", r"<code>\1</code>", str(escape(text))))


async def read_form(request: Request, limit: int) -> tuple[list[str], list[Upload], str | None]:
    """The pasted texts, uploaded files and CSRF token of an add form; over-large requests are
    refused before they are read (413), each file is read up to ``limit`` bytes."""
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limit * MAX_FILES + 1_000_000:
        raise HTTPException(413, f"the upload is larger than the {limit // 1_000_000} MB per file this server takes")
    form = await request.form(max_files=MAX_FILES, max_fields=50)
    texts = [str(v) for v in form.getlist("text") if isinstance(v, str) and v.strip()]
    if any(len(t.encode()) > limit for t in texts):
        raise HTTPException(413, f"a pasted text is larger than {limit // 1_000_000} MB")
    uploads: list[Upload] = []
    for f in form.getlist("files"):
        if isinstance(f, UploadFile) and f.filename:
            uploads.append(Upload(f.filename, await read_upload(f, limit)))
    token = form.get("csrf_token")
    return texts, uploads, token if isinstance(token, str) else None

