"""Clause-level evidence on whose count a figure is (issue 13): read against the story's event
frame by ``eventscope.judge_figures``.

- ``prior_clause``: a main clause in the past perfect ("about 200 communists had stormed the
  Acropolis") tells what happened before the story's event (not when a reporting verb
  backshifts it, "officials said five villages had been hit", nor for an update, "had risen
  to", nor within the event's sequence, "within an hour police had stormed the hall", nor for
  the harm the event did, "89 people had been shot dead");
- ``dated_before``: the figure's clause carries a date the story's calendar puts before the
  event day ("on 4 November", "in January");
- ``other_occurrence``: the clause tells a new occurrence of an event of its own, introduced by
  an indefinite agent in a place the story does not report ("a gunman killed five people at a
  mall in Salt Lake City", "killed by a quake in eastern China");
- ``told_before``: in a story whose event is going on or to come (talks, a vote), a clause in
  the past tells what came before it ("he was paid $3 million for the first film").
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from ...model import DateMention
from .. import ent_at
from .categories import lemma
from .lexicon import EVENT_NOUNS, REPORT_VERBS, VERB_CATEGORY
from .scope import _clause_tokens, _future, _place_known, verb_at_or_above

# verbs that tell a count growing: "had risen to 86" is an update of the event's own toll
UPDATE_VERBS = frozenset({"rise", "climb", "reach", "increase", "grow", "jump", "soar", "swell",
                          "mount", "hit", "double", "top", "surpass", "exceed"})
_PAST_PERFECT = ("had", "'d")
_INDEFINITE = frozenset({"a", "an", "another"})



_NON_FINITE_AUX = frozenset({"to", "being", "been", "having", "be"})


def _finite(v: Token) -> Token:
    """The finite verb a non-finite one depends on: "ended up taking $3 million" -> "ended",
    "was paid $3 million for directing the film plus 5 percent" -> "paid"."""
    while v.head.i != v.i and v.tag_ in ("VBG", "VBN", "VB") and not any(
            (c.dep_ in ("aux", "auxpass") and c.lower_ not in _NON_FINITE_AUX)
            or c.dep_ in ("nsubj", "nsubjpass") for c in v.children) and v.dep_ in (
            "xcomp", "pcomp", "advcl", "acl", "conj", "prep", "pobj"):
        h = verb_at_or_above(v.head)
        if h is None:
            break
        v = h
    return v


def _reported(v: Token) -> bool:
    """Is the clause of v the complement of a reporting verb ("said ... had been hit")?"""
    h = v
    while h.dep_ == "conj" and h.head.i != h.i:
        h = h.head
    return h.dep_ in ("ccomp", "xcomp", "parataxis") and (
        lemma(h.head) in REPORT_VERBS or h.head.lemma_.lower() in REPORT_VERBS)


# the harm an event does: a count of these in the past perfect is the event's own narrative
# ("89 people had been shot dead"), told back from the report's time, not an earlier happening
HARM_CATEGORIES = frozenset({"killed", "injured", "missing"})
# a time phrase that places the clause within the event's own sequence: "within an hour, police
# had stormed the hall", "by Monday the quake had killed 10", "until dawn"
_SEQUENCE_PREPS = frozenset({"by", "until", "within"})


def prior_clause(tok: Token, category: str = "other") -> str:
    """Background reason when the figure's clause is a main clause in the past perfect (not for
    a count of the harm the event did, ``category`` in ``HARM_CATEGORIES``: news tells its own
    victims in the past perfect as often as in the past)."""
    if category in HARM_CATEGORIES:
        return ""
    v = verb_at_or_above(tok)
    if v is None:
        return ""
    aux = next((c for c in v.children if c.dep_ == "aux" and c.lower_ in _PAST_PERFECT), None)
    if aux is None and v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        # "had stormed the Acropolis and unfurled ...": the auxiliary of the first verb
        aux = next((c for c in v.head.children if c.dep_ == "aux" and c.lower_ in _PAST_PERFECT),
                   None)
        v = v.head if aux is not None else v
    if aux is None or lemma(v) in UPDATE_VERBS or _reported(v):
        return ""
    if v.dep_ in ("advcl", "relcl", "acl", "pcomp", "ccomp", "xcomp"):
        return ""  # "after he had fired", "the bank, which had been set alight": a sequence
    heads = [v, v.head] if v.dep_ == "conj" else [v]  # "By the end X had been hit, and 46 had been arrested"
    if any(c.dep_ == "prep" and c.lower_ in _SEQUENCE_PREPS for h in heads for c in h.children):
        return ""  # "by Monday the quake had killed 10": the event's own count so far
    return f"told in the past perfect ('{aux.text} {v.text}'): before this event"


def dated_on(dates: list[DateMention], sentence: int, tok: Token, base: int,
             day: dt.date) -> bool:
    """Does the figure's clause carry a date the story's calendar puts within a day of
    ``day`` (the event day): "Brask shares jumped 22 percent on Monday"?"""
    clause = {t.i for t in _clause_tokens(tok)}
    for d in dates:
        if d.sentence != sentence or not d.value or len(d.value) < 10:
            continue
        start = d.start - base
        if any(t.i in clause for t in tok.doc if start <= t.idx < d.end - base):
            if abs((dt.date.fromisoformat(d.value[:10]) - day).days) <= 1:
                return True
    return False


def dated_before(dates: list[DateMention], sentence: int, tok: Token, base: int,
                 event_day: dt.date) -> str:
    """A date of the figure's clause that the story's calendar puts more than a day before the
    event day (or in an earlier month). ``base``: the sentence's offset in the article text
    (``tok``'s document is the sentence parsed alone). A clause told in the future ("will go
    on sale in 12 states in June") lies ahead: a date of it put before the event is misread."""
    v = verb_at_or_above(tok)
    if v is not None and _future(v):
        return ""
    clause = {t.i for t in _clause_tokens(tok)}
    doc = tok.doc
    for d in dates:
        if d.sentence != sentence or not d.value:
            continue
        start = d.start - base
        toks = [t for t in doc if start <= t.idx < d.end - base]
        if not toks or not any(t.i in clause for t in toks):
            continue
        if len(d.value) >= 10:
            day = dt.date.fromisoformat(d.value[:10])
            if day < event_day - dt.timedelta(days=1):
                return f"dated {d.text} ({d.value}), before this event ({event_day.isoformat()})"
        elif len(d.value) == 7:
            year, month = int(d.value[:4]), int(d.value[5:7])
            if (year, month) < (event_day.year, event_day.month):
                return f"dated {d.text} ({d.value}), before this event ({event_day.isoformat()})"
    return ""


def _subject(v: Token) -> Token | None:
    h = v
    while True:
        subj = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        agent = next((c for c in h.children if c.dep_ == "agent"), None)
        if agent is not None:
            by = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if by is not None:
                return by
        if subj is not None:
            return subj
        if h.dep_ == "conj" and h.head.pos_ in ("VERB", "AUX"):
            h = h.head  # "a gunman shot and wounded three people": the first verb's subject
            continue
        return None


def other_occurrence(tok: Token, places: set[str], triggers: set[str]) -> str:
    """Another occurrence of an event: the clause places it "at another school", "in a
    separate building"; or an indefinite agent ("a gunman", "a quake") does an event verb in a
    place none of the story's sources report the event in. ``tok`` is the figure's token (or
    any word of the clause)."""
    v = verb_at_or_above(tok)
    if v is None:
        return ""
    # "three men were killed at another school": the clause places its count elsewhere
    own = {t.i for t in tok.subtree} | {tok.i}
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in ("at", "in", "on", "near", "inside"):
            obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if obj is not None and obj.i not in own and any(
                    (d.lower_ == "another" or (d.lower_ in ("separate", "different")
                                               and obj.tag_ != "NNS"))
                    and d.dep_ in ("det", "amod") for d in obj.children):
                # not "two men died in separate accidents": the count spans them
                return f"another place ('{c.text} {' '.join(x.text for x in obj.subtree)}')"
    if not places:
        return ""
    subj = _subject(v)
    if subj is None or not any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in subj.children):
        return ""
    eventive = lemma(v) in VERB_CATEGORY or lemma(v) in triggers or lemma(subj) in EVENT_NOUNS \
        or lemma(subj) in triggers
    if not eventive:
        return ""
    scope = [*v.subtree] if v.head.i == v.i or v.dep_ != "conj" else [*v.head.subtree]
    unknown = None
    for t in scope:
        if t.ent_type_ in ("GPE", "LOC", "FAC"):
            ent = ent_at(t.doc, t.i)
            name = ent.text if ent is not None else t.text
            if _place_known(name, places):
                return ""  # the story's own place
            unknown = unknown or name
    if unknown is None:
        return ""
    return f"another occurrence ({subj.text} ... {v.text}), in {unknown}"


