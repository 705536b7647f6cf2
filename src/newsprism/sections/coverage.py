"""Who covers what: outlets x {dispute sides, reconciled figures, main speakers, key claims},
with per-group coverage and blindspots when the user defines outlet groups
(``Options.outlet_groups``, a TOML file; see ``newsprism.outlet_groups``)."""

from __future__ import annotations

from typing import Any

from ..coverage import build_coverage
from ..model import Briefing, CoverageMatrix
from ..outlet_groups import load_outlet_groups
from .plain import plain
from .registry import Report, Section, StoryContext
from .schema import SPAN, STR, array, obj, text


def _build(ctx: StoryContext) -> CoverageMatrix:
    path = ctx.options.outlet_groups
    return build_coverage(ctx.briefing, load_outlet_groups(path) if path else None)


def _dump(briefing: Briefing) -> dict[str, Any] | None:
    return plain(briefing.coverage) if briefing.coverage is not None else None


def _digest(data: dict[str, Any]) -> tuple[str, str]:
    cov = data.get("coverage") or {}
    uneven = sum(1 for it in cov.get("items", []) if len({c["status"] != "absent" for c in it["cells"]}) > 1)
    line = f"{len(cov.get('items', []))} items, {uneven} not carried by every outlet"
    if cov.get("groupings"):
        line += f"; {len(cov.get('blindspots', []))} blindspots ({', '.join(cov['groupings'])})"
    return "coverage", line


_CELL = obj(["outlet", "status", "spans"], {
    "outlet": STR,
    "status": {"enum": ["attributed", "reported", "absent"]},
    "spans": array(SPAN),
})

COVERAGE = Section(
    "coverage", CoverageMatrix,
    build=_build,
    schema={"type": ["object", "null"], "required": ["outlets", "items", "blindspots"], "properties": {
        "outlets": array(obj(["name", "source_ids"], {
            "name": STR, "source_ids": array(STR),
            "groups": {"type": "object", "additionalProperties": STR},
        })),
        "items": array(obj(["kind", "ref", "label", "cells"], {
            "kind": {"enum": ["side", "figure", "speaker", "claim"]},
            "ref": text("what the row is: a dispute side (d1.s2), a reconciled figure row (r1), an entity or "
                        "speaker, a claim id"),
            "label": STR,
            "cells": array(_CELL, "one per outlet, in the order of outlets"),
            "groups": {"type": "object", "additionalProperties": array(STR)},
        }), "rows: sides keep their order, other rows put what some outlets leave out first"),
        "groupings": array(STR),
        "blindspots": array(obj(["grouping", "group", "kind", "text", "spans"], {
            "grouping": STR, "group": STR,
            "kind": {"enum": ["only", "missed"]},
            "item": STR, "ref": STR, "text": STR,
            "missing": array(STR), "spans": array(SPAN),
        })),
        "notes": array(STR),
    }, "description": "who covers what: per outlet, attributed | reported | absent, with the spans"},
    required=False,
    dump=_dump,
    report=Report("Coverage", 55),
    digest=_digest,
)
