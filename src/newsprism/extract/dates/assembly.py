"""extract_dates: candidate expressions found in a Doc, parsed, anchored and turned into
DateMention records; reanchor_dates once a publication date is known."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterable
from dataclasses import replace

import dateparser
from spacy.tokens import Doc, Span

from ...model import DateMention
from .. import doc_text
from ..sentences import token_sentences
from .anchoring import in_event_window, parse_iso, resolve_spec
from .expressions import AMBIGUOUS_MONTHS, PATTERNS, YEAR_RE, Spec, parse_expression, parse_match
from .syntax import direction_of, event_clause, is_reference

# --------------------------------------------------------------------------- extraction


def _candidates(doc: Doc) -> list[tuple[int, int, str, re.Match[str]]]:
    """Non-overlapping (start, end, kind, match) over the text, earliest and longest first."""
    text = doc_text(doc)
    date_chars = [False] * (len(text) + 1)
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            for i in range(ent.start_char, ent.end_char):
                date_chars[i] = True
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    for rank, (kind, pattern) in enumerate(PATTERNS):
        for m in pattern.finditer(text):
            start, end = m.span()
            if end <= start:
                continue
            if kind == "month":
                word = m.group("mon").lower()
                if not m.group("mod") and not date_chars[m.start("mon")]:
                    continue  # a bare month name that the NER does not call a date
                if (
                    word in AMBIGUOUS_MONTHS
                    and not m.group("mod")
                    and not date_chars[m.start("mon")]
                ):
                    continue
                if word == "may" and (m.group("mod") or "").lower() in ("by", "of", "from"):
                    continue
            if kind == "year":
                ystart = m.start("y")
                prev = text[max(0, ystart - 1) : ystart]
                if prev in ("-", "–") and re.search(
                    YEAR_RE + "$", text[max(0, ystart - 5) : ystart - 1]
                ):
                    prev = ""  # the end of a range of years: "the 1975-1990 civil war"
                if prev in ("$", "£", "€", "#", "-", "–", "/", ".", ",") or re.match(
                    r"\d", text[m.end() : m.end() + 1] or " "
                ):
                    continue
                mod = (m.group("mod") or "").lower()
                if _not_a_year(doc, text, ystart, m.end("y"), mod):
                    continue
                if mod == "the" and not date_chars[ystart]:
                    continue
                if not mod and not date_chars[ystart]:
                    continue
                if mod != "the" and _followed_by_plural_noun(doc, m.end("y")):
                    continue  # "2015 cars", "in 1200 towns": a count, not a year
                if mod == "and" and not re.search(
                    YEAR_RE + r"\s*$", text[max(0, ystart - 12) : m.start("mod")]
                ):
                    continue  # "and 2000" only continues a year range ("between 1967 and 1975")
                if mod in ("the", "", "in", "since", "during", "until", "till", "by", "from", "before",
                           "after", "of", "between", "and"):  # fmt: skip
                    start = ystart  # the expression is the year ("the 2013 attack", "in 2013")
            if kind == "weekday" and (m.group("mod") or "").lower() == "on":
                start = m.start("wd")
            if kind == "month" and (m.group("mod") or "").lower() in (
                "in", "during", "by", "from", "through", "of",
            ):  # fmt: skip
                start = m.start("mon")  # "since/until/before/after May" keep the word that decides
            found.append((start, end, rank, kind, m))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    last_end = -1
    for start, end, _rank, kind, m in found:
        if start < last_end:
            continue
        chosen.append((start, end, kind, m))
        last_end = end
    return chosen


# nouns whose "of N" is an amount, not a year: "a maximum ISO of 2000", "a score of 1450"
_AMOUNT_OF = frozenset({"maximum", "minimum", "total", "average", "score", "rating", "resolution",
                        "speed", "capacity", "sensitivity", "range", "value", "price", "budget",
                        "limit", "depth", "height", "altitude", "elevation", "weight", "length",
                        "distance", "population", "reading", "index", "level", "rate"})


def _not_a_year(doc: Doc, text: str, ystart: int, yend: int, mod: str) -> bool:
    """A four-digit number that is an amount or a size, not a year: "1920 x 1080" (a size),
    "an ISO of 2000" / "a maximum of 1800" (what an acronym or an amount noun measures), or a
    number below 1500 that no era or preposition of time marks ("an ISO of 1000", not "in 1132")."""
    if re.match(r"\s*[x×]\s*\d", text[yend : yend + 4]):
        return True
    if int(text[ystart:yend]) < 1500 and mod in ("", "of", "the") and not re.match(r"\s*(?:AD|BC|BCE|CE|A\.D\.|B\.C\.)\b", text[yend : yend + 6]):
        return True
    if mod != "of":
        return False
    span = doc.char_span(ystart, yend, alignment_mode="expand")
    if span is None or span.start == 0 or doc[span.start - 1].lower_ != "of":
        return False
    owner = doc[span.start - 1].head
    return (owner.text.isupper() and len(owner.text) > 1) or owner.lemma_.lower() in _AMOUNT_OF or any(
        c.dep_ == "amod" and c.lower_ in _AMOUNT_OF for c in owner.children)


def _followed_by_plural_noun(doc: Doc, end: int) -> bool:
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.tag_ in ("NNS", "NNPS") and nxt.lemma_.lower() not in ("election", "olympic", "game")


def _char_span(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span


def strict_dateparser(text: str) -> dt.date | None:
    """Numeric and other explicit full dates the patterns do not cover ("3/4/2017")."""
    parsed = dateparser.parse(
        text, languages=["en"], settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"}
    )
    return parsed.date() if parsed else None


def extract_dates(doc: Doc, source_id: str = "", published: str | None = None) -> list[DateMention]:
    """Every temporal expression in ``doc`` that names a calendar date, month or year.

    ``published`` is the article's publication date (ISO); relative expressions resolve
    against it and are marked ``relative=True``. Durations ("six years of war") are skipped.
    """
    pub = parse_iso(published)
    if published and pub is None:
        warnings.warn(
            f"{source_id}: publication date {published!r} is not ISO; relative dates left unresolved",
            stacklevel=2,
        )
    sent_index = token_sentences(doc)
    out: list[DateMention] = []
    context_year: int | None = None
    for start, end, kind, m in _candidates(doc):
        span = _char_span(doc, start, end)
        if span is None or len(span) == 0:
            warnings.warn(
                f"{source_id}: date {doc_text(doc)[start:end]!r} at {start} does not align with tokens; skipped",
                stacklevel=2,
            )
            continue
        try:
            spec = parse_match(kind, m)
            if spec is None:
                continue
            mention = _mention(
                doc, span, start, end, spec, source_id, pub, context_year, sent_index
            )
        except (ValueError, KeyError, OverflowError, IndexError) as exc:
            # one odd expression (a year out of the calendar's range, ...) never fails the text
            warnings.warn(
                f"{source_id}: date {doc_text(doc)[start:end]!r} at {start} skipped ({type(exc).__name__}: {exc})",
                stacklevel=2,
            )
            continue
        if spec.kind == "full" and spec.year is not None:
            context_year = spec.year
        out.append(mention)
    out.sort(key=lambda dm: dm.start)
    return out


def _mention(
    doc: Doc,
    span: Span,
    start: int,
    end: int,
    spec: Spec,
    source_id: str,
    pub: dt.date | None,
    context_year: int | None,
    sent_index: list[int],
) -> DateMention:
    direction = direction_of(span, spec)
    value, relative = resolve_spec(spec, pub, direction, context_year)
    ev_start: int | None = None
    ev_end: int | None = None
    if any(t.pos_ in ("VERB", "AUX") for t in span.sent):
        ev_start, ev_end = event_clause(span)  # a dateline or heading says nothing happened
    return DateMention(
        source_id=source_id,
        start=start,
        end=end,
        text=doc_text(doc)[start:end],
        value=value,
        relative=relative,
        about_event=in_event_window(value, pub, spec),
        sentence=sent_index[span.sent.start],
        direction=direction,
        event_start=ev_start,
        event_end=ev_end,
        reference=is_reference(span),
    )


def reanchor_dates(dates: Iterable[DateMention], published: str | None) -> list[DateMention]:
    """The same mentions resolved against another publication date (e.g. an inferred one).

    Explicit dates keep their value; month-day dates take the year of an earlier explicit
    date when there is no publication date."""
    pub = parse_iso(published)
    out: list[DateMention] = []
    context_year: int | None = None
    for dm in sorted(dates, key=lambda d: d.start):
        spec = parse_expression(dm.text)
        if spec is None:
            d = parse_iso(dm.value)
            out.append(
                replace(dm, about_event=in_event_window(dm.value, pub, Spec("full"))) if d else dm
            )
            continue
        try:
            value, relative = resolve_spec(spec, pub, dm.direction, context_year)
        except (ValueError, OverflowError) as exc:
            warnings.warn(f"{dm.source_id}: date {dm.text!r} left unresolved ({exc})", stacklevel=2)
            value, relative = None, False
        if spec.kind == "full" and spec.year is not None:
            context_year = spec.year
        out.append(
            replace(dm, value=value, relative=relative, about_event=in_event_window(value, pub, spec))
        )
    return out
