"""Dates and the timeline: dates resolved per article (not written out themselves), and per
story the dated events in order, each clause cited in every source that carries it."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..extract.dates import extract_dates
from ..model import DateMention, TimelineEntry
from ..timeline import build_timeline
from .registry import ArticleContext, Report, Section, StoryContext, cited, item_spans
from .schema import BOOL, SPAN, SPAN_FIELDS, STR, array, items, text


def _extract(doc: Doc, ctx: ArticleContext) -> list[DateMention]:
    return extract_dates(doc, ctx.source_id, ctx.published)


def _build(ctx: StoryContext) -> list[TimelineEntry]:
    return build_timeline(ctx.story, ctx.embedder)


def _spans(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The clause of each entry, then every source's citation of it."""
    return [*item_spans(entries), *cited("citations")(entries)]


def _digest(data: dict[str, Any]) -> tuple[str, str]:
    return "timeline", f"{len(data['timeline'])} entries"


DATES = Section(name="dates", record=DateMention, extract=_extract)

TIMELINE = Section(
    "timeline", TimelineEntry,
    build=_build,
    schema=items(["date", "text", "source_id", "start", "end"], {
        "date": text("ISO 8601 at the precision known"),
        "about_event": BOOL,
        "text": STR,
        **SPAN_FIELDS,
        "citations": array(SPAN, "every source carrying this entry"),
        "inferred": {**BOOL, "description": "the date rests on an inferred publication date"},
    }),
    report=Report("Timeline", 40),
    highlight=_spans,
    digest=_digest,
)
