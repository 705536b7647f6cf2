"""Syntax around a date: the governing verb, its tense (past or future direction) and the clause a
date belongs to."""

from __future__ import annotations

import re

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
# a modal puts the date out of what happened: "should be restored by December 31"
_MODALS = {"should", "could", "may", "might", "would", "can", "must", "ca"}
# a clock time right after a date: a stamp of when the text was written ("Dec. 18 - 11:14 pm")
_STAMP = re.compile(r"\s*[-–—,]?\s*\d{1,2}[:.]\d{2}\b")
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
# verbs that put a date on the calendar ahead: "planned for December 15", "slated for May"
_SCHEDULING = {"plan", "schedule", "set", "slate", "due", "expect", "book", "fix"}
# a noun a date modifies that makes it a date ahead: "his next hearing April 19", "a
# November 2013 release date", "the March 1 deadline"
_AHEAD_MODIFIERS = {"next", "upcoming", "coming", "scheduled", "planned", "forthcoming", "future"}
_AHEAD_NOUNS = {"deadline"}
_AHEAD_DATE_KINDS = {"release", "due", "target", "launch", "start", "expiry", "expiration",
                     "opening", "hearing", "trial", "court", "election", "vote", "poll"}


# a date that is the object of one of these bounds a period ("held deposits prior to March 15",
# "since May 2010", "by Tuesday"): no happening is dated by it
_BOUNDS = {"since", "until", "till", "before", "after", "prior to", "as of", "by", "from", "through"}
# a happening dated by a noun phrase under one of these is another occasion than the clause's
# own: "unlike in the May 6 election", "since the March 3 hearing", "until Sunday's vote"
_OTHER_OCCASION = {"unlike", "since", "until", "till"}
# a dated noun with one of these modifiers is an earlier occasion: "the previous round on March 3"
_EARLIER = {"previous", "earlier", "prior", "preceding", "former"}
# the object of one of these verbs came before their subject: "Sunday's vote, which followed an
# inconclusive ballot on May 6", "the ruling replaced an order of March 3"
_SEQUENCE_VERBS = {"follow", "replace", "succeed", "supersede", "overturn", "reverse"}
# ...and a date these take as their own ("followed a ballot on May 6") is still their object's
# (unlike "overturned the ban last Tuesday", the overturning's own day)
_FOLLOW_VERBS = {"follow", "succeed"}
REFERENCE_STEPS = 5


# --------------------------------------------------------------------------- syntax


def is_reference(span: Span) -> bool:
    """Whether the date is a reference point rather than the day of a happening the clause tells:
    a bound of a period ("deposits held prior to March 15", "since May 2010", "by Tuesday") or
    the day of another occasion the clause sets its own against ("Sunday's vote, which followed
    an inconclusive ballot on May 6", "unlike in the May 6 election", "the previous round on
    March 3"). Such a date never dates the story itself."""
    tok = span.root
    via_noun = False  # the date modifies a noun ("the May 6 election"), not a clause
    for _ in range(REFERENCE_STEPS):
        head = tok.head
        if head is tok or head.i in range(span.start, span.end):
            return False
        came_from, tok = tok, head
        if tok.pos_ == "ADP" or tok.dep_ == "prep":
            word = tok.lower_
            if word == "to" and tok.head.lower_ in ("prior", "previous"):
                word = "prior to"
            elif word == "of" and tok.head.lower_ == "as":
                word = "as of"
            if word in (_OTHER_OCCASION if via_noun else _BOUNDS):
                return True
            if tok.head.lower_ in ("prior", "as"):
                tok = tok.head  # up past "prior" / "as" to what they modify
            continue
        if tok.pos_ in ("NOUN", "PROPN"):
            if tok.i >= span.end or tok.i < span.start:
                via_noun = True
            if {c.lower_ for c in tok.children if c.dep_ in ("amod", "advmod")} & _EARLIER:
                return True
            if tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in _SEQUENCE_VERBS:
                return True
            continue
        if tok.pos_ in ("VERB", "AUX"):
            if came_from.dep_ in ("nsubj", "nsubjpass"):
                return False  # "Sunday's vote followed ...": the subject's day is the later one
            # "followed an inconclusive ballot on May 6", the date attached to the verb; "had
            # beaten them in the previous round on March 3": the verb tells of that occasion
            return (tok.lemma_.lower() in _FOLLOW_VERBS
                    and any(c.dep_ in ("dobj", "obj") for c in tok.children)) or any(
                m.lower_ in _EARLIER for o in _objects(tok) for m in o.children if m.dep_ == "amod")
        return False
    return False


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


