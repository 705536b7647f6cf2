"""The whole path: inputs -> articles -> clean -> annotate -> story -> briefing.

``brief(inputs, options)`` is the Python entry point; ``build_briefing(articles, ...)`` starts
from Article records (already read) and lets a caller pass a loaded pipeline.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from spacy.language import Language

from .annotate import annotate, load_pipeline
from .clean import clean_article
from .embed import load_embedder
from .ingest import read_inputs
from .model import AnnotatedArticle, Article, Briefing, Story
from .options import Options
from .perspectives import build_claims, find_contradictions
from .perspectives.claims import StatementTable
from .reconcile import reconcile_figures
from .resolve import resolve_entities
from .story import main_places, story_id, story_title
from .summarize import summarize
from .timeline import build_timeline, infer_event_date, infer_story_dates


def brief(inputs: Sequence[str], options: Options, nlp: Language | None = None) -> Briefing:
    """Read the inputs and build their briefing (bad items end up in ``skipped``)."""
    ingested = read_inputs(inputs, options)
    result = build_briefing(ingested.articles, options, nlp=nlp)
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
        raise ValueError("no articles to brief")
    stats: dict[str, float] = {}
    notes: list[str] = []
    t0 = time.perf_counter()
    cleaned = [clean_article(a) for a in articles]
    stats["clean_s"] = time.perf_counter() - t0

    t = time.perf_counter()
    if nlp is None:
        nlp = load_pipeline(options)
        stats["model_load_s"] = time.perf_counter() - t
    t = time.perf_counter()
    annotated = list(annotate(cleaned, nlp, options, on_article))
    stats["annotate_s"] = time.perf_counter() - t

    t = time.perf_counter()
    story = Story(id=story_id(annotated), articles=annotated)
    infer_story_dates(story)  # publication dates the metadata lacks, from the texts
    story.entities = resolve_entities(annotated)
    story.title = story_title(story)
    story.locations = main_places(annotated, story.entities)
    stats["resolve_s"] = time.perf_counter() - t

    result = Briefing(story=story)
    _number(result, annotated)

    t = time.perf_counter()
    embedder = load_embedder(_embedding_options(options, annotated, notes))
    table = StatementTable.build(annotated, story.entities, embedder)  # one for both stages
    result.claims = build_claims(annotated, story.entities, embedder, table=table)
    result.contradictions = find_contradictions(result.claims, annotated, story.entities, embedder, table=table)
    stats["perspectives_s"] = time.perf_counter() - t

    t = time.perf_counter()
    result.reconciled_figures = reconcile_figures(result.figures, [a.article for a in annotated])
    story.event_date = infer_event_date(story)
    result.timeline = build_timeline(story, embedder)
    result.summary = summarize(story, options, contradictions=result.contradictions, embedder=embedder)
    stats["briefing_s"] = time.perf_counter() - t

    result.warnings = [w for a in annotated for w in a.warnings] + notes
    stats["total_s"] = time.perf_counter() - t0
    stats["articles"] = len(annotated)
    stats["words"] = sum(a.words for a in annotated)
    result.stats = stats
    return result


def _number(result: Briefing, annotated: list[AnnotatedArticle]) -> None:
    """Give quotes and figures their briefing ids (q1.., f1..) in source order, remapping the
    provisional ids that extractors used for cross-references."""
    remap: dict[str, str] = {}
    for art in annotated:
        for prefix, items, out in (("q", art.quotes, result.quotes), ("f", art.figures, result.figures)):
            for item in items:
                new = f"{prefix}{len(out) + 1}"
                if item.id:
                    remap[item.id] = new
                item.id = new
                out.append(item)
    for q in result.quotes:
        q.same_as = [remap.get(x, x) for x in q.same_as]
    for f in result.figures:
        if f.subset_of is not None:
            f.subset_of = remap.get(f.subset_of, f.subset_of)


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
