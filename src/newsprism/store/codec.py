"""Records <-> compact bytes for the store: the dataclasses of ``model.py`` as JSON (zlib).

Decoding follows each dataclass's type hints (lists, dicts, tuples, optional fields, nested
records), so a stored ``AnnotatedArticle`` comes back as the same typed record the extractors
made. A field added to a record later gets its default when an older row lacks it."""

from __future__ import annotations

import json
import types
import typing
import zlib
from dataclasses import MISSING, fields, is_dataclass
from functools import cache
from typing import Any, TypeVar

from .. import model

T = TypeVar("T")


_LEAVES = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    names = _FIELDS.get(kind)
    if names is None:
        # a field neither compared nor shown (OffsetMap.starts) is derived: rebuilt on load
        names = tuple(f.name for f in fields(kind) if f.compare or f.repr)
        _FIELDS[kind] = names
    return names


def encode(obj: Any) -> Any:
    """A record as plain JSON data (dicts, lists, strings, numbers; a tuple of plain values is
    left as it is: JSON writes it as a list)."""
    kind = type(obj)
    if kind in _LEAVES:
        return obj
    if kind is list or kind is tuple:
        if all(type(v) in _LEAVES for v in obj):
            return obj
        return [encode(v) for v in obj]
    if is_dataclass(obj) and not isinstance(obj, type):
        return {name: encode(getattr(obj, name)) for name in _field_names(kind)}
    if isinstance(obj, (list, tuple)):
        return [encode(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): encode(v) for k, v in obj.items()}
    raise TypeError(f"cannot store a {kind.__name__}")


def dumps(obj: Any) -> bytes:
    """A record (or a list/dict of records) as zlib-compressed JSON."""
    return pack(encode(obj))


def pack(data: Any) -> bytes:
    """Plain JSON data as zlib-compressed bytes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 1)


def loads_json(data: bytes) -> Any:
    return json.loads(zlib.decompress(data).decode("utf-8"))


def loads(data: bytes, cls: type[T]) -> T:
    """Bytes written by :func:`dumps` back into a ``cls`` record."""
    return decode(loads_json(data), cls)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def decode(value: Any, hint: Any) -> Any:
    """A JSON value as the type ``hint`` (a dataclass, container, union or primitive)."""
    if value is None:
        return None
    if is_dataclass(hint) and isinstance(hint, type):
        hints = _hints(hint)
        kwargs: dict[str, Any] = {}
        for f in fields(hint):
            if f.name not in value or not f.init:
                if f.default is MISSING and f.default_factory is MISSING:
                    raise ValueError(f"stored {hint.__name__} lacks {f.name!r}")
                continue
            kwargs[f.name] = decode(value[f.name], hints[f.name])
        return hint(**kwargs)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        for opt in options:
            if _fits(value, opt):
                return decode(value, opt)
        return decode(value, options[0])
    if origin is list:
        return [decode(v, args[0]) for v in value]
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(v, args[0]) for v in value)
        return tuple(decode(v, a) for v, a in zip(value, args, strict=True))
    if origin is dict:
        return {decode(k, args[0]): decode(v, args[1]) for k, v in value.items()}
    if hint is int and isinstance(value, str):
        return int(value)
    return value


def _fits(value: Any, hint: Any) -> bool:
    origin = typing.get_origin(hint) or hint
    if is_dataclass(hint):
        return isinstance(value, dict)
    if origin in (list, tuple):
        return isinstance(value, list)
    if origin is dict:
        return isinstance(value, dict)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, origin) if isinstance(origin, type) else True
