"""The whole path: inputs -> articles -> clean -> annotate -> story -> briefing.

``brief(inputs, options)`` is the Python entry point (the ``brief`` command calls it);
``build_briefing(articles, ...)`` starts from Article records (already read) and lets a caller
pass a loaded pipeline. The sections (quotes, figures, disputes, timeline, summary... see
:mod:`newsprism.sections`) are extracted per article by ``annotate`` and built per story here,
in registration order.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from spacy.language import Language

from .annotate import annotate, load_pipeline
from .clean import clean_articles
from .embed import load_embedder
from .eventscope import judge_figures
from .frame import build_frame
from .ingest import read_inputs
from .model import AnnotatedArticle, Article, Briefing, IngestResult, Story
from .options import Options
from .resolve import recover_names, resolve_entities
from .sections import StoryContext, sections
from .sections.registry import items_of, set_items
from .story import main_places, story_id, story_title
from .timeline import infer_event_date, infer_story_dates


class NoArticles(ValueError):
    """Nothing to brief: no input could be read."""


def brief(
    inputs: Sequence[str],
    options: Options,
    nlp: Language | None = None,
    on_read: Callable[[IngestResult], None] | None = None,
    on_article: Callable[[AnnotatedArticle], None] | None = None,
) -> Briefing:
    """Read the inputs and build their briefing (bad items end up in ``skipped``).
    ``on_read`` sees what was read before anything is parsed; ``on_article`` each article as
    it is annotated. Raises :class:`NoArticles` when no input could be read."""
    ingested = read_inputs(inputs, options)
    if on_read is not None:
        on_read(ingested)
    result = build_briefing(ingested.articles, options, nlp=nlp, on_article=on_article)
    result.skipped = ingested.skipped + result.skipped
    result.warnings = ingested.warnings + result.warnings
    return result


def build_briefing(
    articles: Sequence[Article],
    options: Options,
    nlp: Language | None = None,
    on_article: Callable[[AnnotatedArticle], None] | None = None,
) -> Briefing:
    """Run every stage on already-read articles."""
    if not articles:
        raise NoArticles("no articles to brief")
    stats: dict[str, float] = {}
    t0 = time.perf_counter()
    cleaned, emptied = clean_articles(articles)  # an article cleaning emptied is skipped
    if not cleaned:
        raise NoArticles(f"cleaning left no text in any of the {len(articles)} article(s)")
    stats["clean_s"] = time.perf_counter() - t0

    t = time.perf_counter()
    if nlp is None:
        nlp = load_pipeline(options)
        stats["model_load_s"] = time.perf_counter() - t
    t = time.perf_counter()
    annotated = list(annotate(cleaned, nlp, options, on_article))
    stats["annotate_s"] = time.perf_counter() - t
    result = brief_annotated(annotated, options, nlp, stats, t0)
    result.skipped = emptied + result.skipped
    return result


def brief_annotated(
    annotated: list[AnnotatedArticle],
    options: Options,
    nlp: Language,
    stats: dict[str, float] | None = None,
    t0: float | None = None,
) -> Briefing:
    """The stages after annotation: story, entities, perspectives, figures, timeline, summary.
    The store briefs a story from annotations it kept, without parsing again (``nlp`` is still
    needed: the event frame parses the headlines and leads)."""
    if not annotated:
        raise ValueError("no articles to brief")
    stats = {} if stats is None else stats
    t0 = time.perf_counter() if t0 is None else t0
    notes: list[str] = []
    t = time.perf_counter()
    story = Story(id=story_id(annotated), articles=annotated)
    story.frame = build_frame(story, nlp)  # the main event, from headlines and leads
    infer_story_dates(story, nlp)  # publication dates the metadata lacks, from the texts
    recover_names(annotated)  # names the tagger missed ("The Hunger Games"), story-wide
    story.entities = resolve_entities(annotated)
    story.title = story_title(story)
    story.locations = main_places(annotated, story.entities)
    story.event_date = infer_event_date(story)
    judge_figures(story, nlp)  # only the event's own figures are reconciled
    stats["resolve_s"] = time.perf_counter() - t

    result = Briefing(story=story)
    _number(result, annotated)

    t = time.perf_counter()
    embedder = load_embedder(_embedding_options(options, annotated, notes))
    stats["perspectives_s"] = time.perf_counter() - t
    ctx = StoryContext(story=story, briefing=result, options=options, embedder=embedder)
    for section in sections():
        if section.build is None:
            continue
        t = time.perf_counter()
        set_items(section, result, section.build(ctx))
        key = f"{section.stage}_s"
        stats[key] = stats.get(key, 0.0) + time.perf_counter() - t

    result.warnings = [w for a in annotated for w in a.warnings] + notes
    stats["total_s"] = time.perf_counter() - t0
    stats["articles"] = len(annotated)
    stats["words"] = sum(a.words for a in annotated)
    result.stats = stats
    return result


def _number(result: Briefing, annotated: list[AnnotatedArticle]) -> None:
    """Collect the per-article sections' items into the briefing in source order, numbering
    those of a section with a ``prefix`` (q1.., f1..) and remapping the provisional ids that
    extractors used for cross-references (``Section.relink``)."""
    remap: dict[str, str] = {}
    collected = [s for s in sections() if s.extract is not None and s.schema is not None]
    for section in collected:
        set_items(section, result, [])
    for art in annotated:
        for section in collected:
            out = items_of(section, result)
            for item in items_of(section, art):
                if section.prefix:
                    new = f"{section.prefix}{len(out) + 1}"
                    if item.id:
                        remap[item.id] = new
                    item.id = new
                out.append(item)
    for section in collected:
        if section.relink is not None:
            section.relink(items_of(section, result), remap)


def _embedding_options(options: Options, annotated: list[AnnotatedArticle], notes: list[str]) -> Options:
    """With ``embeddings = "auto"``, a story larger than ``minilm_max_sentences`` uses TF-IDF
    vectors: MiniLM costs about as much per sentence as parsing it, TF-IDF almost nothing."""
    n = sum(len(a.sentences) for a in annotated)
    if options.embeddings == "auto" and n > options.minilm_max_sentences:
        notes.append(
            f"{n} sentences (over minilm_max_sentences={options.minilm_max_sentences}): "
            "TF-IDF vectors used for claims and summary; set embeddings = \"minilm\" to force MiniLM"
        )
        return options.with_overrides(embeddings="tfidf")
    return options
