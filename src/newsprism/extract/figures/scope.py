"""Event scope: whether a figure is about the article's event or background (earlier years and
months, periods, other events, standing facts)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...language import MONTHS
from ...model import Figure
from .. import ent_at, ents_starting_in, span_ents
from ..numbers import words_before
from .categories import lemma, relative_subject
from .lexicon import (
    CURRENT_MARKERS,
    DAY_WORDS,
    EVENT_NOUNS,
    OTHER_MARKERS,
    PERIOD_NOUNS,
    PERIOD_RE,
    STATIVE_VERBS,
    TOLL_NOUNS,
    VERB_CATEGORY,
    YEAR_RE,
)

# --------------------------------------------------------------------------- event scope


def verb_at_or_above(tok: Token) -> Token | None:
    """The nearest verb (or auxiliary) at or above ``tok`` in the parse; None when none is."""
    v = tok
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    return v if v.pos_ in ("VERB", "AUX") else None


def _clause_tokens(tok: Token) -> list[Token]:
    """Tokens of the clause that governs tok (minus other embedded clauses).

    When that clause is a relative clause on a noun or date ("since 2013, when hundreds
    died", "the attack ... which left 1400 dead"), the noun it modifies and that noun's
    modifiers belong to the clause too."""
    v = tok
    while v.pos_ not in ("VERB", "AUX") and v.dep_ != "ROOT" and v.head.i != v.i:
        v = v.head
    # a non-finite clause takes its time from the verb it depends on: "sentenced in 1969
    # for having led the killing of seven people", "blew herself up, killing 10"
    while v.head.i != v.i and (v.dep_ in ("pcomp", "xcomp") or (
            v.dep_ in ("advcl", "acl") and v.tag_ in ("VBG", "VBN") and not any(
                c.dep_ in ("mark", "nsubj", "nsubjpass") for c in v.children)) or (
            # "killing 612 people and wounding around 1,400": the second participle too
            v.dep_ == "conj" and v.tag_ in ("VBG", "VBN") and v.head.tag_ == v.tag_
            and v.head.dep_ in ("advcl", "acl", "conj"))):
        h = verb_at_or_above(v.head)
        if h is None:
            break
        v = h
    keep: list[Token] = []
    path = {a.i for a in tok.ancestors} | {tok.i}

    def walk(t: Token) -> None:
        keep.append(t)
        for c in t.children:
            if c.dep_ == "advcl" and (any(m.lower_ == "when" for m in c.children
                                          if m.dep_ in ("advmod", "mark"))
                                      or (c.tag_ in ("VBG", "VBN") and not any(
                                          m.dep_ in ("mark", "nsubj") for m in c.children))):
                keep.extend(c.subtree)  # "600 were laid off when the mine closed in 2015"
                continue
            if c.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "csubj") and c.i not in path:
                continue
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i not in path and any(
                    m.dep_ in ("nsubj", "nsubjpass") for m in c.children):
                continue  # a coordinate clause with its own subject
            walk(c)

    walk(v)
    # the counted noun's own relative clause dates it: "the 96 fans who died ... in 1989"
    for c in tok.children:
        if c.dep_ == "relcl" and c.i not in path and relative_subject(c):
            keep.extend(c.subtree)
    if v.dep_ in ("relcl", "acl", "advcl") and v.head.i != v.i:
        h = v.head
        if v.dep_ == "relcl" and (h.pos_ == "PROPN" or h.ent_type_ in ("GPE", "LOC", "FAC")) \
                and h.dep_ == "pobj" and h.head.lower_ in ("in", "at", "on", "near") and (
                lemma(h.head.head) in EVENT_NOUNS or h.head.head.lower_ in EVENT_NOUNS):
            # "the 2004 bombings in Madrid, which killed 191": a parse that hangs the clause on
            # the place; it tells what the event noun above the place did
            keep.append(h)
            h = h.head.head
        keep.append(h)
        for c in h.children:
            if c.i != v.i and c.dep_ not in ("relcl", "acl"):
                keep.extend(c.subtree)
        # the preposition that holds that noun or date ("since 2013, when ...")
        if h.dep_ == "pobj":
            keep.append(h.head)
    return keep


clause_tokens = _clause_tokens  # public name for other stages (owners.py)


def _month_of(e: Span) -> int | None:
    """Month number of a date expression naming a month ("in December", "on 4 April")."""
    for t in e:
        if t.lower_ in MONTHS:
            return MONTHS[t.lower_]
    return None


def _comparison_date(e: Span) -> bool:
    """'the deadliest since 2010', 'the first time since 2013': a date that compares."""
    words = [t.lower_ for t in e]
    if "since" in words and any(t.tag_ in ("JJS", "RBS") for t in e[:words.index("since")]):
        return True  # the date holds the comparison: "its worst day since 2011"
    prep = e.root.head if e.root.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("since", "in"):
        return False
    h = prep.head
    # "its worst day since 2011", "the biggest fall in 20 years": a superlative on the noun
    return h.tag_ in ("JJS", "RBS") or h.lower_ in ("first", "time", "worst", "deadliest",
                                                    "biggest", "largest", "highest") or any(
        c.dep_ == "amod" and c.tag_ in ("JJS", "RBS") for c in h.children)


def years_in(text: str) -> list[int]:
    """The four-digit years a date's text names ("in 2009", "the 1990s" -> 1990)."""
    return [int(y) for y in YEAR_RE.findall(text) if len(y) == 4]


def _year_of(published: str | None) -> int | None:
    if not published:
        return None
    m = re.match(r"(\d{4})", published)
    return int(m.group(1)) if m else None


@dataclass(slots=True)
class _Scope:
    background: bool
    reason: str
    current: bool  # a marker of the current event was seen


def doc_reference_year(doc: Doc, published: str | None) -> int | None:
    """The publication year, or the latest year written in a full date (month + year)."""
    year = _year_of(published)
    if year is not None:
        return year
    years = []
    for e in doc.ents:
        if e.label_ == "DATE" and any(t.lower_ in MONTHS for t in e):
            years.extend(years_in(e.text))
    return max(years) if years else None


def _is_marked_other_event(doc: Doc, ev: Token, event_places: set[str],
                           ref_month: int | None = None) -> str | None:
    """'the previous attack', 'the 2010 earthquake', 'the Rwandan genocide',
    'the attack in eastern Damascus' (a place not named with the event's own toll).
    Not an event word inside a name: "the Mat-Su Central Fire Department", "Storm Arena"."""
    if ev.ent_type_ in _NAME_TYPES:
        return None
    for c in ev.children:
        if c.lower_ in CURRENT_MARKERS or (c.dep_ == "poss" and c.lower_ in DAY_WORDS):
            return None
    if ev.dep_ == "pobj" and (ev.head.lower_ in ("than", "like", "unlike") or (
            ev.head.lower_ == "since" and _compares(ev.sent))):
        # "the deadliest since the 2010 quake"; not "since the shooting, 50 arrests have been
        # made": the time since the story's event, its aftermath
        return f"compared with another {ev.text}"
    if ev.dep_ == "pobj" and ev.head.lower_ in ("after", "since") and any(
            c.ent_type_ == "DATE" and PERIOD_RE.search(c.text) for c in ev.head.children):
        # "ten years after the collapse that killed 1,134": an anniversary
        return f"an earlier {ev.text} (years before)"
    mods = list(ev.children)
    if ev.dep_ == "compound":  # "the North Philadelphia shooting scene"
        mods += [c for c in ev.head.children if c.dep_ == "compound" and c.i < ev.i]
    for c in mods:
        if c.dep_ in ("amod", "compound", "nmod", "det", "nummod") and c.lower_ in OTHER_MARKERS:
            if c.lower_ == "separate" and ev.tag_ == "NNS":
                continue  # "two men died in separate accidents": the count spans them
            return f"another event ('{c.text} {ev.text}')"
        if c.dep_ in ("compound", "nummod", "amod", "nmod", "poss") and YEAR_RE.fullmatch(c.text):
            return f"another event ('{c.text} {ev.text}')"
        if c.dep_ in ("compound", "nmod") and c.lower_ in MONTHS and not any(
                x.like_num for x in c.children) and (
                ref_month is None or MONTHS[c.lower_] != ref_month):
            return f"another {ev.text} ('{c.text} {ev.text}')"  # "the January incident"
        if c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC", "FAC") and event_places:
            ent = ent_at(doc, c.i)
            name = ent.text if ent is not None else c.text
            if not _place_known(name, event_places):
                return f"another {ev.text}, in {name} ('{name} {ev.text}')"
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "at", "near") and event_places:
            for p in c.subtree:
                if p.ent_type_ in ("GPE", "LOC", "FAC") and not _place_known(p.text, event_places):
                    ent = ent_at(doc, p.i)
                    name = ent.text if ent is not None else p.text
                    if not _place_known(name, event_places):
                        return f"another {ev.text}, {c.text} {name}"
        if c.dep_ in ("poss", "compound", "nummod", "npadvmod") and (
                c.ent_type_ == "DATE" or re.fullmatch(r"\d{1,2}/\d{1,2}", c.text)):
            ent = ent_at(doc, c.i)
            words = {t.lower_ for t in ent} if ent is not None else {c.lower_}
            if words & {"last", "previous", "earlier", "past"} or re.search(
                r"\d+/\d+", c.text
            ):
                return f"another event ('{c.text} {ev.text}')"
    if ev.ent_type_ == "EVENT":
        return f"another event ({ev.text})"
    return None


