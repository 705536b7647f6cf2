"""briefing.json: the Briefing as plain data (one key per registered section), validated
against the schema assembled from the sections.

:func:`validate` checks a briefing with the schema compiled by ``fastjsonschema`` (about five
times faster than ``jsonschema`` on a briefing); ``validate(data, reference=True)`` runs the
reference implementation (``jsonschema``, Draft 2020-12). Both raise
``jsonschema.ValidationError``; the tests run both on every briefing they build and hold them to
the same verdicts."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import fastjsonschema
import jsonschema

from .. import __version__
from ..model import SCHEMA_VERSION, Briefing
from ..sections import sections
from ..sections.plain import plain, source_dict
from ..sections.registry import items_of
from ..sections.schema import assemble

__all__ = ["compile_schema", "dumps", "load_schema", "source_dict", "to_dict", "validate"]


def to_dict(briefing: Briefing, model_name: str | None = None) -> dict[str, Any]:
    """The story, every registered section that writes to briefing.json (in registration
    order), plus provenance extras (stats, skipped, warnings)."""
    story = briefing.story
    arts = story.articles
    published = sorted(a.article.published for a in arts if a.article.published)
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "newsprism", "version": __version__, "model": model_name},
        "story": {
            "id": story.id,
            "title": story.title,
            "event_date": story.event_date,
            "event_date_confidence": story.event_date_confidence or None,
            "event_date_evidence": story.event_date_evidence or None,
            # no full event date: the parts of its day the sources state (month-day, weekday)
            "event_date_stated": asdict(story.event_date_stated) if story.event_date_stated else None,
            "title_source": story.title_source or None,
            "locations": list(story.locations),
            "articles": len(arts),
            "outlets": sorted({a.article.outlet for a in arts if a.article.outlet}),
            "published_range": [published[0], published[-1]] if published else None,
        },
    }
    for section in sections():
        if section.schema is not None:
            out[section.name] = section.dump(briefing) if section.dump else plain(items_of(section, briefing))
    out["skipped"] = plain(briefing.skipped)
    out["warnings"] = list(briefing.warnings)
    out["stats"] = {k: round(v, 3) if isinstance(v, float) else v for k, v in briefing.stats.items()}
    return out


def load_schema() -> dict[str, Any]:
    """The briefing schema assembled from the registered sections (for the built-in ones it
    equals the packaged ``schema/briefing.schema.json``)."""
    return assemble(sections())


def validate(data: dict[str, Any], *, reference: bool = False) -> None:
    """Raise jsonschema.ValidationError when ``data`` breaks the briefing contract (checked by
    the compiled schema, or with ``reference`` by ``jsonschema`` itself)."""
    if reference:
        jsonschema.Draft202012Validator(load_schema()).validate(data)
    else:
        compile_schema(load_schema())(data)


def _offline(uri: str) -> Any:
    raise ValueError(f"only local $ref is supported (no network at run time), not {uri!r}")


def compile_schema(schema: dict[str, Any]) -> Callable[[Any], None]:
    """The schema compiled by ``fastjsonschema`` into one function that raises
    ``jsonschema.ValidationError`` on the first violation. ``$id``/``$schema`` are dropped
    first: every ``$ref`` in the briefing schema is local, and a remote one is refused."""
    local = {k: v for k, v in schema.items() if k not in ("$id", "$schema")}
    check = fastjsonschema.compile(local, handlers={"http": _offline, "https": _offline, "file": _offline},
                                   use_default=False)

    def run(data: Any) -> None:
        try:
            check(data)
        except fastjsonschema.JsonSchemaValueException as exc:
            raise jsonschema.ValidationError(exc.message) from exc

    return run


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
