"""Annotation stage: one spaCy pipeline, loaded once, run with nlp.pipe in batches; the
per-article sections of the registry (``Section.extract``: plain functions on a Doc) turn each
parse into an AnnotatedArticle."""

from __future__ import annotations

import bisect
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .budget import OutOfTime, time_limit
from .extract.sentences import extract_event_chunks, extract_mentions, extract_sentences
from .model import AnnotatedArticle, CleanArticle
from .options import Options
from .pipeline import load_pipeline as load_pipeline  # its home before pipeline.py
from .safety import short
from .sections import ArticleContext, sections
from .sections.registry import items_of, set_items


def load_models(options: Options) -> dict[str, Any]:
    """What the per-article sections load once per run (``Section.load``), by section name."""
    return {s.name: s.load(options) for s in sections() if s.extract is not None and s.load is not None}


def annotate(
    articles: Iterable[CleanArticle],
    nlp: Language,
    options: Options,
    on_article: Callable[[AnnotatedArticle], None] | None = None,
) -> Iterator[AnnotatedArticle]:
    """Parse every article in batches and run the per-article sections on each Doc."""
    models = load_models(options)
    stream = ((a.text[: options.max_chars], a) for a in articles)
    for doc, art in nlp.pipe(stream, as_tuples=True, batch_size=options.batch_size, n_process=options.n_process):
        ann = annotate_doc(doc, art, options, models)
        if len(art.text) > options.max_chars:
            ann.warnings.append(f"{art.id}: body truncated to {options.max_chars} characters for analysis")
        if on_article is not None:
            on_article(ann)
        yield ann


def annotate_doc(
    doc: Doc, article: CleanArticle, options: Options | None = None, models: Mapping[str, Any] | None = None
) -> AnnotatedArticle:
    """Run every per-article section on one parsed article. A section that fails on this
    document, or runs past ``options.extract_seconds``, is reported in ``warnings`` and the
    others still run. ``models`` are what
    :func:`load_models` gives (default: nothing loaded, e.g. no cue scorer)."""
    options = options if options is not None else Options()
    sid = article.id
    ann = AnnotatedArticle(article=article)
    ann.sentences = extract_sentences(doc, sid, article.paragraphs)
    ann.mentions = extract_mentions(doc, sid, ann.sentences)
    ann.event_chunks = extract_event_chunks(doc)
    ann.words = sum(1 for t in doc if not (t.is_punct or t.is_space))
    if article.language and not _same_language(article.language, options.language):
        ann.warnings.append(f"{sid}: written in {article.language!r}, analysed with the "
                            f"{options.language!r} pipeline and word lists (option language)")
    ctx = ArticleContext(article=article, sentences=ann.sentences, options=options, models=models or {})
    for section in sections():
        if section.extract is None:
            continue
        # an extractor warns about an item it skips (an unbalanced quotation mark...): keep each
        # warning as one line of this article's report instead of a Python warning on stderr
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                with time_limit(options.extract_seconds):
                    items = section.extract(doc, ctx)
                set_items(section, ann, items)
            except OutOfTime:
                ann.warnings.append(f"{sid}: {section.name} extraction gave up after {options.extract_seconds:g} s "
                                    f"on this article (option extract_seconds); its {section.name} are left out")
            except (ValueError, IndexError, KeyError, TypeError, AttributeError, RecursionError) as exc:
                ann.warnings.append(f"{sid}: {section.name} extraction failed ({type(exc).__name__}: {short(exc, 200)}); "
                                    "section left empty")
        for w in caught:
            msg = str(w.message)
            ann.warnings.append(short(msg if msg.startswith(sid) else f"{sid}: {msg}"))
    _index_sentences(ann)
    return ann


def _same_language(declared: str, pipeline: str) -> bool:
    """'en-GB' and 'EN' are English; only the primary subtag counts."""
    return declared.replace("_", "-").split("-")[0].strip().lower() == pipeline.split("-")[0].strip().lower()


def _index_sentences(ann: AnnotatedArticle) -> None:
    """Fill the ``sentence`` index of records whose extractor left it unset."""
    starts = [s.start for s in ann.sentences]
    if not starts:
        return
    for section in sections():
        if section.extract is None:
            continue
        for rec in items_of(section, ann):
            if getattr(rec, "sentence", 0) is None:
                rec.sentence = max(0, bisect.bisect_right(starts, rec.start) - 1)
