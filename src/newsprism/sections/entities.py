"""People, organisations and places: cross-document entities, resolved with the story (every
later stage reads them), shown as one row per real-world thing."""

from __future__ import annotations

from typing import Any

from ..model import Briefing, Entity
from .registry import Report, Section
from .schema import BOOL, INT, SPAN, STR, array, items, mapping, nullable, text


def _items(briefing: Briefing) -> list[Entity]:
    return briefing.story.entities


def _digest(data: dict[str, Any]) -> tuple[str, str]:
    return "entities", str(len(data["entities"]))


ENTITIES = Section(
    "entities", Entity,
    schema=items(["id", "name", "type", "aliases", "mentions"], {
        "id": STR,
        "name": text("canonical name"),
        "type": text("PERSON | ORG | GPE | LOC | NORP | EVENT | OTHER"),
        "aliases": array(STR),
        "mentions": array(SPAN),
        "acts_for": nullable("string", "entity id this one acts for (Moscow -> Russia)"),
        "role": nullable("string", "a title or role seen with the name"),
        "mention_counts": mapping(INT, "source id -> mentions"),
        "part_of": nullable("string", "entity id of the place this one is a part of (a region of a country); "
                            "a part is never merged with its whole"),
        "type_uncertain": {**BOOL, "description": "its mentions disagree on the type (under 2/3 agree)"},
    }, "cross-document entities: every surface form that names the same thing is one entity"),
    items=_items,
    report=Report("Entities", 80),
    digest=_digest,
)
