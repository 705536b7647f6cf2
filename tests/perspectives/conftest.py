"""Helpers for the perspectives tests: real annotation (spaCy + extractors + entity resolution)
on short texts written for the tests, and the bundled example."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.annotate import annotate_doc
from newsprism.clean import clean_article
from newsprism.embed import Embedder, load_embedder
from newsprism.ingest import read_inputs
from newsprism.model import AnnotatedArticle, CleanArticle, Entity
from newsprism.options import Options
from newsprism.resolve import resolve_entities

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "khan-shaykhun"


def annotate_texts(nlp, texts: dict[str, tuple[str, str]]) -> tuple[list[AnnotatedArticle], list[Entity]]:
    """{source_id: (outlet, text)} -> annotated articles and resolved entities."""
    arts = []
    for sid, (outlet, text) in texts.items():
        clean = CleanArticle(id=sid, raw=text, text=text, outlet=outlet, paragraphs=[(0, len(text))])
        arts.append(annotate_doc(nlp(text), clean))
    return arts, resolve_entities(arts)


@pytest.fixture(scope="session")
def embedder(options: Options) -> Embedder:
    return load_embedder(options.with_overrides(embeddings="minilm"))


@pytest.fixture(scope="session")
def example(nlp, options: Options) -> tuple[list[AnnotatedArticle], list[Entity]]:
    res = read_inputs([str(EXAMPLE)], options)
    arts = []
    for a in res.articles:
        clean = clean_article(a)
        arts.append(annotate_doc(nlp(clean.text), clean))
    return arts, resolve_entities(arts)
