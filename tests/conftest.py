"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.annotate import annotate, load_pipeline
from newsprism.clean import clean_article
from newsprism.eventscope import judge_figures
from newsprism.extract.dates import extract_dates
from newsprism.frame import build_frame
from newsprism.model import AnnotatedArticle, Article, CleanArticle, Sentence, Story
from newsprism.options import Options, load_options
from newsprism.resolve import resolve_entities
from newsprism.story import main_places
from newsprism.timeline import infer_event_date, infer_story_dates

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


@pytest.fixture(scope="session")
def judge_story(nlp, options):
    """Invented articles ``[(source_id, text, published)]`` through the stages that lead to the
    event frame's judgment of the figures, in the order ``brief_annotated`` runs them:
    ``judge_story(items) -> (story, moved)``, ``moved`` the number of figures the frame moved."""

    def build(items: list[tuple[str, str, str | None]]) -> tuple[Story, int]:
        arts = [Article(id=sid, text=text, published=pub) for sid, text, pub in items]
        annotated = list(annotate([clean_article(a) for a in arts], nlp, options))
        story = Story(id="s", articles=annotated)
        story.frame = build_frame(story, nlp)
        infer_story_dates(story, nlp)
        story.entities = resolve_entities(annotated)
        story.locations = main_places(annotated, story.entities)
        story.event_date = infer_event_date(story)
        moved = judge_figures(story, nlp)
        return story, moved

    return build
