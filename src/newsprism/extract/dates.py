"""Temporal expressions: find them in a Doc and resolve them to calendar dates.

Explicit dates ("April 4, 2017", "4 April 2017", "2017-04-04", "April 2017", "in 2013") are
resolved on their own. Relative ones are anchored on the publication date:

- weekdays: "on Tuesday" is the last Tuesday on or before publication ("next Tuesday", or a
  weekday governed by a future verb, "will vote on Friday", is the next one on or after it);
- yesterday / today / tonight / tomorrow / last night / this morning;
- last / this / next year or month; "four years ago", "two months ago", "a decade ago";
- "in February": the most recent past February (the next one for a future verb);
- "April 4": the year that puts the date nearest the publication date (direction breaks ties).

Without a publication date, relative expressions keep ``value=None`` (their text and direction
are kept so :func:`reanchor_dates` can resolve them once a date is inferred, see
:func:`infer_published`). Month-day dates without a year take the year of an explicit date
earlier in the same text when there is one.

``about_event`` is False for background: anything resolved to a year only, and day/month dates
more than ``EVENT_WINDOW_DAYS`` from publication.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, replace

import dateparser
from spacy.tokens import Doc, Span, Token

from ..model import DateMention
from . import doc_text

EVENT_WINDOW_DAYS = 10

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip

_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
_MONTH_ABBR = "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec".split()
# Title case or capitals ("WEDNESDAY, MARCH 13"), never lower case ("may", "march")
_MONTH_RE = (
    "(?:"
    + "|".join(n for name in _MONTH_NAMES for n in (name, name.upper()))
    + "|"
    + "|".join(n + r"\.?" for abbr in _MONTH_ABBR for n in (abbr, abbr.upper()))
    + ")"
)
_WEEKDAY_RE = (
    "(?:"
    + "|".join(
        n
        for name in "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
        for n in (name, name.upper())
    )
    + ")"
)
_DAY_RE = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:1[0-9]{3}|20[0-9]{2})"
_NUM_RE = r"(?:\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_PART_RE = r"(?:\s+(?:morning|afternoon|evening|night))?"
# a modifier in front of a month or year that keeps the month/year precision
_EDGE_RE = r"(?:(?:early|late|mid|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of)[\s-]+)?"

# Ordered: the first pattern that matches at a position wins, longer forms first.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>" + _YEAR_RE + r")-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3][0-9])\b")),
    (
        "numeric",
        re.compile(
            r"(?<![\d/.])(?P<a>[0-3]?[0-9])[/.](?P<b>[01]?[0-9])[/.](?P<y>"
            + _YEAR_RE
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
            + _YEAR_RE
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
            + _YEAR_RE
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
            + _YEAR_RE
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
            + _YEAR_RE
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
_AMBIGUOUS_MONTHS = {"may", "march", "june", "april", "august", "jan", "mar", "jun", "dec"}
_REPORTING = {
    "say", "tell", "announce", "promise", "pledge", "vow", "insist", "warn", "add", "state",
    "confirm", "predict", "expect", "hope", "plan", "decide", "agree",
}  # fmt: skip
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
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


@dataclass(slots=True, frozen=True)
class _Spec:
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
    return _MONTHS[word.lower().rstrip(".")]


def _number(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else _NUMBERS[w]


def _parse_match(kind: str, m: re.Match[str]) -> _Spec | None:
    g = m.groupdict()
    if kind == "iso":
        return _Spec("full", int(g["y"]), int(g["m"]), int(g["d"]))
    if kind in ("mdy", "dmy"):
        day = int(re.sub(r"\D", "", g["d"]))
        month = _month_number(g["mon"])
        wd = _WEEKDAYS[g["wd"].lower()] if g.get("wd") else None
        if g.get("y"):
            return _Spec("full", int(g["y"]), month, day, weekday=wd)
        return _Spec("monthday", None, month, day, weekday=wd)
    if kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        if a > 12 and 1 <= b <= 12:
            return _Spec("full", int(g["y"]), b, a)  # day/month/year
        if b > 12 and 1 <= a <= 12:
            return _Spec("full", int(g["y"]), a, b)  # month/day/year
        if a == b and 1 <= a <= 12:
            return _Spec("full", int(g["y"]), a, a)
        return _Spec("ambiguous", int(g["y"]))  # 03/04/2017: order unknown
    if kind == "relmonth":
        which = g["which"].lower()
        return _Spec(
            "relmonth",
            month=_month_number(g["mon"]),
            offset={"last": -1, "this": 0, "next": 1}[which],
        )
    if kind == "holiday":
        name = re.sub(r"\s+", " ", g["h"].lower()).replace("’", "'")
        month, day = _HOLIDAYS[name]
        return _Spec("monthday", None, month, day, modifier=(g.get("mod") or "").lower())
    if kind == "my":
        return _Spec("monthyear", int(g["y"]), _month_number(g["mon"]))
    if kind == "deictic":
        w = re.sub(r"\s+", " ", g["w"].lower())
        offsets = {
            "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1,
            "the day before yesterday": -2, "the day after tomorrow": 2,
        }  # fmt: skip
        return _Spec("deictic", offset=offsets.get(w, 0))
    if kind == "ago":
        unit = g["unit"].lower().rstrip("s")
        n = _number(g["n"])
        if unit == "decade":
            unit, n = "year", n * 10
        return _Spec("ago", offset=n, unit=unit)
    if kind == "period":
        which = re.sub(r"\s+", " ", g["which"].lower())
        step = {"last": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}[which]
        return _Spec("period", offset=step, unit=g["unit"].lower())
    if kind == "weekday":
        mod = (g.get("mod") or "").lower()
        return _Spec(
            "weekday", weekday=_WEEKDAYS[g["wd"].lower()], modifier=mod.split()[0] if mod else ""
        )
    if kind == "month":
        mod = re.sub(r"\s+", " ", (g.get("mod") or "").lower())
        return _Spec("month", month=_month_number(g["mon"]), modifier=mod)
    if kind == "year":
        return _Spec("year", int(g["y"]), modifier=(g.get("mod") or "").lower())
    return None


def parse_expression(text: str) -> _Spec | None:
    """The meaning of one temporal expression (the whole text must be one expression)."""
    for kind, pattern in _PATTERNS:
        m = pattern.search(text)
        if m and m.group(0).strip():
            return _parse_match(kind, m)
    return None


# --------------------------------------------------------------------------- anchoring


def _iso(d: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    if (
        not dt.MINYEAR <= year <= dt.MAXYEAR
        or not 1 <= month <= 12
        or not 1 <= day <= calendar.monthrange(year, month)[1]
    ):
        return None
    return dt.date(year, month, day)


def parse_iso(value: str | None) -> dt.date | None:
    """The first day of an ISO date at any precision (YYYY, YYYY-MM, YYYY-MM-DD), else None."""
    if not value:
        return None
    m = re.match(r"^\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    return _safe_date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def precision_of(value: str) -> str:
    """year | month | day for an ISO date string."""
    return {4: "year", 7: "month"}.get(len(value), "day")


def _resolve(
    spec: _Spec, pub: dt.date | None, direction: str, context_year: int | None
) -> tuple[str | None, bool]:
    """(ISO value or None, relative) for a parsed expression; None outside years 1-9999."""
    value, relative = _resolve_unchecked(spec, pub, direction, context_year)
    if value is not None and not re.fullmatch(r"(?!0000)\d{4}(?:-\d{2}(?:-\d{2})?)?", value):
        return None, False
    return value, relative


def _resolve_unchecked(
    spec: _Spec, pub: dt.date | None, direction: str, context_year: int | None
) -> tuple[str | None, bool]:
    future = direction == "future"
    if spec.kind == "full":
        assert spec.year is not None and spec.month is not None and spec.day is not None
        d = _safe_date(spec.year, spec.month, spec.day)
        return (d.isoformat() if d else None), False
    if spec.kind == "monthyear":
        return f"{spec.year:04d}-{spec.month:02d}", False
    if spec.kind == "ambiguous":
        return None, False
    if spec.kind == "year":
        return f"{spec.year:04d}", False
    if spec.kind == "monthday":
        assert spec.month is not None and spec.day is not None
        if pub is None:
            if context_year is None:
                return None, False
            d = _safe_date(context_year, spec.month, spec.day)
            return (d.isoformat() if d else None), False
        best: tuple[float, dt.date] | None = None
        for year in (pub.year - 1, pub.year, pub.year + 1):
            d = _safe_date(year, spec.month, spec.day)
            if d is None:
                continue
            delta = (d - pub).days
            cost = abs(delta)
            if spec.modifier == "last" and delta > 0 or spec.modifier == "next" and delta < 0:
                cost += 5000
            if (future and delta < 0) or (direction == "past" and delta > 1):
                cost += 1000  # against the tense of the verb
            if spec.weekday is not None and d.weekday() != spec.weekday:
                cost += 400
            if best is None or cost < best[0]:
                best = (cost, d)
        return (best[1].isoformat() if best else None), True
    if pub is None:
        return None, False
    if spec.kind == "deictic":
        return (pub + dt.timedelta(days=spec.offset)).isoformat(), True
    if spec.kind == "relmonth":
        return f"{pub.year + spec.offset:04d}-{spec.month:02d}", True
    if spec.kind == "weekday":
        assert spec.weekday is not None
        back = (pub.weekday() - spec.weekday) % 7  # days back to the last such weekday
        ahead = (spec.weekday - pub.weekday()) % 7
        if spec.modifier == "last":
            d = pub - dt.timedelta(days=back or 7)
        elif spec.modifier == "next":
            d = pub + dt.timedelta(days=ahead or 7)
        elif future:
            d = pub + dt.timedelta(days=ahead)
        else:
            d = pub - dt.timedelta(days=back)
        return d.isoformat(), True
    if spec.kind == "ago":
        if spec.unit == "year":
            return f"{pub.year - spec.offset:04d}", True
        if spec.unit == "month":
            y, m = _add_months(pub.year, pub.month, -spec.offset)
            return f"{y:04d}-{m:02d}", True
        days = spec.offset * (7 if spec.unit == "week" else 1)
        return (pub - dt.timedelta(days=days)).isoformat(), True
    if spec.kind == "period":
        if spec.unit == "year":
            return f"{pub.year + spec.offset:04d}", True
        y, m = _add_months(pub.year, pub.month, spec.offset)
        return f"{y:04d}-{m:02d}", True
    if spec.kind == "month":
        assert spec.month is not None
        mod = spec.modifier
        if mod in ("until", "till") and direction == "past":
            year = pub.year if spec.month <= pub.month else pub.year - 1  # "was shut until March"
        elif mod in ("until", "till") and not future:
            # no tense to go by: the nearest such month either side of publication
            after = pub.year if spec.month >= pub.month else pub.year + 1
            before = pub.year if spec.month <= pub.month else pub.year - 1
            gap_after = (after - pub.year) * 12 + spec.month - pub.month
            gap_before = (pub.year - before) * 12 + pub.month - spec.month
            year = after if gap_after < gap_before else before
        elif (
            mod == "next"
            or (future and mod not in ("last", "since", "after"))
            or mod in ("until", "till")
        ):
            year = pub.year if spec.month >= pub.month else pub.year + 1
            if mod == "next" and spec.month == pub.month:
                year += 1
        elif mod == "this":
            year = pub.year
        else:
            year = pub.year if spec.month <= pub.month else pub.year - 1
            if mod == "last" and spec.month == pub.month:
                year -= 1
        return f"{year:04d}-{spec.month:02d}", True
    return None, False


def _about_event(value: str | None, pub: dt.date | None, spec: _Spec) -> bool:
    if value is None:
        return True
    precision = precision_of(value)
    if precision == "year":
        return False
    d = parse_iso(value)
    if d is None:
        return False
    if spec.kind == "month" and spec.modifier in ("since", "until", "till", "before", "after"):
        return False
    if pub is None:
        return precision == "day"
    if precision == "month":
        return (d.year, d.month) == (pub.year, pub.month) and spec.kind != "ago"
    return abs((d - pub).days) <= EVENT_WINDOW_DAYS


# --------------------------------------------------------------------------- syntax


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


def _direction(span: Span, spec: _Spec) -> str:
    if spec.modifier in ("next", "this coming"):
        return "future"
    if spec.modifier in ("until", "till"):
        verb = _verb_of(span)
        if verb is not None and verb.lemma_.lower() in _DEFERRAL:
            return "future"  # "was postponed until May": the new date lies ahead
    if spec.modifier in ("last", "this past"):
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
        # "Friday's vote": the noun's own governing verb decides
        governor = verb.head if verb.dep_ not in ("ROOT",) else verb
        if governor is not verb and governor.pos_ in ("VERB", "AUX"):
            verb = governor
        else:
            return "either"
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


def _event_clause(span: Span) -> tuple[int, int]:
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
            if before >= 6 and after >= 4:
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
    for _ in range(6):
        if anchor.dep_ == "ROOT" or anchor.dep_ == "conj":
            break
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children):
            if anchor.right_edge.i - anchor.left_edge.i >= 4:
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


# --------------------------------------------------------------------------- extraction


def _candidates(doc: Doc) -> list[tuple[int, int, str, re.Match[str]]]:
    """Non-overlapping (start, end, kind, match) over the text, earliest and longest first."""
    text = doc_text(doc)
    date_chars = [False] * (len(text) + 1)
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            for i in range(ent.start_char, ent.end_char):
                date_chars[i] = True
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    for rank, (kind, pattern) in enumerate(_PATTERNS):
        for m in pattern.finditer(text):
            start, end = m.span()
            if end <= start:
                continue
            if kind == "month":
                word = m.group("mon").lower()
                if not m.group("mod") and not date_chars[m.start("mon")]:
                    continue  # a bare month name that the NER does not call a date
                if (
                    word in _AMBIGUOUS_MONTHS
                    and not m.group("mod")
                    and not date_chars[m.start("mon")]
                ):
                    continue
                if word == "may" and (m.group("mod") or "").lower() in ("by", "of", "from"):
                    continue
            if kind == "year":
                ystart = m.start("y")
                prev = text[max(0, ystart - 1) : ystart]
                if prev in ("-", "–") and re.search(
                    _YEAR_RE + "$", text[max(0, ystart - 5) : ystart - 1]
                ):
                    prev = ""  # the end of a range of years: "the 1975-1990 civil war"
                if prev in ("$", "£", "€", "#", "-", "–", "/", ".", ",") or re.match(
                    r"\d", text[m.end() : m.end() + 1] or " "
                ):
                    continue
                mod = (m.group("mod") or "").lower()
                if mod == "the" and not date_chars[ystart]:
                    continue
                if not mod and not date_chars[ystart]:
                    continue
                if mod != "the" and _followed_by_plural_noun(doc, m.end("y")):
                    continue  # "2015 cars", "in 1200 towns": a count, not a year
                if mod == "and" and not re.search(
                    _YEAR_RE + r"\s*$", text[max(0, ystart - 12) : m.start("mod")]
                ):
                    continue  # "and 2000" only continues a year range ("between 1967 and 1975")
                if mod in ("the", "", "in", "since", "during", "until", "till", "by", "from", "before",
                           "after", "of", "between", "and"):  # fmt: skip
                    start = ystart  # the expression is the year ("the 2013 attack", "in 2013")
            if kind == "weekday" and (m.group("mod") or "").lower() == "on":
                start = m.start("wd")
            if kind == "month" and (m.group("mod") or "").lower() in (
                "in", "during", "by", "from", "through", "of",
            ):  # fmt: skip
                start = m.start("mon")  # "since/until/before/after May" keep the word that decides
            found.append((start, end, rank, kind, m))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    last_end = -1
    for start, end, _rank, kind, m in found:
        if start < last_end:
            continue
        chosen.append((start, end, kind, m))
        last_end = end
    return chosen


def _followed_by_plural_noun(doc: Doc, end: int) -> bool:
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.tag_ in ("NNS", "NNPS") and nxt.lemma_.lower() not in ("election", "olympic", "game")


def _char_span(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span


def _sentence_index(doc: Doc) -> dict[int, int]:
    out: dict[int, int] = {}
    for i, sent in enumerate(doc.sents):
        out[sent.start] = i
    return out


def _strict_dateparser(text: str) -> dt.date | None:
    """Numeric and other explicit full dates the patterns do not cover ("3/4/2017")."""
    parsed = dateparser.parse(
        text, languages=["en"], settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"}
    )
    return parsed.date() if parsed else None


def extract_dates(doc: Doc, source_id: str = "", published: str | None = None) -> list[DateMention]:
    """Every temporal expression in ``doc`` that names a calendar date, month or year.

    ``published`` is the article's publication date (ISO); relative expressions resolve
    against it and are marked ``relative=True``. Durations ("six years of war") are skipped.
    """
    pub = parse_iso(published)
    if published and pub is None:
        warnings.warn(
            f"{source_id}: publication date {published!r} is not ISO; relative dates left unresolved",
            stacklevel=2,
        )
    sent_index = _sentence_index(doc)
    out: list[DateMention] = []
    context_year: int | None = None
    for start, end, kind, m in _candidates(doc):
        span = _char_span(doc, start, end)
        if span is None or len(span) == 0:
            warnings.warn(
                f"{source_id}: date {doc_text(doc)[start:end]!r} at {start} does not align with tokens; skipped",
                stacklevel=2,
            )
            continue
        try:
            spec = _parse_match(kind, m)
            if spec is None:
                continue
            mention = _mention(
                doc, span, start, end, spec, source_id, pub, context_year, sent_index
            )
        except (ValueError, KeyError, OverflowError, IndexError) as exc:
            # one odd expression (a year out of the calendar's range, ...) never fails the text
            warnings.warn(
                f"{source_id}: date {doc_text(doc)[start:end]!r} at {start} skipped ({type(exc).__name__}: {exc})",
                stacklevel=2,
            )
            continue
        if spec.kind == "full" and spec.year is not None:
            context_year = spec.year
        out.append(mention)
    out.sort(key=lambda dm: dm.start)
    return out


def _mention(
    doc: Doc,
    span: Span,
    start: int,
    end: int,
    spec: _Spec,
    source_id: str,
    pub: dt.date | None,
    context_year: int | None,
    sent_index: dict[int, int],
) -> DateMention:
    direction = _direction(span, spec)
    value, relative = _resolve(spec, pub, direction, context_year)
    ev_start: int | None = None
    ev_end: int | None = None
    if any(t.pos_ in ("VERB", "AUX") for t in span.sent):
        ev_start, ev_end = _event_clause(span)  # a dateline or heading says nothing happened
    return DateMention(
        source_id=source_id,
        start=start,
        end=end,
        text=doc_text(doc)[start:end],
        value=value,
        relative=relative,
        about_event=_about_event(value, pub, spec),
        sentence=sent_index.get(span.sent.start),
        direction=direction,
        event_start=ev_start,
        event_end=ev_end,
    )


def reanchor_dates(dates: Iterable[DateMention], published: str | None) -> list[DateMention]:
    """The same mentions resolved against another publication date (e.g. an inferred one).

    Explicit dates keep their value; month-day dates take the year of an earlier explicit
    date when there is no publication date."""
    pub = parse_iso(published)
    out: list[DateMention] = []
    context_year: int | None = None
    for dm in sorted(dates, key=lambda d: d.start):
        spec = parse_expression(dm.text)
        if spec is None:
            d = parse_iso(dm.value)
            out.append(
                replace(dm, about_event=_about_event(dm.value, pub, _Spec("full"))) if d else dm
            )
            continue
        try:
            value, relative = _resolve(spec, pub, dm.direction, context_year)
        except (ValueError, OverflowError) as exc:
            warnings.warn(f"{dm.source_id}: date {dm.text!r} left unresolved ({exc})", stacklevel=2)
            value, relative = None, False
        if spec.kind == "full" and spec.year is not None:
            context_year = spec.year
        out.append(
            replace(dm, value=value, relative=relative, about_event=_about_event(value, pub, spec))
        )
    return out


# --------------------------------------------------------------------------- publication date


def _weekday_dates(dates: list[DateMention]) -> list[tuple[DateMention, _Spec]]:
    out = []
    for dm in dates:
        spec = parse_expression(dm.text)
        if spec is not None:
            out.append((dm, spec))
    return out


def infer_published(
    text: str, dates: list[DateMention], story_dates: list[str] | None = None
) -> tuple[str | None, str]:
    """Infer a publication date from the text itself: (ISO date or None, evidence).

    Evidence, in order of strength:
    1. a dateline / "Published"/"Updated" stamp with a full date near the top of the text;
    2. the latest explicit full date in past-tense text (the article cannot predate it);
    3. a weekday that agrees with a month-day date ("Tuesday, April 4"): the year is the first
       one on or after the latest year the text mentions, and publication is on or after it;
    4. ``story_dates``: day dates other articles of the same story established (ISO), used to
       place this article's weekdays / month-days ("on Tuesday" -> that story's Tuesday).
    The value is a lower bound when it rests on 2-4; the evidence says which rule fired.
    """
    head = text[:400]
    m = re.search(
        r"(?:published|updated|posted|first published)\s*(?:on|:)?\s*(?P<d>[^\n|]{6,40})",
        head,
        re.I,
    )
    if m:
        d = _strict_dateparser(m.group("d"))
        if d is not None:
            return d.isoformat(), f"stamp {m.group(0).strip()!r}"
    pairs = _weekday_dates(dates)
    explicit = [
        (parse_iso(dm.value), dm)
        for dm, spec in pairs
        if spec.kind == "full" and dm.direction != "future" and dm.value
    ]
    explicit = [(d, dm) for d, dm in explicit if d is not None]
    if explicit:
        d, dm = max(explicit, key=lambda x: x[0])
        return _day_after_if_yesterday(text, dates, d, f"latest full date in the text, {dm.text!r}")
    years = [spec.year for _dm, spec in pairs if spec.year is not None]
    latest_year = max(years) if years else None
    for dm, spec in pairs:
        if spec.kind == "monthday" and spec.weekday is not None and latest_year is not None:
            for year in range(latest_year, latest_year + 30):
                d = _safe_date(year, spec.month or 1, spec.day or 1)
                if d is not None and d.weekday() == spec.weekday:
                    return (
                        d.isoformat(),
                        f"weekday agrees with the date in {dm.text!r} first in {year}",
                    )
    if story_dates:
        known = sorted({d for d in (parse_iso(s) for s in story_dates) if d is not None})
        if known:
            lo, hi = known[0], known[-1]
            span = lo.isoformat() if lo == hi else f"{lo.isoformat()}..{hi.isoformat()}"
            best: dt.date | None = None
            why = ""
            for dm, spec in pairs:
                if dm.direction == "future":
                    continue
                cand: dt.date | None = None
                if (
                    spec.kind == "weekday"
                    and spec.modifier in ("", "on")
                    and spec.weekday is not None
                ):
                    cand = _nearest_weekday(spec.weekday, lo, hi)
                elif spec.kind == "monthday":
                    value, _rel = _resolve(spec, hi, "either", None)
                    cand = parse_iso(value)
                    if cand is not None and not (
                        lo - dt.timedelta(days=EVENT_WINDOW_DAYS)
                        <= cand
                        <= hi + dt.timedelta(days=EVENT_WINDOW_DAYS)
                    ):
                        cand = None  # background, says nothing about publication
                if cand is not None and (best is None or cand > best):
                    best, why = cand, f"{dm.text!r} near the story's dates ({span})"
            if best is not None:
                return _day_after_if_yesterday(text, dates, best, f"latest day mentioned, {why}")
    return None, "no date evidence in the text"


def _in_quotation(text: str, pos: int) -> bool:
    para = text.rfind("\n\n", 0, pos)
    before = text[para + 2 if para >= 0 else 0 : pos]
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")


def _day_after_if_yesterday(
    text: str, dates: list[DateMention], day: dt.date, why: str
) -> tuple[str, str]:
    """Publication is the day after the latest day named when the text itself (not a quoted
    speaker) says "yesterday" or "last night" and never "today": news written the next day."""
    own = [d for d in dates if not _in_quotation(text, d.start)]
    words = {re.sub(r"\s+", " ", d.text.lower()) for d in own}
    if words & {"yesterday", "last night"} and not words & {
        "today", "tonight", "this morning", "this afternoon", "this evening",
    }:  # fmt: skip
        later = day + dt.timedelta(days=1)
        return later.isoformat(), f"{why}, plus one day: the text says 'yesterday'"
    return day.isoformat(), why


def dateline_date(
    lines: Iterable[str], story_dates: list[str] | None = None
) -> tuple[str | None, str]:
    """A publication date from a short line the cleaner took out of the body (a dateline or
    stamp: "Mumbai, Nov 11 -", "March 14, 2013 6:13 am"). A month-day without a year takes the
    year that puts it nearest the story's known dates. Returns (ISO date or None, evidence)."""
    known = sorted(d for d in (parse_iso(s) for s in story_dates or []) if d is not None)
    for line in lines:
        line = line.strip()
        if not line or len(line) > 80:
            continue
        spec = parse_expression(line)
        if spec is None:
            continue
        if spec.kind == "full":
            value, _rel = _resolve(spec, None, "either", None)
        elif spec.kind == "monthday" and known:
            value, _rel = _resolve(spec, known[-1], "either", None)
        else:
            continue
        if value is not None:
            return value, f"date line {line!r}"
    return None, "no date line"


