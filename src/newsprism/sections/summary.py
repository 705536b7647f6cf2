"""Summary: a short extractive summary; every sentence is a span of the first source it
cites and cites every source that carries it."""

from __future__ import annotations

from ..model import SummarySentence
from ..summarize import summarize
from .registry import Report, Section, StoryContext, cited
from .schema import SPAN, STR, array, items


def _build(ctx: StoryContext) -> list[SummarySentence]:
    # an unsure dispute (low confidence, shown apart) gets no summary sentence for its sides
    sure = [c for c in ctx.briefing.contradictions if c.confidence != "low"]
    return summarize(ctx.story, ctx.options, contradictions=sure, embedder=ctx.embedder)


SUMMARY = Section(
    "summary", SummarySentence,
    build=_build,
    schema=items(["text", "citations"], {
        "text": STR,
        "citations": array(SPAN, minItems=1),
    }, "extractive summary: each item is a source sentence (or a trimmed part of one) with where it came from"),
    report=Report("Summary", 5),  # first: a reader meets the event before the details
    highlight=cited("citations"),
)
