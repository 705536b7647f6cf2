"""What a number counts and who reports it: exclusions (years, money, measures...), the counted
head, its group and the attribution."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ...language import MONTHS, SCALE_WORDS
from .. import ent_at
from ..numbers import VAGUE_SINGLE, Number, words_before, words_from
from .categories import lemma
from .lexicon import (
    COUNTING_VERBS,
    CURRENCY_SYMBOLS,
    DAY_WORDS,
    GENERAL_GROUPS,
    MEASURE_UNITS,
    MONEY_UNITS,
    NOUN_CATEGORY,
    PERSON_NOUNS,
    PRONOUNS,
    REPORT_VERBS,
    TIME_UNITS,
    YEAR_RE,
)

# units that are counted rather than measured when they head the number ("17 unanswered
# points"); right after it ("up 30 points") they stay a measure
SCORED = frozenset({"points", "point"})
# "John Smith, 34, ...": a bare number between commas below this is an age
MAX_AGE = 120
# a reporting source longer than SPEAKER_MAX_TOKENS keeps SPEAKER_HEAD_TOKENS before its head
SPEAKER_MAX_TOKENS = 12
SPEAKER_HEAD_TOKENS = 6

# --------------------------------------------------------------------------- exclusions


# verbs whose points are a player's or a team's, not a market's ("the index fell 300 points")
_SCORING_VERBS = frozenset({"score", "have", "finish", "total", "tally", "pour", "net",
                            "contribute"})  # not "add", "record": "the FTSE added 45 points"


def _scored_by(points: Token) -> bool:
    """Are these points scored in a game: the object of a scoring verb ("scored 23 points",
    "had 14 points", "finished with 11 points")?"""
    t = points
    if t.dep_ == "pobj" and t.head.lower_ == "with":
        t = t.head
    verb = t.head if t.dep_ in ("dobj", "prep", "conj") else None
    while verb is not None and verb.dep_ == "conj" and verb.pos_ == "NOUN":
        verb = verb.head  # "14 points and six rebounds": the first of the list
    return verb is not None and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _SCORING_VERBS


# words of a market, an index or a poll: their points are a measure of a level, not a count
# ("the index fell 300 points", "leads by five points in the latest poll")
_MARKET_WORDS = frozenset({"index", "indices", "stock", "share", "market", "dow", "nasdaq", "ftse",
                           "nikkei", "dax", "yield", "bond", "rate", "poll", "survey", "rating",
                           "average", "benchmark", "futures", "currency", "approval"})


def _market_move(doc: Doc, num: Number, before: Token | None) -> bool:
    """Points that measure a level or a margin ("closed up 45 points", "fell 300 points" in a
    sentence about an index, a market, rates or a poll; "led by 12 points"), not points scored
    in a game."""
    if before is not None and before.lower_ in ("up", "down"):
        return True
    pts = doc[num.end] if num.end < len(doc) else None
    if pts is not None and pts.dep_ == "pobj" and pts.head.lower_ in ("by", "to", "within") and not (
            pts.head.lower_ == "by" and (pts.head.dep_ == "agent" or any(
                c.dep_ in ("auxpass", "nsubjpass") for c in pts.head.head.children))):
        return True  # a margin: "led by 12 points", "cut the lead to 3 points"; not "paced by"
    sent = doc[num.num_start].sent
    return any(t.lemma_.lower() in _MARKET_WORDS or t.lower_ in _MARKET_WORDS for t in sent)


def _inside_name(doc: Doc, num: Number) -> bool:
    """"the FTSE 100 index", "Fortune 500 companies": the number is a word of a name that
    starts before it (a name tagged as one, or a proper noun that modifies the number or its
    noun right before it; not a date or a place: "on Monday 12 people died")."""
    first = doc[num.num_start]
    ent = ent_at(doc, first.i)
    if ent is not None and ent.label_ in ("ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW",
                                          "EVENT") and ent.start < first.i:
        return True
    if num.start != num.num_start or first.i == 0:
        return False
    prev = doc[first.i - 1]
    return (prev.pos_ == "PROPN" and prev.whitespace_ != "" and prev.ent_type_ in ("", "ORG", "PRODUCT")
            and prev.dep_ in ("compound", "nmod") and prev.head.i in (first.i, first.head.i)
            and first.dep_ == "nummod" and prev.i > prev.sent.start)


def excluded(doc: Doc, num: Number, head: Token | None) -> str | None:
    """Why this number is not a count (None when it may be one)."""
    toks = doc[num.num_start:num.end]
    first = doc[num.num_start]
    aw = words_from(doc, num.end, 2)
    bw = words_before(doc, num.start, 0, 2)
    after = doc[aw[0]] if aw else None
    before = doc[bw[-1]] if bw else None
    for t in toks:
        if t.ent_type_ in ("MONEY", "PERCENT", "ORDINAL", "TIME"):
            return t.ent_type_.lower()
        if t.ent_type_ in ("DATE", "QUANTITY"):
            ent = ent_at(doc, t.i)
            if ent is not None and any(
                w.lower_ in TIME_UNITS or w.lower_ in MEASURE_UNITS or w.lower_ in MONTHS
                or w.lower_ in DAY_WORDS or w.lower_ in ("ago", "old", "aged")
                for w in ent
            ):
                return "date or measure"
            if ent is not None and ent.label_ == "DATE" and YEAR_RE.fullmatch(
                first.text
            ):
                return "year"
    if before is not None and before.lower_ in CURRENCY_SYMBOLS | {"aged", "age", "no.",
                                                                      "number", "#", "page"}:
        return "money, age or label"
    if before is not None and before.lower_ == "of" and len(bw) > 1 and doc[
            bw[0]].lower_ in ("age", "ages"):
        return "age"
    if first.lower_ == "one" and num.end - num.num_start == 1 and (
            (before is not None and before.lower_ in ("the", "this", "that", "no", "any",
                                                      "each", "every", "which", "another"))
            or first.pos_ == "PRON"):
        return "pronoun"  # "the one who slaughtered", "no one was hurt"
    if _inside_name(doc, num):
        return "part of a name"
    if _score_or_record(doc, num):
        return "score or win-loss record"
    if _hyphen_modifier(doc, num):
        return "a size or kind ('three-story', '1,000-member')"
    if first.text[:1] in CURRENCY_SYMBOLS or first.text.endswith("%"):
        return "money or percent"
    if num.low is not None and not float(num.value).is_integer():
        return "not a whole number"  # 7.8 (magnitude), 2.4 (seconds); 1.5 million is whole
    if before is not None and before.lower_ in MEASURE_UNITS:
        return "measure"  # "magnitude 7", "size 12"
    # an age in apposition: "the gunman, 21, ...", "Smith, 54, said"
    root_tok = doc[num.num_start]
    if num.end - num.num_start == 1 and before is not None and before.text == "," and \
            after is not None and after.text in (",", ")") and root_tok.like_num and \
            num.value < MAX_AGE:
        return "age"
    if after is not None:
        a = after.lower_
        if a in SCORED and (_scored_by(after) or not _market_move(doc, num, before)):
            return None  # "McDermott scored 23 points", "led all players with 23 points"
        if a in TIME_UNITS or a in MEASURE_UNITS or a in MONEY_UNITS or a in (
            "%", "percent", "pc", "per", "o'clock", "am", "pm", "a.m.", "p.m.", ":"
        ):
            return "unit"
        if a == "-" and len(aw) > 1 and doc[aw[1]].lower_ in TIME_UNITS:
            return "age or duration"
    if head is not None and (head.lower_ in TIME_UNITS | MONEY_UNITS | MEASURE_UNITS - SCORED
                             or head.lemma_.lower() in TIME_UNITS | MONEY_UNITS):
        return "unit"
    if YEAR_RE.fullmatch(first.text) and num.end - num.num_start == 1 and (
        head is None or head.lower_ not in PERSON_NOUNS
    ):
        return "year"
    root = doc[num.root]
    # names: "Flight 370", "Article 5", "Route 66"
    if root.head.pos_ == "PROPN" and root.head.i < root.i and root.dep_ in (
        "nummod", "appos", "compound", "npadvmod"
    ):
        return "part of a name"
    if before is not None and before.pos_ == "PROPN" and before.is_title and not (
        root.head.pos_ == "NOUN" and root.head.i > root.i
    ) and before.ent_type_ not in ("GPE", "NORP", "DATE"):
        return "part of a name"
    if re.fullmatch(r"\d+K", doc[num.num_start:num.end].text):
        return "a resolution or a size ('4K video', a '10K' run)"
    if any(t.ent_type_ == "PRODUCT" for t in toks):
        return "part of a name"  # "Snapdragon 801", "a 777"
    # a model or a series: "a Snapdragon 801 processor", "its Boeing 777 fleet" (the name and
    # the number both modify the noun); not "Gaza's 40 dead" nor a count of people
    if before is not None and before.pos_ == "PROPN" and before.is_title and before.i == num.num_start - 1 \
            and before.dep_ in ("compound", "nmod") and before.head.i in (root.i, root.head.i) \
            and root.head.pos_ == "NOUN" and root.head.i > root.i and not is_person_noun(root.head) \
            and before.ent_type_ not in ("GPE", "NORP", "DATE"):
        return "part of a name"
    if root.dep_ == "compound" and root.head.pos_ == "PROPN":
        return "part of a name"
    return None


def _score_or_record(doc: Doc, num: Number) -> bool:
    """'31-24', '58-3': a game score or a win-loss record (the second number is not above the
    first, so it is no range), either side of the hyphen."""
    def val(t: Token) -> float | None:
        return float(t.text) if t.text.isdecimal() else None

    a = doc[num.num_start]
    if num.end == num.num_start + 1 and num.end + 1 < len(doc) and doc[num.end].text in "-–" \
            and doc[num.end].text and a.whitespace_ == "" and doc[num.end].whitespace_ == "":
        x, y = val(a), val(doc[num.end + 1])
        if x is not None and y is not None and y <= x:
            return True
    if num.num_start >= 2 and doc[num.num_start - 1].text in ("-", "–") \
            and doc[num.num_start - 1].whitespace_ == "" and doc[num.num_start - 2].whitespace_ == "":
        x, y = val(doc[num.num_start - 2]), val(a)
        if x is not None and y is not None and y <= x:
            return True
    return False


def _hyphen_modifier(doc: Doc, num: Number) -> bool:
    """'a three-story building', 'the 1,000-member church': a number joined by a hyphen to a
    singular noun that modifies another noun tells a size or kind, not a count."""
    j = num.end
    if j + 1 >= len(doc) or doc[j].text not in ("-", "–") or doc[num.end - 1].whitespace_ \
            or doc[j].whitespace_:
        return False
    unit = doc[j + 1]
    return unit.tag_ == "NN" and unit.is_alpha and unit.head.i > unit.i \
        and unit.head.pos_ in ("NOUN", "PROPN")


# --------------------------------------------------------------------------- counted head


def counted_head(doc: Doc, num: Number) -> tuple[Token | None, Token | None]:
    """(head noun counted, partitive noun) for a number phrase.

    "70 civilians" -> civilians; "dozens of people" -> people; "11 of the dead" ->
    (None, dead); "86" alone -> (None, None)."""
    root = doc[num.root]
    # the number modifies a noun to its right
    if root.dep_ in ("nummod", "quantmod", "amod", "compound", "det") and root.head.i > root.i \
            and root.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        head = root.head
        # "1.5 million people": 1.5 -> million -> people
        while head.dep_ in ("nummod", "compound", "quantmod") and head.head.i > head.i \
                and head.head.pos_ in ("NOUN", "PROPN") and head.lower_ in SCALE_WORDS:
            head = head.head
        if head.lower_ in SCALE_WORDS or head.lower_ in VAGUE_SINGLE:
            head = None
        if head is not None:
            return head, None
    # "dozens of people", "11 of the dead", "hundreds of thousands of people"
    aw = words_from(doc, num.end, 1)
    j = aw[0] if aw else len(doc)
    if j < len(doc) and doc[j].lower_ == "of":
        pobj = next((c for c in doc[j].children if c.dep_ == "pobj"), None)
        if pobj is None:
            # a parse that hangs 'of' elsewhere: take the next noun in the phrase
            k = j + 1
            while k < len(doc) and doc[k].pos_ in ("DET", "ADJ", "NUM") and k < j + 4:
                k += 1
            if k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN"):
                pobj = doc[k]
        if pobj is not None:
            det = [c.lower_ for c in pobj.children if c.dep_ in ("det", "poss")]
            if det and det[0] in ("the", "those", "these", "them", "whom", "their", "its"):
                return None, pobj  # partitive: a part of a known group
            if pobj.lower_ in ("them", "whom", "those", "these"):
                return None, pobj
            return pobj, None
    # vague noun used as head of its own NP with an adjective: "hundreds injured"
    return None, None


# --------------------------------------------------------------------------- groups


_CATEGORY_WORDS = {"killed", "injured", "displaced", "missing", "arrested", "other"}


def group_of(counts: str) -> str:
    """The counted group of a ``Figure.counts`` string, for merging across sources.

    General nouns for people ("civilians killed", "people killed", "Rwandans killed") merge
    into "people"; sub-groups ("children", "women", "rescue workers") stay apart."""
    words = counts.lower().split()
    if words and words[-1] in _CATEGORY_WORDS:
        words = words[:-1]
    if not words:
        return "people"
    noun = words[-1]
    if noun in GENERAL_GROUPS or (noun.endswith(("ians", "ese", "ans", "is")) and
                                  noun not in PERSON_NOUNS and len(words) == 1):
        return "people"
    return " ".join(words)


def group_word(doc: Doc, head: Token | None, part: Token | None, num: Number,
               category: str) -> str:
    """What is counted, in the text's words ("civilians", "rescue workers"); "people" when
    the text only says the count is of dead, deaths, lives, victims or the like."""
    if part is not None:
        # "11 of the dead were children": the copula's attribute names the group
        v = doc[num.root].head
        attr = next((c for c in v.children if c.dep_ == "attr"), None) if lemma(v) == "be" \
            else None
        if attr is not None and is_person_noun(attr):
            return with_compounds(attr)
        if is_person_noun(part) and part.lower_ not in GENERAL_GROUPS:
            return with_compounds(part)
        return "people"
    if head is None:
        return "people"
    word = head.lower_
    if lemma(head) in NOUN_CATEGORY or word in NOUN_CATEGORY or word in (
            "others", "those", "toll", "victims", "casualties", "lives", "bodies", "deaths"):
        return "people"
    return with_compounds(head)


PEOPLE_WORDS = {"victims", "casualties", "lives", "bodies", "deaths", "others", "those",
                "dead", "members", "family", "families", "household", "households"}
GROWTH_VERBS = {"rise", "exceed", "reach", "climb", "increase", "top", "surpass", "double",
                "grow", "hit", "soar", "mount"}
_PEOPLE_VERBS = {"rescue", "save", "survive", "free", "release", "hire", "recruit", "infect",
                 "sicken", "vaccinate", "deport", "repatriate", "expel", "treat", "evacuate",
                 "strand", "march", "rally", "protest", "vote", "die", "flee"}


def people_verb(tok: Token) -> bool:
    """A bare number is a count of people when it is the subject or object of a verb that
    only takes people: "120 have been rescued", "9 were rescued alive"."""
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    v = tok.head
    if v.dep_ in ("aux", "auxpass"):
        v = v.head
    return v.pos_ == "VERB" and lemma(v) in _PEOPLE_VERBS


def with_compounds(head: Token) -> str:
    """'rescue workers', 'police officers': a noun with its noun compounds."""
    comps = [c for c in head.children if c.dep_ == "compound" and c.i < head.i
             and c.pos_ == "NOUN"]
    start = min([c.i for c in comps] + [head.i])
    words = [t.text if t.pos_ == "PROPN" or t.ent_type_ == "NORP" else t.lower_
             for t in head.doc[start:head.i + 1] if not t.is_space]
    return " ".join(words)


_PERSON_SUFFIXES = ("ers", "ors", "ists", "ians", "ees", "men", "women", "ants", "folk",
                    "ics", "ives", "eers", "children", "people")
_NOT_PERSONS = {
    "containers", "computers", "towers", "papers", "numbers", "orders", "letters", "centers",
    "centres", "matters", "waters", "headquarters", "shelters", "layers", "powers", "borders",
    "quarters", "meters", "chapters", "offers", "answers", "corners", "filters", "markers",
    "banners", "trailers", "helicopters", "bombers", "carriers", "tankers", "rivers",
    "flowers", "covers", "posters", "printers", "servers", "sensors", "monitors", "motors",
    "reactors", "tractors", "generators", "doors", "floors", "errors", "colors", "colours",
    "sectors", "factors", "vectors", "mirrors", "corridors", "elevators", "indicators",
    "processors", "plants", "grants", "restaurants", "pants", "chants", "implants",
    "characters", "disasters", "registers", "parameters", "clusters", "barriers", "fevers",
    "cancers", "dollars", "pillars", "scooters", "lockers", "tickets", "topics", "clinics", "graphics", "statistics", "politics", "lyrics",
    "archives", "initiatives", "incentives", "objectives", "alternatives", "explosives",
    "lives", "hives", "knives", "waves", "caves", "olives", "drives", "gigabytes",
    "committees", "trees", "fees", "degrees", "guarantees", "knees", "tees", "decrees",
    "semen", "omens", "specimens", "abdomens", "hymns", "regimens",
}


def is_person_noun(tok: Token) -> bool:
    """Does this noun name people? A lexicon of group nouns, nationalities (NORP), and
    agent-noun endings (-ers, -ists, -ians, -ees, -men, -ants) minus common things."""
    low = tok.lower_
    if low in PERSON_NOUNS or lemma(tok) in PERSON_NOUNS:
        return True
    if tok.ent_type_ in ("NORP",) or (tok.pos_ == "PROPN" and tok.ent_type_ == "NORP"):
        return True
    if tok.pos_ not in ("NOUN", "PROPN") or low in _NOT_PERSONS:
        return False
    return tok.tag_ in ("NNS", "NNPS") and low.endswith(_PERSON_SUFFIXES)


# --------------------------------------------------------------------------- attribution


def _speaker_text(doc: Doc, s: Token) -> str | None:
    if s.lower_ in PRONOUNS or s.pos_ == "PRON":
        return None
    left = s.left_edge.i
    right = s.i + 1
    ent = ent_at(doc, s.i)
    if ent is not None and ent.label_ in ("ORG", "NORP", "GPE"):
        # "the Britain-based Syrian Observatory for Human Rights" -> its name
        return re.sub(r"^the\s+", "", ent.text, flags=re.I)
    if ent is not None:
        right = max(right, ent.end)
        left = min(left, ent.start)
    elif s.is_title:
        # a name the NER missed: "Doctors Without Borders", "Office for National Statistics"
        for c in s.children:
            if c.dep_ == "prep" and c.i == right and all(
                    t.is_title or t.i == c.i for t in c.subtree):
                right = c.right_edge.i + 1
    # cut relative clauses, appositions and long tails off the left edge
    while left < s.i and doc[left].dep_ in ("det", "punct") and doc[left].lower_ in (
        "the", ",", "'", '"'
    ):
        left += 1
    span = doc[left:right]
    if len(span) > SPEAKER_MAX_TOKENS:
        span = doc[max(left, s.i - SPEAKER_HEAD_TOKENS):right]
    text = span.text.strip(" ,")
    if len(span) == 1 and span[0].pos_ == "NOUN" and span[0].is_sent_start:
        text = text.lower()  # "Police said ..." -> "police"
    return text or None


def _through_clause(tok: Token, host: Token) -> bool:
    """Does the path from tok up to host pass through a relative or adverbial clause?"""
    node = tok
    while node.i != host.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "acl", "advcl", "ccomp", "csubj"):
            return True
        node = node.head
    return False


def attribution_of(doc: Doc, tok: Token, sent: Span) -> str | None:
    # ancestors: "X said (that) 86 died", "One report suggested at least 11 ..."
    child = tok
    for a in tok.ancestors:
        via, child = child, a
        if a.pos_ in ("VERB", "AUX") and lemma(a) in REPORT_VERBS and lemma(a) != "according":
            if via.dep_ not in ("ccomp", "parataxis", "xcomp", "advcl", "conj") and \
                    lemma(a) not in COUNTING_VERBS:
                continue  # "the attack claimed the lives of 19": not a report
            subj = next((c for c in a.children if c.dep_ in ("nsubj",)), None)
            if subj is not None and not any(s.i == subj.i for s in tok.ancestors) \
                    and subj.i != tok.i and tok not in list(subj.subtree):
                return _speaker_text(doc, subj)
    # "according to X" anywhere in the sentence, or a parenthetical "..., police said."
    ancestors = {a.i for a in tok.ancestors}
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to":
            pobj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
            # the source vouches for the clause it hangs on (or the whole sentence), not for
            # a figure inside another clause ("the attack ... which left 1400 dead only
            # encouraged the regime to use toxic chemicals, according to UN investigators")
            host = t.head
            if pobj is not None and host.i in ancestors and not _through_clause(tok, host):
                return _speaker_text(doc, pobj)
    for t in sent:
        if t.pos_ == "VERB" and lemma(t) in ("say", "report", "tell", "estimate", "confirm") \
                and t.dep_ in ("parataxis", "ROOT"):
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is not None and tok not in list(subj.subtree) and t.i > tok.i:
                return _speaker_text(doc, subj)
    return None
