"""briefing.json's schema, assembled from the sections: the frame (schema version, story,
shared ``$defs``) plus each section's fragment under its name.

``schema/briefing.schema.json`` in the package is the same schema for the built-in sections,
written out for readers and other tools; a test holds the two (and the shared contract copy)
equal. Fragments use the helpers below so that a section's schema stays a few lines."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from .registry import Section

SPAN: dict[str, Any] = {"$ref": "#/$defs/span"}
DATE: dict[str, Any] = {"$ref": "#/$defs/date"}
STR: dict[str, Any] = {"type": "string"}
INT: dict[str, Any] = {"type": "integer"}
BOOL: dict[str, Any] = {"type": "boolean"}


def nullable(kind: str, description: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": [kind, "null"]}
    if description:
        out["description"] = description
    return out


def text(description: str) -> dict[str, Any]:
    return {"type": "string", "description": description}


def array(items: dict[str, Any], description: str | None = None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "array", "items": items, **extra}
    if description:
        out["description"] = description
    return out


def mapping(values: dict[str, Any], description: str) -> dict[str, Any]:
    """An object whose keys are free (source ids, holders, field names) and values of one kind."""
    return {"type": "object", "additionalProperties": values, "description": description}


# [start, end) offsets into the same source's text
PAIRS: dict[str, Any] = {"type": "array", "items": {"type": "array", "items": INT, "minItems": 2, "maxItems": 2}}


def obj(required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "required": required, "properties": properties}


def items(required: list[str], properties: dict[str, Any], description: str | None = None) -> dict[str, Any]:
    """An array of objects: the usual shape of a section."""
    return array(obj(required, properties), description)


# a span-carrying item: source id and [start, end) into that source's text
SPAN_FIELDS: dict[str, Any] = {"source_id": STR, "start": INT, "end": INT}

FRAME: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "newsprism/briefing.schema.json",
    "title": "newsprism briefing",
    "description": (
        "What `newsprism brief` writes as briefing.json. Every extracted item keeps its provenance: "
        "a source id and a character span [start, end) into that source's `text` (the cleaned body), "
        "so that sources[i].text[start:end] is the evidence. Extra fields are allowed; the required "
        "ones keep their names and meaning."
    ),
    "type": "object",
    "required": ["schema_version", "story"],
    "$defs": {
        "span": obj(["source_id", "start", "end"], {
            "source_id": STR,
            "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 0},
        }),
        "date": {"type": ["string", "null"], "description": "ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD"},
    },
    "properties": {
        "schema_version": STR,
        "story": obj(["id", "title", "event_date"], {
            "id": STR,
            "title": text("a short label for the event, built from the sources"),
            "event_date": DATE,
            "locations": array(STR),
            "event_date_confidence": nullable("string", "high | medium | low: how sure the event date is; null without a date"),
            "event_date_evidence": nullable("string", "what the event date rests on, in words"),
            "event_date_stated": {"type": ["object", "null"], "properties": {
                "year": nullable("integer"),
                "month": nullable("integer"),
                "day": nullable("integer"),
                "weekday": nullable("string"),
                "iso": text("ISO 8601 style with the unknown parts left out: '--07-21' (a month-day), "
                            "'2007-04' (a month), '' (a weekday alone)"),
                "label": text("for readers: 'Sunday, July 21 (no year stated)'"),
                "sources": {**INT, "description": "sources that name the stated parts"},
            }, "description": "when no full event date can be given: the parts of the day the sources "
                              "state (month and day, a weekday); null otherwise"},
            "title_source": nullable("string", "where the title came from: headline | event phrase | lead | first title | count"),
            "articles": {**INT, "description": "articles in the story"},
            "outlets": array(STR, "the outlets, given or inferred"),
            "published_range": {"type": ["array", "null"], "items": DATE,
                                "description": "first and last publication date, given or inferred; null when none is known"},
        }),
        "generator": {"type": "object", "properties": {"name": STR, "version": STR, "model": nullable("string")},
                      "description": "what wrote the briefing: package, version and the spaCy model"},
        "skipped": array({"type": "object"}, "inputs left out, each with the item and the reason"),
        "warnings": array(STR, "problems met while briefing, one line each"),
        "stats": mapping({"type": "number"}, "seconds per stage (clean_s, annotate_s, ...), articles and words"),
        "what_changed": {"type": "object", "description": "what changed since an earlier briefing of the "
                         "same story: sources added, figures revised (old and new values with the cue)"},
    },
}


def assemble(sections: Iterable[Section]) -> dict[str, Any]:
    """The frame plus every section that writes to briefing.json."""
    schema = copy.deepcopy(FRAME)
    for s in sections:
        if s.schema is None:
            continue
        schema["properties"][s.name] = copy.deepcopy(dict(s.schema))
        if s.required:
            schema["required"].append(s.name)
    return schema
