"""Sentences and named-entity mentions from a parsed Doc (plain extractor functions)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Mention, Sentence

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})

# Nouns that name a happening (the head of an event label). General news vocabulary.
EVENT_NOUNS = frozenset(
    """attack bombing strike airstrike raid shelling explosion blast shooting crash collision
    derailment collapse fire wildfire flood flooding earthquake quake tsunami storm hurricane
    typhoon cyclone tornado eruption landslide drought famine outbreak epidemic pandemic
    massacre killing assassination coup invasion offensive siege ambush clash protest riot
    walkout election referendum vote summit meeting talks agreement deal merger acquisition
    takeover bankruptcy trial verdict ruling sentencing indictment arrest resignation scandal
    leak hack breach spill failure outage recall launch incident disaster tragedy emergency""".split()
)


PARAGRAPHS_COMPONENT = "newsprism_paragraphs"


@Language.component(
    PARAGRAPHS_COMPONENT,
    assigns=["token.is_sent_start"],
)
def paragraph_boundaries(doc: Doc) -> Doc:
    """A paragraph break ("\\n\\n") always starts a new sentence; the parser fills in the rest."""
    for i, tok in enumerate(doc[:-1]):
        if tok.is_space and "\n" in tok.text:
            doc[i + 1].is_sent_start = True
    return doc


def extract_sentences(doc: Doc, source_id: str, paragraphs: list[tuple[int, int]]) -> list[Sentence]:
    """Sentences (white space trimmed) with the index of the paragraph they sit in."""
    out: list[Sentence] = []
    text = doc.text  # Doc.text is rebuilt from the tokens on every access: read it once
    p = 0
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        while p + 1 < len(paragraphs) and start >= paragraphs[p + 1][0]:
            p += 1
        out.append(Sentence(source_id, start, end, text[start:end], p))
    return out


def extract_mentions(doc: Doc, source_id: str, sentences: list[Sentence]) -> list[Mention]:
    """Named-entity mentions of the kinds a briefing groups (people, organisations, places...)."""
    starts = [s.start for s in sentences]
    out: list[Mention] = []
    k = 0
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        text = ent.text.strip()
        if not any(ch.isalpha() for ch in text):
            continue
        while k + 1 < len(starts) and ent.start_char >= starts[k + 1]:
            k += 1
        out.append(Mention(source_id, ent.start_char, ent.start_char + len(text), text, ent.label_, k))
    return out


def extract_event_chunks(doc: Doc) -> list[tuple[str, int]]:
    """Noun chunks headed by an event noun ("a suspected chemical weapon attack"), with offsets."""
    out: list[tuple[str, int]] = []
    for chunk in doc.noun_chunks:
        if chunk.root.lemma_.lower() in EVENT_NOUNS:
            out.append((chunk.text, chunk.start_char))
    return out
