"""Figures: counts of people (casualties and others), scoped to the event.

``extract_figures(doc, source_id, published)`` finds every number expression in a parsed
spaCy ``Doc`` ("86", "1,400", "eleven", "a dozen", "three dozen", "dozens", "scores of",
"hundreds of thousands", "more than 1.5 million", "1.4m", "between 40 and 50"), maps its
qualifier to ``low``/``high``/``qualifier`` and decides, from the dependency parse:

* what is counted (``counts``: the text's group and the category, e.g. "civilians killed",
  "rescue workers killed") and the ``category`` (killed | injured | displaced | missing |
  arrested | other), from the counted noun ("deaths", "the dead", "refugees"), its participle
  ("those killed", "hundreds injured"), its verb ("killed 12", "were missing", "choked ... to
  death", "left 14 dead", "forced 30,000 to flee", "taken to hospital", "held in custody"),
  a toll frame ("the death toll rose to 86", "put the toll at 34"), or an inclusion
  ("those killed included 30 children", "among the dead");
* who reports it (``attributed_to``: the subject of a reporting verb whose clause holds the
  figure, "according to X", or "..., police said");
* whether it is about the article's event (``about_event``, with the reason in ``scope``): a
  figure is background when its clause carries a year before the publication year (any year
  when the article is undated), a month two or more before the publication month, a
  cumulative or recurring period ("since 2011", "last year", "this year's toll", "every
  year"), a period subject ("a war that has killed ..."), a marked other event ("the previous
  attack", "the 2010 earthquake", "the 9/11 attacks", "ten years after the collapse that
  killed ...", "the attack in <a place not named around the event's own toll>"), a standing
  fact ("2 million people live downstream", "home to 8 million"), or when it continues a
  background sentence of the same paragraph without a marker of the event itself;
* sub-groups: a count of a sub-group ("30 children", "11 of the dead were children") of the
  same category is linked (``subset_of``) to the nearest preceding total in the same source;
  ``partial`` marks parts of another casualty count ("three of the injured died").

Only counts of people are returned: numbers that are not counts (years, ages, durations,
money, percentages, measurements, ordinals, times, names such as "Flight 370"), counts of
things ("300 homes", "1,200 jobs") and projections ("the toll could exceed 1,000") are left
out; counts of people outside the five casualty categories get category ``other``.

Vague quantities get a conventional lower bound and ``qualifier == "vague"`` (``high`` is
None): dozens >= 24, scores >= 40, hundreds >= 200, thousands >= 2,000, tens of thousands
>= 20,000, hundreds of thousands >= 200,000, millions >= 2,000,000, several hundred >= 200.

Ids: each figure gets the provisional id ``f"{source_id}:{start}"``; ``subset_of`` holds the
provisional id of its total. The briefing may renumber ids; it must then map ``subset_of``
through the same old-id -> new-id table. ``sentence`` is the index into ``list(doc.sents)``.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..model import Figure
from . import doc_text

# --------------------------------------------------------------------------- lexicons

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
# conventional lower bounds of vague plurals
_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000,
          "millions": 2_000_000, "billions": 2_000_000_000, "tens": 20}
_VAGUE_SINGLE = {"dozen": 12, "score": 20}
_FEW = {"several", "few", "many"}

# qualifier phrases (lower-cased token sequences) -> qualifier kind
_QUALIFIERS: list[tuple[tuple[str, ...], str]] = sorted(
    [
        (("at", "least"), "at_least"), (("no", "fewer", "than"), "at_least"),
        (("no", "less", "than"), "at_least"), (("not", "less", "than"), "at_least"),
        (("more", "than"), "at_least"), (("over",), "at_least"), (("upwards", "of"), "at_least"),
        (("in", "excess", "of"), "at_least"), (("well", "over"), "at_least"),
        (("just", "over"), "at_least"), (("above",), "at_least"), (("exceeding",), "at_least"),
        (("as", "many", "as"), "at_most"), (("up", "to"), "at_most"), (("at", "most"), "at_most"),
        (("no", "more", "than"), "at_most"), (("fewer", "than"), "at_most"),
        (("less", "than"), "at_most"), (("under",), "at_most"), (("just", "under"), "at_most"),
        (("nearly",), "approx"), (("almost",), "approx"), (("about",), "approx"),
        (("around",), "approx"), (("approximately",), "approx"), (("roughly",), "approx"),
        (("some",), "approx"), (("an", "estimated"), "approx"), (("estimated",), "approx"),
        (("close", "to"), "approx"), (("circa",), "approx"), (("nearly", "all"), "approx"),
    ],
    key=lambda q: -len(q[0]),
)

_TIME_UNITS = {
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
    "minute", "minutes", "second", "seconds", "decade", "decades", "century", "centuries",
    "night", "nights", "morning", "mornings", "year-old", "years-old", "yr", "yrs", "term",
    "terms", "season", "seasons", "round", "rounds", "time", "times", "generation",
}
_MONEY_UNITS = {
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "yuan", "rupee", "rupees",
    "cent", "cents", "franc", "francs", "peso", "pesos", "ruble", "rubles", "roubles",
    "dinar", "dinars", "shekel", "shekels", "usd", "eur", "gbp", "naira", "rand", "won",
    "lira", "riyal", "riyals",
}
_MEASURE_UNITS = {
    "percent", "per", "%", "km", "kilometres", "kilometers", "kilometre", "kilometer", "mile",
    "miles", "metre", "metres", "meter", "meters", "m2", "feet", "foot", "ft", "inch", "inches",
    "cm", "mm", "kg", "kilos", "kilograms", "tonne", "tonnes", "ton", "tons", "pound-force",
    "litre", "litres", "liter", "liters", "gallon", "gallons", "barrel", "barrels", "acre",
    "acres", "hectare", "hectares", "degree", "degrees", "mph", "kph", "magnitude", "points",
    "point", "mw", "gw", "kw", "megawatts", "storeys", "stories", "floors", "calories",
    "square", "cubic", "knots", "bpd", "mbps", "lbs", "oz", "°c", "°f", "celsius",
    "fahrenheit",
}
_CURRENCY_SYMBOLS = {"$", "£", "€", "¥", "₹", "us$", "a$", "c$", "₽", "₺"}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "today", "yesterday", "tonight"}

# nouns that are themselves casualty words
_NOUN_CATEGORY = {
    "dead": "killed", "death": "killed", "fatality": "killed", "body": "killed",
    "corpse": "killed", "life": "killed", "wounded": "injured", "injured": "injured",
    "injury": "injured", "refugee": "displaced", "evacuee": "displaced",
    "displaced": "displaced", "homeless": "displaced", "arrest": "arrested",
    "arrestee": "arrested", "missing": "missing", "evacuation": "displaced",
    "killing": "killed", "hurt": "injured", "murder": "killed", "homicide": "killed",
}
# verbs (lemmas) that put their subject/object in a category
_VERB_CATEGORY = {
    "kill": "killed", "die": "killed", "slay": "killed", "slaughter": "killed",
    "massacre": "killed", "murder": "killed", "execute": "killed", "perish": "killed",
    "drown": "killed", "behead": "killed", "assassinate": "killed", "claim": "killed",
    "electrocute": "killed", "suffocate": "killed", "asphyxiate": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured", "hospitalize": "injured",
    "hospitalise": "injured", "maim": "injured", "burn": "injured",
    "displace": "displaced", "flee": "displaced", "evacuate": "displaced",
    "shelter": "displaced", "capture": "arrested",
    "uproot": "displaced", "relocate": "displaced",
    "arrest": "arrested", "detain": "arrested", "jail": "arrested", "imprison": "arrested",
    "apprehend": "arrested", "intern": "arrested",
    "disappear": "missing", "vanish": "missing", "abduct": "missing", "kidnap": "missing",
}
# adjectives/participles used as complements: "left 12 dead", "were missing"
_ADJ_CATEGORY = {
    "dead": "killed", "killed": "killed", "injured": "injured", "wounded": "injured",
    "hurt": "injured", "missing": "missing", "unaccounted": "missing", "homeless": "displaced",
    "trapped": "missing",
    "displaced": "displaced", "arrested": "arrested", "detained": "arrested",
}
# "claim"/"cost"/"take"/"lose" only count as killing with "lives"
_SEVERE_ADVERBS = {"critically", "seriously", "severely", "gravely", "badly", "slightly",
                   "lightly"}
_SEVERITY = {"critical", "serious", "stable", "grave", "severe", "life-threatening", "fair"}
_LIFE_VERBS = {"claim", "cost", "take", "lose"}
_TRANSPARENT = {"total", "group", "crowd", "number", "handful", "team", "party", "batch",
                "couple", "pair", "family", "band", "convoy", "busload", "boatload"}
_TOLL_NOUNS = {"toll", "tally", "number", "count", "figure", "total"}
_INCLUDE_VERBS = {"include", "comprise"}
_REPORT_VERBS = {
    "say", "report", "tell", "suggest", "estimate", "announce", "confirm", "state", "add",
    "put", "quote", "cite", "claim", "according", "count", "record", "tally", "document",
    "warn", "note", "indicate", "show", "reveal", "declare", "tweet", "write",
}
_COUNTING_VERBS = {"put", "estimate", "count", "report", "record", "confirm", "tally",
                   "document", "announce", "give", "register", "list"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this"}

# group nouns that count people in general (merged for reconciliation)
GENERAL_GROUPS = {
    "people", "person", "persons", "civilian", "civilians", "resident", "residents",
    "villager", "villagers", "individual", "individuals", "victim", "victims", "dead",
    "death", "deaths", "fatality", "fatalities", "body", "bodies", "life", "lives",
    "inhabitant", "inhabitants", "citizen", "citizens", "casualty", "casualties",
    "wounded", "injured", "injury", "injuries", "missing", "refugee", "refugees",
    "evacuee", "evacuees", "displaced", "homeless", "detainee", "detainees", "prisoner",
    "prisoners", "arrest", "arrests", "others", "other", "those", "toll", "passenger",
    "passengers", "local", "locals",
}
_PERSON_NOUNS = GENERAL_GROUPS | {
    "child", "children", "kid", "kids", "minor", "minors", "boy", "boys", "girl", "girls",
    "infant", "infants", "baby", "babies", "woman", "women", "man", "men", "soldier",
    "soldiers", "troop", "troops", "fighter", "fighters", "militant", "militants", "rebel",
    "rebels", "police", "policeman", "policemen", "officer", "officers", "firefighter",
    "firefighters", "rescuer", "rescuers", "journalist", "journalists", "worker", "workers",
    "student", "students", "pupil", "pupils", "patient", "patients", "migrant", "migrants",
    "pilgrim", "pilgrims", "worshipper", "worshippers", "tourist", "tourists", "employee",
    "employees", "staff", "crew", "protester", "protesters", "protestor", "protestors",
    "demonstrator", "demonstrators", "miner", "miners", "doctor", "doctors", "nurse", "nurses",
    "fan", "fans", "spectator", "spectators", "member", "members", "militiaman", "militiamen",
    "guard", "guards", "teacher", "teachers", "foreigner", "foreigners", "suspect", "suspects",
    "hostage", "hostages", "elderly", "adult", "adults", "teenager", "teenagers", "youth",
    "youths", "farmer", "farmers", "voter", "voters", "customer", "customers", "user", "users",
    "son", "sons", "daughter", "daughters", "husband", "husbands", "sibling", "siblings",
    "cousin", "cousins", "parent", "parents", "grandparents", "relatives", "nephews",
    "nieces", "uncles", "aunts", "spouses", "schoolgirls", "schoolboys", "schoolchildren",
    "tenants", "inmates", "pilots", "guests", "humans", "souls", "infantrymen", "muslims",
    "jews", "hindus", "sikhs", "kurds", "yazidis", "uighurs", "rohingya", "tutsis", "hutus",
    "activists", "detainees", "prisoners", "captives", "recruits", "conscripts",
    "peacekeepers", "paramedics", "medics", "volunteers", "insurgents", "opponents", "agents",
    "clients", "adolescents", "respondents", "dependents", "correspondents", "combatants",
}
# nouns of events: marked ones ("the previous attack", "the 2010 earthquake") are other events
_EVENT_NOUNS = {
    "attack", "attacks", "genocide", "massacre", "bombing", "earthquake", "quake", "flood",
    "floods", "flooding", "storm", "hurricane", "typhoon", "cyclone", "tsunami", "explosion",
    "blast", "crash", "fire", "wildfire", "shooting", "outbreak", "famine", "disaster",
    "siege", "riot", "riots", "collapse", "derailment", "stampede", "strike", "airstrike",
    "raid", "offensive", "assault", "epidemic", "pandemic", "war", "tragedy", "eruption",
    "landslide", "mudslide", "avalanche", "heatwave", "drought", "incident", "uprising",
    "crackdown", "protest", "protests", "clashes", "battle", "invasion", "atrocity",
    "accident", "spill", "sinking", "hijacking",
}
_OTHER_MARKERS = {"previous", "earlier", "last", "former", "similar", "another", "past",
                  "prior", "preceding", "historic", "separate"}
_CURRENT_MARKERS = {"this", "latest", "today", "yesterday", "current", "recent", "new",
                    "same", "tuesday", "monday", "wednesday", "thursday", "friday",
                    "saturday", "sunday"}
# a count whose subject is one of these covers a whole period, not the event
_PERIOD_NOUNS = {"war", "conflict", "insurgency", "uprising", "revolution", "occupation", "invasion",
                 "genocide", "holocaust", "dictatorship", "regime", "campaign"}
_STATIVE_VERBS = {"live", "work", "employ", "reside", "inhabit", "house", "host", "number",
                  "serve", "own", "support", "attend", "visit", "use", "follow", "hold",
                  "seat", "accommodate", "sleep", "fit", "lack", "need", "depend", "rely",
                  "have"}

_YEAR_RE = re.compile(r"\b(1[5-9]\d\d|20\d\d)s?\b")
_PERIOD_RE = re.compile(r"\b(years?|decades?|century|centuries|millennium)\b", re.I)
_DIGITS_RE = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_RANGE_RE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)[-–](\d[\d,]*(?:\.\d+)?)$")


# --------------------------------------------------------------------------- numbers


@dataclass(slots=True)
class _Number:
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
        if w in _UNITS:
            current += _UNITS[w]
            seen = True
        elif w in ("hundred",):
            current = (current or 1) * 100
            seen = True
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def _is_num_word(tok: Token) -> bool:
    low = tok.lower_
    if low in _UNITS or low in ("hundred", "thousand", "million", "billion"):
        return True
    if "-" in low:
        parts = low.split("-")
        return all(p in _UNITS for p in parts)
    return False


def _words_from(doc: Doc, i: int, k: int = 14) -> list[int]:
    """Indices of the next k non-space tokens from i on (spaces such as NBSP are tokens)."""
    out: list[int] = []
    j = i
    while j < len(doc) and len(out) < k:
        if not doc[j].is_space:
            out.append(j)
        j += 1
    return out


def _words_before(doc: Doc, i: int, lo: int, k: int = 4) -> list[int]:
    """Indices of up to k non-space tokens before i (not before lo), in text order."""
    out: list[int] = []
    j = i - 1
    while j >= lo and len(out) < k:
        if not doc[j].is_space:
            out.append(j)
        j -= 1
    return out[::-1]


def _parse_number(doc: Doc, i: int) -> _Number | None:
    """Parse a number expression starting at token i (without qualifier)."""
    first = doc[i]
    text0 = first.lower_
    # cheap gate (this runs on every token): only these can start a number expression
    if not (text0 in _VAGUE or text0 in _FEW or text0 in ("a", "an", "one", "half")
            or any(ch.isdigit() for ch in text0) or _is_num_word(first)):
        return None
    idx = _words_from(doc, i)
    if not idx or idx[0] != i:
        return None
    w = [doc[j].lower_ for j in idx] + ["", "", ""]
    tok = doc[i]
    low = w[0]

    def past(p: int) -> int:  # token index just after word p
        return idx[p] + 1

    # vague plurals: dozens, scores of, hundreds (of thousands), tens of thousands
    if low in _VAGUE:
        if low == "scores" and w[1] != "of":
            return None
        if low == "tens" and not (w[1] == "of" and w[2] in _VAGUE):
            return None
        value = float(_VAGUE[low])
        p = 0
        while w[p + 1] == "of" and w[p + 2] in ("thousands", "millions", "billions", "hundreds"):
            value = _VAGUE[low] * _SCALES[w[p + 2][:-1]]
            p += 2
        return _Number(i, i, past(p), value, None, "vague", value, idx[p])

    # several/a few + scale: "several hundred", "a few dozen"
    if low in _FEW and w[1] in ("hundred", "thousand", "million", "dozen"):
        scale = 12 if w[1] == "dozen" else _SCALES[w[1]]
        value = 2.0 * scale
        return _Number(i, i, past(1), value, None, "vague", value, idx[1])

    # a/one dozen, a score of, a hundred/thousand, half a dozen/million
    if low in ("a", "an", "one") and w[1] in ("dozen", "hundred", "thousand", "million"):
        if w[1] == "dozen":
            return _Number(i, i, past(1), 12.0, 12.0, "approx" if low != "one" else "exact",
                           12.0, idx[1])
        value = float(_SCALES[w[1]])
        return _Number(i, i, past(1), value, value, "exact", value, idx[1])
    if low == "a" and w[1] == "score" and w[2] == "of":
        return _Number(i, i, past(1), 20.0, 20.0, "approx", 20.0, idx[1])
    if low == "half" and w[1] == "a" and w[2] in ("dozen", "million"):
        value = 6.0 if w[2] == "dozen" else 500_000.0
        return _Number(i, i, past(2), value, value, "approx", value, idx[2])

    # digit ranges in one token: 40-50
    m = _RANGE_RE.match(tok.text)
    if m:
        a = _digits(m.group(1))
        b = _digits(m.group(2))
        if a is None or b is None or b <= a:
            return None
        return _Number(i, i, i + 1, a, b, "approx", a, i)

    # digits, optionally with a scale word: 86, 1,400, 1.5 million; or number words
    value = _digits(tok.text)
    p = 0
    if value is None:
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
    elif w[1] in _SCALES and (w[1] in ("hundred", "thousand", "million", "billion") or (
            tok.whitespace_ == "" and idx[1] == i + 1)):  # "1.4m" but not "10 m high"
        value *= _SCALES[w[1]]
        p = 1
    # dozen as a multiplier: "three dozen"
    if w[p + 1] == "dozen":
        value *= 12
        p += 1
    num = _Number(i, i, past(p), value, value, "exact", value, idx[p])
    # ranges: "40 to 50", "40 or 50", "40-50" split into three tokens
    if w[p + 1] in ("to", "-", "–", "or") and p + 2 < len(idx) and w[p + 2] not in _VAGUE:
        other = _parse_number(doc, idx[p + 2])
        if other is not None and other.low is not None and other.low > value \
                and other.qualifier == "exact":
            num = _Number(i, i, other.end, value, other.low, "approx", value, other.root)
    return num


def _qualifier_before(doc: Doc, i: int, sent_start: int) -> tuple[int, str] | None:
    before = _words_before(doc, i, sent_start)
    for words, kind in _QUALIFIERS:
        k = len(words)
        if k > len(before):
            continue
        if tuple(doc[j].lower_ for j in before[-k:]) == words:
            return before[-k], kind
    return None


def _between(doc: Doc, num: _Number, sent_start: int) -> _Number:
    """'between 40 and 50': a range."""
    before = _words_before(doc, num.start, sent_start, 1)
    after = _words_from(doc, num.end, 2)
    if before and doc[before[0]].lower_ == "between" and len(after) == 2 \
            and doc[after[0]].lower_ == "and":
        other = _parse_number(doc, after[1])
        if other is not None and other.low is not None and num.low is not None \
                and other.low > num.low:
            return _Number(before[0], num.num_start, other.end, num.low, other.low,
                           "approx", num.value, other.root)
    return num


def _apply_qualifier(num: _Number, kind: str, qstart: int) -> _Number:
    v = num.low
    if num.qualifier == "vague":
        if kind == "at_least":
            return _Number(qstart, num.num_start, num.end, v, None, "at_least", num.value,
                           num.root)
        return _Number(qstart, num.num_start, num.end, v, None, "vague", num.value, num.root)
    if num.high is not None and num.low is not None and num.high != num.low:
        return num  # a range keeps its own bounds
    if kind == "at_least":
        return _Number(qstart, num.num_start, num.end, v, None, "at_least", num.value,
                       num.root)
    if kind == "at_most":
        return _Number(qstart, num.num_start, num.end, None, v, "at_most", num.value,
                       num.root)
    return _Number(qstart, num.num_start, num.end, v, v, "approx", num.value, num.root)


# --------------------------------------------------------------------------- exclusions


def _excluded(doc: Doc, num: _Number, head: Token | None) -> str | None:
    """Why this number is not a count (None when it may be one)."""
    toks = doc[num.num_start:num.end]
    first = doc[num.num_start]
    aw = _words_from(doc, num.end, 2)
    bw = _words_before(doc, num.start, 0, 2)
    after = doc[aw[0]] if aw else None
    before = doc[bw[-1]] if bw else None
    for t in toks:
        if t.ent_type_ in ("MONEY", "PERCENT", "ORDINAL", "TIME"):
            return t.ent_type_.lower()
        if t.ent_type_ in ("DATE", "QUANTITY"):
            ent = next((e for e in doc.ents if e.start <= t.i < e.end), None)
            if ent is not None and any(
                w.lower_ in _TIME_UNITS or w.lower_ in _MEASURE_UNITS or w.lower_ in _MONTHS
                or w.lower_ in _WEEKDAYS or w.lower_ in ("ago", "old", "aged")
                for w in ent
            ):
                return "date or measure"
            if ent is not None and ent.label_ == "DATE" and _YEAR_RE.fullmatch(
                first.text
            ):
                return "year"
    if before is not None and before.lower_ in _CURRENCY_SYMBOLS | {"aged", "age", "no.",
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
    if first.text[:1] in _CURRENCY_SYMBOLS or first.text.endswith("%"):
        return "money or percent"
    if num.low is not None and not float(num.value).is_integer():
        return "not a whole number"  # 7.8 (magnitude), 2.4 (seconds); 1.5 million is whole
    if before is not None and before.lower_ in _MEASURE_UNITS:
        return "measure"  # "magnitude 7", "size 12"
    # an age in apposition: "the gunman, 21, ...", "Smith, 54, said"
    root_tok = doc[num.num_start]
    if num.end - num.num_start == 1 and before is not None and before.text == "," and \
            after is not None and after.text in (",", ")") and root_tok.like_num and \
            num.value < 120:
        return "age"
    if after is not None:
        a = after.lower_
        if a in _TIME_UNITS or a in _MEASURE_UNITS or a in _MONEY_UNITS or a in (
            "%", "percent", "pc", "per", "o'clock", "am", "pm", "a.m.", "p.m.", ":"
        ):
            return "unit"
        if a == "-" and len(aw) > 1 and doc[aw[1]].lower_ in _TIME_UNITS:
            return "age or duration"
    if head is not None and (head.lower_ in _TIME_UNITS | _MONEY_UNITS | _MEASURE_UNITS
                             or head.lemma_.lower() in _TIME_UNITS | _MONEY_UNITS):
        return "unit"
    if _YEAR_RE.fullmatch(first.text) and num.end - num.num_start == 1 and (
        head is None or head.lower_ not in _PERSON_NOUNS
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
    if root.dep_ == "compound" and root.head.pos_ == "PROPN":
        return "part of a name"
    return None


# --------------------------------------------------------------------------- counted head


def _counted_head(doc: Doc, num: _Number) -> tuple[Token | None, Token | None]:
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
                and head.head.pos_ in ("NOUN", "PROPN") and head.lower_ in _SCALES:
            head = head.head
        if head.lower_ in _SCALES or head.lower_ in _VAGUE_SINGLE:
            head = None
        if head is not None:
            return head, None
    # "dozens of people", "11 of the dead", "hundreds of thousands of people"
    aw = _words_from(doc, num.end, 1)
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


# --------------------------------------------------------------------------- category


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _adj_category(t: Token) -> str | None:
    return _ADJ_CATEGORY.get(t.lower_) or (_ADJ_CATEGORY.get(_lemma(t))
                                           if t.pos_ in ("ADJ", "VERB") else None)


def _noun_category(t: Token) -> str | None:
    cat = _NOUN_CATEGORY.get(_lemma(t)) or _NOUN_CATEGORY.get(t.lower_)
    if cat is None:
        return None
    if _lemma(t) == "life":
        # "claimed 300 lives", "lost their lives"
        v = t.head
        return cat if v.pos_ in ("VERB", "AUX") and _lemma(v) in _LIFE_VERBS else None
    if _lemma(t) == "body":
        # "12 bodies were recovered", "found 12 bodies"
        return cat if _lemma(t.head) in ("recover", "find", "pull", "retrieve", "identify",
                                         "wash", "discover", "exhume") else None
    return cat


def _toll_category(subj: Token) -> str | None:
    """'the death toll', 'the number of dead', 'the injury tally', 'the number of people
    killed'."""
    if _lemma(subj) not in _TOLL_NOUNS:
        return None
    cat = _np_category_local(subj)
    if cat:
        return cat  # "the number (of people) killed"
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for p in prep.children:
                if p.dep_ == "pobj":
                    cat = _np_category_local(p)
                    if cat:
                        return cat
    mods = [c for c in subj.children if c.dep_ in ("compound", "amod", "nmod", "prep")]
    for m in mods:
        words = [m] + ([c for c in m.children if c.dep_ == "pobj"] if m.dep_ == "prep" else [])
        for w in words:
            cat = _NOUN_CATEGORY.get(_lemma(w)) or _ADJ_CATEGORY.get(w.lower_)
            if cat:
                return cat
    return "killed" if _lemma(subj) == "toll" else None


