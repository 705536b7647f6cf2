"""Extractors: plain functions on a parsed spaCy Doc that return typed records."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

_TEXT_KEY = "newsprism.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token again on each access, which
    makes ``doc.text[a:b]`` inside a loop quadratic in the document length."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_ENTS_KEY = "newsprism.ents"


class _EntIndex:
    """``doc.ents`` built once (spaCy builds every entity Span again on each access), with the
    entity of each token and the entity starts for range look-ups."""

    __slots__ = ("ents", "of_token", "starts")

    def __init__(self, doc: Doc) -> None:
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self.of_token: list[int] = [-1] * len(doc)
        for k, e in enumerate(self.ents):
            for i in range(e.start, e.end):
                self.of_token[i] = k
        self.starts = [e.start for e in self.ents]


def _ent_index(doc: Doc) -> _EntIndex:
    index = doc.user_data.get(_ENTS_KEY)
    if index is None:
        index = doc.user_data[_ENTS_KEY] = _EntIndex(doc)
    return index


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc (a loop reading ``doc.ents`` per item is quadratic)."""
    return _ent_index(doc).ents


def ent_at(doc: Doc, i: int) -> Span | None:
    """The entity that token ``i`` is part of, or None (also for an index outside the Doc)."""
    index = _ent_index(doc)
    if not 0 <= i < len(index.of_token):
        return None
    k = index.of_token[i]
    return index.ents[k] if k >= 0 else None


def ents_starting_in(doc: Doc, start: int, end: int) -> tuple[Span, ...]:
    """Entities whose first token is in ``[start, end)``, in document order."""
    index = _ent_index(doc)
    return index.ents[bisect.bisect_left(index.starts, start) : bisect.bisect_left(index.starts, end)]


def span_ents(doc: Doc, start: int, end: int) -> list[Span]:
    """``doc[start:end].ents`` without rebuilding every entity of the Doc: the entities from
    ``start`` on, in order, up to the first that does not end by ``end`` (as spaCy does)."""
    index = _ent_index(doc)
    out: list[Span] = []
    for e in index.ents[bisect.bisect_left(index.starts, start) :]:
        if e.end > end:
            break
        out.append(e)
    return out
