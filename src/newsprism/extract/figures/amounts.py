"""Amounts that are not counts of people (issue 13): money with its currency ("at least $160
million", "85m euros", "£50,000"), percentages ("up to 70 per cent", "9.5%"), counts of things
with the counted noun ("three undersea cables", "52 seats", "three counts of murder") and the
length of a deal ("an eight-year contract").

``money_or_percent(doc, num, sent_start)`` and ``deal_length(doc, num)`` read the tokens around
a parsed number; ``thing_counted(head)`` names what a count of things counts. Measurements
(distances, weights, speeds), durations, ages, years and clock times stay excluded by
``counted.excluded``."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...language import SCALE_WORDS
from ..numbers import Number, glued_number, parse_number, words_before, words_from
from .categories import lemma
from .lexicon import TIME_UNITS

# currency written before the number ("$", "US$") or after it ("euros", "dollars")
CURRENCY_BEFORE = {"$": "$", "us$": "US$", "$us": "US$", "a$": "A$", "c$": "C$", "£": "£",
                   "€": "€", "¥": "¥", "₹": "₹", "₽": "₽", "₺": "₺", "usd": "US$", "eur": "€",
                   "gbp": "£"}
CURRENCY_AFTER = {"dollar": "$", "dollars": "$", "euro": "€", "euros": "€", "pound": "£",
                  "pounds": "£", "sterling": "£", "yen": "¥", "yuan": "yuan", "rupee": "₹",
                  "rupees": "₹", "franc": "franc", "francs": "franc", "peso": "peso",
                  "pesos": "peso", "ruble": "₽", "rubles": "₽", "roubles": "₽", "dinar": "dinar",
                  "dinars": "dinar", "shekel": "shekel", "shekels": "shekel", "usd": "US$",
                  "eur": "€", "gbp": "£", "riyal": "riyal", "riyals": "riyal", "lira": "₺"}
# "pounds" is a weight unless the entity tagger calls it money or "sterling" follows
_AMBIGUOUS_CURRENCY = {"pound", "pounds"}
PERCENT_WORDS = {"%", "percent", "pc", "pct"}
# nouns whose length is a term of the deal: "an eight-year contract", "a two-year extension"
DEAL_NOUNS = {"contract", "deal", "offer", "extension", "agreement", "lease", "pact", "bid",
              "package", "loan", "mandate"}
# nouns that are parts of a count of things, named with what they hold: "three counts of
# murder", "two bottles of water"
_CONTAINER_OF = {"count", "charge", "case", "piece", "bottle", "barrel", "bag", "box", "kilo",
                 "round", "act", "instance", "incident", "cup", "ton", "tonne", "truckload",
                 "carton", "sack", "crate"}


@dataclass(slots=True)
class Amount:
    kind: str  # money | percent | length
    unit: str
    start: int  # token index of the first token (qualifier, currency symbol)
    end: int  # token index past the last token (scale, currency word, percent sign)
    low: float | None
    high: float | None


def _currency_before(doc: Doc, i: int, lo: int) -> tuple[int, str] | None:
    bw = words_before(doc, i, lo, 2)
    if not bw:
        return None
    t = doc[bw[-1]]
    if t.lower_ in CURRENCY_BEFORE:
        # "US $5", "$US 5"
        if len(bw) > 1 and doc[bw[0]].text in ("US", "A", "C") and t.text == "$":
            return bw[0], doc[bw[0]].text + "$"
        return bw[-1], CURRENCY_BEFORE[t.lower_]
    return None


def _currency_after(doc: Doc, num: Number) -> tuple[int, str] | None:
    aw = words_from(doc, num.end, 2)
    if not aw:
        return None
    t = doc[aw[0]]
    low = t.lower_
    if low in CURRENCY_AFTER:
        if low in _AMBIGUOUS_CURRENCY and t.ent_type_ != "MONEY" and not (
                len(aw) > 1 and doc[aw[1]].lower_ == "sterling"):
            return None
        end = aw[1] + 1 if len(aw) > 1 and doc[aw[1]].lower_ == "sterling" else aw[0] + 1
        return end, CURRENCY_AFTER[low]
    return None


def _percent_after(doc: Doc, num: Number) -> int | None:
    aw = words_from(doc, num.end, 2)
    if not aw:
        return None
    low = doc[aw[0]].lower_
    if low in PERCENT_WORDS:
        return aw[0] + 1
    if low == "per" and len(aw) > 1 and doc[aw[1]].lower_ == "cent":
        return aw[1] + 1
    if doc[num.end - 1].text.endswith("%"):
        return num.end
    return None


def _upper(doc: Doc, num: Number, sent_start: int) -> tuple[int, float] | None:
    """The upper end of a money range written with its own currency sign: "$140 million to
    $150 million", "between $140 million and $150 million"."""
    aw = words_from(doc, num.end, 3)
    if not aw or doc[aw[0]].lower_ not in ("-", "–", "to", "and"):
        return None
    if doc[aw[0]].lower_ == "and" and not any(
            doc[k].lower_ == "between" for k in words_before(doc, num.start, sent_start, 2)):
        return None
    rest = aw[1:]
    if rest and doc[rest[0]].lower_ in CURRENCY_BEFORE:
        rest = rest[1:]
    if not rest:
        return None
    other = parse_number(doc, rest[0])
    if other is None or other.low is None or other.qualifier != "exact":
        return None
    return other.end, other.low