def _verb_category(v: Token, np: Token) -> tuple[str | None, bool]:
    """Category a verb gives to its argument np, and whether np is a subset (include)."""
    lem = _lemma(v)
    # "choked 40 people to death", "burned to death" (but "sentenced 11 men to death")
    for c in v.children if lem not in ("sentence", "condemn", "doom") else ():
        if c.dep_ == "prep" and c.lower_ == "to" and any(
            _lemma(p) == "death" for p in c.children if p.dep_ == "pobj"
        ):
            return "killed", False
    if lem in ("shoot", "stab", "wound", "injure", "beat", "attack") and any(
            c.dep_ == "conj" and _VERB_CATEGORY.get(_lemma(c)) == "killed" for c in v.children):
        return "killed", False  # "shot and killed"
    if lem in _VERB_CATEGORY and lem not in ("claim", "burn"):
        return _VERB_CATEGORY[lem], False
    # complements: "left 1400 dead", "were missing", "left 3,000 homeless"
    for c in v.children:
        if c.i == np.i:
            continue
        if c.dep_ in ("oprd", "acomp", "xcomp", "attr") and c.i > np.i - 1:
            cat = _adj_category(c)
            if cat:
                return cat, False
    if v.lower_ in _ADJ_CATEGORY:  # "are missing" parsed as a verb
        return _ADJ_CATEGORY[v.lower_], False
    # "forced 30,000 people to flee", "ordered 8,000 residents to evacuate"
    for c in v.children:
        if c.dep_ == "xcomp" and _lemma(c) in _VERB_CATEGORY and _lemma(c) != "claim":
            return _VERB_CATEGORY[_lemma(c)], False
        if c.dep_ == "xcomp" and _lemma(c) in ("leave", "abandon", "quit") and any(
            _lemma(o) in ("home", "house", "village", "town", "city", "area")
            for o in c.children if o.dep_ == "dobj"
        ):
            return "displaced", False  # "forced 100,000 people to leave their homes"
    # "treated for burns", "in critical condition", "taken to hospital with injuries"
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == "for" and lem in ("treat", "hospitalize",
                                                             "hospitalise", "admit"):
            return "injured", False
        if c.dep_ == "prep" and (c.lower_ == "in" or (c.lower_ == "with" and lem in (
                "admit", "take", "rush", "airlift", "hospitalize", "hospitalise", "treat",
                "leave", "suffer", "evacuate"))) and any(
            _lemma(p) in ("condition", "injury", "wound", "burn") and (
                _lemma(p) != "condition" or any(a.lower_ in _SEVERITY for a in p.children))
            for p in c.children if p.dep_ == "pobj"
        ):
            return "injured", False
    if lem == "burn":
        return "injured", False
    if lem in ("hold", "keep", "remain", "be", "lock") and any(
            c.dep_ == "prep" and c.lower_ in ("in", "behind") and any(
                _lemma(p) in ("custody", "detention", "jail", "prison", "cell", "bar", "station")
                for p in c.children if p.dep_ == "pobj") for c in v.children):
        return "arrested", False  # "500 people were still being held in police stations"
    if lem in ("take", "seize", "grab", "hold") and _lemma(np) in ("hostage", "captive"):
        return "missing", False  # "took 251 hostages": abducted
    if lem in ("take", "hold") and any(_lemma(c) in ("prisoner", "captive") and c.dep_ in (
            "oprd", "attr", "dobj", "xcomp", "advcl", "npadvmod") for c in v.children):
        return "arrested", False  # "were taken prisoner"
    if lem in ("be", "remain", "lie", "stay") and any(c.dep_ == "prep" and c.lower_ == "in" and any(
            _lemma(p) == "care" and any(a.lower_ == "intensive" for a in p.children)
            for p in c.children if p.dep_ == "pobj") for c in v.children):
        return "injured", False  # "35 patients are in intensive care"
    if lem in ("lose", "sacrifice", "give") and any(
            c.dep_ == "dobj" and _lemma(c) == "life" for c in v.children):
        return "killed", False  # "five people lost their lives"
    if any(c.dep_ == "prep" and c.lower_ == "without" and any(
            _lemma(p) in ("shelter", "home", "house", "roof") for p in c.children
            if p.dep_ == "pobj") for c in v.children):
        return "displaced", False  # "70,000 people remain without shelter"
    if lem in ("shoot", "gun", "stab") and any(c.lower_ == "dead" for c in v.children):
        return "killed", False
    if lem in ("shoot", "stab"):
        return "injured", False
    # "35 were admitted to hospital", "taken to hospital", "puts thousands in hospital"
    if lem in ("admit", "take", "rush", "airlift", "fly", "transport", "carry", "send", "put",
               "land", "treat", "hospitalize", "hospitalise", "keep") and any(
        c.dep_ == "prep" and c.lower_ in ("to", "in", "into") and any(
            _lemma(p) in ("hospital", "clinic") for p in c.children if p.dep_ == "pobj")
        for c in v.children
    ):
        return "injured", False
    # "1,900 residents have been moved to emergency shelters", "housed in camps"
    if lem in ("move", "take", "house", "relocate", "transfer", "bus", "put", "place", "spend",
               "stay", "sleep", "live", "remain", "shelter", "seek", "find") and any(
        c.dep_ == "prep" and c.lower_ in ("to", "in", "into") and any(
            _lemma(p) in ("shelter", "camp", "centre", "center", "tent")
            for p in c.children if p.dep_ == "pobj")
        for c in v.children
    ):
        return "displaced", False
    if lem in _INCLUDE_VERBS or (lem == "be" and np.dep_ == "attr"):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i != np.i:
            cat = _np_category(subj, depth=1)
            if cat:
                return cat, lem in _INCLUDE_VERBS
    # the toll frame: "the death toll rose to 86", "the toll stands at 86", "the toll is 86",
    # "bringing the toll to 230"
    for subj in v.children:
        if subj.dep_ in ("nsubj", "nsubjpass", "dobj") and subj.i != np.i:
            cat = _toll_category(subj)
            if cat:
                return cat, False
            if _lemma(subj) in _TOLL_NOUNS and v.dep_ in ("advcl", "xcomp", "conj") and \
                    v.head.i != v.i:
                # "recorded 9 new deaths, bringing the total to 204": the total of those
                for t in v.head.subtree:
                    if t.i not in {x.i for x in v.subtree}:
                        cat = _noun_category(t)
                        if cat:
                            return cat, False
    # "200 soldiers surrendered and were taken prisoner": a coordinated verb, same subject
    if np.dep_ in ("nsubj", "nsubjpass"):
        for c in v.children:
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not any(
                    m.dep_ in ("nsubj", "nsubjpass") for m in c.children):
                cat, _ = _verb_category(c, np)
                if cat:
                    return cat, False
    # "forced 3,000 people from their homes", "driven from their homes"
    if lem in ("force", "drive", "chase", "push", "flee") and any(
        c.dep_ == "prep" and c.lower_ in ("from", "out") and any(
            _lemma(p) in ("home", "house", "village", "town", "city") for p in c.subtree
        ) for c in v.children
    ):
        return "displaced", False
    return None, False


