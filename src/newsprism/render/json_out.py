"""briefing.json: the Briefing as plain data, validated against the packaged schema.

:func:`validate` checks a briefing with the schema compiled by ``fastjsonschema`` (about five
times faster than ``jsonschema`` on a briefing); ``validate(data, reference=True)`` runs the
reference implementation (``jsonschema``, Draft 2020-12). Both raise
``jsonschema.ValidationError``; the tests run both on every briefing they build and hold them to
the same verdicts."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from importlib import resources
from typing import Any

import fastjsonschema
import jsonschema

from .. import __version__
from ..model import SCHEMA_VERSION, Briefing, CleanArticle

_SOURCE_SKIP = {"raw", "offsets"}


# immutable leaves: dataclasses.asdict deep-copies them, which returns the object itself
_LEAF_TYPES = frozenset({str, int, float, bool, type(None)})


def _asdict(obj: Any) -> Any:
    """``dataclasses.asdict`` without its ``copy.deepcopy`` of every string and number (the
    same result: a leaf's deep copy is the leaf itself), several times faster on a large
    briefing. Containers and other values are rebuilt or deep-copied as ``asdict`` does."""
    kind = type(obj)
    if kind in _LEAF_TYPES:
        return obj
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _asdict(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return kind(*[_asdict(v) for v in obj])
    if isinstance(obj, (list, tuple)):
        return kind(_asdict(v) for v in obj)
    if isinstance(obj, dict):
        return kind((_asdict(k), _asdict(v)) for k, v in obj.items())
    return copy.deepcopy(obj)


def _plain(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        return _asdict(obj)
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
