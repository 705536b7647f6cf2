"""The summary's room for a dispute: which disputes earn sentences in a summary of 100-odd
words, and the sentences that give each of their sides (``summarize.summarize``'s last step
before ordering)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from .model import Contradiction, Span

SIDE_SOURCES = 2  # a dispute's sides get summary sentences when each is reported by this many sources


class Placed(Protocol):
    """A candidate sentence: where it is and how long."""

    source_id: str
    start: int
    end: int
    words: int


def by_source_of(units: Sequence[Placed]) -> dict[str, list[int]]:
    """Unit indices of each source, sources in order of first appearance."""
    out: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        out.setdefault(u.source_id, []).append(i)
    return out


def strong_dispute(c: Contradiction) -> bool:
    """A dispute worth a place in a summary of 100-odd words: not marked unsure, every side held
    by someone and reported by at least ``SIDE_SOURCES`` sources (a side one outlet alone
    reports, or nobody holds, stays in the disputes section)."""
    if getattr(c, "confidence", "high") == "low" or len(c.sides) < 2:
        return False
    return all(s.holders and len({sp.source_id for sp in s.evidence}) >= SIDE_SOURCES for s in c.sides)


def cover_sides(
    units: Sequence[Placed],
    score: np.ndarray,
    chosen: list[int],
    contradictions: list[Contradiction],
    budget: int,
    keep: set[int] | None = None,
) -> list[int]:
    """Make sure each side of each contradiction has a sentence, when one fits the budget.
    ``keep``: sentences never dropped to make room (the opening, which states the event)."""

    def overlaps(i: int, spans: list[Span]) -> bool:
        u = units[i]
        return any(
            s.source_id == u.source_id and s.start < u.end and u.start < s.end for s in spans
        )

    by_source = by_source_of(units)
    chosen = list(chosen)
    protected: set[int] = set(keep or ())
    for c in contradictions:
        for side in c.sides:
            covered = [i for i in chosen if overlaps(i, side.evidence)]
            if covered:
                protected.update(covered)
                continue
            near = sorted({i for sp in side.evidence for i in by_source.get(sp.source_id, [])})
            cands = sorted((i for i in near if overlaps(i, side.evidence)), key=lambda i: -score[i])
            if not cands:
                continue
            pick = cands[0]
            used = sum(units[i].words for i in chosen)
            # make room by dropping the weakest unprotected sentences
            while used + units[pick].words > budget:
                droppable = [i for i in chosen if i not in protected]
                if not droppable:
                    break
                worst = min(droppable, key=lambda i: score[i])
                chosen.remove(worst)
                used -= units[worst].words
            if used + units[pick].words <= budget:
                chosen.append(pick)
                protected.add(pick)
    return chosen
