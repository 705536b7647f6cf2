"""Entity resolution across articles (issue 6)."""

from __future__ import annotations

from .adapter import annotate_spans
from .entities import (
    NAME_LABEL,
    NOMINAL_LABEL,
    PRONOUN_LABEL,
    resolve_entities,
)

__all__ = ["NAME_LABEL", "NOMINAL_LABEL", "PRONOUN_LABEL", "annotate_spans", "resolve_entities"]
