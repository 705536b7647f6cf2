"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.annotate import load_pipeline
from newsprism.extract.dates import extract_dates
from newsprism.model import AnnotatedArticle, CleanArticle, Sentence
from newsprism.options import Options, load_options

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "khan-shaykhun"
EXAMPLE_JSONL = ROOT / "examples" / "khan-shaykhun-jsonl" / "articles.jsonl"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def options() -> Options:
    return load_options(progress=False)


@pytest.fixture(scope="session")
def nlp(options: Options):
    return load_pipeline(options)


@pytest.fixture(scope="session")
def make_article(nlp):
    """Build a small AnnotatedArticle (sentences and dates only) straight from text, without
    cleaning: ``make_article(source_id, text, published)``."""

    def build(sid: str, text: str, published: str | None) -> AnnotatedArticle:
        doc = nlp(text)
        clean = CleanArticle(id=sid, raw=text, text=text, published=published)
        sents = [Sentence(sid, s.start_char, s.end_char, s.text, 0) for s in doc.sents]
        return AnnotatedArticle(clean, sentences=sents, dates=extract_dates(doc, sid, published))

    return build
