"""The JSON API of ``newsprism serve``, mirroring the CLI: stories, briefing, article, quotes,
figures, search and ingest. Its OpenAPI schema is at /openapi.json, listed at /docs."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from .security import same_origin
from .service import Library, UploadRefused

router = APIRouter(prefix="/api", tags=["api"])


def _library(request: Request) -> Library:
    return request.app.state.library


@router.get("/stories", summary="The stories of the store (like `newsprism stories --format json`)")
def stories(request: Request, q: str = "", outlet: str = "", since: str = "", until: str = "") -> list[dict[str, Any]]:
    return _library(request).stories(q, outlet, since, until)


@router.get("/stories/{story_id}/briefing", summary="A story's briefing.json (like `newsprism brief --db --story`)")
def briefing(request: Request, story_id: str) -> dict[str, Any]:
    return _library(request).briefing(story_id)


@router.get("/stories/{story_id}/quotes", summary="Who said what in a story (like `newsprism quotes`)")
def quotes(request: Request, story_id: str) -> list[dict[str, Any]]:
    return _library(request).briefing(story_id).get("quotes", [])


@router.get("/stories/{story_id}/figures", summary="A story's figures and their reconciliation")
def figures(request: Request, story_id: str) -> dict[str, Any]:
    data = _library(request).briefing(story_id)
    return {"figures": data.get("figures", []), "reconciled_figures": data.get("reconciled_figures", [])}


@router.get("/articles/{article_id}", summary="One article: cleaned text, what cleaning removed, its spans")
def article(request: Request, article_id: str) -> dict[str, Any]:
    return _library(request).article(article_id)


@router.get("/search", summary="Articles whose title or text holds the query")
def search(request: Request, q: str) -> list[dict[str, Any]]:
    return _library(request).search(q)


@router.post("/ingest", summary="Add articles (JSON {\"texts\": [...]} or a multipart form with `text` and `files`)")
async def ingest(request: Request) -> dict[str, Any]:
    """Like `newsprism ingest`: deduplicated and clustered; says which story each article joined
    and what changed in its briefing. Refused when posted from another site's page."""
    from .app import read_form

    if not same_origin(request):
        raise HTTPException(403, "refused: posted from another site")
    library = _library(request)
    limit = library.options.web_max_upload_bytes
    if request.headers.get("content-type", "").startswith("application/json"):
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            raise HTTPException(413, f"the request is larger than {limit // 1_000_000} MB")
        body = await request.json()
        texts = body.get("texts") if isinstance(body, dict) else None
        if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
            raise HTTPException(422, 'give {"texts": ["article text", ...]}')
        uploads = []
    else:
        texts, uploads, _ = await read_form(request, limit)
    if not any(t.strip() for t in texts) and not uploads:
        raise HTTPException(422, "nothing to add: give texts or files")
    try:
        result = await run_in_threadpool(library.add, texts, uploads)
    except UploadRefused as exc:
        raise HTTPException(415, str(exc)) from exc
    return asdict(result)
