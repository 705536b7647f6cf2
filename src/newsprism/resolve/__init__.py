"""Entity resolution across articles (issue 6)."""

from __future__ import annotations

from .entities import resolve_entities

__all__ = ["resolve_entities"]
