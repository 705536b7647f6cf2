"""Figures: counts reported per article (f1, f2...), and per story the counts several
sources give for the same group reconciled into one range (the sources x figures table)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc

from ..extract.figures import extract_figures
from ..model import Figure, ReconciledFigure
from ..reconcile import reconcile_figures
from .registry import ArticleContext, Report, Section, StoryContext, item_spans
from .schema import BOOL, SPAN_FIELDS, STR, array, items, nullable, obj, text


def _extract(doc: Doc, ctx: ArticleContext) -> list[Figure]:
    return extract_figures(doc, ctx.source_id, ctx.published)


def _relink(figures: list[Figure], ids: Mapping[str, str]) -> None:
    for f in figures:
        if f.subset_of is not None:
            f.subset_of = ids.get(f.subset_of, f.subset_of)


def _reconcile(ctx: StoryContext) -> list[ReconciledFigure]:
    return reconcile_figures(ctx.briefing.figures, [a.article for a in ctx.articles])


def _digest(data: dict[str, Any]) -> tuple[str, str]:
    about = sum(1 for f in data["figures"] if f["about_event"])
    return "figures", f"{len(data['figures'])} ({about} about this event, {len(data['reconciled_figures'])} reconciled)"


NUMBER = nullable("number")

FIGURES = Section(
    "figures", Figure,
    extract=_extract,
    prefix="f",
    relink=_relink,
    schema=items(["id", "source_id", "start", "end", "text", "low", "high", "qualifier", "counts", "category",
                  "about_event", "attributed_to"], {
        "id": STR,
        **SPAN_FIELDS,
        "text": text("surface form, e.g. 'at least 70 civilians'"),
        "low": NUMBER,
        "high": nullable("number", "null when open-ended (at least N)"),
        "qualifier": {"enum": ["exact", "at_least", "at_most", "approx", "vague"]},
        "counts": text("what is counted, e.g. 'children killed'"),
        "category": text("killed | injured | displaced | other"),
        "about_event": {**BOOL, "description": "false for background figures about other events or periods"},
        "attributed_to": nullable("string", "who reported the figure, if the text says"),
        "subset_of": nullable("string", "id of the total this figure is part of"),
        "sentence": nullable("integer", "index of the sentence in its source"),
        "scope": text("why a figure is not about the event ('dated 1994', 'another strike, in Zeitoun'); "
                      "empty when it is"),
        "partial": {**BOOL, "description": "a part of a group counted elsewhere: 'three of the injured died'"},
        "kind": text("people | thing | money | percent | length"),
        "unit": nullable("string", "money: its currency; percent: %; thing: the counted noun; length: its unit"),
    }, "counts reported in the sources (casualties and other quantities)"),
    report=Report("Figures", 20),
    highlight=item_spans,
    digest=_digest,
)

RECONCILED_FIGURES = Section(
    "reconciled_figures", ReconciledFigure,
    build=_reconcile,
    schema=items(["category", "counts", "low", "high", "figure_ids", "note"], {
        "category": STR,
        "counts": STR,
        "low": NUMBER,
        "high": NUMBER,
        "figure_ids": array(STR),
        "note": text("why the sources differ, in plain words"),
        "conflict": {**BOOL, "description": "the sources give values that cannot all be true"},
        "display": text("the reconciled range in words: '86', 'at least 70', '15-17'"),
        "cells": array(obj([], {
            "source_id": STR,
            "figure_ids": array(STR),
            "text": text("what this source says, with whom it cites"),
            "disagrees": {**BOOL, "description": "cannot be true together with the reconciled range"},
        }), "one per source giving this count"),
    }),
)
