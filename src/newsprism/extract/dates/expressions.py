"""Date expressions: the regular patterns (explicit dates, weekdays, relative phrases, holidays)
and their parse into a specification."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...language import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTHS,
    NUMBER_WORDS,
    WEEKDAY_NAMES,
    WEEKDAYS,
)

EVENT_WINDOW_DAYS = 10

# "two years ago", "a decade ago": the number words a relative date counts with
_NUMBERS = {"a": 1, "an": 1, **{w: v for w, v in NUMBER_WORDS.items() if v}}
_MONTH_ABBR = [abbr.title() for abbr in MONTH_ABBREVIATIONS]
# Title case or capitals ("WEDNESDAY, MARCH 13"), never lower case ("may", "march")
_MONTH_RE = (
    "(?:"
    + "|".join(n for name in MONTH_NAMES for n in (name, name.upper()))
    + "|"
    + "|".join(n + r"\.?" for abbr in _MONTH_ABBR for n in (abbr, abbr.upper()))
    + ")"
)
_WEEKDAY_RE = (
    "(?:"
    + "|".join(
        n
        for name in WEEKDAY_NAMES
        for n in (name, name.upper())
    )
    + ")"
)
_DAY_RE = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR_RE = r"(?:1[0-9]{3}|20[0-9]{2})"
_NUM_RE = r"(?:\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_PART_RE = r"(?:\s+(?:morning|afternoon|evening|night))?"
# a modifier in front of a month or year that keeps the month/year precision
_EDGE_RE = r"(?:(?:early|late|mid|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of)[\s-]+)?"

# Ordered: the first pattern that matches at a position wins, longer forms first.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>" + YEAR_RE + r")-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3][0-9])\b")),
    (
        "numeric",
        re.compile(
            r"(?<![\d/.])(?P<a>[0-3]?[0-9])[/.](?P<b>[01]?[0-9])[/.](?P<y>"
            + YEAR_RE
            + r")(?![\d/.])"
        ),
    ),
    (
        "relmonth",
        re.compile(
            r"\b"
            + _EDGE_RE
            + r"(?P<mon>"
            + _MONTH_RE
            + r")\s+(?:of\s+)?(?P<which>last|this|next)\s+year\b"
        ),
    ),
    (
        "holiday",
        re.compile(
            r"\b(?:(?P<mod>last|next|this)\s+)?(?P<h>New\s+Year['’]s\s+(?:Eve|Day)|Christmas(?:\s+(?:Eve|Day))?"
            r"|Boxing\s+Day|Valentine['’]s\s+Day|Halloween|Bastille\s+Day|Independence\s+Day)\b"
        ),
    ),
    (
        "mdy",
        re.compile(
            r"\b(?:(?P<wd>"
            + _WEEKDAY_RE
            + r"),?\s+)?(?P<mon>"
            + _MONTH_RE
            + r")\s+(?P<d>"
            + _DAY_RE
            + r")\b(?!\s*(?:[-–]\s*)?\d{3})(?:,?\s+(?P<y>"
            + YEAR_RE
            + r")\b)?"
        ),
    ),
    (
        "dmy",
        re.compile(
            r"\b(?:(?P<wd>"
            + _WEEKDAY_RE
            + r"),?\s+)?(?:the\s+)?(?P<d>"
            + _DAY_RE
            + r")(?:\s+of)?\s+(?P<mon>"
            + _MONTH_RE
            + r")\b(?:,?\s+(?P<y>"
            + YEAR_RE
            + r")\b)?"
        ),
    ),
    (
        "my",
        re.compile(
            r"\b"
            + _EDGE_RE
            + r"(?P<mon>"
            + _MONTH_RE
            + r"),?\s+(?:of\s+)?(?P<y>"
            + YEAR_RE
            + r")\b"
        ),
    ),
    (
        "deictic",
        re.compile(
            r"\b(?P<w>yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)"
            r"|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b(?!-)",
            re.I,
        ),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>" + _NUM_RE + r")\s+(?P<unit>years?|months?|weeks?|days?|decades?)\s+ago\b",
            re.I,
        ),
    ),
    (
        "period",
        re.compile(
            r"\b(?P<which>last|this|next|the\s+previous|the\s+following)\s+(?P<unit>year|month)\b",
            re.I,
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<mod>last|next|this(?:\s+coming|\s+past)?|on)\s+)?(?P<wd>"
            + _WEEKDAY_RE
            + r")(?:'s|’s)?"
            + _PART_RE
            + r"\b"
        ),
    ),
    (
        "month",
        re.compile(
            r"\b(?:(?P<mod>last|next|this|in|since|during|until|till|by|from|through|before|after|of"
            r"|early|late|mid|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)[\s-]+)?(?P<mon>"
            + _MONTH_RE.replace(r"\.?", "")
            + r")\b(?!\s+\d|\s+(?:of\s+)?(?:last|this|next)\s+year)"
        ),
    ),
    (
        "year",
        re.compile(
            r"(?:\b(?P<mod>in|since|during|until|till|by|from|before|after|of|between|and|early|late|mid|the|"
            r"the\s+end\s+of|the\s+start\s+of)[\s-]+)?\b(?P<y>"
            + YEAR_RE
            + r")\b(?!\s*(?:/\d|%|\.\d|,\d)|[-–](?!\d{2}(?:\d{2})?\b)\d)"
        ),
    ),
]

_HOLIDAYS = {
    "new year's eve": (12, 31), "new year's day": (1, 1), "christmas": (12, 25),
    "christmas eve": (12, 24), "christmas day": (12, 25), "boxing day": (12, 26),
    "valentine's day": (2, 14), "halloween": (10, 31), "bastille day": (7, 14),
    "independence day": (7, 4),
}  # fixed-date holidays; "Independence Day" is read as the US one  # fmt: skip
AMBIGUOUS_MONTHS = {"may", "march", "june", "april", "august", "jan", "mar", "jun", "dec"}


@dataclass(slots=True, frozen=True)
class Spec:
    """What an expression says, before anchoring."""

    kind: str  # full | monthday | monthyear | year | month | weekday | deictic | ago | period
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int = 0  # days for deictic, count for ago / period
    unit: str = ""  # year | month | week | day
    modifier: str = ""  # last | next | this | on | ...


# --------------------------------------------------------------------------- parsing


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _number(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else _NUMBERS[w]


def parse_match(kind: str, m: re.Match[str]) -> Spec | None:
    g = m.groupdict()
    if kind == "iso":
        return Spec("full", int(g["y"]), int(g["m"]), int(g["d"]))
    if kind in ("mdy", "dmy"):
        day = int(re.sub(r"\D", "", g["d"]))
        month = _month_number(g["mon"])
        wd = WEEKDAYS[g["wd"].lower()] if g.get("wd") else None
        if g.get("y"):
            return Spec("full", int(g["y"]), month, day, weekday=wd)
        return Spec("monthday", None, month, day, weekday=wd)
    if kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        if a > 12 and 1 <= b <= 12:
            return Spec("full", int(g["y"]), b, a)  # day/month/year
        if b > 12 and 1 <= a <= 12:
            return Spec("full", int(g["y"]), a, b)  # month/day/year
        if a == b and 1 <= a <= 12:
            return Spec("full", int(g["y"]), a, a)
        return Spec("ambiguous", int(g["y"]))  # 03/04/2017: order unknown
    if kind == "relmonth":
        which = g["which"].lower()
        return Spec(
            "relmonth",
            month=_month_number(g["mon"]),
            offset={"last": -1, "this": 0, "next": 1}[which],
        )
    if kind == "holiday":
        name = re.sub(r"\s+", " ", g["h"].lower()).replace("’", "'")
        month, day = _HOLIDAYS[name]
        return Spec("monthday", None, month, day, modifier=(g.get("mod") or "").lower())
    if kind == "my":
        return Spec("monthyear", int(g["y"]), _month_number(g["mon"]))
    if kind == "deictic":
        w = re.sub(r"\s+", " ", g["w"].lower())
        offsets = {
            "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1,
            "the day before yesterday": -2, "the day after tomorrow": 2,
        }  # fmt: skip
        return Spec("deictic", offset=offsets.get(w, 0))
    if kind == "ago":
        unit = g["unit"].lower().rstrip("s")
        n = _number(g["n"])
        if unit == "decade":
            unit, n = "year", n * 10
        return Spec("ago", offset=n, unit=unit)
    if kind == "period":
        which = re.sub(r"\s+", " ", g["which"].lower())
        step = {"last": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}[which]
        return Spec("period", offset=step, unit=g["unit"].lower())
    if kind == "weekday":
        mod = (g.get("mod") or "").lower()
        return Spec(
            "weekday", weekday=WEEKDAYS[g["wd"].lower()], modifier=mod.split()[0] if mod else ""
        )
    if kind == "month":
        mod = re.sub(r"\s+", " ", (g.get("mod") or "").lower())
        return Spec("month", month=_month_number(g["mon"]), modifier=mod)
    if kind == "year":
        return Spec("year", int(g["y"]), modifier=(g.get("mod") or "").lower())
    return None


@functools.lru_cache(maxsize=4096)
def parse_expression(text: str) -> Spec | None:
    """The meaning of one temporal expression (the whole text must be one expression).

    Cached: the calendar, the publication-date inference and the timeline each read the same
    date mentions, and a :class:`Spec` is immutable."""
    for kind, pattern in PATTERNS:
        m = pattern.search(text)
        if m and m.group(0).strip():
            return parse_match(kind, m)
    return None
