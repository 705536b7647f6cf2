"""Sentences, paragraphs and named-entity mentions of an article: the one place every stage
takes them from (plain functions on a parsed Doc or its text)."""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Mention, Sentence
from . import doc_text

# a paragraph ends at a line break (cleaned text joins paragraphs with a blank line)
_PARA_RE = re.compile(r"\n\s*\n|\n")

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
    """A paragraph break ("\\n\\n") always starts a new sentence; a wire dateline that opens a
    paragraph ("ROME — The club ...") never ends one; the parser fills in the rest."""
    text = doc.text
    for i, tok in enumerate(doc[:-1]):
        if tok.is_space and "\n" in tok.text:
            doc[i + 1].is_sent_start = True
        if i == 0 or (tok.is_space and "\n" in tok.text):
            start = tok.idx if i == 0 and not tok.is_space else tok.idx + len(tok.text)
            cut = dateline_end(text[start:start + 80])
            if cut:
                for t in doc[i + 1:]:
                    if t.idx >= start + cut:
                        t.is_sent_start = False
                        break
    return doc


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """[start, end) of every paragraph of ``text``: the runs between line breaks."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA_RE.finditer(text):
        if m.start() > pos:
            ranges.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        ranges.append((pos, len(text)))
    return ranges


def sentence_paragraphs(doc: Doc) -> list[int]:
    """The paragraph of each sentence of ``doc`` (index into :func:`paragraph_ranges`)."""
    starts = [a for a, _ in paragraph_ranges(doc_text(doc))]
    return [max(0, bisect.bisect_right(starts, s.start_char) - 1) for s in doc.sents]


def token_sentences(doc: Doc) -> list[int]:
    """The sentence index of each token of ``doc``."""
    out = [0] * len(doc)
    for si, s in enumerate(doc.sents):
        for t in range(s.start, s.end):
            out[t] = si
    return out


def sentence_at(sentences: list[Sentence], pos: int) -> int:
    """Index of the sentence that holds character ``pos`` (the first one for a position before
    any sentence)."""
    starts = [s.start for s in sentences]
    return max(0, bisect.bisect_right(starts, pos) - 1)


def strip_span(text: str, start: int, end: int, trailing: str = "") -> tuple[int, int]:
    """[start, end) without white space at either edge, nor any of ``trailing`` at its end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in trailing):
        end -= 1
    return start, end


# a wire dateline opening a paragraph: "COPENHAGEN (Reuters) - ", "PARIS, France (AP) — ",
# "ALASKA-" (a place in capitals, an agency in brackets, a dash); the sentence starts after it
_DATELINE_RE = re.compile(
    r"(?:[A-Z][A-Z.'-]*[A-Z](?: [A-Z][A-Z.'-]*[A-Z]){0,3})(?:, [A-Z][\w.]+(?: [A-Z][\w.]+){0,2})?"
    r"\s*(?:\((?:[A-Z][\w.&]*\s?){1,4}\))?\s*(?:--|[—–-])\s*(?=[A-Z\"“‘'])")


def dateline_end(text: str) -> int:
    """Length of a wire dateline at the start of ``text`` (0 when there is none): a place in
    capitals of four letters or more, or any place with an agency in brackets."""
    m = _DATELINE_RE.match(text)
    if m is None:
        return 0
    place = re.match(r"[A-Z.' -]+", m.group(0))
    letters = sum(ch.isalpha() for ch in place.group(0)) if place else 0
    return m.end() if letters >= 4 or "(" in m.group(0) else 0


def extract_sentences(doc: Doc, source_id: str, paragraphs: list[tuple[int, int]]) -> list[Sentence]:
    """Sentences (white space trimmed) with the index of the paragraph they sit in; a sentence
    that opens a paragraph starts after a wire dateline ("COPENHAGEN (Reuters) - ")."""
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
        if p < len(paragraphs) and start == paragraphs[p][0]:
            cut = dateline_end(text[start:end])
            if 0 < cut < end - start:
                start += cut
        out.append(Sentence(source_id, start, end, text[start:end], p))
    return out


def extract_mentions(doc: Doc, source_id: str, sentences: list[Sentence]) -> list[Mention]:
    """Named-entity mentions of the kinds a briefing groups (people, organisations, places...);
    not those of a wire dateline left out of its paragraph's first sentence ("MANILA (AFP) -":
    where the story was filed and who filed it, not who or where the event is)."""
    starts = [s.start for s in sentences]
    full = doc.text
    # a paragraph's first sentence starts after words on its own line only where
    # extract_sentences cut a dateline off it
    gaps: list[tuple[int, int]] = []
    for i, s in enumerate(sentences):
        if i and s.paragraph == sentences[i - 1].paragraph:
            continue
        line_start = full.rfind("\n", 0, s.start) + 1
        if full[line_start:s.start].strip():
            gaps.append((line_start, s.start))
    out: list[Mention] = []
    k = 0
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        if any(a <= ent.start_char < b for a, b in gaps):
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