def _np_category(t: Token, depth: int = 0) -> str | None:
    """Category of a noun phrase (its own word, its participle modifiers, its governor)."""
    cat = _noun_category(t)
    if cat:
        return cat
    for c in t.children:
        if c.dep_ == "relcl" and not _relative_subject(c):
            continue
        if c.dep_ in ("amod", "acl", "oprd", "relcl") and c.i > t.i or c.dep_ == "amod":
            cat = _adj_category(c) or (
                _VERB_CATEGORY.get(_lemma(c)) if c.pos_ == "VERB" and _lemma(c) not in (
                    "claim",) else None
            )
            if cat:
                return cat
    if depth >= 2:
        return None
    return _governor_category(t, depth + 1)[0]


def _governor_category(t: Token, depth: int = 0) -> tuple[str | None, bool]:
    """Category given by the verb (or preposition) governing token t."""
    node = t
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        if node.dep_ == "conj" and node.head.pos_ in ("VERB",) and node.pos_ in (
            "NOUN", "NUM", "PRON"
        ):
            # "70 were killed and hundreds injured": the conj hangs on the first verb
            cat = _np_category_local(node)
            if cat:
                return cat, False
        node = node.head
    if node.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "npadvmod",
                     "nmod", "ccomp", "xcomp"):
        v = node.head
        if v.dep_ in ("aux", "auxpass") and v.head.i != v.i:
            v = v.head  # "18 villagers are missing" with the subject hung on the auxiliary
        if v.pos_ in ("VERB", "AUX", "ADJ") or v.dep_ == "ROOT":
            cat, sub = _verb_category(v, node)
            if cat:
                return cat, sub
    if node.dep_ == "pobj":
        p = node.head
        if p.lower_ in ("to", "at") and p.head.pos_ in ("VERB", "AUX"):
            v = p.head
            cat, sub = _verb_category(v, node)
            if cat:
                return cat, sub
        if p.lower_ == "of" and p.head.pos_ in ("NOUN",):
            cat = _noun_category(p.head) or _toll_category(p.head)
            if cat:
                return cat, False
            if _lemma(p.head) in _TRANSPARENT and depth < 3:
                # "a total of 1,100 people had been arrested", "a group of 16 skiers"
                return _governor_category(p.head, depth + 1)
        if p.lower_ in ("including", "among") and depth < 3:
            return _np_category(p.head, depth + 1), True
        if p.lower_ == "by" and p.head.pos_ == "VERB":  # agent
            return None, False
        if p.lower_ == "for" and _lemma(p.head) in ("search", "look", "hunt", "comb"):
            return "missing", False  # "still searching for 27 people"
    if node.dep_ == "nsubj" and node.head.lemma_ == "be":
        for c in node.head.children:
            cat = _adj_category(c) if c.dep_ in ("acomp", "attr") else None
            if cat:
                return cat, False
            # "fifteen children were among the dead"
            if c.dep_ == "prep" and c.lower_ == "among":
                for p in c.children:
                    if p.dep_ == "pobj":
                        cat = _noun_category(p) or _adj_category(p) or _np_category_local(p)
                        if cat:
                            return cat, True  # "... among the dead", "among those killed"
    return None, False


