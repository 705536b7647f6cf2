"""Perspectives (issue 7): claims, stances and contradictions across sources.

- :func:`build_claims` -- propositions asserted or denied by a holder (reported speech, evidence
  statements, the outlets' own corroborated assertions), grouped across sources.
- :func:`find_contradictions` -- disputes among those claims, each with two sides and the sources
  carrying each side.
"""

from __future__ import annotations

from .claims import build_claims
from .contradictions import find_contradictions

__all__ = ["build_claims", "find_contradictions"]