def _compares(sent: Span) -> bool:
    """A superlative or a first/worst in the sentence: "since" then compares ("the worst since")."""
    return any(t.tag_ in ("JJS", "RBS") or t.lower_ in ("first", "worst", "biggest", "largest")
               for t in sent)


_NAME_TYPES = frozenset({"ORG", "FAC", "PERSON", "WORK_OF_ART", "PRODUCT", "LAW", "NORP"})

# stative verbs whose present passive is a standing fact too ("the cables are owned by ..."; not
# "1,000 people are housed in tents", the event's displaced)
PASSIVE_STANDING = frozenset({"own", "employ", "use", "serve", "support", "attend", "visit",
                              "follow"})
_HABITUAL_RE = re.compile(r"\b(every|each|a|per)\s+(year|month|week|day|winter|summer|spring|"
                          r"autumn|season)\b|\bannually\b|\byearly\b", re.I)
_RELATIVE_AFTER = frozenset({"before", "after", "earlier", "later", "ago", "previously"})
_PAST_PERIOD_WORDS = {"past", "last", "previous", "recent", "earlier"}
_SPAN_PREPS = frozenset({"after", "for", "within", "until", "before", "in", "during", "over"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def _future(verb: Token) -> bool:
    """Is the clause of ``verb`` told in the future ("will be notified starting July 1", "will
    cut 1,500 jobs over two years")? Its dates and periods lie ahead, not before the report."""
    v = verb
    while v.dep_ == "conj" and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
        v = v.head
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "shall", "'ll")
               for c in v.children)


