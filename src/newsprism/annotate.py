"""Annotation stage: one spaCy pipeline, loaded once, run with nlp.pipe in batches; the
extractors (plain functions on a Doc) turn each parse into an AnnotatedArticle."""

from __future__ import annotations

import bisect
import warnings
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .extract.cue_model import CueModel
from .extract.sentences import extract_event_chunks, extract_mentions, extract_sentences
from .model import AnnotatedArticle, CleanArticle
from .options import Options
from .pipeline import load_pipeline as load_pipeline  # its home before pipeline.py


def annotate(
    articles: Iterable[CleanArticle],
    nlp: Language,
    options: Options,
    on_article: Callable[[AnnotatedArticle], None] | None = None,
) -> Iterator[AnnotatedArticle]:
    """Parse every article in batches and run the extractors on each Doc."""
    from .extract.cue_model import CueModel

    cue_model = CueModel.load() if options.attribution_scope == "broad" else None
    stream = ((a.text[: options.max_chars], a) for a in articles)
    for doc, art in nlp.pipe(stream, as_tuples=True, batch_size=options.batch_size, n_process=options.n_process):
        ann = annotate_doc(doc, art, cue_model)
        if len(art.text) > options.max_chars:
            ann.warnings.append(f"{art.id}: body truncated to {options.max_chars} characters for analysis")
        if on_article is not None:
            on_article(ann)
        yield ann


def annotate_doc(doc: Doc, article: CleanArticle, cue_model: CueModel | None = None) -> AnnotatedArticle:
    """Run every extractor on one parsed article. An extractor that fails on this document is
    reported in ``warnings`` and the others still run. With a ``cue_model``, attributions are
    taken in the broad scope (stances and intentions too) with the learned cue scorer."""
    # imported here so that load_pipeline works while an extractor module is being rewritten
    from .extract.dates import extract_dates
    from .extract.figures import extract_figures
    from .extract.quotes import extract_quotes

    sid = article.id
    ann = AnnotatedArticle(article=article)
    ann.sentences = extract_sentences(doc, sid, article.paragraphs)
    ann.mentions = extract_mentions(doc, sid, ann.sentences)
    ann.event_chunks = extract_event_chunks(doc)
    ann.words = sum(1 for t in doc if not (t.is_punct or t.is_space))
    extractors: list[tuple[str, Callable[[], None]]] = [
        ("quotes", lambda: setattr(ann, "quotes", extract_quotes(
            doc, sid, article.removed, broad=cue_model is not None, cue_model=cue_model))),
        ("figures", lambda: setattr(ann, "figures", extract_figures(doc, sid, article.published))),
        ("dates", lambda: setattr(ann, "dates", extract_dates(doc, sid, article.published))),
    ]
    for name, run in extractors:
        # an extractor warns about an item it skips (an unbalanced quotation mark...): keep each
        # warning as one line of this article's report instead of a Python warning on stderr
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                run()
            except (ValueError, IndexError, KeyError, TypeError, AttributeError, RecursionError) as exc:
                ann.warnings.append(f"{sid}: {name} extraction failed ({type(exc).__name__}: {exc}); section left empty")
        for w in caught:
            msg = str(w.message)
            ann.warnings.append(msg if msg.startswith(sid) else f"{sid}: {msg}")
    _index_sentences(ann)
    return ann


def _index_sentences(ann: AnnotatedArticle) -> None:
    """Fill the ``sentence`` index of records whose extractor left it unset."""
    starts = [s.start for s in ann.sentences]
    for rec in (*ann.quotes, *ann.figures, *ann.dates):
        if getattr(rec, "sentence", None) is None and starts:
            rec.sentence = max(0, bisect.bisect_right(starts, rec.start) - 1)
