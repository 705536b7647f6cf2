"""Salience: which entities the story is about, and which capitalised words are no entity at all."""

from __future__ import annotations

import re

from ...model import AnnotatedArticle

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def lower_words(articles: list[AnnotatedArticle]) -> frozenset[str]:
    """Words the story writes in lower case somewhere (as common words)."""
    out: set[str] = set()
    for art in articles:
        out.update(w for w in _WORD.findall(art.article.text) if w.islower())
    return frozenset(out)
