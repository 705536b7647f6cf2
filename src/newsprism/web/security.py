"""The web app's protections: a Content-Security-Policy with no external source on every
response, CSRF checks on every form post (a per-browser token in a SameSite=Strict cookie that the
form repeats, and an Origin that must be this server), size-limited uploads."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Awaitable, Callable

from fastapi import HTTPException, Request, Response
from starlette.datastructures import UploadFile

CSRF_COOKIE = "newsprism_csrf"
CSRF_FIELD = "csrf_token"

# no external source anywhere: styles, scripts, images and forms from this server only
CSP = ("default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
       "form-action 'self'; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'")


def inline_csp(html: str) -> str:
    """The policy for a page with inline <style>/<script> blocks (the briefing report): those
    exact blocks by their sha256, nothing else (article text is escaped, so it cannot add one)."""
    def hashes(tag: str) -> str:
        blocks = re.findall(rf"<{tag}>(.*?)</{tag}>", html, flags=re.S)
        return " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(b.encode()).digest()).decode()}'" for b in blocks)
    return (f"default-src 'none'; style-src 'self' {hashes('style')}; script-src 'self' {hashes('script')}; "
            "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


async def headers_middleware(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"  # no-referrer would make browsers post Origin: null
    response.headers["X-Frame-Options"] = "DENY"
    if CSRF_COOKIE not in request.cookies:
        token = getattr(request.state, "csrf", None) or secrets.token_urlsafe(32)
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
    return response


def csrf_token(request: Request) -> str:
    """This browser's token (from its cookie, or a new one the response will set)."""
    token = request.cookies.get(CSRF_COOKIE)
    if not token:
        token = getattr(request.state, "csrf", None) or secrets.token_urlsafe(32)
        request.state.csrf = token
    return token


def same_origin(request: Request) -> bool:
    """A post from a page of this server: its Origin (sent by browsers on every POST) names this
    host, and Sec-Fetch-Site (when sent) is not cross-site."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    host = request.headers.get("host", "")
    return origin.split("://", 1)[-1] == host


def check_form(request: Request, token: str | None) -> None:
    cookie = request.cookies.get(CSRF_COOKIE)
    if not same_origin(request):
        raise HTTPException(403, "refused: this form was posted from another site")
    if not cookie or not token or not hmac.compare_digest(cookie, token):
        raise HTTPException(403, "refused: the form's security token is missing or stale; reload the page and try again")


async def read_upload(upload: UploadFile, limit: int) -> bytes:
    """The file's bytes, refused with 413 when over ``limit`` (read in chunks, never all first)."""
    chunks: list[bytes] = []
    size = 0
    while chunk := await upload.read(1 << 16):
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"{upload.filename!r} is larger than the {limit // 1_000_000} MB an upload may be")
        chunks.append(chunk)
    return b"".join(chunks)