def told_before(tok: Token, triggers: frozenset[str] | set[str] = frozenset()) -> str:
    """In a story about something going on or to come, a clause in the past tense (simple,
    passive or perfect of the past) tells what came before it; not when its verb is the
    story's own event word ("Halvorsen agreed to buy Brask for $2.4 billion" in a story of the
    deal, "depositors who lost at least 3m euros" in a story of those losses)."""
    v = verb_at_or_above(tok)
    if v is None:
        return ""
    low: Token | None = v
    v = _finite(v)
    own: list[Token] = []  # the finite verb and the verbs its xcomp chain leads down to
    while low is not None:
        if low.pos_ in ("VERB", "AUX"):
            own.append(low)
        if low.i == v.i or low.head.i == low.i:
            break
        if low.dep_ != "xcomp":
            own = []  # not "paid $3 million for directing the film": the pay is no directing
        low = low.head
    if any(lemma(x) in triggers for x in own):
        return ""
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in ("will", "shall", "'ll", "would", "could", "might", "may") for c in auxes):
        return ""
    past = v.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes)
    if not past:
        return ""
    return f"told in the past ('{v.text}'), before the event the story reports as going on"


_INTENT_VERBS = frozenset({"aim", "plan", "seek", "hope", "want", "intend", "propose", "try",
                           "expect", "wish"})