def _relative_subject(rel: Token) -> bool:
    """The relative clause is about its noun as subject ("people who died"), not
    "migrants, of whom 41 drowned"."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that", "which")
               for c in rel.children)


def _np_category_local(t: Token) -> str | None:
    cat = _noun_category(t)
    if cat:
        return cat
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "to" and any(
            _lemma(p) == "death" for p in c.children if p.dep_ == "pobj"
        ):
            return "killed"  # "scores of people to death" under a misparsed verb
    for c in t.children:
        if c.dep_ == "relcl" and not _relative_subject(c):
            continue
        if c.dep_ in ("amod", "acl", "oprd", "relcl"):
            cat = _adj_category(c) or (_VERB_CATEGORY.get(_lemma(c)) if c.pos_ == "VERB"
                                       else None)
            # "people shot and killed by police": the graver of two coordinated participles
            for cc in c.children:
                if cc.dep_ == "conj":
                    other = _adj_category(cc) or _VERB_CATEGORY.get(_lemma(cc))
                    if other == "killed":
                        cat = other
            if cat:
                return cat
    return None


def _category(doc: Doc, num: _Number, head: Token | None, part: Token | None
              ) -> tuple[str, bool]:
    """(category, is_subset) of a number phrase."""
    anchor = head if head is not None else doc[num.root]
    subset = False
    # "three of them fatally"
    if doc[num.root].head.lower_ in _SEVERE_ADVERBS or any(
            c.lower_ in _SEVERE_ADVERBS for c in doc[num.root].children):
        return "injured", part is not None  # "two of them critically"
    if doc[num.root].head.lower_ in ("fatally", "mortally") or any(
            c.lower_ in ("fatally", "mortally") for c in doc[num.root].children) or (
            head is not None and any(c.lower_ in ("fatally", "mortally") for c in head.children)):
        return "killed", part is not None
    if part is not None:
        # "two of the wounded died": the verb first; "11 of the dead were children": the part
        cat, _ = _governor_category(doc[num.root])
        if cat:
            return cat, True
        cat = _noun_category(part) or _adj_category(part) or _np_category_local(part)
        if cat:
            return cat, True
    # "rescued 37 people trapped on upper floors": no longer missing
    found = _lemma(anchor.head) in ("rescue", "free", "save", "pull", "find", "evacuate",
                                    "release", "reach")
    cat = _np_category_local(anchor)
    if cat == "missing" and found:
        cat = None
    if cat:
        return cat, subset
    aw = _words_from(doc, num.end, 1)
    via_of = head is not None and head.i >= num.end and bool(aw) and doc[aw[0]].lower_ == "of"
    if via_of:
        # "dozens of people have been killed": the number phrase is the argument
        cat = _np_category_local(doc[num.root])
        if cat:
            return cat, subset
        cat, subset = _governor_category(doc[num.root])
        if cat:
            return cat, subset
    cat, subset = _governor_category(anchor)
    if cat:
        return cat, subset
    # the previous word, when the parse lost the link: "... has killed 400,000 people"
    bw = _words_before(doc, num.start, anchor.sent.start, 1)
    if bw and doc[bw[0]].pos_ == "VERB" and _lemma(doc[bw[0]]) in _VERB_CATEGORY \
            and _lemma(doc[bw[0]]) != "claim":
        return _VERB_CATEGORY[_lemma(doc[bw[0]])], False
    # the next word: "hundreds injured", "12 dead, 40 missing"
    aw = _words_from(doc, anchor.i + 1, 1)
    nxt = doc[aw[0]] if aw else None
    if nxt is not None and nxt.sent == anchor.sent:
        cat = _adj_category(nxt)
        if cat and not (cat == "missing" and found):
            return cat, False
    return "other", False


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
                                  noun not in _PERSON_NOUNS and len(words) == 1):
        return "people"
    return " ".join(words)


def _group_word(doc: Doc, head: Token | None, part: Token | None, num: _Number,
                category: str) -> str:
    """What is counted, in the text's words ("civilians", "rescue workers"); "people" when
    the text only says the count is of dead, deaths, lives, victims or the like."""
    if part is not None:
        # "11 of the dead were children": the copula's attribute names the group
        v = doc[num.root].head
        attr = next((c for c in v.children if c.dep_ == "attr"), None) if _lemma(v) == "be" \
            else None
        if attr is not None and is_person_noun(attr):
            return _with_compounds(attr)
        if is_person_noun(part) and part.lower_ not in GENERAL_GROUPS:
            return _with_compounds(part)
        return "people"
    if head is None:
        return "people"
    word = head.lower_
    if _lemma(head) in _NOUN_CATEGORY or word in _NOUN_CATEGORY or word in (
            "others", "those", "toll", "victims", "casualties", "lives", "bodies", "deaths"):
        return "people"
    return _with_compounds(head)


_PEOPLE_WORDS = {"victims", "casualties", "lives", "bodies", "deaths", "others", "those",
                 "dead", "members", "family", "families", "household", "households"}
_GROWTH_VERBS = {"rise", "exceed", "reach", "climb", "increase", "top", "surpass", "double",
                 "grow", "hit", "soar", "mount"}
_PEOPLE_VERBS = {"rescue", "save", "survive", "free", "release", "hire", "recruit", "infect",
                 "sicken", "vaccinate", "deport", "repatriate", "expel", "treat", "evacuate",
                 "strand", "march", "rally", "protest", "vote", "die", "flee"}


def _people_verb(tok: Token) -> bool:
    """A bare number is a count of people when it is the subject or object of a verb that
    only takes people: "120 have been rescued", "9 were rescued alive"."""
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    v = tok.head
    if v.dep_ in ("aux", "auxpass"):
        v = v.head
    return v.pos_ == "VERB" and _lemma(v) in _PEOPLE_VERBS


def _with_compounds(head: Token) -> str:
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
    if low in _PERSON_NOUNS or _lemma(tok) in _PERSON_NOUNS:
        return True
    if tok.ent_type_ in ("NORP",) or (tok.pos_ == "PROPN" and tok.ent_type_ == "NORP"):
        return True
    if tok.pos_ not in ("NOUN", "PROPN") or low in _NOT_PERSONS:
        return False
    return tok.tag_ in ("NNS", "NNPS") and low.endswith(_PERSON_SUFFIXES)


# --------------------------------------------------------------------------- attribution


def _speaker_text(doc: Doc, s: Token) -> str | None:
    if s.lower_ in _PRONOUNS or s.pos_ == "PRON":
        return None
    left = s.left_edge.i
    right = s.i + 1
    ent = next((e for e in doc.ents if e.start <= s.i < e.end), None)
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
    if len(span) > 12:
        span = doc[max(left, s.i - 6):right]
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


def _attribution(doc: Doc, tok: Token, sent: Span) -> str | None:
    # ancestors: "X said (that) 86 died", "One report suggested at least 11 ..."
    child = tok
    for a in tok.ancestors:
        via, child = child, a
        if a.pos_ in ("VERB", "AUX") and _lemma(a) in _REPORT_VERBS and _lemma(a) != "according":
            if via.dep_ not in ("ccomp", "parataxis", "xcomp", "advcl", "conj") and \
                    _lemma(a) not in _COUNTING_VERBS:
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
        if t.pos_ == "VERB" and _lemma(t) in ("say", "report", "tell", "estimate", "confirm") \
                and t.dep_ in ("parataxis", "ROOT"):
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is not None and tok not in list(subj.subtree) and t.i > tok.i:
                return _speaker_text(doc, subj)
    return None


# --------------------------------------------------------------------------- event scope


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
                c.dep_ in ("mark", "nsubj", "nsubjpass") for c in v.children))):
        h = v.head
        while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
            h = h.head
        if h.pos_ not in ("VERB", "AUX"):
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
        if c.dep_ == "relcl" and c.i not in path and _relative_subject(c):
            keep.extend(c.subtree)
    if v.dep_ in ("relcl", "acl", "advcl") and v.head.i != v.i:
        h = v.head
        keep.append(h)
        for c in h.children:
            if c.i != v.i and c.dep_ not in ("relcl", "acl"):
                keep.extend(c.subtree)
        # the preposition that holds that noun or date ("since 2013, when ...")
        if h.dep_ == "pobj":
            keep.append(h.head)
    return keep


def _month_of(e: Span) -> int | None:
    """Month number of a date expression naming a month ("in December", "on 4 April")."""
    for t in e:
        if t.lower_ in _MONTHS:
            return _MONTH_NUM[t.lower_[:3]]
    return None


_MONTH_NUM = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


def _comparison_date(e: Span) -> bool:
    """'the deadliest since 2010', 'the first time since 2013': a date that compares."""
    prep = e.root.head if e.root.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("since", "in"):
        return False
    h = prep.head
    return h.tag_ in ("JJS", "RBS") or h.lower_ in ("first", "time", "worst", "deadliest",
                                                    "biggest", "largest", "highest")


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


def _doc_reference_year(doc: Doc, published: str | None) -> int | None:
    """The publication year, or the latest year written in a full date (month + year)."""
    year = _year_of(published)
    if year is not None:
        return year
    years = []
    for e in doc.ents:
        if e.label_ == "DATE" and any(t.lower_ in _MONTHS for t in e):
            years.extend(int(y) for y in _YEAR_RE.findall(e.text) if len(y) == 4)
    return max(years) if years else None


def _is_marked_other_event(doc: Doc, ev: Token, event_places: set[str]) -> str | None:
    """'the previous attack', 'the 2010 earthquake', 'the Rwandan genocide',
    'the attack in eastern Damascus' (a place not named with the event's own toll)."""
    for c in ev.children:
        if c.lower_ in _CURRENT_MARKERS or (c.dep_ == "poss" and c.lower_ in _WEEKDAYS):
            return None
    if ev.dep_ == "pobj" and ev.head.lower_ in ("than", "like", "unlike", "since"):
        return f"compared with another {ev.text}"
    if ev.dep_ == "pobj" and ev.head.lower_ in ("after", "since") and any(
            c.ent_type_ == "DATE" and _PERIOD_RE.search(c.text) for c in ev.head.children):
        # "ten years after the collapse that killed 1,134": an anniversary
        return f"an earlier {ev.text} (years before)"
    for c in ev.children:
        if c.dep_ in ("amod", "compound", "nmod", "det", "nummod") and c.lower_ in _OTHER_MARKERS:
            return f"another event ('{c.text} {ev.text}')"
        if c.dep_ in ("compound", "nummod", "amod", "nmod", "poss") and _YEAR_RE.fullmatch(c.text):
            return f"another event ('{c.text} {ev.text}')"
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "at", "near") and event_places:
            for p in c.subtree:
                if p.ent_type_ in ("GPE", "LOC", "FAC") and not _place_known(p.text, event_places):
                    ent = next((e for e in doc.ents if e.start <= p.i < e.end), None)
                    name = ent.text if ent is not None else p.text
                    if not _place_known(name, event_places):
                        return f"another {ev.text}, {c.text} {name}"
        if c.dep_ in ("poss", "compound", "nummod", "npadvmod") and (
                c.ent_type_ == "DATE" or re.fullmatch(r"\d{1,2}/\d{1,2}", c.text)):
            ent = next((e for e in doc.ents if e.start <= c.i < e.end), None)
            words = {t.lower_ for t in ent} if ent is not None else {c.lower_}
            if words & {"last", "previous", "earlier", "past"} or re.search(
                r"\d+/\d+", c.text
            ):
                return f"another event ('{c.text} {ev.text}')"
    if ev.ent_type_ == "EVENT":
        return f"another event ({ev.text})"
    return None


