"""Extractors: plain functions on a parsed spaCy Doc that return typed records."""

from __future__ import annotations

from spacy.tokens import Doc

_TEXT_KEY = "newsprism.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token again on each access, which
    makes ``doc.text[a:b]`` inside a loop quadratic in the document length."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