# verbs whose object is a plan or forecast: "plans which foresee 30 billion euros in savings"
_FORECAST_VERBS = frozenset({"foresee", "envisage", "envision", "forecast", "project",
                             "predict"})
# nouns a percentage or share is the likelihood of: "a 70% chance of another storm"
_LIKELIHOOD = frozenset({"chance", "possibility", "probability", "likelihood", "risk", "odds"})
_PERCENT = frozenset({"%", "percent", "cent", "pc"})
_MODALS = frozenset({"can", "could", "would", "may", "might", "should", "must", "'d"})


def _conditional(v: Token) -> bool:
    """Is v's clause a condition ("if ...", "unless ..."; not "even if", "as if")?"""
    for m in v.children:
        if m.dep_ == "mark" and m.lower_ in ("if", "unless"):
            prev = m.nbor(-1) if m.i > 0 else None
            return prev is None or prev.lower_ not in ("even", "as", "only")
    return False


def hypothetical(tok: Token) -> str:
    """An amount that is supposed, planned or possible, not one that happened: the clause is
    the condition of "if"/"unless" ("if arson were suspected to have caused $1 million"), it
    has a modal ("so that Greece can get a $144 billion bailout"; not "might have been
    destroyed", a guess about what happened), or it is what someone aims or plans to do
    ("measures which aim to save $40 billion"), or it is a probability ("a 70% chance of
    another storm")."""
    np = _np(tok)
    if lemma(np) in _LIKELIHOOD and any(t.lower_ in _PERCENT for t in np.subtree if t.i < np.i):
        # "a 70% chance of rain"; not "had two chances to score" (occasions that happened)
        words = " ".join(t.text for t in np.subtree if t.i <= np.i and t.dep_ != "det")
        return f"a probability ('{words}'), not a count of what happened"
    v = verb_at_or_above(tok)
    if v is None:
        return ""
    for h in (v, *v.ancestors):
        if h.pos_ not in ("VERB", "AUX"):
            continue
        # the condition itself, or the clause it conditions ("if the cuts fail, it loses ...")
        if _conditional(h) or any(c.dep_ == "advcl" and _conditional(c) for c in h.children):
            return "a supposed amount ('if ...'), not one that happened"
    if v.tag_ in ("VBZ", "VBP") and any(c.dep_ == "mark" and c.lower_ in ("before", "until")
                                        for c in v.children):
        return f"not yet happened ('before ... {v.text}')"  # "before Greece gets a loan"
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    modal = next((c for c in auxes if c.lower_ in _MODALS), None)
    if modal is not None and not any(c.lower_ in ("have", "'ve") for c in auxes):
        return f"a possible or planned amount ('{modal.text} {v.text}'), not one that happened"
    if lemma(v) in _FORECAST_VERBS:
        return f"a planned or forecast amount ('{v.text}'), not one that happened"
    h = v
    while h.dep_ in ("xcomp", "conj") and h.head.i != h.i:
        h = h.head
        if lemma(h) in _INTENT_VERBS:
            return f"a planned amount ('{h.text} to {v.text}'), not one that happened"
    return ""


