"""Entity resolution across articles (issue 6)."""

from __future__ import annotations

from .adapter import annotate_spans
from .entities import (
    NAME_LABEL,
    NOMINAL_LABEL,
    PRONOUN_LABEL,
    recover_names,
    resolve_entities,
)

__all__ = [
    "NAME_LABEL",
    "NOMINAL_LABEL",
    "PRONOUN_LABEL",
    "annotate_spans",
    "recover_names",
    "resolve_entities",
]