_HABITUAL_RE = re.compile(r"\b(every|each|a|per)\s+(year|month|week|day|winter|summer|spring|"
                          r"autumn|season)\b|\bannually\b|\byearly\b", re.I)
_PAST_PERIOD_WORDS = {"past", "last", "previous", "recent", "earlier"}


def _period_scope(e: Span, head_prep: Token | None, verb: Token, clause_ids: set[int],
                  anchor: Token) -> str | None:
    """Background reason given by a (non-year) date expression in the figure's clause:
    habitual ("every year", "a year"), a past or cumulative period ("last year", "over the
    past decade", "this year's toll", "has killed 300 this year"). Durations ("for ten
    years") and the event's own days are not background."""
    if any(t.lower_ == "ago" for t in e):
        return None
    if _HABITUAL_RE.search(e.text):
        return f"a recurring count ({e.text})"
    if not _PERIOD_RE.search(e.text):
        return None
    words = {t.lower_ for t in e}
    host = head_prep.head if head_prep is not None else e.root.head
    attached = host.i == verb.i or (host.pos_ in ("VERB", "AUX") and host.i in clause_ids)
    toll_poss = e.root.dep_ == "poss" and _lemma(e.root.head) in _TOLL_NOUNS | {"death"} \
        and anchor in list(e.root.head.head.subtree)
    if toll_poss:
        return f"a cumulative toll ({e.text})"
    if not attached:
        return None
    if words & _PAST_PERIOD_WORDS or (head_prep is not None and head_prep.lower_ in (
            "over", "during")):
        return f"another period ({e.text})"
    perfect = any(c.dep_ == "aux" and _lemma(c) == "have" for c in verb.children)
    if "this" in words and perfect:
        return f"a cumulative count ({e.text})"
    return None


