"""Run entity resolution on mentions that did not come from the NER: gold spans, say.

``annotate_spans`` turns a text plus character spans (from a coreference corpus, another
mention detector, a user's markup) into an ``AnnotatedArticle`` whose ``mentions`` are
exactly those spans, in the given order, so ``resolve_entities`` can cluster them and the
caller can read ``Mention.entity_id`` back by index.

Each span gets a label the resolver understands: the NER label of its head token when the
head is inside a named entity of an entity type; ``PRONOUN`` for pronouns; ``NAME`` for a
proper-noun head the NER did not type; ``NOMINAL`` for everything else (common nouns, and
dates or numbers, which a coreference corpus treats as entities too). ``Mention.head`` is
the lemma of the span's syntactic head, looked for past a leading preposition ("in Gaza" ->
gaza), since corpora such as ECB+ include it in place and time spans, and past a
preposition the parse hung on the verb ("the prison in Springfield" -> prison).
"""

from __future__ import annotations

import warnings

from spacy.tokens import Doc

from ..extract.sentences import sentence_at
from ..model import AnnotatedArticle, CleanArticle, Mention, Sentence
from .entities import ENTITY_LABELS, NAME_LABEL, NOMINAL_LABEL, PRONOUN_LABEL

_PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WP$", "WDT"})


def annotate_spans(
    source_id: str,
    doc: Doc,
    spans: list[tuple[int, int]],
    sentences: list[tuple[int, int]] | None = None,
) -> AnnotatedArticle:
    """An AnnotatedArticle whose mentions are ``spans`` (character offsets into ``doc.text``).

    ``doc`` is the parsed text (parse many with ``nlp.pipe``); ``sentences`` are (start, end)
    character offsets, spaCy's sentences are used when None. A span that cannot be aligned to
    tokens is kept with label NOMINAL and its last word as head, and a warning names it."""
    text = doc.text
    if sentences is None:
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
    sents = [Sentence(source_id, s, e, text[s:e], 0) for s, e in sentences]
    mentions: list[Mention] = []
    for start, end in spans:
        sent = sentence_at(sents, start)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            warnings.warn(f"{source_id}: span {start}-{end} does not align to tokens", stacklevel=2)
            words = text[start:end].split()
            head = words[-1].lower() if words else ""
            mentions.append(Mention(source_id, start, end, text[start:end], NOMINAL_LABEL, sent,
                                    head=head))
            continue
        lead = 0
        while lead < len(span) - 1 and span[lead].pos_ in {"ADP", "PUNCT"}:
            lead += 1  # "in Gaza", "on Thursday": the head is the object, not the preposition
        stop = len(span)
        while stop > lead + 1 and span[stop - 1].pos_ == "PUNCT":
            stop -= 1  # "police chief .": a full stop the corpus put inside the span
        root = span[lead:stop].root
        if root.pos_ == "ADP" and root.i > span[lead].i:
            # "the federal prison in Springfield" parsed with "in" on the verb: the noun
            # before the preposition heads it, not the preposition; with no noun before it
            # ("just after 9 p.m."), the noun after it
            cut = root.i - span.start
            before, after = span[lead:cut], span[cut + 1 : stop]
            nouns = {"NOUN", "PROPN", "PRON", "NUM"}
            if any(t.pos_ in nouns for t in before) or not len(after):
                root = before.root
            else:
                root = after.root
        if root.ent_type_ in ENTITY_LABELS:
            label = root.ent_type_
        elif root.tag_ in _PRONOUN_TAGS or root.pos_ == "PRON":
            label = PRONOUN_LABEL
        elif root.pos_ == "PROPN":
            label = NAME_LABEL
        else:
            label = NOMINAL_LABEL
        mentions.append(Mention(source_id, start, end, text[start:end], label, sent,
                                head=root.lemma_.lower()))
    clean = CleanArticle(id=source_id, raw=text, text=text)
    return AnnotatedArticle(article=clean, sentences=sents, mentions=mentions)

