"""Records behind ``newsprism quotes FILE… --format jsonl``: one attribution per record with
spans mapped back to [start, end) character offsets into the raw input file."""

from __future__ import annotations

from typing import Any

from ..model import AnnotatedArticle, CleanArticle, Quote
from .quotes import parse_pull_quote


def _raw(article: CleanArticle, start: int | None, end: int | None) -> list[int] | None:
    if start is None or end is None:
        return None
    s, e = article.offsets.span_to_raw(start, end)
    return [s, e]


def _pull_record(article: CleanArticle, index: int) -> dict[str, Any]:
    item = article.removed[index]
    parsed = parse_pull_quote(item.text)
    content = parsed[0] if parsed else item.text
    offset = item.text.find(content)
    c_start = item.raw_start + max(offset, 0)
    return {
        "source_id": article.id,
        "origin": "pull_quote",
        "speaker": parsed[1] if parsed else None,
        "speaker_role": parsed[2] if parsed else None,
        "cue": None,
        "content": content,
        "kind": "direct",
        "negated": False,
        "source_span": None,
        "cue_span": None,
        "content_span": [c_start, c_start + len(content)] if offset >= 0 else [item.raw_start, item.raw_end],
        "content_parts": [],
        "speaker_span": None,
        "repeats": None,
    }


def quote_record(article: CleanArticle, q: Quote) -> dict[str, Any]:
    """One attribution as a JSON-ready dict with raw-file spans."""
    return {
        "source_id": article.id,
        "origin": q.origin,
        "speaker": q.speaker,
        "speaker_role": q.speaker_role,
        "cue": q.cue,
        "content": q.text,
        "kind": q.kind,
        "negated": q.negated,
        "source_span": _raw(article, q.source_start, q.source_end),
        "cue_span": _raw(article, q.cue_start, q.cue_end),
        "content_span": _raw(article, q.start, q.end),
        # the other pieces of a discontinuous content ("which" in "which she said ...")
        "content_parts": [_raw(article, a, b) for a, b in q.parts],
        "speaker_span": _raw(article, q.speaker_start, q.speaker_end),
        "repeats": _raw(article, *q.repeats) if q.repeats else None,
    }


def quotes_records(annotated: AnnotatedArticle) -> list[dict[str, Any]]:
    """Every attribution of one annotated article, in text order.

    A pull-quote that cleaning removed is reported once: on the body quotation it repeats
    (``pull_quotes``: its raw spans), or as its own record (origin ``pull_quote``) when the
    body does not carry it."""
    article = annotated.article
    out: list[dict[str, Any]] = []
    linked: set[int] = set()
    for q in annotated.quotes:
        rec = quote_record(article, q)
        rec["pull_quotes"] = [
            [article.removed[i].raw_start, article.removed[i].raw_end]
            for i in q.pull_quotes
            if 0 <= i < len(article.removed)
        ]
        linked.update(q.pull_quotes)
        out.append(rec)
    for i, item in enumerate(article.removed):
        if item.kind == "pull_quote" and i not in linked:
            out.append(_pull_record(article, i))
    return out
