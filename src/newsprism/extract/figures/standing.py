"""Scope rules for amounts and tallies that are not occurrences of an event (issue 13):

* a standing property told in the present ("the cable connects 12 countries", "systems
  carrying 75 percent of traffic", "he is serving three life sentences");
* a season, career or multi-game total ("13 home runs in 54 games", "26 touchdowns this
  season", "a career record of 58 wins"), or a figure inside a win-loss record
  ("Klitschko, 58-3 with 51 knockouts").

``aggregate_scope(doc, tok, kind)`` gives the reason, or "" when none applies. ``tok`` is the
figure's anchor (its counted noun or number); ``kind`` the figure's kind (people | thing |
money | percent | length): the standing-fact rule for participles only applies to amounts and
things ("a bus carrying 40 passengers" counts the event's own people)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .categories import lemma
from .lexicon import STATIVE_VERBS, VERB_CATEGORY

# verbs of a standing property: what a network links, a system carries, a body holds
PROPERTY_VERBS = STATIVE_VERBS | {"connect", "link", "carry", "access", "operate", "contain",
                                  "cover", "span", "comprise", "boast", "count", "represent",
                                  "account", "control", "handle"}
# nouns of a period over which a tally runs
TALLY_PERIODS = {"season", "career", "postseason", "preseason", "lifetime"}
# units of play a multi-game tally is counted over: "in 54 games", "over two seasons"
PLAY_UNITS = {"game", "match", "start", "appearance", "season", "outing", "fight", "bout",
              "race", "tournament", "inning"}
# event nouns a score or record may qualify: "in the Colts' 31-24 victory" is this game
_RESULT_NOUNS = {"victory", "win", "loss", "defeat", "triumph", "rout", "lead", "score",
                 "decision", "verdict", "vote", "margin", "final"}
_RECORD_RE = re.compile(r"(?<![\d.,$])\d{1,3}-\d{1,3}(?:-\d{1,3})?(?![\d%])")


def _verb_of(tok: Token) -> Token:
    v = tok
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    return v


def _present(v: Token) -> bool:
    """Present simple or present progressive ("connects", "is serving"), not perfect or
    passive (a present passive reports: "damage is estimated at ...")."""
    if any(c.dep_ in ("auxpass",) for c in v.children):
        return False
    if v.tag_ in ("VBZ", "VBP"):
        return not any(c.dep_ == "aux" and lemma(c) == "have" for c in v.children)
    return v.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP")
                                   for c in v.children)


def standing_scope(tok: Token, kind: str) -> str:
    v = _verb_of(tok)
    if v.pos_ not in ("VERB", "AUX") or lemma(v) not in PROPERTY_VERBS or lemma(v) in VERB_CATEGORY:
        return ""
    if _present(v) and lemma(v) != "have":
        return f"a standing fact, not an occurrence ('{v.text}')"
    if kind != "people" and v.dep_ == "acl" and v.tag_ == "VBG":
        return f"a standing property ('{v.head.text} {v.text} ...'), not an occurrence"
    return ""


def _own_clause(tok: Token) -> list[Token]:
    """The tokens of the figure's own clause: its verb's subtree without the embedded clauses
    that do not hold the figure ("three touchdowns as the Colts won their eighth game of the
    season": the season is not the touchdowns')."""
    v = _verb_of(tok)
    if v.pos_ not in ("VERB", "AUX"):
        return list(tok.sent)
    path = {a.i for a in tok.ancestors} | {tok.i}
    out: list[Token] = []

    def walk(t: Token) -> None:
        out.append(t)
        for c in t.children:
            if c.i not in path and (c.dep_ in ("advcl", "relcl", "ccomp", "parataxis", "csubj")
                                    or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))):
                continue
            walk(c)

    walk(v)
    return out


def _best_of(t: Token) -> bool:
    """"a career-high 14 points", "a season-best time": this event's figure, the best of the
    period (not the period's total)."""
    doc = t.doc
    return t.i + 2 < len(doc) and doc[t.i + 1].text in ("-", "–") and \
        doc[t.i + 2].lower_ in ("high", "best", "low", "worst", "record")


# what is done to a record that this event surpassed: the record's figure is the old one
_SURPASS_VERBS = {"break", "pass", "surpass", "eclipse", "beat", "overtake", "top", "exceed",
                  "shatter", "smash", "erase", "better", "tie", "equal", "match"}
_RECORD_NOUNS = {"record", "mark", "best", "high"}


def surpassed_record(tok: Token) -> str:
    """"broke Buford's school record of 2,116 points", "the previous mark of 9.58 seconds was
    beaten": the figure of a record this event surpassed or equalled is the old record's."""
    t = tok
    while t.dep_ in ("nummod", "quantmod", "compound", "amod") and t.head.i != t.i:
        t = t.head
    if not (t.dep_ == "pobj" and t.head.lower_ == "of"):
        return ""
    rec = t.head.head
    if lemma(rec) not in _RECORD_NOUNS or rec.pos_ != "NOUN":
        return ""
    verb = rec.head if rec.dep_ in ("dobj", "nsubjpass", "pobj") else None
    if verb is None or lemma(verb) not in _SURPASS_VERBS:
        return ""  # "set a record of 31 points": this event's own figure
    done = "matched" if lemma(verb) in ("tie", "equal", "match") else "surpassed"
    return f"the record this event {done} ('{verb.text} ... {rec.text} of ...')"


def aggregate_scope(doc: Doc, tok: Token, kind: str) -> str:
    """Why a figure is a standing property or a season/career/multi-game total ("" if not)."""
    why = standing_scope(tok, kind) or surpassed_record(tok)
    if why:
        return why
    for t in _own_clause(tok):
        low = lemma(t)
        if low in TALLY_PERIODS and t.pos_ == "NOUN" and not _best_of(t):
            return f"a {t.lower_} total, not this event's"
        if low in PLAY_UNITS and t.pos_ == "NOUN" and t.tag_ == "NNS" and t.dep_ == "pobj" \
                and t.head.lower_ in ("in", "over", "across", "through"):
            num = [c for c in t.children if c.dep_ in ("nummod", "amod") and (
                c.like_num or c.lower_ in ("combined", "several", "many"))]
            if num:
                return f"a total over several {t.text} ('{t.head.text} ... {t.text}')"
    # a win-loss record next to the figure: "Klitschko, 58-3 with 51 knockouts", "(36-3, 24 KO)"
    lo, hi = max(tok.sent.start, tok.i - 6), min(tok.sent.end, tok.i + 3)
    window = doc[lo:hi]
    for m in _RECORD_RE.finditer(window.text):
        a, b = (int(x) for x in m.group(0).split("-")[:2])
        if b > a:
            continue  # "35-40 people": a range
        after = window.text[m.end():].split()
        if after and after[0].lower().strip(",.") in _RESULT_NOUNS:
            continue  # "the Colts' 31-24 victory" is this game
        return f"a win-loss record ('{m.group(0)}'), not this event's"
    return ""