def _objects(verb: Token) -> list[Token]:
    """The verb's object and the objects of its prepositions ("drew the previous round", "won
    in the previous round")."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    out += [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return out


def direction_of(span: Span, spec: Spec) -> str:
    if spec.modifier in ("next", "this coming"):
        return "future"
    if spec.modifier in ("until", "till"):
        verb = _verb_of(span)
        if verb is not None and verb.lemma_.lower() in _DEFERRAL:
            return "future"  # "was postponed until May": the new date lies ahead
    if spec.modifier in ("last", "this past"):
        return "past"
    if spec.kind in ("full", "monthyear", "monthday", "year") and _scheduled(span):
        return "future"
    if spec.kind in ("full", "monthday") and _STAMP.match(
            span.doc.text[span.end_char : span.end_char + 12]):
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
        # "Friday's vote": the noun's own governing verb decides, through the phrases the
        # noun sits in ("will resume talks at some point on Monday", "will be the subject of
        # Monday night's episode")
        governor = verb
        for _ in range(4):
            if governor.dep_ == "ROOT":
                break
            governor = governor.head
            if governor.pos_ in ("VERB", "AUX"):
                break
        if governor is not verb and governor.pos_ in ("VERB", "AUX"):
            verb = governor
        else:
            return "either"
    for _ in range(3):  # a gerund without auxiliary has the tense of the verb above it:
        # "will resume negotiating about returning ... on Monday"
        if verb.tag_ != "VBG" or verb.dep_ not in ("pcomp", "xcomp") or any(
                c.dep_ in ("aux", "auxpass") for c in verb.children):
            break
        up = verb.head
        while up.pos_ not in ("VERB", "AUX") and up.dep_ != "ROOT":
            up = up.head
        if up.pos_ not in ("VERB", "AUX"):
            break
        verb = up
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


def _scheduled(span: Span) -> bool:
    """A date the text puts ahead on a calendar whatever its verb's tense: it dates a scheduled
    thing ("his next court hearing April 19", "its November 22, 2013 release date", "the
    March 1 deadline") or a scheduling verb not in the past ("elections which are planned for
    December 15, 2013", "will be announced on October 5, 2013")."""
    doc = span.doc
    after = [t.lemma_.lower() for t in doc[span.end : span.end + 2]]
    if after[:1] == ["deadline"] or (len(after) == 2 and after[0] in _AHEAD_DATE_KINDS
                                      and after[1] == "date"):
        return True  # "its November 22, 2013 release date", however it is parsed
    tok = span.root
    prep = ""
    for _ in range(4):
        head = tok.head
        if head is tok or head.i in range(span.start, span.end):
            return False
        tok = head
        if tok.pos_ == "ADP" or tok.dep_ == "prep":  # "till" may be tagged a conjunction
            prep = tok.lower_
            continue
        if tok.pos_ in ("NOUN", "PROPN"):
            mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
            mods |= {g.lower_ for c in tok.children if c.dep_ == "compound"
                     for g in c.children if g.dep_ == "amod"}  # "next court hearing"
            lemma = tok.lemma_.lower()
            if mods & _AHEAD_MODIFIERS or lemma in _AHEAD_NOUNS:
                return True
            if lemma == "date" and mods & _AHEAD_DATE_KINDS:
                return True
            if tok.dep_ == "pobj" or tok.dep_ in ("compound", "nmod", "amod"):
                continue  # "a release date of 22 November 2013": up to "date"
            return False
        if tok.pos_ in ("VERB", "AUX"):
            aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
            if tok.dep_ in ("xcomp", "conj") and tok.head is not tok:
                # "should have service restored by December 31": the modal sits above
                aux |= {c.lower_ for c in tok.head.children if c.dep_ in ("aux", "auxpass")}
            if aux & _FUTURE_AUX or (aux & _MODALS and "have" not in aux):
                return True
            if prep in ("until", "till", "by") and tok.tag_ != "VBD" and not aux & {
                    "was", "were", "had", "has", "have", "did"}:
                return True  # a bound ahead: "service restored to normal by December 31"
            if "to" in aux and tok.head is not tok and (
                    tok.head.lemma_.lower() in _SCHEDULING or tok.head.lower_ == "going"):
                tok = tok.head  # "is scheduled to hit theaters in November of 2013"
                aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
                prep = prep or "for"
            if tok.lemma_.lower() in _SCHEDULING and prep == "for":
                return True  # "set the next hearing for 4 February": a plan's date
            if aux & {"was", "were", "had", "been"} or tok.tag_ == "VBD":
                return False
            # "are planned for", "is set for", "scheduled for": not a reduced relative in the
            # past ("a record set on October 3, 2006")
            return tok.lemma_.lower() in _SCHEDULING and (
                tok.tag_ in ("VBZ", "VBP") or bool(aux & {"is", "are", "'s", "'re", "be"})
                or prep == "for")
        return False
    return False


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
            # what is kept must say what happened: a verb, not a bare phrase cut at an
            # apposition ("since 1929 when President Hoover's wife, Lou Hoover, was featured")
            says = any(t.pos_ in ("VERB", "AUX") for t in doc[first : tok.i])
            if before >= CUT_MIN_BEFORE and after >= CUT_MIN_AFTER and says:
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
