"""briefing.json: the Briefing as plain data, validated against the packaged schema.

:func:`validate` checks a briefing against the schema compiled into plain Python checks by
:func:`compile_schema` (the keywords the schema uses, nothing else: an unsupported keyword fails
at compile time), about ten times faster than ``jsonschema``; ``validate(data, reference=True)``
runs the reference implementation (``jsonschema``, Draft 2020-12). Both raise
``jsonschema.ValidationError``; the tests run both on every briefing they build and hold them to
the same verdicts."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from importlib import resources
from typing import Any

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


Checker = Callable[[Any, str], None]
# keywords that only annotate (no effect on validity)
_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples"})


def _is_integer(v: Any) -> bool:
    return (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer())


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": _is_integer,
    "number": _is_number,
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def _json_equal(a: Any, b: Any) -> bool:
    """JSON equality: booleans are not numbers (True != 1), containers compared item by item."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_json_equal(a[k], b[k]) for k in a)
    return bool(a == b)


def _fail(path: str, message: str) -> None:
    raise jsonschema.ValidationError(f"{message} (at {path or '/'})")


def compile_schema(schema: dict[str, Any]) -> Callable[[Any], None]:
    """The schema as one function that raises ``jsonschema.ValidationError`` on the first
    violation. Supports what the briefing schema uses (type, enum, minimum, required,
    properties, items, minItems, local ``$ref``); any other keyword raises ValueError here,
    so the schema cannot outgrow this validator unnoticed."""
    compiled: dict[str, Checker] = {}

    def resolve(ref: str) -> Checker:
        if not ref.startswith("#/"):
            raise ValueError(f"only local $ref is supported, not {ref!r}")
        if ref not in compiled:
            node: Any = schema
            for part in ref[2:].split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
            compiled[ref] = _noop  # a placeholder while a recursive definition compiles
            compiled[ref] = build(node)
        target = ref

        def by_ref(v: Any, path: str) -> None:
            compiled[target](v, path)

        return by_ref

    def build(node: Any) -> Checker:
        if node is True or node == {}:
            return _noop
        if not isinstance(node, dict):
            raise ValueError(f"unsupported schema node {node!r}")
        unknown = set(node) - _ANNOTATIONS - {
            "type", "enum", "minimum", "required", "properties", "items", "minItems", "$ref"
        }
        if unknown:
            raise ValueError(f"schema keyword(s) not supported by compile_schema: {sorted(unknown)}")
        checks: list[Checker] = []
        if "$ref" in node:
            checks.append(resolve(node["$ref"]))
        if "type" in node:
            names = node["type"] if isinstance(node["type"], list) else [node["type"]]
            tests = [_TYPES[n] for n in names]
            wanted = " or ".join(names)

            def type_check(v: Any, path: str) -> None:
                if not any(t(v) for t in tests):
                    _fail(path, f"{v!r:.80} is not of type {wanted}")

            checks.append(type_check)
        if "enum" in node:
            options = list(node["enum"])

            def enum_check(v: Any, path: str) -> None:
                if not any(_json_equal(v, o) for o in options):
                    _fail(path, f"{v!r:.80} is not one of {options}")

            checks.append(enum_check)
        if "minimum" in node:
            low = node["minimum"]

            def minimum_check(v: Any, path: str) -> None:
                if _is_number(v) and v < low:
                    _fail(path, f"{v!r} is less than the minimum of {low}")

            checks.append(minimum_check)
        if "required" in node:
            keys = list(node["required"])

            def required_check(v: Any, path: str) -> None:
                if isinstance(v, dict):
                    for k in keys:
                        if k not in v:
                            _fail(path, f"{k!r} is a required property")

            checks.append(required_check)
        if "properties" in node:
            props = [(k, build(sub)) for k, sub in node["properties"].items()]

            def properties_check(v: Any, path: str) -> None:
                if isinstance(v, dict):
                    for k, sub_check in props:
                        if k in v:
                            sub_check(v[k], f"{path}/{k}")

            checks.append(properties_check)
        if "minItems" in node:
            least = node["minItems"]

            def min_items_check(v: Any, path: str) -> None:
                if isinstance(v, list) and len(v) < least:
                    _fail(path, f"{v!r:.80} should have at least {least} item(s)")

            checks.append(min_items_check)
        if "items" in node:
            item_check = build(node["items"])

            def items_check(v: Any, path: str) -> None:
                if isinstance(v, list):
                    for i, x in enumerate(v):
                        item_check(x, f"{path}/{i}")

            checks.append(items_check)
        if len(checks) == 1:
            return checks[0]

        def all_checks(v: Any, path: str) -> None:
            for c in checks:
                c(v, path)

        return all_checks

    root = build(schema)

    def run(data: Any) -> None:
        root(data, "")

    return run


def _noop(v: Any, path: str) -> None:
    return None


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