_RATE_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "winter",
                         "summer", "spring", "autumn", "season"})


def _period_scope(e: Span, head_prep: Token | None, verb: Token, clause_ids: set[int],
                  anchor: Token) -> str | None:
    """Background reason given by a (non-year) date expression in the figure's clause:
    habitual ("every year", "a year"), a past or cumulative period ("last year", "over the
    past decade", "this year's toll", "has killed 300 this year"). Durations ("for ten
    years") and the event's own days are not background."""
    if any(t.lower_ == "ago" for t in e):
        return None
    nxt = e.doc[e.end].lower_ if e.end < len(e.doc) else ""
    # not "a year earlier" (a point in time), "after a month of talks", "for a year" (a span)
    span = nxt == "of" or (head_prep is not None and head_prep.lower_ in _SPAN_PREPS) or any(
        t.lower_ in _RELATIVE_AFTER for t in e)
    if _HABITUAL_RE.search(e.text) and nxt not in _RELATIVE_AFTER and not span:
        return f"a recurring count ({e.text})"
    if not PERIOD_RE.search(e.text):
        return None
    words = {t.lower_ for t in e}
    host = head_prep.head if head_prep is not None else e.root.head
    attached = host.i == verb.i or (host.pos_ in ("VERB", "AUX") and host.i in clause_ids)
    toll_poss = e.root.dep_ == "poss" and lemma(e.root.head) in TOLL_NOUNS | {"death"} \
        and anchor in list(e.root.head.head.subtree)
    if toll_poss:
        return f"a cumulative toll ({e.text})"
    if words & _PAST_PERIOD_WORDS and (e[0].lower_ in ("each", "every") or (
            head_prep is not None and head_prep.lower_ == "of"
            and head_prep.head.lower_ in ("each", "every"))):
        # "has hit 30 homers in each of the past five seasons": a count per period
        each = "" if e[0].lower_ in ("each", "every") else "each of "
        return f"a recurring count ({each}{e.text})"
    if not attached:
        return None
    # a harm told over a counted span: how long the event lasted ("killed 300 people over three
    # days"); money over a span stays apart: a deal's term and a bailout's read the same
    counted_span = any(t.like_num or t.pos_ == "NUM" for t in e) and lemma(verb) in VERB_CATEGORY
    if words & _PAST_PERIOD_WORDS or (head_prep is not None and head_prep.lower_ in (
            "over", "during") and not counted_span and not (_future(verb) and anchor.dep_ in _ARGUMENTS)):
        # not "will cut 1,500 jobs over two years": the horizon of a plan, for its own count
        # (not "will receive loans over three years from 15 countries")
        return f"another period ({e.text})"
    perfect = any(c.dep_ == "aux" and lemma(c) == "have" for c in verb.children)
    if "this" in words and (perfect or len(words) <= 2 or {"so", "far"} <= words):
        # "has killed 300 this year", "900 phones were smuggled this year": a whole period
        return f"a cumulative count ({e.text})"
    return None


