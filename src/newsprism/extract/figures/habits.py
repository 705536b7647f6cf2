"""Scope rules for figures that say how things usually are or are expected to be, not what
happened in the event (issue 13):

* a forecast or expectation of forecasters ("analysts expect the deal to save $150 million",
  "economists had forecast growth of 2 percent", "bookmakers' forecasts of 40,000 fans"):
  somebody's guess, not a count of the event;
* a habit of a body or what a rule gives, told in the present simple ("Olvex, which makes
  200 medicines", "the club sells its shirts in 60 countries", "a rule that gives the leading
  party 50 extra seats"): what it does every time, not what it did;
* a record over a span of earlier units ("they have won 12 of their last 15 games", "in the
  past five seasons").

Each takes the figure's anchor token (its counted noun or number, in a parsed sentence) and
gives the reason, or "" when the rule does not apply."""

from __future__ import annotations

from spacy.tokens import Token

from .categories import lemma
from .lexicon import PERSON_NOUNS, REPORT_VERBS, VERB_CATEGORY

# who forecasts for a living: their expectation is no count of the event
FORECASTERS = frozenset({"analyst", "economist", "forecaster", "strategist", "bookmaker",
                         "pollster", "pundit", "observer", "trader", "investor", "consensus"})
# words of expecting: verbs ("expect", "forecast") and nouns ("forecasts", "estimates")
EXPECT_WORDS = frozenset({"expect", "forecast", "predict", "project", "anticipate", "estimate",
                          "expectation", "projection", "prediction", "consensus", "see"})
# bodies whose habits a present simple tells ("the company makes 200 medicines")
BODY_NOUNS = frozenset({"company", "firm", "group", "maker", "manufacturer", "retailer",
                        "bank", "lender", "carrier", "airline", "insurer", "chain", "club",
                        "team", "business", "operator", "supplier", "producer", "brand",
                        "university", "school", "hospital", "charity", "agency", "utility"})
# rules whose present simple tells what they always do ("a rule that gives the leading party
# 50 extra seats", "the formula awards the winner three points")
RULE_NOUNS = frozenset({"rule", "law", "constitution", "regulation", "statute", "formula",
                        "system", "charter", "bylaw"})
_HABIT_EXCLUDED = REPORT_VERBS | {"be", "have", "face", "need", "expect", "plan", "want",
                                  "hope", "seek", "aim", "intend"}
SPAN_UNITS = frozenset({"game", "match", "season", "year", "month", "week", "quarter",
                        "race", "fight", "start", "outing", "election", "tournament",
                        "meeting", "appearance", "trial", "case"})


def _path(tok: Token) -> list[Token]:
    """tok and its heads up to the sentence's root."""
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _forecaster(t: Token) -> bool:
    return lemma(t) in FORECASTERS or t.lower_ in FORECASTERS


def forecast(tok: Token) -> str:
    """A figure inside a forecasters' expectation: the object or clause of an expecting verb
    whose subject is a forecaster ("analysts expect the award to be cut to $100 million",
    "economists had forecast growth of 2 percent"), a forecasters' expecting noun ("analysts'
    forecasts of $390 million", "a consensus estimate of 40 cents") or, where the parse makes
    the forecaster the head ("Analysts at Brenton forecast sales of 40,000 pickups"), an
    expecting word on the way to it. The body whose figure it is may expect it itself (a
    company's outlook): only forecasters' expectations are read as background."""
    path = _path(tok)
    for k, t in enumerate(path):
        if k == 0:
            continue
        if lemma(t) in EXPECT_WORDS and t.pos_ in ("VERB", "AUX"):
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and _forecaster(subj):
                return f"an expectation of {subj.text} ('{t.text}'), not a count of this event"
        if t.pos_ == "NOUN" and lemma(t) in EXPECT_WORDS:
            owner = next((c for c in t.children if c.dep_ in ("poss", "compound", "amod")
                          and _forecaster(c)), None)
            if owner is not None or lemma(t) == "consensus":
                who = owner.text if owner is not None else t.text
                return f"an expectation of {who} ('{t.text}'), not a count of this event"
        if _forecaster(t) and t.pos_ == "NOUN" and t.dep_ == "ROOT":
            # a misparse: "Analysts at Brenton Research forecast sales of ..." hangs it all on
            # the forecasters; an expecting word on the way from the figure says what they do
            between = [x for u in path[:k] for x in (u, *u.children)
                       if x.dep_ in ("compound", "amod") or x is u]
            word = next((x for x in between if lemma(x) in EXPECT_WORDS), None)
            if word is not None:
                return f"an expectation of {t.text} ('{word.text}'), not a count of this event"
    return ""


def _body(t: Token) -> bool:
    """An organisation: a name the tagger types ORG (or a name it leaves untyped: "Olvex"),
    or a noun of a body ("the company")."""
    if t.ent_type_ == "ORG" or (t.pos_ == "PROPN" and not t.ent_type_):
        return True
    return t.pos_ == "NOUN" and lemma(t) in BODY_NOUNS


def habitual(tok: Token) -> str:
    """A count that a body's habit gives, told in the present simple with no time of the
    event: "Olvex, which makes 200 medicines", "the company sells its drugs in 60 countries".
    Only counts of things (the caller passes no amounts: "the phone costs $799" is the launch's
    price) in the object or a phrase of a verb whose subject is an organisation; not a verb of
    reporting, having or needing, and not a harm verb ("the strike closes 40 schools" tells the
    event's effect)."""
    np = tok
    while np.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and np.head.i != np.i:
        np = np.head
    if lemma(np) in PERSON_NOUNS:
        return ""
    v = np.head
    if np.dep_ == "pobj" and v.dep_ == "prep":
        v = v.head
    elif np.dep_ != "dobj":
        return ""
    if v.pos_ != "VERB" or v.tag_ not in ("VBZ", "VBP") or lemma(v) in _HABIT_EXCLUDED \
            or lemma(v) in VERB_CATEGORY:
        return ""
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in v.children):
        return ""  # "does not make", "is making": not a plain present simple
    if any(c.ent_type_ in ("DATE", "TIME") for c in v.subtree):
        return ""  # "sells 5,000 tickets on Friday": a time, the event's or another's
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ("which", "that") and v.dep_ == "relcl":
        subj = v.head
    if subj is None:
        return ""
    if subj.pos_ == "NOUN" and lemma(subj) in RULE_NOUNS:
        return f"what a {subj.text} gives ('{v.text}', present simple), not what happened in " \
            "the event"
    if not _body(subj):
        return ""
    return f"a habit of {subj.text} ('{v.text}', present simple), not what happened in the event"


def span_record(tok: Token) -> str:
    """A count over a span of earlier units: "12 of their last 15 games", "in the past five
    seasons" (a record, not this event's count). Not people ("the last 12 passengers were
    pulled out" are the event's own)."""
    np = tok
    while np.dep_ in ("nummod", "quantmod", "compound") and np.head.i != np.i:
        np = np.head
    cands = [np, *(x for c in np.children if c.dep_ == "prep" and c.lower_ in ("of", "in",
                                                                             "over")
                   for x in c.children if x.dep_ == "pobj")]
    for n in cands:
        if lemma(n) not in SPAN_UNITS:
            continue
        mark = next((c for c in n.children if c.dep_ == "amod" and c.lower_ in ("last", "past",
                                                                                "previous")),
                    None)
        if mark is not None and any(c.dep_ == "nummod" for c in n.children):
            return f"a record over the {mark.text} {n.text}, not this event's count"
    return ""
