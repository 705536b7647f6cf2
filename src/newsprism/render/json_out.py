"""briefing.json: the Briefing as plain data, validated against the packaged schema."""

from __future__ import annotations

import json
from dataclasses import asdict, fields, is_dataclass
from importlib import resources
from typing import Any

import jsonschema

from .. import __version__
from ..model import SCHEMA_VERSION, Briefing, CleanArticle

_SOURCE_SKIP = {"raw", "offsets"}


def _plain(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, set):
        return sorted(obj)
    return obj


def source_dict(article: CleanArticle, words: int) -> dict[str, Any]:
    out = {f.name: _plain(getattr(article, f.name)) for f in fields(article) if f.name not in _SOURCE_SKIP}
    out["words"] = words
    out["chars"] = len(article.text)
    return out


def to_dict(briefing: Briefing, model_name: str | None = None) -> dict[str, Any]:
    """Every section of the schema, plus provenance extras (stats, skipped, warnings)."""
    story = briefing.story
    arts = story.articles
    published = sorted(a.article.published for a in arts if a.article.published)
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "newsprism", "version": __version__, "model": model_name},
        "story": {
            "id": story.id,
            "title": story.title,
            "event_date": story.event_date,
            "locations": list(story.locations),
            "articles": len(arts),
            "outlets": sorted({a.article.outlet for a in arts if a.article.outlet}),
            "published_range": [published[0], published[-1]] if published else None,
        },
        "sources": [source_dict(a.article, a.words) for a in arts],
        "entities": _plain(story.entities),
        "quotes": _plain(briefing.quotes),
        "figures": _plain(briefing.figures),
        "reconciled_figures": _plain(briefing.reconciled_figures),
        "claims": _plain(briefing.claims),
        "contradictions": _plain(briefing.contradictions),
        "timeline": _plain(briefing.timeline),
        "summary": _plain(briefing.summary),
        "skipped": _plain(briefing.skipped),
        "warnings": list(briefing.warnings),
        "stats": {k: round(v, 3) if isinstance(v, float) else v for k, v in briefing.stats.items()},
    }


def load_schema() -> dict[str, Any]:
    text = resources.files("newsprism").joinpath("schema/briefing.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when ``data`` breaks the briefing contract."""
    jsonschema.Draft202012Validator(load_schema()).validate(data)


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