def _place_known(name: str, places: set[str]) -> bool:
    n = name.lower().strip()
    if n.endswith("n") and n[:-1] in places:  # Syrian / Syria
        return True
    return any(n in p or p in n or n.rstrip("ns") == p.rstrip("ns") for p in places)


def _scope(doc: Doc, tok: Token, ref_year: int | None, event_places: set[str],
           first: int | None = None, ref_month: int | None = None) -> _Scope:
    bw = _words_before(doc, first, tok.sent.start, 1) if first is not None else []
    if bw and doc[bw[0]].pos_ == "VERB" and _lemma(doc[bw[0]]) in _VERB_CATEGORY \
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
    if any(t.lower_ in _WEEKDAYS for t in tok.sent):
        current = True
    # 1. dates: a bare year (or one before the publication year), a cumulative period
    for e in doc.ents:
        if e.label_ != "DATE":
            continue
        own = clause_verb.dep_ in ("relcl", "advcl", "acl") and e.start <= clause_verb.head.i < e.end
        if own:
            # "since 2013, when hundreds of people died": the clause describes that date
            years = [int(y) for y in _YEAR_RE.findall(e.text) if len(y) == 4]
            if years and (ref_year is None or max(years) < ref_year):
                return _Scope(True, f"dated {e.text}", current)
        if not any(t.i in clause_ids for t in e):
            continue
        head_prep = e.root.head if e.root.dep_ == "pobj" else None
        if _comparison_date(e):
            continue  # "the deadliest since 2010" compares, it does not scope
        years = [int(y) for y in _YEAR_RE.findall(e.text) if len(y) == 4]
        if years:
            if ref_year is None or max(years) < ref_year:
                return _Scope(True, f"dated {e.text}", current)
        elif ref_month is not None and _month_of(e) is not None and \
                (ref_month - (_month_of(e) or 0)) % 12 >= 2:
            # "in December" in an article published in April: another episode
            return _Scope(True, f"dated {e.text}, months before the report", current)
        elif head_prep is not None and head_prep.lower_ == "since" and not any(
            t.lower_ in _WEEKDAYS for t in e
        ):
            return _Scope(True, f"a cumulative count (since {e.text})", current)
        else:
            why = _period_scope(e, head_prep, verb, clause_ids, tok)
            if why:
                return _Scope(True, why, current)
    # habitual without a date entity: "receives 7 million visitors a year"
    for t in clause:
        if t.lower_ in ("year", "month", "week", "day", "winter", "summer", "spring", "autumn",
                        "season") and t.dep_ in ("npadvmod", "nmod") and any(
            c.lower_ in ("a", "every", "each", "per") for c in t.children
        ):
            return _Scope(True, f"a recurring count (a {t.text})", current)
    # "since the start of the war"
    for t in clause:
        if t.lower_ == "since" and t.dep_ == "prep" and any(
            _lemma(p) in _PERIOD_NOUNS or _lemma(p) in ("start", "beginning") for p in t.subtree
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
    if subj is not None and _lemma(subj) in _PERIOD_NOUNS:
        return _Scope(True, f"over the whole {subj.text}", current)
    if subj is not None and _lemma(subj) in ("year", "month", "decade", "week") and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in subj.children):
        return _Scope(True, f"over a period ('{subj.text} of ...')", current)  # years of war
    # "since the war began": a count since the start of a period
    for c in v.children:
        if c.dep_ == "advcl" and any(m.lower_ == "since" for m in c.children
                                     if m.dep_ in ("mark", "advmod")) and any(
                s.dep_ in ("nsubj", "nsubjpass") and _lemma(s) in _PERIOD_NOUNS
                for s in c.children):
            return _Scope(True, "a cumulative count (since the start of the period)", current)
    # an event subject dated in its own description: "The Camp Fire, which destroyed the
    # town in 2018, killed 85 people"
    if subj is not None and (_lemma(subj) in _EVENT_NOUNS | {"fighting", "violence", "unrest"}
                             or subj.ent_type_ == "EVENT"):
        for e in doc.ents:
            if e.label_ == "DATE" and subj.left_edge.i <= e.start and e.end <= subj.right_edge.i + 1 \
                    and not _comparison_date(e):
                years = [int(y) for y in _YEAR_RE.findall(e.text) if len(y) == 4]
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
    before2 = [doc[j].lower_ for j in _words_before(doc, first, tok.sent.start, 2)] \
        if first is not None else []
    if (t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "home") or \
            before2 == ["home", "to"]:
        return _Scope(True, "a standing fact, not an occurrence ('home to')", current)
    if v.tag_ in ("VBZ", "VBP") and _lemma(v) in _STATIVE_VERBS:
        return _Scope(True, f"a standing fact, not an occurrence ('{v.text}')", current)
    # 4. another event named in the clause
    for t in clause:
        if _lemma(t) in _EVENT_NOUNS or t.lower_ in _EVENT_NOUNS:
            why = _is_marked_other_event(doc, t, event_places)
            if why:
                return _Scope(True, why, current)
            if any(c.lower_ in _CURRENT_MARKERS or c.dep_ == "poss" for c in t.children):
                current = True
            elif any(c.lower_ in ("the",) for c in t.children):
                current = True
    return _Scope(False, "", current)