# what a market move is said of: "Greek stocks plunged 5.4 per cent", "the euro fell 2%"
MARKET_NOUNS = frozenset({"stock", "share", "index", "market", "price", "bond", "yield", "rate",
                          "currency", "euro", "dollar", "pound", "yen", "oil", "gold", "future",
                          "borrowing", "inflation", "unemployment", "joblessness", "output",
                          "gdp"})


def _np(tok: Token) -> Token:
    np = tok
    while np.dep_ in ("nummod", "quantmod", "compound", "nmod") and np.head.i != np.i:
        np = np.head
    return np


def ranking(tok: Token) -> str:
    """A count with a superlative that something is said to be one of is a rank, not an
    occurrence: "one of the two largest unions", "among the three biggest banks"; not a
    ranking set the event itself defines ("one of the 12 worst-hit villages in the quake")."""
    np = _np(tok)
    if not (np.dep_ == "pobj" and np.head.lower_ in ("of", "among")):
        return ""
    sup = next((c for c in np.children if c.dep_ == "amod" and c.tag_ in ("JJS", "RBS")), None)
    one = np.head.head if np.head.lower_ == "of" else None
    within_event = any(c.dep_ in ("relcl", "acl") or (c.dep_ == "prep" and any(
        lemma(x) in EVENT_NOUNS for x in c.subtree)) for c in np.children)
    if sup is not None and (one is None or one.lower_ in ("one", "two", "three")) \
            and not within_event:
        # not "one of the 12 worst-hit villages in the quake": ranked within the event itself
        return f"a ranking ('{sup.text} {np.text}'), not a count of this event"
    return ""  # "landed the two best shots of the round" is the event's own count


