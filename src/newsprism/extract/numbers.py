"""Number expressions in a parsed Doc: digits, number words, scales, vague plurals, ranges and
qualifiers ("at least 86", "between 40 and 50", "dozens")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..language import NUMBER_WORDS, SCALE_WORDS

# --------------------------------------------------------------------------- lexicons

# conventional lower bounds of vague plurals
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000,
         "millions": 2_000_000, "billions": 2_000_000_000, "tens": 20}
VAGUE_SINGLE = {"dozen": 12, "score": 20}
_FEW = {"several", "few", "many"}

# qualifier phrases (lower-cased token sequences) -> qualifier kind
_QUALIFIERS: list[tuple[tuple[str, ...], str]] = sorted(
    [
        (("at", "least"), "at_least"), (("no", "fewer", "than"), "at_least"),
        (("no", "less", "than"), "at_least"), (("not", "less", "than"), "at_least"),
        (("more", "than"), "at_least"), (("over",), "at_least"), (("upwards", "of"), "at_least"),
        (("in", "excess", "of"), "at_least"), (("well", "over"), "at_least"),
        (("just", "over"), "at_least"), (("above",), "at_least"), (("exceeding",), "at_least"),
        (("as", "many", "as"), "at_most"), (("as", "much", "as"), "at_most"), (("up", "to"), "at_most"), (("at", "most"), "at_most"),
        (("no", "more", "than"), "at_most"), (("fewer", "than"), "at_most"),
        (("less", "than"), "at_most"), (("under",), "at_most"), (("just", "under"), "at_most"),
        (("nearly",), "approx"), (("almost",), "approx"), (("about",), "approx"),
        (("around",), "approx"), (("approximately",), "approx"), (("roughly",), "approx"),
        (("some",), "approx"), (("an", "estimated"), "approx"), (("an", "approximate"), "approx"), (("estimated",), "approx"),
        (("close", "to"), "approx"), (("circa",), "approx"), (("nearly", "all"), "approx"),
    ],
    key=lambda q: -len(q[0]),
)
_DIGITS_RE = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_RANGE_RE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)[-–](\d[\d,]*(?:\.\d+)?)$")
# one token holding a currency mark or a scale with the digits: "US1" (in "$US1 million"),
# "euro110" (billion), "74million", "1.5bn", "20MM"
GLUED_CURRENCY = {"us": "US$", "a": "A$", "c": "C$", "nz": "NZ$", "hk": "HK$", "euro": "€",
                  "eur": "€"}
_GLUED_SCALE = {"million": 1e6, "mn": 1e6, "mm": 1e6, "billion": 1e9, "bn": 1e9}
_GLUED_RE = re.compile(r"^(us|a|c|nz|hk|euro|eur)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                       r"(million|mn|mm|billion|bn)?$", re.I)


# --------------------------------------------------------------------------- numbers


@dataclass(slots=True)
class Number:
    start: int  # token index of the first token (qualifier included)
    num_start: int  # token index of the first number token
    end: int  # token index past the last number token
    low: float | None
    high: float | None
    qualifier: str
    value: float  # the main value (for exclusions such as years)
    root: int  # the syntactic head token of the number phrase


def _digits(text: str) -> float | None:
    t = text.replace(",", "")
    if _DIGITS_RE.match(text):
        try:
            return float(t)
        except ValueError:
            return None
    return None


def _word_value(words: list[str]) -> float | None:
    """Value of a sequence of number words ("two hundred and fifty", "twenty-five")."""
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w in ("and", "-"):
            continue
        if w in NUMBER_WORDS:
            current += NUMBER_WORDS[w]
            seen = True
        elif w in ("hundred",):
            current = (current or 1) * 100
            seen = True
        elif w in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[w]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def _is_num_word(tok: Token) -> bool:
    low = tok.lower_
    if low in NUMBER_WORDS or low in ("hundred", "thousand", "million", "billion"):
        return True
    if "-" in low:
        parts = low.split("-")
        return all(p in NUMBER_WORDS for p in parts)
    return False


def words_from(doc: Doc, i: int, k: int = 14) -> list[int]:
    """Indices of the next k non-space tokens from i on (spaces such as NBSP are tokens)."""
    out: list[int] = []
    j = i
    while j < len(doc) and len(out) < k:
        if not doc[j].is_space:
            out.append(j)
        j += 1
    return out


def words_before(doc: Doc, i: int, lo: int, k: int = 4) -> list[int]:
    """Indices of up to k non-space tokens before i (not before lo), in text order."""
    out: list[int] = []
    j = i - 1
    while j >= lo and len(out) < k:
        if not doc[j].is_space:
            out.append(j)
        j -= 1
    return out[::-1]


def glued_number(text: str) -> tuple[float, float, str | None] | None:
    """(value, scale, currency) of a token that glues a currency mark or a scale to its digits
    ("US1" -> (1, 1, 'US$'), "euro110" -> (110, 1, '€'), "74million" -> (74e6, 1e6, None));
    None for plain digits or anything else. A prefix alone needs a scale or digits only."""
    m = _GLUED_RE.match(text)
    if not m or not (m.group(1) or m.group(3)):
        return None
    value = _digits(m.group(2))
    if value is None:
        return None
    scale = _GLUED_SCALE[m.group(3).lower()] if m.group(3) else 1.0
    cur = GLUED_CURRENCY[m.group(1).lower()] if m.group(1) else None
    return value * scale, scale, cur


def parse_number(doc: Doc, i: int) -> Number | None:
    """Parse a number expression starting at token i (without qualifier)."""
    first = doc[i]
    text0 = first.lower_
    # cheap gate (this runs on every token): only these can start a number expression
    if not (text0 in VAGUE or text0 in _FEW or text0 in ("a", "an", "one", "half", "both")
            or any(ch.isdigit() for ch in text0) or _is_num_word(first)):
        return None
    if text0 == "both":
        return _both(doc, i)
    idx = words_from(doc, i)
    if not idx or idx[0] != i:
        return None
    w = [doc[j].lower_ for j in idx] + ["", "", ""]
    tok = doc[i]
    low = w[0]

    def past(p: int) -> int:  # token index just after word p
        return idx[p] + 1

    # vague plurals: dozens, scores of, hundreds (of thousands), tens of thousands
    if low in VAGUE:
        if low == "scores" and w[1] != "of":
            return None
        if low == "tens" and not (w[1] == "of" and w[2] in VAGUE):
            return None
        value = float(VAGUE[low])
        p = 0
        while w[p + 1] == "of" and w[p + 2] in ("thousands", "millions", "billions", "hundreds"):
            value = VAGUE[low] * SCALE_WORDS[w[p + 2][:-1]]
            p += 2
        return Number(i, i, past(p), value, None, "vague", value, idx[p])

    # several/a few + scale: "several hundred", "a few dozen"
    if low in _FEW and w[1] in ("hundred", "thousand", "million", "dozen"):
        scale = 12 if w[1] == "dozen" else SCALE_WORDS[w[1]]
        value = 2.0 * scale
        return Number(i, i, past(1), value, None, "vague", value, idx[1])

    # a/one dozen, a score of, a hundred/thousand, half a dozen/million
    if low in ("a", "an", "one") and w[1] in ("dozen", "hundred", "thousand", "million"):
        if w[1] == "dozen":
            return Number(i, i, past(1), 12.0, 12.0, "approx" if low != "one" else "exact",
                          12.0, idx[1])
        value = float(SCALE_WORDS[w[1]])
        return Number(i, i, past(1), value, value, "exact", value, idx[1])
    if low == "a" and w[1] == "score" and w[2] == "of":
        return Number(i, i, past(1), 20.0, 20.0, "approx", 20.0, idx[1])
    if low == "half" and w[1] == "a" and w[2] in ("dozen", "million"):
        value = 6.0 if w[2] == "dozen" else 500_000.0
        return Number(i, i, past(2), value, value, "approx", value, idx[2])

    # digit ranges in one token: 40-50
    m = _RANGE_RE.match(tok.text)
    if m:
        a = _digits(m.group(1))
        b = _digits(m.group(2))
        if a is None or b is None or b <= a:
            return None
        return Number(i, i, i + 1, a, b, "approx", a, i)

    # digits, optionally with a scale word: 86, 1,400, 1.5 million; or number words
    value = _digits(tok.text)
    p = 0
    if value is None:
        glued = glued_number(tok.text)
        if glued is not None:
            value = glued[0]
            if glued[1] == 1.0 and w[1] in ("million", "billion", "thousand"):
                value *= SCALE_WORDS[w[1]]
                p = 1
            return Number(i, i, past(p), value, value, "exact", value, idx[p])
        if not _is_num_word(tok):
            return None
        words: list[str] = []
        while p < len(idx) and (_is_num_word(doc[idx[p]]) or (
            w[p] in ("and", "-") and p + 1 < len(idx) and _is_num_word(doc[idx[p + 1]])
            and words
        )):
            words.extend(w[p].split("-") if w[p] != "-" else ["-"])
            p += 1
        value = _word_value(words)
        if value is None:
            return None
        p -= 1
    elif w[1] in SCALE_WORDS and (w[1] in ("hundred", "thousand", "million", "billion") or (
            tok.whitespace_ == "" and idx[1] == i + 1)):  # "1.4m" but not "10 m high"
        value *= SCALE_WORDS[w[1]]
        p = 1
    # dozen as a multiplier: "three dozen"
    if w[p + 1] == "dozen":
        value *= 12
        p += 1
    num = Number(i, i, past(p), value, value, "exact", value, idx[p])
    # ranges: "40 to 50", "40 or 50", "40-50" split into three tokens
    if w[p + 1] in ("to", "-", "–", "or") and p + 2 < len(idx) and w[p + 2] not in VAGUE:
        other = parse_number(doc, idx[p + 2])
        if other is not None and other.low is not None and other.low > value \
                and other.qualifier == "exact":
            num = Number(i, i, other.end, value, other.low, "approx", value, other.root)
    return num


def _both(doc: Doc, i: int) -> Number | None:
    """"Both officers fired", "both women died": two, when "both" determines a plural noun that
    is not the first of a pair joined by "and" ("both men and women" names two groups)."""
    tok = doc[i]
    noun = tok.head
    if tok.dep_ not in ("det", "predet", "amod", "nummod") or noun.i <= i or noun.tag_ not in (
            "NNS", "NNPS") or any(c.dep_ in ("cc", "conj") for c in noun.children):
        return None
    if any(not (doc[j].is_alpha or doc[j].is_space) for j in range(i + 1, noun.i)):
        return None  # "both the 2010 and 2012 seasons": not a plain group
    return Number(i, i, i + 1, 2.0, 2.0, "exact", 2.0, i)


def qualifier_before(doc: Doc, i: int, sent_start: int) -> tuple[int, str] | None:
    before = words_before(doc, i, sent_start)
    for words, kind in _QUALIFIERS:
        k = len(words)
        if k > len(before):
            continue
        if tuple(doc[j].lower_ for j in before[-k:]) == words:
            return before[-k], kind
    return None


def between_range(doc: Doc, num: Number, sent_start: int) -> Number:
    """'between 40 and 50': a range."""
    before = words_before(doc, num.start, sent_start, 1)
    after = words_from(doc, num.end, 2)
    if before and doc[before[0]].lower_ == "between" and len(after) == 2 \
            and doc[after[0]].lower_ == "and":
        other = parse_number(doc, after[1])
        if other is not None and other.low is not None and num.low is not None \
                and other.low > num.low:
            return Number(before[0], num.num_start, other.end, num.low, other.low,
                          "approx", num.value, other.root)
    return num


def apply_qualifier(num: Number, kind: str, qstart: int) -> Number:
    v = num.low
    if num.qualifier == "vague":
        if kind == "at_least":
            return Number(qstart, num.num_start, num.end, v, None, "at_least", num.value,
                          num.root)
        return Number(qstart, num.num_start, num.end, v, None, "vague", num.value, num.root)
    if num.high is not None and num.low is not None and num.high != num.low:
        return num  # a range keeps its own bounds
    if kind == "at_least":
        return Number(qstart, num.num_start, num.end, v, None, "at_least", num.value,
                      num.root)
    if kind == "at_most":
        return Number(qstart, num.num_start, num.end, None, v, "at_most", num.value,
                      num.root)
    return Number(qstart, num.num_start, num.end, v, v, "approx", num.value, num.root)
