"""People, organisations and places: cross-document entities, resolved with the story (every
later stage reads them), shown as one row per real-world thing."""

from __future__ import annotations

from typing import Any

from ..model import Briefing, Entity
from .registry import Report, Section
from .schema import SPAN, STR, array, items, text


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
    }, "cross-document entities: every surface form that names the same thing is one entity"),
    items=_items,
    report=Report("Entities", 80),
    digest=_digest,
)