# --------------------------------------------------------------------------- main


def _sentence_frame(doc: Doc, sent: Span, ref_year: int | None) -> bool:
    """Does this sentence open a background frame (a past year, another named event)?"""
    for e in doc.ents:
        if e.label_ == "DATE" and sent.start <= e.start < sent.end:
            years = [int(y) for y in _YEAR_RE.findall(e.text) if len(y) == 4]
            if years and (ref_year is None or max(years) < ref_year):
                return True
    return any(t.ent_type_ == "EVENT" for t in sent)


_AGO_RE = re.compile(r"\b(years?|decades?|centuries|century)\s+ago\b", re.I)


def _clause_frame(doc: Doc, sent: Span, tok: Token, ref_year: int | None) -> bool:
    """A coordinate clause of the same sentence dates it in the past: "Twenty years ago, the
    invasion began; hundreds of thousands died in the violence that followed."."""
    v = tok
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    for e in doc.ents:
        if e.label_ != "DATE" or not (sent.start <= e.start < sent.end):
            continue
        host = e.root.head.head if e.root.dep_ == "pobj" else e.root.head
        if host.i == v.i or host.pos_ not in ("VERB", "AUX"):
            continue
        if host.dep_ not in ("ROOT", "conj", "parataxis", "ccomp") or v.dep_ not in (
                "ROOT", "conj", "parataxis", "relcl"):
            continue
        years = [int(y) for y in _YEAR_RE.findall(e.text) if len(y) == 4]
        if _AGO_RE.search(e.text) or (years and (ref_year is None or max(years) < ref_year)):
            return True
    return False


def _paragraph_index(doc: Doc) -> list[int]:
    """Paragraph number of each sentence (paragraphs are separated by blank lines)."""
    out = []
    para = 0
    prev_end = 0
    for s in doc.sents:
        if "\n\n" in doc_text(doc)[prev_end:s.start_char] or "\n" in doc_text(doc)[prev_end:s.start_char]:
            para += 1
        out.append(para)
        prev_end = s.start_char + len(s.text.rstrip())
    return out


def extract_figures(doc: Doc, source_id: str = "", published: str | None = None
                    ) -> list[Figure]:
    """Every count reported in ``doc``, with category, scope and attribution.

    ``published`` (ISO date) dates the article: years before it mark background figures.
    Items that cannot be analysed are skipped with a warning; the rest are returned."""
    sents = list(doc.sents)
    if not sents:
        return []
    paragraphs = _paragraph_index(doc)
    ref_year = _doc_reference_year(doc, published)
    raw: list[tuple[Figure, Token, bool, int, int]] = []
    consumed: set[int] = set()
    for si, sent in enumerate(sents):
        i = sent.start
        while i < sent.end:
            if i in consumed:
                i += 1
                continue
            try:
                item = _figure_at(doc, i, sent, si, source_id)
            except (IndexError, ValueError, KeyError, AttributeError, TypeError) as exc:
                # one odd construction must not cost the document its other figures
                warnings.warn(f"figures: skipped token {doc[i].text!r} at {doc[i].idx} in "
                              f"{source_id or 'document'}: {exc}", stacklevel=2)
                i += 1
                continue
            if item is None:
                i += 1
                continue
            fig, anchor, subset, end_tok = item
            first = next(t.i for t in doc[i:end_tok] if t.idx >= fig.start) if \
                doc[i].idx < fig.start else _first_token(doc, fig.start, i)
            raw.append((fig, anchor, subset, si, first))
            consumed.update(range(i, end_tok))
            i = end_tok
    # places named around this event's own tolls (the first casualty figures not dated away)
    event_places = _event_places(doc, sents, raw, ref_year)
    out: list[Figure] = []
    background_sents: set[int] = set()
    ref_month = int(published[5:7]) if published and re.match(r"\d{4}-\d{2}", published) \
        else None
    for fig, anchor, _subset, si, first in raw:
        sc = _scope(doc, anchor, ref_year, event_places, first, ref_month)
        background = sc.background
        reason = ""
        if not background and not sc.current and si > 0 and (si - 1) in background_sents \
                and paragraphs[si - 1] == paragraphs[si] and _past_simple(anchor):
            background, reason = True, "continues a background passage"
        if not background and not sc.current and si > 0 \
                and paragraphs[si - 1] == paragraphs[si] \
                and _sentence_frame(doc, sents[si - 1], ref_year) and _past_simple(anchor):
            background, reason = True, "follows a sentence about another time or event"
        if not background and not sc.current and _past_simple(anchor) \
                and _clause_frame(doc, sents[si], anchor, ref_year):
            background, reason = True, "the sentence is set in the past"
        fig.about_event = not background
        if background:
            fig.scope = sc.reason or reason
        if background:
            background_sents.add(si)
        out.append(fig)
    _link_subsets(out, [r[2] for r in raw])
    return out


