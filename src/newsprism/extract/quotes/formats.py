"""Attribution formats without a reporting verb: signatures, transcripts, headlines, pull-quotes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc

from ...model import Quote, Removed
from .. import doc_text
from ..lexicon import NAMED_LABELS
from ..sentences import strip_span
from .marks import QUOTE_CHARS, QUOTE_TRAILING, QuotedSpan, parse_pull_quote, pull_matches
from .registry import Registry
from .speakers import Speaker

# a quotation that does not end a sentence needs this many words to be signed (not a term)
SIGNED_MIN_WORDS = 4
# a transcript label ("PENCE:") ends within this many characters of its paragraph's start,
# in a paragraph of at most TRANSCRIPT_MAX_CHARS, and has at most LABEL_MAX_TOKENS tokens
LABEL_MAX_CHARS = 60
TRANSCRIPT_MAX_CHARS = 300
LABEL_MAX_TOKENS = 5
# a paragraph is only a quotation when this share of its letters and digits is quoted
QUOTE_ONLY_SHARE = 0.8
# a pull-quote left in the body is a short paragraph; unquoted, its content is short too
PULL_QUOTE_MAX_CHARS = 400
PULL_QUOTE_MAX_WORDS = 25

_SIGNATURE_RE = re.compile(
    r"\s*[—―–]{1,2}\s*(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|bin|al-\w+)){0,3})"
    r"(?:\s*,\s*(?P<role>[^“\"«\n.]{1,60}))?\s*\.?\s*(?=$|[“\"«])"
)
_DASHES = frozenset("—―–")
# one-word headline sources ("Poll: Trump ties Clinton"), unlike kickers ("Analysis:")
HEADLINE_SOURCES: frozenset[str] = frozenset("poll survey study report audit probe investigation census".split())
_LABEL_RE = re.compile(r"[\"“«]?\s*(?P<label>[A-Z][A-Z'’.-]*(?:\s+[A-Z][A-Z'’.-]*){0,3})\s*:\s+(?=\S)")


def _named(text: str, start: int, end: int, reg: Registry) -> tuple[str, int, int]:
    """The canonical name for a name written at [start, end): a registry mention inside it,
    else a mention whose name ends with it ("PENCE" -> "Mike Pence"), else the text."""
    inside = [m for m in reg.mentions if start <= m.start < end and m.label in NAMED_LABELS]
    if inside:
        m = next((x for x in inside if x.label == "PERSON"), inside[0])
        if not m.name.isupper():
            return m.name, m.start, m.end
    written = text[start:end].strip(" .")
    low = written.lower()
    for m in reg.mentions:
        if m.label == "PERSON" and not m.name.isupper() and (
            m.name.lower() == low or m.name.lower().endswith(" " + low)
        ):
            return m.name, start, end
    return (written.title() if written.isupper() else written), start, end


def _verbless(doc: Doc, start: int, end: int) -> bool:
    """The text at [start, end) is a phrase with no verb (a name's role, not a clause)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)


def signature_speaker(doc: Doc, q: QuotedSpan, para_end: int, reg: Registry) -> tuple[Speaker, int, int] | None:
    """A quotation signed after a dash, ``“...” ― Ana Ruiz, nurse`` (reader comments, letters,
    vox pops), the signature ending its paragraph or followed by the next quotation: the
    speaker, and the dash's span (the cue). A nickname in marks followed by a dash and a
    clause ("“the Toaster” — Mayor Kell, however, loves it") is not a signature."""
    text = doc_text(doc)
    m = _SIGNATURE_RE.match(text, q.close_end, para_end)
    if m is None or q.close_end == q.end:
        return None
    if text[q.end - 1] not in ".?!…" and len(text[q.start:q.end].split()) < SIGNED_MIN_WORDS:
        return None  # a term in quotation marks, not a statement
    if m.group("role") and not _verbless(doc, *m.span("role")):
        return None
    ns, ne = m.span("name")
    name, s, e = _named(text, ns, ne, reg)
    dash = q.close_end + len(text[q.close_end:ns]) - len(text[q.close_end:ns].lstrip())
    dash_end = dash + len(text[dash:ns].rstrip())
    role_text = m.group("role").strip() if m.group("role") else None
    return Speaker(name, role_text or reg.roles.get(name), s, e, ns, ne), dash, dash_end


def transcript_attributions(doc: Doc, source_id: str, paras: list[tuple[int, int]],
                            found: list[Quote], reg: Registry, univocal: bool = False) -> Iterable[Quote]:
    """Interview transcripts, ``PENCE: Well, the question ...``: a paragraph opened by a
    speaker label in capitals and a colon; two such paragraphs make the article a transcript
    (one alone is more likely a heading such as "UPDATE:"). A quotation found earlier that
    holds the label ("Partial transcript follows: "WALLACE: ...") is the labelled speaker's:
    it is replaced (and dropped from ``found``). ``univocal`` (broad scope): the turn is one
    attribution, and what was found inside it ("I think ...", "they want ...") is part of it."""
    text = doc_text(doc)
    labelled = []
    for a, b in paras:
        m = _LABEL_RE.match(text, a, b)
        if m is not None:
            labelled.append((a, b, m))
    if len({m.group("label") for _, _, m in labelled}) < 2 and len(labelled) < 3:
        return
    for _a, b, m in labelled:
        if len(m.group("label").replace(".", "")) < 2:
            continue  # "Q:" / "A:": the interviewer and an unnamed answerer
        cs, ce = strip_span(text, m.end(), b)
        ls, le = m.span("label")
        inner = [q for q in found if q.start < ce and cs < q.end]
        if ce - cs < 2 or (not univocal and any(q.start > ls for q in inner)):
            continue
        for q in inner:  # a quotation opening with the label ("WALLACE: ...") is the label's
            found.remove(q)
        name, s, e = _named(text, ls, le, reg)
        colon = text.index(":", le)
        yield Quote(source_id=source_id, start=cs, end=ce, text=text[cs:ce], kind="direct",
                    speaker=name, speaker_role=reg.roles.get(name), cue=":", cue_start=colon,
                    cue_end=colon + 1, speaker_start=s, speaker_end=e, source_start=ls, source_end=le)


def _known_person(text: str, start: int, end: int, reg: Registry) -> bool:
    """The words at [start, end) name a person the article names in full elsewhere
    ("Pence" for "Mike Pence"), though the parser did not tag them there."""
    low = text[start:end].strip(" .").lower()
    return bool(low) and any(m.label == "PERSON" and (m.name.lower() == low or m.name.lower().endswith(" " + low))
                             for m in reg.mentions)


def headline_attributions(doc: Doc, source_id: str, paras: list[tuple[int, int]],
                          found: list[Quote], reg: Registry) -> Iterable[Quote]:
    """Headline-style attribution, a short paragraph ``Name: what they said``
    ("Lynch: No outside influence on FBI probe", "Poll: Trump ties Clinton"). What the
    named source said holds the whole text after the colon: an indirect attribution found
    inside it ("Carter: Fans worried about ...", the fans' worry) is the headline's content,
    and is dropped from ``found``."""
    text = doc_text(doc)
    for a, b in paras:
        colon = text.find(":", a, min(b, a + LABEL_MAX_CHARS))
        if colon < 0 or b - a > TRANSCRIPT_MAX_CHARS:
            continue
        head = doc.char_span(a, colon, alignment_mode="expand")
        if len(text[a:colon].strip()) < 2:
            continue  # "Q:" / "A:" of an interview: the interviewer, not a named source
        if head is None or not 1 <= len(head) <= LABEL_MAX_TOKENS or not head[0].is_title:
            continue
        if any(t.pos_ in ("VERB", "AUX") or t.like_num for t in head):
            continue  # "Wait, it gets better:" / "12:20 p.m."
        named = [m for m in reg.mentions if a <= m.start < colon and m.label in NAMED_LABELS]
        person = not named and len(head) <= 2 and all(t.is_title for t in head) \
            and _known_person(text, a, colon, reg)
        if not named and not person and (len(head) > 2 or head.root.lemma_.lower() not in HEADLINE_SOURCES):
            continue  # "Update:", "Analysis:", "Letters:" are section labels, "Poll:" a source
        cs, ce = strip_span(text, colon + 1, b, QUOTE_TRAILING)
        while ce > cs and text[ce - 1] in ".":
            ce -= 1
        content_words = text[cs:ce].split()
        inner = [q for q in found if q.start < ce and cs < q.end]
        if len(content_words) < 3 or any(
            q.kind == "direct" or q.cue_start is None or not cs <= q.cue_start < ce for q in inner
        ):
            continue
        for q in inner:
            found.remove(q)
        if person:
            name, s, e = _named(text, a, colon, reg)
        else:
            m = named[-1] if named else None
            name = m.name if m is not None else text[a:colon].strip()
            s, e = (m.start, m.end) if m is not None else (a, colon)
        yield Quote(source_id=source_id, start=cs, end=ce, text=text[cs:ce], kind="indirect",
                    speaker=name, speaker_role=reg.roles.get(name) if named or person else None,
                    cue=":", cue_start=colon, cue_end=colon + 1,
                    speaker_start=s, speaker_end=e, source_start=a, source_end=colon)


def quote_only(text: str, para: tuple[int, int], qspans: list[QuotedSpan], pi: int) -> bool:
    a, b = para
    body = sum(1 for ch in text[a:b] if ch.isalnum())
    quoted = sum(1 for o in qspans if o.paragraph == pi for ch in text[o.start : o.end] if ch.isalnum())
    return body > 0 and quoted / body >= QUOTE_ONLY_SHARE


def body_pull_quotes(doc: Doc, source_id: str, paras: list[tuple[int, int]], found: list[Quote],
                     reg: Registry) -> Iterable[Quote]:
    """Pull-quotes left in the body (``content — Name, Role`` as its own paragraph)."""
    text = doc_text(doc)
    for a, b in paras:
        chunk = text[a:b]
        if ("—" not in chunk and "–" not in chunk) or len(chunk) > PULL_QUOTE_MAX_CHARS:
            continue
        if any(a <= q.start < b and q.cue in _DASHES for q in found):
            continue  # signed quotations ("“...” ― Name"), already attributed one by one
        parsed = parse_pull_quote(chunk)
        if parsed is None:
            continue
        content, name, role = parsed
        if len(content.split()) < 3:
            continue
        ns = text.find(name, a, b)
        cs = text.find(content, a, b)
        if ns < 0 or cs < 0:
            continue
        span = doc.char_span(ns, ns + len(name), alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
            continue
        if role:  # "“the Toaster” — Mayor Kell, however, loves it": a clause, not a role
            rs = text.find(role, ns, b)
            if rs < 0 or not _verbless(doc, rs, rs + len(role)):
                continue
        if chunk.lstrip()[:1] not in QUOTE_CHARS and len(content.split()) > PULL_QUOTE_MAX_WORDS:
            continue  # narration ending in a dash and a name, not a pull-quote
        ents = [m for m in reg.mentions if ns <= m.start < ns + len(name)]
        if not ents:
            continue
        ent = next((m for m in ents if m.label == "PERSON"), ents[-1])
        ce = cs + len(content)
        if any(q.start <= cs < q.end for q in found):
            continue
        pre = text[ns : ent.start].strip(" ,")
        q = Quote(source_id=source_id, start=cs, end=ce, text=text[cs:ce], kind="direct",
                  speaker=ent.name, speaker_role=role or pre or reg.roles.get(ent.name),
                  speaker_start=ent.start, speaker_end=ent.end,
                  source_start=ns, source_end=ns + len(name), origin="pull_quote",
                  sentence=None)
        for other in found:
            if other.origin == "body" and pull_matches(content, other.text):
                q.repeats = (other.start, other.end)
                break
        yield q


def link_pull_quotes(quotes: list[Quote], removed: Sequence[Removed]) -> None:
    for ri, item in enumerate(removed):
        if item.kind != "pull_quote":
            continue
        parsed = parse_pull_quote(item.text)
        content = parsed[0] if parsed else item.text
        for q in quotes:
            if q.origin == "body" and pull_matches(content, q.text):
                q.pull_quotes.append(ri)
                if parsed and not q.speaker:
                    q.speaker = parsed[1]
                break