def standing_amount(tok: Token, triggers: set[str], percent: bool) -> str:
    """A percentage or amount that is not a count of the event: a market move ("stocks plunged 5.4 per cent") in a story whose event is
    not one, a rate in the present simple ("Germans borrow money at 3 percent"), a total
    spread over a period ("110 billion euros in loans over three years"). ``percent``: the
    figure is a percentage (only a rate is read as standing from the present simple)."""
    np = _np(tok)
    for t in np.subtree:
        if t.dep_ == "prep" and t.lower_ == "over" and any(
                p.lower_ in ("years", "months", "decades") for p in t.subtree):
            return f"a total over a period ('{' '.join(x.text for x in t.subtree)}')"
    # "a 22 percent unemployment rate", "a 12 percent drop in output": what the amount measures
    measured = [*_noun_group(np), *(x for t in _noun_group(np) for c in t.children
                                    if c.dep_ == "prep" and c.lower_ in ("in", "of")
                                    for x in c.children if x.dep_ == "pobj")]
    hit = next((t for t in measured if t.i != np.i and lemma(t) in MARKET_NOUNS
                and lemma(t) not in triggers), None)
    if hit is not None and percent:
        return f"a market or economic measure ('{hit.text}'), not a count of this event"
    v = verb_at_or_above(tok)
    if v is None:
        return ""
    subj = _subject(v)
    if subj is None and v.dep_ == "acl" and v.tag_ == "VBG":
        subj = v.head  # "with 10-year bonds reaching 7.1%"
    if subj is not None and lemma(subj) in MARKET_NOUNS and not (
            {lemma(subj), lemma(v)} & triggers):
        return f"a market move ('{subj.text} {v.text}'), not a count of this event"
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    if percent and v.tag_ in ("VBZ", "VBP") and not auxes and lemma(v) not in ("be", "have") \
            and lemma(v) not in REPORT_VERBS:
        return f"a standing rate or habit ('{v.text}', present simple), not this event's count"
    if percent and v.tag_ == "VBN" and [c.lower_ for c in auxes] in (["is"], ["are"]) \
            and lemma(v) not in VERB_CATEGORY:
        # "90 percent of the traffic is carried on these cables": how things stand
        return f"a standing share ('{auxes[0].text} {v.text}', present simple), not this " \
            "event's count"
    return ""


# what a changed amount was before the change: "to 3 million euros from the previous 10
# million", "from 10m euros to 3m", "the former limit of 500 seats"
# (not "former": "his three former co-workers" are people, not an old value)
_BEFORE_MARKERS = frozenset({"previous", "old", "prior"})
_NEED_VERBS = frozenset({"need", "require"})


def old_or_needed(tok: Token) -> str:
    """An amount that a change replaces ("cut the threshold to 3 million euros from the
    previous 10 million", "from 10m euros to 3m", "down from $379") or that is only needed ("with a majority of
    151 votes needed", "the party needs 76 seats"): no count of what happened."""
    np = _np(tok)
    mark = next((c for c in np.children if c.dep_ == "amod" and c.lower_ in _BEFORE_MARKERS), None)
    words = tok.doc[min(t.i for t in np.subtree):np.i + 1].text
    if mark is not None:
        return f"the value before a change ('{words}'), not this event's count"
    if np.dep_ == "pobj" and np.head.lower_ == "from":
        frm = np.head
        # "from 10m euros to 3m", "to 3 million from 10 million": the "to" of the same change
        sibs = [c for t in (frm.head, frm, np, *np.children) for c in t.children
                if c.dep_ == "prep" and c.lower_ == "to"]
        gov = verb_at_or_above(frm)
        if sibs and (gov is None or lemma(gov) not in UPDATE_VERBS):
            return f"the value before a change ('from {words}'), not this event's count"
        if frm.head.lower_ in ("up", "down") and frm.head.dep_ in ("advmod", "prep", "advcl"):
            # "costs $299, down from $379", "a profit of $412 million, up from $349 million"
            return f"the value before a change ('{frm.head.text} from {words}'), not this " \
                "event's count"
    for c in np.subtree:
        if c.dep_ == "acl" and lemma(c) in _NEED_VERBS and c.tag_ == "VBN":
            return f"an amount needed ('{words} {c.text}'), not a count of what happened"
    v = verb_at_or_above(tok)
    if v is not None and lemma(v) in _NEED_VERBS and np.dep_ == "dobj" and np.head.i == v.i:
        return f"an amount needed ('{v.text}'), not a count of what happened"
    return ""


