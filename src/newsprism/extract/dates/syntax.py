"""Syntax around a date: the governing verb, its tense (past or future direction) and the clause a
date belongs to."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .expressions import Spec

# a clause cut after a date keeps at least CUT_MIN_BEFORE words before and CUT_MIN_AFTER after
CUT_MIN_BEFORE = 6
CUT_MIN_AFTER = 4
# steps up the parse to a clause with its own subject, and that clause's minimum length
CLAUSE_CLIMB_STEPS = 6
CLAUSE_MIN_TOKENS = 4

_REPORTING = {
    "say", "tell", "announce", "promise", "pledge", "vow", "insist", "warn", "add", "state",
    "confirm", "predict", "expect", "hope", "plan", "decide", "agree",
}  # fmt: skip
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_PRESENT_NOT_FUTURE = {
    "say", "tell", "be", "have", "report", "claim", "confirm", "deny", "show", "accuse",
    "believe", "think", "know", "remain", "continue", "mark", "blame", "insist", "argue",
}  # fmt: skip
_DEFERRAL = {
    "postpone",
    "delay",
    "adjourn",
    "defer",
    "suspend",
    "extend",
    "push",
    "move",
    "reschedule",
}
_FUTURE_LEMMAS = {"plan", "schedule", "expect", "due", "set", "intend", "aim"}


# --------------------------------------------------------------------------- syntax


def _verb_of(span: Span) -> Token | None:
    """The verb (or noun) the expression modifies: through a preposition to its head."""
    tok = span.root
    for _ in range(4):
        head = tok.head
        if head is tok or head.i in range(span.start, span.end):
            break
        tok = head
        if tok.pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
            return tok
    return tok if tok is not span.root else None


def direction_of(span: Span, spec: Spec) -> str:
    if spec.modifier in ("next", "this coming"):
        return "future"
    if spec.modifier in ("until", "till"):
        verb = _verb_of(span)
        if verb is not None and verb.lemma_.lower() in _DEFERRAL:
            return "future"  # "was postponed until May": the new date lies ahead
    if spec.modifier in ("last", "this past"):
        return "past"
    if spec.kind in (
        "deictic",
        "ago",
        "period",
        "full",
        "monthyear",
        "year",
        "relmonth",
        "ambiguous",
    ):
        return "future" if spec.kind == "deictic" and spec.offset > 0 else "past"
    verb = _verb_of(span)
    if verb is None:
        return "either"
    if verb.pos_ in ("NOUN", "PROPN"):
        # "Friday's vote": the noun's own governing verb decides
        governor = verb.head if verb.dep_ not in ("ROOT",) else verb
        if governor is not verb and governor.pos_ in ("VERB", "AUX"):
            verb = governor
        else:
            return "either"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "ccomp" and subjects and span.end <= subjects[0].left_edge.i:
        # "said on Tuesday it would cut jobs": the date sits before the reported clause's
        # subject, so it dates the saying (a common misattachment)
        verb = verb.head
    children = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if children & _FUTURE_AUX or (
        "would" in children
        and "have" not in children
        and verb.dep_ == "ccomp"
        and verb.head.lemma_.lower() in _REPORTING
    ):
        # reported "would" is the future seen from the report: "said he would resign by October"
        return "future"
    if verb.lemma_.lower() in _FUTURE_LEMMAS and verb.tag_ in ("VBZ", "VBP", "VBN"):
        return "future"
    # "is to vote", "is due to be held", "is going to": an infinitive takes its tense from above
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        head = verb.head
        if head.tag_ in ("VBZ", "VBP") or head.lower_ in (
            "going",
            "due",
            "scheduled",
            "set",
            "expected",
            "likely",
        ):
            return "future"
        if head.tag_ in ("VBD",) or head.lower_ in ("was", "were"):
            return "past"
        return "either"
    if verb.tag_ == "VBG" and children & {"is", "are", "'s", "'re", "am"}:
        return "future"
    if verb.tag_ in ("VBD", "VBN") or children & {"was", "were", "had", "has", "have"}:
        return "past"
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in _PRESENT_NOT_FUTURE:
        return "future"  # the news present of schedules: "voters go to the polls on Sunday"
    return "either"


def event_clause(span: Span) -> tuple[int, int]:
    """Character span of what happened on this date, always covering the expression itself."""
    start, end = _clause_of(span)
    start, end = min(start, span.start_char), max(end, span.end_char)
    return start, _cut_after(span, start, end)


_BREAKS = {",", ";", "—", "–", "--"}


def _cut_after(span: Span, start: int, end: int) -> int:
    """End the clause at the first comma, semicolon or dash after the date when enough stands on
    each side ("had risen to 86, and those killed ..." -> "had risen to 86")."""
    doc = span.doc
    first = span.start  # the first token at or after ``start`` (start <= the date's start)
    while first > 0 and doc[first - 1].idx >= start:
        first -= 1
    quotes = sum(doc[i].text in ('"', "“", "”") for i in range(first, span.end))
    for tok in doc[span.end :]:
        if tok.idx >= end:
            break
        if tok.text in ('"', "“", "”"):
            quotes += 1
        if tok.text in _BREAKS and quotes % 2 == 0:
            before = tok.i - first
            after = 0
            for t in doc[tok.i + 1 :]:
                if t.idx >= end:
                    break
                after += not t.is_punct
            if before >= CUT_MIN_BEFORE and after >= CUT_MIN_AFTER:
                return doc[tok.i - 1].idx + len(doc[tok.i - 1].text)
    return end


def _clause_of(span: Span) -> tuple[int, int]:
    """Character span of what happened on this date: the noun phrase or clause it modifies."""
    sent = span.sent
    # "since 2013, when hundreds died ...": the relative clause says what happened
    for tok in span:
        for child in tok.children:
            if child.dep_ == "relcl" and child.i >= span.end:
                end = child.right_edge
                return span.start_char, _strip_end(end)
    anchor = _verb_of(span)
    if anchor is None:
        return sent.start_char, _strip_end(sent[-1])
    if (
        anchor.pos_ in ("VERB", "AUX")
        and anchor.dep_ in ("relcl", "acl")
        and anchor.head.pos_ in ("NOUN", "PROPN")
    ):
        anchor = anchor.head
    if anchor.pos_ in ("NOUN", "PROPN"):
        left, right = anchor.left_edge, anchor.right_edge
        if right.i - left.i + 1 >= 3:
            return left.idx, _strip_end(right)
        return sent.start_char, _strip_end(sent[-1])
    # climb to the nearest clause that has its own subject ("who faulted Obama ... four years ago")
    for _ in range(CLAUSE_CLIMB_STEPS):
        if anchor.dep_ == "ROOT" or anchor.dep_ == "conj":
            break
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children):
            if anchor.right_edge.i - anchor.left_edge.i >= CLAUSE_MIN_TOKENS:
                return anchor.left_edge.idx, _strip_end(anchor.right_edge)
            break
        anchor = anchor.head
    return sent.start_char, _strip_end(sent[-1])


def _strip_end(tok: Token) -> int:
    doc = tok.doc
    i = tok.i
    while (
        i > 0
        and (doc[i].is_punct and doc[i].text not in (")", "”", '"', "'"))
        and i > tok.sent.start
    ):
        i -= 1
    return doc[i].idx + len(doc[i].text)