def money_or_percent(doc: Doc, num: Number, sent_start: int) -> Amount | None:
    """Money ("$160 million", "85m euros", "one million dollars") or a percentage ("70 per
    cent") around a parsed number, with its range ("$140-$150 million")."""
    low = num.low if num.low is not None else num.value
    high = num.high
    if high is not None and high != low and high >= low * 1000:
        low = low * _scale(low, high)  # "$140-150 million": the scale is written once
    cur = _currency_before(doc, num.num_start, sent_start)
    glued = glued_number(doc[num.num_start].text)
    if cur is None and glued is not None and glued[2] is not None and not _model_name(doc, num, glued):
        cur = num.num_start, glued[2]  # "euro110 billion"
    if cur is not None:
        start, unit = cur
        end = num.end
        if high == low:
            rng = _upper(doc, num, sent_start)
            if rng is not None and rng[1] > low:
                end, high = rng
        after = _currency_after(doc, Number(start, num.num_start, end, low, high, "exact",
                                            low, num.root))
        if after is not None:
            end = after[0]
        return Amount("money", unit, start, end, low, high)
    after = _currency_after(doc, num)
    if after is not None:
        return Amount("money", after[1], num.start, after[0], low, high)
    pend = _percent_after(doc, num)
    if pend is not None:
        return Amount("percent", "%", num.start, pend, low, high)
    return None


def _scale(low: float, high: float) -> float:
    """'$140- $150 million': the first value takes the scale of the second."""
    scale = 1.0
    while low * scale * 10 <= high and scale < 1e9:
        scale *= 10
    return scale if low * scale <= high else 1.0


def deal_length(doc: Doc, num: Number) -> tuple[int, Token] | None:
    """'an eight-year contract', 'a two-year deal': (end token, the deal noun)."""
    aw = words_from(doc, num.end, 3)
    if len(aw) < 2:
        return None
    k = 1 if doc[aw[0]].text in ("-", "–") else 0
    if k >= len(aw) or doc[aw[k]].lower_ not in TIME_UNITS:
        return None
    unit = doc[aw[k]]
    noun = unit.head
    if noun.i > unit.i and lemma(noun) in DEAL_NOUNS:
        return noun.i + 1, noun
    return None


def thing_counted(head: Token) -> str:
    """What a count of things counts, as its lemma: 'cable', 'seat', 'count of murder'."""
    base = lemma(head)
    if base in _CONTAINER_OF:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None \
            else None
        if pobj is not None:
            return f"{base} of {lemma(pobj)}"
    return base


# nouns that place an amount without saying what it measures: "in the vicinity of $1 million",
# "in the $140 million range", "in excess of $5 million"
_PLACING_NOUNS = {"vicinity", "range", "region", "neighborhood", "neighbourhood", "excess",
                  "order", "tune", "sum", "amount", "figure", "total", "area", "upwards"}


def amount_of(doc: Doc, root: Token, kind: str, depth: int = 0) -> str:
    """What money or a percentage measures, in one word or two: "$1 million in damage" ->
    'damage', "bail was set at £50,000" -> 'bail', "an offer worth $160 million" -> 'offer',
    "70 per cent of web services" -> 'percent of service'; else 'money' or 'percent'."""
    word = "money" if kind == "money" else "percent"
    top = root
    while top.dep_ in ("compound", "nummod", "quantmod", "amod") and top.head.i != top.i and (
            top.head.tag_ in ("CD", "$") or top.head.lower_ in PERCENT_WORDS | {"cent"}
            or top.head.lower_ in CURRENCY_AFTER):
        top = top.head
    for c in top.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "of", "for", "worth"):
            pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ == "NOUN" and lemma(pobj) not in _PLACING_NOUNS:
                return f"{word} of {lemma(pobj)}" if kind == "percent" else lemma(pobj)
    h = top.head
    if top.dep_ == "pobj" and h.dep_ in ("prep", "agent") and h.head.i != h.i:
        h = h.head
    if h.i != top.i and h.pos_ == "NOUN" and h.lower_ not in CURRENCY_AFTER:
        if lemma(h) in _PLACING_NOUNS:
            return amount_of(doc, h, kind, depth + 1) if depth < 2 else word
        return lemma(h)
    if h.pos_ == "ADJ" and h.head.i != h.i:
        h = h.head
    if h.pos_ in ("VERB", "AUX"):
        # "caused damage in the vicinity of $1 million": the object the amount qualifies
        obj = next((c for c in h.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                    and c.i != top.i and lemma(c) not in _PLACING_NOUNS), None)
        if obj is not None and top.dep_ != "dobj":
            return lemma(obj)
        subj = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ == "NOUN" and subj.i != top.i:
            return lemma(subj)
        if lemma(h) in ("fine", "pay", "raise", "spend", "cost", "offer", "bid", "award",
                        "donate", "seize", "steal", "lose", "earn", "gross"):
            return lemma(h)
    return word


# the project's scale words (not "hundred": "A380 hundred" is no amount), and "trillion"
_SCALES = frozenset(SCALE_WORDS) - {"hundred"} | {"trillion"}


def _model_name(doc: Doc, num: Number, glued: tuple[float, float, str | None]) -> bool:
    """A letter glued to digits is a currency ("US1" in "$US1 million", "A5 billion") only with a
    dollar sign before it or a scale; else it names a model or a road: "the Airbus A380", "the
    A1 motorway", "a C130 transport plane"."""
    if glued[1] != 1.0 or not (glued[2] or "").endswith("$"):
        return False
    before = doc[num.num_start - 1] if num.num_start > 0 else None
    nxt = words_from(doc, num.num_start + 1, 1)
    return not ((before is not None and before.text.endswith("$"))
                or (nxt and doc[nxt[0]].lower_ in _SCALES))