def _noun_group(np: Token) -> list[Token]:
    """The noun a count or amount is of, with its compounds and modifiers, and the noun an
    amount itself modifies: "two rescue packages", "a $141 billion loan package", "the
    $164bn bailout", "a 110-billion ($143-billion) debt bailout"."""
    def with_modifiers(t: Token) -> list[Token]:
        return [t, *(c for c in t.children if c.dep_ in ("compound", "amod", "nmod"))]

    group = with_modifiers(np)
    # "a euro110 billion ($141 billion) loan package": the noun in apposition to the amount
    for c in np.children:
        if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN"):
            group += with_modifiers(c)
    h = np
    while h.dep_ in ("compound", "nmod", "amod", "appos", "npadvmod", "dep", "nummod",
                     "quantmod") and h.head.i != h.i and h.head.pos_ in ("NOUN", "PROPN", "NUM"):
        h = h.head
        group += with_modifiers(h)
    return group


def membership(tok: Token, triggers: set[str], people: bool = False) -> str:
    """"one of the seven emirates", "one of four teams pursuing him": the count is the size of
    a set something belongs to, not a count of the event; not when the set is the event's own
    ("one of the 12 villages hit by the quake", ``ranking`` keeps those too), nor for people (a
    party of the event: "one of four men who were climbing")."""
    np = _np(tok)
    if people or not (np.dep_ == "pobj" and np.head.lower_ == "of"
                      and np.head.head.lower_ == "one"):
        return ""
    if any(c.dep_ == "amod" and c.tag_ in ("JJS", "RBS") for c in np.children):
        return ""  # a ranking: ``ranking`` decides
    one = np.head.head
    if one.dep_ in ("pobj", "dobj", "dative", "oprd"):
        # "the jet flew along one of two arcs", "took one of three routes": where the event
        # went among its possibilities, no set something is said to belong to ("X, one of the
        # seven emirates", "X is one of four teams", "one of six reactors is still hot")
        return ""
    rest = [t for t in np.subtree if t.i > np.i]
    if any(lemma(t) in EVENT_NOUNS or lemma(t) in triggers or lemma(t) in VERB_CATEGORY
           for t in rest):
        return ""
    return f"a set something belongs to ('one of {' '.join(t.text for t in np.subtree)}'), " \
        "not a count of this event"


# a person's record in the courts: convictions and sentences told in a story whose own event is
# no trial or sentencing ("was serving a life sentence for two counts of assault")
_RECORD_VERBS = frozenset({"convict", "sentence", "serve", "jail", "imprison"})
_SENTENCE_NOUNS = frozenset({"sentence", "term", "conviction"})
# event words of a story that is itself about a conviction or a sentencing
_COURT_EVENTS = frozenset({"convict", "conviction", "sentence", "jail", "imprison", "trial",
                           "verdict", "plead", "guilty", "acquit"})


def court_record(tok: Token, triggers: set[str]) -> str:
    """A count within a conviction or a sentence someone received or was serving ("was
    sentenced to life for two counts of assault", "received two additional life sentences",
    "was serving a life sentence for crimes he committed in three counties"), in a story whose
    event is not a conviction or sentencing (an escape, a shooting): the person's record."""
    if triggers & _COURT_EVENTS:
        return ""  # not "serve": serving a sentence is a state, the escape of a man serving it
    chain = [tok, *tok.ancestors]
    for t in chain:
        low = lemma(t)
        if t.pos_ in ("VERB", "AUX") and (low in _RECORD_VERBS and (
                low != "serve" or any(lemma(c) in _SENTENCE_NOUNS for c in t.children))):
            return f"a conviction or sentence ('{t.text}'), the person's record, not this event"
    low = lemma(_np(tok))
    if low in _SENTENCE_NOUNS and (v := verb_at_or_above(tok)) is not None and lemma(v) in (
            "receive", "get", "give", "serve", "hand"):
        return f"a sentence ('{v.text} ... {tok.text}'), the person's record, not this event"
    return ""


