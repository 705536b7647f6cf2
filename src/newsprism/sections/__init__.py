"""Briefing sections: the registry (:mod:`.registry`) and the built-in sections, one module
each, registered here in the order of briefing.json. See DEVELOPERS.md, "Adding a section"."""

from __future__ import annotations

from .coverage import COVERAGE
from .dates import DATES, TIMELINE
from .disputes import CLAIMS, CONTRADICTIONS
from .entities import ENTITIES
from .figures import FIGURES, RECONCILED_FIGURES
from .quotes import QUOTES
from .registry import (
    REGISTRY,
    ArticleContext,
    Report,
    Section,
    StoryContext,
    cited,
    item_spans,
    register,
    sections,
    unregister,
)
from .sources import SOURCES
from .summary import SUMMARY

BUILTIN: tuple[Section, ...] = (
    SOURCES, ENTITIES, QUOTES, FIGURES, RECONCILED_FIGURES, DATES, CLAIMS, CONTRADICTIONS, TIMELINE, SUMMARY,
    COVERAGE,
)
for _section in BUILTIN:
    register(_section)

__all__ = [
    "BUILTIN", "REGISTRY", "ArticleContext", "Report", "Section", "StoryContext", "cited", "item_spans", "register",
    "sections", "unregister",
]