def _nearest_weekday(weekday: int, lo: dt.date, hi: dt.date) -> dt.date:
    """The day with that weekday nearest to the period lo..hi (inside it when one is; ties go
    to the later day). Constant time, whatever the length of the period."""
    last_in = hi - dt.timedelta(days=(hi.weekday() - weekday) % 7)  # latest such day <= hi
    if last_in >= lo:
        return last_in
    after = hi + dt.timedelta(days=(weekday - hi.weekday()) % 7 or 7)  # first such day > hi
    return after if (after - hi).days <= (lo - last_in).days else last_in


def infer_story_anchor(mentions: Iterable[DateMention]) -> tuple[str | None, str]:
    """A day date for a story none of whose articles has a known publication date.

    Weekday/date agreement across the articles: the month-day most sources give without a
    year ("the attack on April 4") and the weekday most sources give ("on Tuesday") fix the
    year: the first one, on or after the latest year any article mentions, in which that
    month-day falls on that weekday. Returns (ISO date or None, evidence)."""
    years: list[int] = []
    monthdays: dict[tuple[int, int], set[str]] = {}
    weekdays: dict[int, set[str]] = {}
    examples: dict[object, str] = {}
    for dm in mentions:
        spec = parse_expression(dm.text)
        if spec is None:
            continue
        if spec.year is not None:
            years.append(spec.year)
        if dm.direction == "future":
            continue
        if spec.kind == "monthday" and spec.month is not None and spec.day is not None:
            key = (spec.month, spec.day)
            monthdays.setdefault(key, set()).add(dm.source_id)
            examples.setdefault(key, dm.text)
            if spec.weekday is not None:
                weekdays.setdefault(spec.weekday, set()).add(dm.source_id)
        elif spec.kind == "weekday" and spec.modifier in ("", "on") and spec.weekday is not None:
            weekdays.setdefault(spec.weekday, set()).add(dm.source_id)
            examples.setdefault(spec.weekday, dm.text)
    if not years or not monthdays or not weekdays:
        return None, "no weekday/date agreement across the articles"
    latest = max(years)
    (month, day), md_src = max(monthdays.items(), key=lambda kv: (len(kv[1]), -kv[0][0], -kv[0][1]))
    weekday, wd_src = max(weekdays.items(), key=lambda kv: (len(kv[1]), -kv[0]))
    for year in range(latest, latest + 30):
        d = _safe_date(year, month, day)
        if d is not None and d.weekday() == weekday:
            return d.isoformat(), (
                f"{examples.get((month, day), '')!r} is a {calendar.day_name[weekday]} "
                f"(named so by {len(md_src | wd_src)} sources) first in {year}, "
                f"after {latest}, the latest year named"
            )
    return None, "weekday and date never agree"
