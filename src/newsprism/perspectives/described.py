"""A holder written as a definite description ("the company in question", "the firm", "the
ministry") stands for what the article introduced: an unnamed one it has just described with
the same noun ("A company owned by the president's in-laws withdrew ... The company in question
has denied it"), not a named organisation nearby (the bank it withdrew from). Such a holder is
shown as that description; a name the sources resolve it to is kept only when the name or its
role carries the noun ("the director" for "director Gary Ross")."""

from __future__ import annotations

import re

from ..extract.sentences import sentence_at
from ..model import AnnotatedArticle, Entity
from .holders import Actor

# "the company", "the firm in question", "this ministry", "the state-owned lender concerned":
# a common noun (lower case) after a definite determiner
DEFINITE = re.compile(
    r"^(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z][\w\-]*\s+){0,2}?(?P<noun>[a-z][\w\-]*)"
    r"(?:\s+(?:in\s+question|concerned|involved))?$"
)
_PREDICATIVE = re.compile(
    r"\b(?:as|is|was|are|were|be|been|being|become|becomes|became|remain|remains|remained|like|such|"
    r"into|of)\s+$",
    re.I,
)
_NAMED_AFTER = re.compile(r"^\s*(?:,\s*|\s+(?:called|named|known\s+as)\s+)[A-Z]")
# what follows the noun and still describes it: "owned by the president's in-laws", "based in
# Limassol", "run by a former minister"
_POSTMODIFIER = re.compile(
    r"\s+(?:[a-z]+ed|run|held|set\s+up|founded)\s+(?:by|in|at|from|with|to|for)\s+"
    r"(?:(?:the|a|an|its|his|her|their)\s+[\w\-]+[’']s?\s+[\w\-]+|(?:(?:the|a|an)\s+)?(?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*|"
    r"(?:the|a|an|its|his|her|their)\s+(?:(?:former|new|local|small|large|major|private|foreign|senior|"
    r"rival|young|leading|wealthy)\s+)?[\w\-]+)"
)
_QUOTES_OPEN, _QUOTES_CLOSE = "“‘", "”’"
LOOK_BACK_SENTENCES = 2


def _inside_quotation(segment: str) -> bool:
    """The end of ``segment`` (a sentence up to a point) is inside a quotation."""
    straight = segment.count('"') % 2 == 1
    curly = sum(segment.count(c) for c in _QUOTES_OPEN[:1]) > sum(segment.count(c) for c in _QUOTES_CLOSE[:1])
    return straight or curly


def antecedent(art: AnnotatedArticle, noun: str, pos: int) -> tuple[int, int] | None:
    """The span of the unnamed "a <noun> ..." the article introduced in the sentence of ``pos``
    (before it) or the LOOK_BACK_SENTENCES before, nearest first; None when there is none. An
    indefinite noun that describes a name ("Acme, a company based in ...", "Acme is a company",
    "a company called Acme") or a speaker's own words ("As a writer and a director, I ...") is
    no new party."""
    if not art.sentences:
        return None
    text = art.article.text
    si = sentence_at(art.sentences, pos)
    lo = art.sentences[max(0, si - LOOK_BACK_SENTENCES)].start
    pat = re.compile(rf"\b[Aa]n?\s+(?:[a-z][\w\-]*\s+){{0,2}}?{re.escape(noun)}\b")
    ends = {m.end for m in art.mentions}
    found: tuple[int, int] | None = None
    for m in pat.finditer(text, lo, pos):
        sent = art.sentences[sentence_at(art.sentences, m.start())]
        before = text[sent.start : m.start()]
        if _inside_quotation(before) or _PREDICATIVE.search(before):
            continue
        comma = re.search(r",\s*$", before)
        if comma and (sent.start + comma.start()) in ends:
            continue  # "Acme, a company based in ...": a description of the name before it
        if _NAMED_AFTER.match(text[m.end() : m.end() + 40]):
            continue  # "a company called Acme", "a company, Acme Ltd"
        post = _POSTMODIFIER.match(text, m.end())
        found = (m.start(), post.end() if post else m.end())
    return found


def carries_noun(e: Entity, noun: str) -> bool:
    """The entity's name or role has the noun ("Laiki Bank" for "the bank", "director" for
    "the director")."""
    words = {w.lower() for w in re.findall(r"[A-Za-z][\w\-]*", " ".join([e.name, *e.aliases, e.role or ""]))}
    return noun.lower() in words or noun.lower().rstrip("s") in words


def described_actor(art: AnnotatedArticle, phrase: str, pos: int, resolved: Entity | None) -> Actor | None:
    """The holder a definite description ``phrase`` (written at ``pos``) stands for when the
    article introduced an unnamed one with its noun just before: that description as a holder
    of its own. None when ``phrase`` is no such description, there is no such antecedent, or the
    entity it was resolved to carries the noun (then the resolution stands)."""
    m = DEFINITE.match(phrase.strip())
    if m is None:
        return None
    noun = m.group("noun")
    if resolved is not None and carries_noun(resolved, noun):
        return None
    span = antecedent(art, noun, pos)
    if span is None:
        return None
    name = " ".join(art.article.text[span[0] : span[1]].split())
    name = name[0].lower() + name[1:]
    key = "desc:" + name.lower()
    return Actor(name=name, key=key, camp=key)
