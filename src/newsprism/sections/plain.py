"""Records as plain data (dicts, lists, strings, numbers): what briefing.json is made of."""

from __future__ import annotations

import copy
from dataclasses import fields, is_dataclass
from typing import Any

from ..model import CleanArticle

_SOURCE_SKIP = {"raw", "offsets"}

# immutable leaves: dataclasses.asdict deep-copies them, which returns the object itself
_LEAF_TYPES = frozenset({str, int, float, bool, type(None)})


def asdict(obj: Any) -> Any:
    """``dataclasses.asdict`` without its ``copy.deepcopy`` of every string and number (the
    same result: a leaf's deep copy is the leaf itself), several times faster on a large
    briefing. Containers and other values are rebuilt or deep-copied as ``asdict`` does."""
    kind = type(obj)
    if kind in _LEAF_TYPES:
        return obj
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: asdict(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return kind(*[asdict(v) for v in obj])
    if isinstance(obj, (list, tuple)):
        return kind(asdict(v) for v in obj)
    if isinstance(obj, dict):
        return kind((asdict(k), asdict(v)) for k, v in obj.items())
    return copy.deepcopy(obj)


def plain(obj: Any) -> Any:
    """A record, or a list of them, as plain data (sets sorted)."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    if isinstance(obj, (list, tuple)):
        return [plain(x) for x in obj]
    if isinstance(obj, set):
        return sorted(obj)
    return obj


def source_dict(article: CleanArticle, words: int) -> dict[str, Any]:
    """One entry of briefing.json ``sources``: the cleaned article without its raw text and
    offset map, plus its word and character counts."""
    out = {f.name: plain(getattr(article, f.name)) for f in fields(article) if f.name not in _SOURCE_SKIP}
    out["words"] = words
    out["chars"] = len(article.text)
    return out
