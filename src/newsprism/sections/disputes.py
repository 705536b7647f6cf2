"""What is disputed: claims (propositions someone asserts or denies, grouped across sources)
and the contradictions among them, each with its sides, holders and evidence."""

from __future__ import annotations

from typing import Any

from ..model import Claim, Contradiction
from ..perspectives import build_claims, find_contradictions
from ..perspectives.claims import StatementTable
from .registry import Report, Section, StoryContext, cited
from .schema import INT, SPAN, STR, array, items, mapping, nullable, obj, text


def _statements(ctx: StoryContext) -> StatementTable:
    """One statement table for claims and contradictions."""
    return ctx.shared("statements", lambda: StatementTable.build(ctx.articles, ctx.story.entities, ctx.embedder))


def _claims(ctx: StoryContext) -> list[Claim]:
    return build_claims(ctx.articles, ctx.story.entities, ctx.embedder, table=_statements(ctx))


def _contradictions(ctx: StoryContext) -> list[Contradiction]:
    return find_contradictions(ctx.briefing.claims, ctx.articles, ctx.story.entities, ctx.embedder,
                               table=_statements(ctx), frame=ctx.story.frame)


def _side_evidence(contradictions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [ev for con in contradictions for side in con["sides"] for ev in side["evidence"]]


def _digest(data: dict[str, Any]) -> tuple[str, str]:
    return "disputes", f"{len(data['contradictions'])} ({len(data['claims'])} claims)"


CLAIMS = Section(
    "claims", Claim,
    build=_claims,
    schema=items(["id", "text", "holders", "evidence"], {
        "id": STR,
        "text": STR,
        "holders": array(STR),
        "evidence": array(SPAN),
        "polarity": text("assert | deny"),
        "quote_ids": array(STR, "the quotes this claim comes from"),
        "kind": text("reported | own | evidence | mixed"),
        "content": array(SPAN, "the proposition clause in each source"),
        "sources": array(STR, "source ids carrying it"),
        "support": {**INT, "description": "statements grouped into this claim"},
        "support_by_source": mapping(INT, "source id -> statements"),
        "support_by_holder": mapping(INT, "holder -> statements"),
    }, "propositions asserted by someone, grouped across sources"),
    highlight=cited("evidence"),
    stage="perspectives",
)

CONTRADICTIONS = Section(
    "contradictions", Contradiction,
    build=_contradictions,
    schema=items(["topic", "sides"], {
        "topic": STR,
        "sides": array(obj(["position", "holders", "evidence"], {
            "position": STR,
            "holders": array(STR),
            "claim_ids": array(STR),
            "evidence": array(SPAN),
            "sources": array(STR, "source ids with evidence for this side"),
        }), minItems=2),
        "id": STR,
        "kind": text("why the sides conflict: denial | negation | counter | incompatible | rebuttal | rival"),
        "confidence": text("high | low: a low-confidence dispute is unsure (a side no named party "
                           "holds, a holder only described) and is shown apart, after the others"),
        "confidence_reason": nullable("string", "why a low-confidence dispute is unsure; null when high"),
    }),
    report=Report("Disputed", 10, anchor="disputes"),
    highlight=_side_evidence,
    kind="claims",
    digest=_digest,
    stage="perspectives",
)
