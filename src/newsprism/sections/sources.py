"""Sources: each article's cleaned text (which every span indexes into), its metadata and
what cleaning removed. The report lists them last, with the highlighted text in HTML."""

from __future__ import annotations

from typing import Any

from ..model import Briefing, CleanArticle
from .plain import source_dict
from .registry import Report, Section
from .schema import DATE, INT, PAIRS, STR, array, items, mapping, nullable, obj, text


def _dump(briefing: Briefing) -> list[dict[str, Any]]:
    return [source_dict(a.article, a.words) for a in briefing.story.articles]


def _digest(data: dict[str, Any]) -> tuple[str, str]:
    outlets = ", ".join(data["story"]["outlets"]) or "—"
    return "sources", f"{len(data['sources'])} ({outlets})"


SOURCES = Section(
    "sources", CleanArticle,
    schema=items(["id", "outlet", "title", "published", "text", "removed"], {
        "id": STR,
        "outlet": nullable("string", "given in metadata or inferred from the text; null when unknown"),
        "title": nullable("string"),
        "published": DATE,
        "genre": nullable("string", "news | analysis | opinion | null"),
        "origin": nullable("string", "path or URL the article came from"),
        "text": text("the cleaned body text that all spans index into"),
        "removed": array({"type": "object", "required": ["kind", "text"], "properties": {
            "kind": text("caption | pull_quote | duplicate | boilerplate | byline | other"),
            "text": STR,
            "raw_start": {**INT, "description": "where the removed text stood in the raw input"},
            "raw_end": INT,
        }}, "what cleaning took out of the body, so nothing is lost"),
        "url": nullable("string"),
        "language": nullable("string", "language code when given or detected"),
        "headings": array(obj([], {"text": STR, "offset": INT, "raw_start": INT, "raw_end": INT}),
                          "sub-headings taken out of the body; offset: where in text each stood"),
        "paragraphs": {**PAIRS, "description": "paragraphs as [start, end) offsets into text"},
        "inferred": mapping(STR, "metadata inferred from the text (outlet, genre, published) -> its evidence"),
        "confidence": mapping(STR, "inferred field -> high | medium | low"),
        "republished_by": array({"type": "object"}, "other sources that copy this one (exact or near), "
                                "with their similarity"),
        "words": INT,
        "chars": INT,
    }),
    dump=_dump,
    report=Report("Sources", 90),
    digest=_digest,
)