# what a share of a count is taken of when it is a result: "has 29.7% of the vote"
_RESULT_NOUNS = frozenset({"vote", "votes", "ballot", "ballots"})


def _held_for_the_event(np: Token, verb: Token) -> bool:
    """What someone "has" is no standing fact when a participle or relative clause says what
    it does in the event ("Australia has two planes searching the sea", "the hospital has 40
    patients injured in the blast") or it is a share of the vote ("the party has 29.7% of the
    vote (129 seats), the Greens 26.9%": the counts listed with that share too)."""
    nouns = [np]
    for a in np.ancestors:
        if a.i == verb.i:
            break
        nouns.append(a)
    nouns += [c for c in verb.children if c.dep_ == "dobj"]
    for n in nouns:
        for c in n.children:
            if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBG", "VBN") and n.i == np.i:
                return True
            if c.dep_ == "prep" and c.lower_ == "of" and any(
                    x.dep_ == "pobj" and x.lower_ in _RESULT_NOUNS for x in c.children):
                return True
    return False


def _place_known(name: str, places: set[str]) -> bool:
    n = name.lower().strip()
    if n.endswith("n") and n[:-1] in places:  # Syrian / Syria
        return True
    return any(n in p or p in n or n.rstrip("ns") == p.rstrip("ns") for p in places)