def _first_token(doc: Doc, char: int, upto: int) -> int:
    """Index of the token that starts at character ``char`` (searching back from upto)."""
    j = upto
    while j > 0 and doc[j].idx > char:
        j -= 1
    return j


def _past_simple(tok: Token) -> bool:
    v = tok
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    return v.tag_ == "VBD" and not any(c.dep_ == "aux" and c.lemma_ == "have"
                                       for c in v.children)


def _event_places(doc: Doc, sents: list[Span],
                  raw: list[tuple[Figure, Token, bool, int, int]], ref_year: int | None
                  ) -> set[str]:
    places: set[str] = set()
    chosen: list[int] = []
    for fig, anchor, _sub, si, first in raw:
        if fig.category in ("killed", "injured", "displaced", "missing", "arrested"):
            sc = _scope(doc, anchor, ref_year, set(), first)
            if not sc.background:
                chosen.append(si)
                break
    if not chosen:
        chosen = [0]
    for si in chosen:
        for k in (si - 1, si):
            if 0 <= k < len(sents):
                for e in sents[k].ents:
                    if e.label_ in ("GPE", "LOC", "FAC"):
                        places.add(e.text.lower())
    return places


def _figure_at(doc: Doc, i: int, sent: Span, si: int, source_id: str
               ) -> tuple[Figure, Token, bool, int] | None:
    num = _parse_number(doc, i)
    if num is None:
        return None
    num = _between(doc, num, sent.start)
    q = _qualifier_before(doc, num.start, sent.start)
    if q is not None:
        num = _apply_qualifier(num, q[1], q[0])
    # the syntactic head of the number words ("two hundred and fifty" -> hundred)
    num.root = doc[num.num_start:num.end].root.i
    aw = _words_from(doc, num.end, 3)
    if len(aw) >= 2 and doc[aw[0]].lower_ == "of" and (
            _parse_number(doc, aw[1]) is not None
            or (len(aw) == 3 and doc[aw[1]].lower_ == "the" and _parse_number(doc, aw[2]))):
        return None  # "one of 14 people killed": the count is the second number
    head, part = _counted_head(doc, num)
    if _excluded(doc, num, head) is not None:
        return None
    # verbs that bound the count: "the toll exceeded 1,000" (at least); a projection such as
    # "the toll could exceed 1,000" or "is expected to rise to 100" reports no count
    gov = (head or doc[num.root])
    while gov.dep_ in ("nummod", "quantmod", "compound", "pobj", "prep") and gov.head.i != gov.i \
            and gov.head.pos_ in ("ADP", "NOUN", "NUM"):
        gov = gov.head
    verb = gov.head if gov.dep_ in ("dobj", "pobj", "attr") else None
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head
    if verb is not None and verb.pos_ == "VERB":
        modal = any(c.dep_ == "aux" and c.lower_ in ("could", "may", "might", "would", "will")
                    for c in verb.children) or _lemma(verb.head) in ("expect", "fear", "predict")
        if modal and _lemma(verb) in _GROWTH_VERBS:
            return None
        if _lemma(verb) in ("exceed", "surpass", "top", "pass") and num.qualifier == "exact":
            num = _Number(num.start, num.num_start, num.end, num.low, None, "at_least",
                          num.value, num.root)
    # a capacity is not a count: "the boat, built to carry 30 people"
    if verb is not None and verb.dep_ in ("xcomp", "advcl") and _lemma(verb.head) in (
            "build", "design", "mean", "intend", "certify", "license", "able", "capable",
            "equip", "plan"):
        return None
    # a count inside a condition is hypothetical: "if even a portion of those billion people
    # were displaced"
    if any(a.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in a.children
                                     if m.dep_ == "mark") for a in doc[num.root].ancestors):
        return None
    category, subset = _category(doc, num, head, part)
    if category == "other":
        # counts that are not casualties are kept only when they count people: a person noun,
        # or a bare number whose verb takes people ("120 have been rescued")
        if num.value < 2:
            return None
        nxt = [doc[j].lower_ for j in _words_from(doc, num.end, 2)]
        aboard = nxt[:1] == ["aboard"] or nxt == ["on", "board"]
        if head is None and not (part is None and (_people_verb(doc[num.root]) or aboard)):
            return None  # a bare number counts people only by its verb or "on board"
        if head is not None and not is_person_noun(head):
            return None
        if head is not None and (head.lower_ in _VAGUE or head.lower_ in _SCALES):
            return None
    if category != "other" and num.value < 1:
        return None
    if num.value == 1 and head is None and part is None and category in ("other", "arrested",
                                                                        "displaced"):
        return None  # "one captured by a dashboard camera": a pronoun, not a count
    if category != "other" and head is not None and not (
            is_person_noun(head) or _lemma(head) in _NOUN_CATEGORY
            or head.lower_ in _NOUN_CATEGORY or head.lower_ in _PEOPLE_WORDS):
        return None  # "shot down two planes", "six divisions fled": not people
    group = _group_word(doc, head, part, num, category)
    counts = f"{group} {category}" if category != "other" else group
    start_tok = num.start
    end_tok = num.end
    if head is not None and head.i >= end_tok and head.i - end_tok <= 4:
        end_tok = head.i + 1
    elif part is not None and part.i >= end_tok and part.i - end_tok <= 4:
        end_tok = part.i + 1
    start = doc[start_tok].idx
    last = doc[end_tok - 1]
    end = last.idx + len(last.text)
    anchor = head if head is not None and head.i < num.end + 1 else doc[num.root]
    fig = Figure(
        source_id=source_id, start=start, end=end, text=doc_text(doc)[start:end], low=num.low,
        high=num.high, qualifier=num.qualifier, counts=counts, category=category,
        attributed_to=_attribution(doc, doc[num.root], sent), sentence=si,
        id=f"{source_id}:{start}",
    )
    # a part of another casualty count ("three of the injured died", "two of the dead were
    # paramedics", "including 30 children"); "four of them" (of the protesters) is not
    root = doc[num.root]
    graded = root.head.lower_ in _SEVERE_ADVERBS | {"fatally", "mortally"} or any(
        c.lower_ in _SEVERE_ADVERBS | {"fatally", "mortally"} for c in root.children)
    fig.partial = (part is not None and (graded or bool(
        _noun_category(part) or _adj_category(part) or _np_category_local(part)))) or (
        part is None and subset)
    sub_group = group_of(counts) != "people"
    return fig, anchor, subset or sub_group, max(end_tok, num.end)


def _link_subsets(figs: list[Figure], subset_flags: list[bool]) -> None:
    """Link each sub-group count to the nearest preceding total of the same category."""
    for k, fig in enumerate(figs):
        if not subset_flags[k] or fig.category == "other" or group_of(fig.counts) == "people":
            continue
        for j in range(k - 1, -1, -1):
            tot = figs[j]
            if tot.category == fig.category and group_of(tot.counts) == "people" \
                    and tot.about_event == fig.about_event \
                    and (fig.sentence is None or tot.sentence is None
                         or fig.sentence - tot.sentence <= 4):
                fig.subset_of = tot.id
                break