_FUTURE = frozenset({"will", "shall", "'ll", "wo"})


def told_to_come(tok: Token) -> str:
    """In a story whose event is done, a count that is the subject of a clause told in the
    future ("up to 1,000 parishioners will worship in a school", "between four and seven
    candidates will be elected") is not a count of what happened. Only the subject: what the
    event's parties will do with a count is their announced plan, part of the event ("the
    phone will sell for $799 in 30 countries", "it will cut 1,500 jobs", "the company will pay
    the families $1 million"), and a count inside a phrase is no party of the future clause
    ("the families of the 230 people on the plane will be flown to Perth")."""
    np = _np(tok)
    while np.dep_ == "conj" and np.head.i != np.i:
        np = np.head  # "200 workers and 20 managers will report"
    v = verb_at_or_above(tok)
    if v is None:
        return ""
    if np.dep_ == "pobj" and np.head.lower_ == "between" and np.head.head.i == v.i \
            and np.i < v.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        np = np.head  # "between four and seven candidates will be elected", parsed as a phrase
    if np.dep_ not in ("nsubj", "nsubjpass", "attr", "expl", "prep") or np.head.i != v.i:
        return ""
    v = _finite(v)
    for h in (v, v.head if v.dep_ in ("conj", "xcomp") else v):
        aux = next((c for c in h.children if c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE),
                   None)
        if aux is not None and not any(c.dep_ == "neg" for c in h.children):
            # not "millions of people won't be online for a while": a state the event left
            return f"told as to come ('{aux.text} {h.text}'), not a count of what happened"
    return ""


# what a public finance amount belongs to: a bailout, a loan, a budget, the economy
FINANCE_NOUNS = frozenset({"bailout", "loan", "budget", "debt", "deficit", "economy", "gdp",
                           "austerity", "rescue", "stimulus"})
# finance nouns a company's deal has as well: in a story whose event is a transaction, "a $500
# million loan from three banks" funds the deal and "including $300 million of debt" is part
# of its price (a bailout, a budget, the economy stay public)
_PRIVATE_FINANCE = frozenset({"loan", "debt"})
TRANSACTION_EVENTS = frozenset({"deal", "buy", "acquire", "acquisition", "merge", "merger",
                                "takeover", "purchase", "sell", "sale", "bid", "offer",
                                "agreement", "contract", "invest", "investment", "stake"})


def finance_amount(tok: Token, triggers: set[str]) -> str:
    """An amount or count of a bailout, a loan, a budget or an economy ("a $141 billion loan
    package", "Greece's two rescue packages", "the economy is worth 18bn euros") in a story
    whose event is none of these (a riot, an election): background to the event. A loan or
    debt in a story whose event is a transaction (a deal, a takeover) is the deal's own."""
    if triggers & FINANCE_NOUNS:
        return ""
    np = _np(tok)
    group = _noun_group(np)
    v = verb_at_or_above(tok)
    if v is not None and (np.dep_ == "pobj" and np.head.lower_ == "worth" or any(
            c.lower_ == "worth" for c in v.children) or (lemma(v) == "be" and np.dep_ == "attr")):
        # "the economy is worth 18bn euros", "the budget shortfall is $5 million"
        subj = _subject(v)
        if subj is not None:
            group += [subj, *(c for c in subj.children if c.dep_ in ("compound", "amod"))]
    public = FINANCE_NOUNS - _PRIVATE_FINANCE if triggers & TRANSACTION_EVENTS else FINANCE_NOUNS
    hit = next((t for t in group if lemma(t) in public and lemma(t) not in triggers), None)
    if hit is None:
        return ""
    return f"public finance ('{hit.text}'), not a count of this event"