def scope_of(doc: Doc, tok: Token, ref_year: int | None, event_places: set[str],
             first: int | None = None, ref_month: int | None = None) -> _Scope:
    bw = words_before(doc, first, tok.sent.start, 1) if first is not None else []
    if bw and doc[bw[0]].pos_ == "VERB" and lemma(doc[bw[0]]) in VERB_CATEGORY \
            and tok.head.i != bw[0] and not any(a.i == bw[0] for a in tok.ancestors):
        tok = doc[bw[0]]  # the verb right before the count, when the parse lost the link
    clause = _clause_tokens(tok)
    clause_ids = {t.i for t in clause}
    clause_verb = clause[0]
    verb = clause_verb
    while clause_verb.dep_ == "conj" and clause_verb.head.pos_ in ("VERB", "AUX"):
        clause_verb = clause_verb.head  # "when 1,700 died and 20 million were displaced"
    current = False
    for t in clause:
        if t.lower_ in ("this", "latest"):
            current = True
    if any(t.lower_ in DAY_WORDS for t in tok.sent):
        current = True
    # 1. dates: a bare year (or one before the publication year), a cumulative period. Only
    # the entities holding the clause verb's head or a clause token can pass the tests below.
    near = {ent_at(doc, i) for i in (*clause_ids, clause_verb.head.i)} - {None}
    for e in sorted(near, key=lambda e: e.start):  # type: ignore[union-attr]
        if e.label_ != "DATE":
            continue
        own = clause_verb.dep_ in ("relcl", "advcl", "acl") and e.start <= clause_verb.head.i < e.end
        if own:
            # "since 2013, when hundreds of people died": the clause describes that date
            years = years_in(e.text)
            if years and (ref_year is None or max(years) < ref_year):
                return _Scope(True, f"dated {e.text}", current)
        if not any(t.i in clause_ids for t in e):
            continue
        head_prep = e.root.head if e.root.dep_ == "pobj" else None
        if _comparison_date(e):
            continue  # "the deadliest since 2010" compares, it does not scope
        years = years_in(e.text)
        if years:
            if ref_year is None or max(years) < ref_year:
                return _Scope(True, f"dated {e.text}", current)
        elif ref_month is not None and _month_of(e) is not None and \
                (ref_month - (_month_of(e) or 0)) % 12 >= 2 and not _future(verb):
            # "in December" in an article published in April: another episode
            return _Scope(True, f"dated {e.text}, months before the report", current)
        elif head_prep is not None and head_prep.lower_ == "since" and not any(
            t.lower_ in DAY_WORDS for t in e
        ):
            return _Scope(True, f"a cumulative count (since {e.text})", current)
        else:
            why = _period_scope(e, head_prep, verb, clause_ids, tok)
            if why:
                return _Scope(True, why, current)
    # habitual without a date entity: "receives 7 million visitors a year"
    for t in clause:
        if t.lower_ in _RATE_UNITS and (t.head.lower_ == "per" or (t.dep_ != "pobj" and any(
                c.lower_ in ("a", "an", "every", "each", "per") for c in t.children))) \
                and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in _RELATIVE_AFTER):
            return _Scope(True, f"a rate or recurring count ({doc[t.i - 1].text} {t.text})", current)
    # "since the start of the war"
    for t in clause:
        if t.lower_ == "since" and t.dep_ == "prep" and any(
            lemma(p) in PERIOD_NOUNS or lemma(p) in ("start", "beginning") for p in t.subtree
        ):
            return _Scope(True, "a cumulative count (since ...)", current)
    # 2. a period as the agent: "a war that has killed ...", "the conflict has displaced ..."
    v = tok
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "agent")), None)
    if subj is not None and subj.dep_ == "agent":
        subj = next((c for c in subj.children if c.dep_ == "pobj"), None)
    if subj is not None and subj.lower_ in ("that", "which") and v.dep_ == "relcl":
        subj = v.head
    if subj is not None and lemma(subj) in PERIOD_NOUNS:
        return _Scope(True, f"over the whole {subj.text}", current)
    if subj is not None and lemma(subj) in ("year", "month", "decade", "week") and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in subj.children):
        return _Scope(True, f"over a period ('{subj.text} of ...')", current)  # years of war
    # "since the war began": a count since the start of a period
    for c in v.children:
        if c.dep_ == "advcl" and any(m.lower_ == "since" for m in c.children
                                     if m.dep_ in ("mark", "advmod")) and any(
                s.dep_ in ("nsubj", "nsubjpass") and lemma(s) in PERIOD_NOUNS
                for s in c.children):
            return _Scope(True, "a cumulative count (since the start of the period)", current)
    # an event subject dated in its own description: "The Camp Fire, which destroyed the
    # town in 2018, killed 85 people"
    if subj is not None and (lemma(subj) in EVENT_NOUNS | {"fighting", "violence", "unrest"}
                             or subj.ent_type_ == "EVENT"):
        for e in ents_starting_in(doc, subj.left_edge.i, subj.right_edge.i + 1):
            if e.label_ == "DATE" and subj.left_edge.i <= e.start and e.end <= subj.right_edge.i + 1 \
                    and not _comparison_date(e):
                years = years_in(e.text)
                if (years and (ref_year is None or max(years) < ref_year)) or any(
                        t.lower_ in ("last", "previous") for t in e) or _AGO_RE.search(e.text):
                    return _Scope(True, f"another {subj.text}, dated {e.text}", current)
    # a worldwide or nationwide aggregate is not the event's own count
    for t in clause:
        if t.lower_ in ("worldwide", "globally") or (
                t.lower_ in ("world", "globe") and t.head.lower_ in ("around", "across")):
            return _Scope(True, "a worldwide count", current)
    # 3. a standing fact: "home to 8 million people", "2 million people live downstream"
    t = tok
    while t.dep_ in ("nummod", "quantmod", "compound", "amod") and t.head.i != t.i:
        t = t.head
    before2 = [doc[j].lower_ for j in words_before(doc, first, tok.sent.start, 2)] \
        if first is not None else []
    if (t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "home") or \
            before2 == ["home", "to"]:
        return _Scope(True, "a standing fact, not an occurrence ('home to')", current)
    if lemma(v) in STATIVE_VERBS and (v.tag_ in ("VBZ", "VBP") or (
            lemma(v) in PASSIVE_STANDING and v.tag_ == "VBN" and any(
                c.dep_ == "auxpass" and c.lower_ in ("is", "are") for c in v.children))) \
            and not _held_for_the_event(t, v):
        # "home to 8 million", "the cables are owned by several dozen countries"
        return _Scope(True, f"a standing fact, not an occurrence ('{v.text}')", current)
    # 4. another event named in the clause
    for t in clause:
        if lemma(t) in EVENT_NOUNS or t.lower_ in EVENT_NOUNS:
            why = _is_marked_other_event(doc, t, event_places, ref_month)
            if why:
                return _Scope(True, why, current)
            if any(c.lower_ in CURRENT_MARKERS or c.dep_ == "poss" for c in t.children):
                current = True
            elif any(c.lower_ in ("the",) for c in t.children):
                current = True
    return _Scope(False, "", current)


# --------------------------------------------------------------------------- main


def sentence_frame(doc: Doc, sent: Span, ref_year: int | None,
                   ref_month: int | None = None) -> bool:
    """Does this sentence open a background frame (a past year, a month two or more before
    the report's, another named event)?"""
    for e in ents_starting_in(doc, sent.start, sent.end):
        if e.label_ == "DATE" and sent.start <= e.start < sent.end:
            years = years_in(e.text)
            if years and (ref_year is None or max(years) < ref_year):
                return True
            month = _month_of(e)
            if ref_month is not None and month is not None and (ref_month - month) % 12 >= 2 \
                    and (not years or ref_year is None or max(years) <= ref_year):
                return True
    return any(t.ent_type_ == "EVENT" for t in sent)


def pronoun_subject(tok: Token) -> bool:
    """Is the subject of the figure's clause a pronoun for a thing ("It killed 612 people"):
    the clause goes on about what the previous sentence told."""
    v = tok
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    while v.dep_ in ("conj", "advcl") and v.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "mark") for c in v.children) and (
            v.dep_ == "conj" or v.tag_ == "VBG"):
        # "It killed 612 people and injured more than 1,400, leaving thousands homeless"
        v = v.head
    if v.dep_ == "relcl":
        return False  # "the gang that killed 12": "that" is the relative pronoun of "gang"
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("it", "this", "that")
               for c in v.children)


_AGO_RE = re.compile(r"\b(years?|decades?|centuries|century)\s+ago\b", re.I)


def clause_frame(doc: Doc, sent: Span, tok: Token, ref_year: int | None) -> bool:
    """A coordinate clause of the same sentence dates it in the past: "Twenty years ago, the
    invasion began; hundreds of thousands died in the violence that followed."."""
    v = tok
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    for e in ents_starting_in(doc, sent.start, sent.end):
        if e.label_ != "DATE" or not (sent.start <= e.start < sent.end):
            continue
        host = e.root.head.head if e.root.dep_ == "pobj" else e.root.head
        if host.i == v.i or host.pos_ not in ("VERB", "AUX"):
            continue
        if host.dep_ not in ("ROOT", "conj", "parataxis", "ccomp") or v.dep_ not in (
                "ROOT", "conj", "parataxis", "relcl"):
            continue
        years = years_in(e.text)
        if _AGO_RE.search(e.text) or (years and (ref_year is None or max(years) < ref_year)):
            return True
    return False


def first_token(doc: Doc, char: int, upto: int) -> int:
    """Index of the token that starts at character ``char`` (searching back from upto)."""
    j = upto
    while j > 0 and doc[j].idx > char:
        j -= 1
    return j


def past_simple(tok: Token) -> bool:
    v = tok
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    return v.tag_ == "VBD" and not any(c.dep_ == "aux" and c.lemma_ == "have"
                                       for c in v.children)


def event_places_of(doc: Doc, sents: list[Span],
                    raw: list[tuple[Figure, Token, bool, int, int]], ref_year: int | None
                    ) -> set[str]:
    places: set[str] = set()
    chosen: list[int] = []
    for fig, anchor, _sub, si, first in raw:
        if fig.category in ("killed", "injured", "displaced", "missing", "arrested"):
            sc = scope_of(doc, anchor, ref_year, set(), first)
            if not sc.background:
                chosen.append(si)
                break
    if not chosen:
        chosen = [0]
    for si in chosen:
        for k in (si - 1, si):
            if 0 <= k < len(sents):
                for e in span_ents(doc, sents[k].start, sents[k].end):
                    if e.label_ in ("GPE", "LOC", "FAC"):
                        places.add(e.text.lower())
    return places
