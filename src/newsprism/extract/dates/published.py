"""Publication dates inferred from an article's own dates (datelines, stamps, weekdays,
"yesterday"); years from month-days and weekdays are solved by the calendar (calendar.py)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from ...language import MONTH_NAMES, MONTHS
from ...model import DateMention
from .anchoring import parse_iso, resolve_spec, safe_date
from .assembly import strict_dateparser
from .calendar import solve_calendar
from .expressions import EVENT_WINDOW_DAYS, Spec, parse_expression

# a dateline sits in the first DATELINE_CHARS characters; a date line is at most
# DATE_LINE_MAX_CHARS long
DATELINE_CHARS = 400
DATE_LINE_MAX_CHARS = 80
STAMP_LINE_MAX_CHARS = 160  # a related link's headline and its date

# --------------------------------------------------------------------------- publication date


def _weekday_dates(dates: list[DateMention]) -> list[tuple[DateMention, Spec]]:
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
    3. the text's own dates solved as one calendar (:func:`solve_calendar`: a weekday that
       agrees with a month-day, "Tuesday, April 4", fixes the year);
    4. ``story_dates``: day dates other articles of the same story established (ISO), used to
       place this article's weekdays / month-days ("on Tuesday" -> that story's Tuesday).
    The value is a lower bound when it rests on 2-4; the evidence says which rule fired.
    """
    head = text[:DATELINE_CHARS]
    m = re.search(
        r"(?:published|updated|posted|first published)\s*(?:on|:)?\s*(?P<d>[^\n|]{6,40})",
        head,
        re.I,
    )
    if m:
        d = strict_dateparser(m.group("d"))
        if d is not None:
            return d.isoformat(), f"stamp {m.group(0).strip()!r}"
    pairs = _weekday_dates(dates)
    explicit = [
        (parse_iso(dm.value), dm)
        for dm, spec in pairs
        if spec.kind == "full" and dm.direction != "future" and dm.value
    ]
    explicit = [(d, dm) for d, dm in explicit if d is not None]
    near = _near_story(story_dates)
    if near is not None:  # a full date far from the story's days is background, not a dateline
        explicit = [(d, dm) for d, dm in explicit if near[0] <= d <= near[1]]
    if explicit:
        d, dm = max(explicit, key=lambda x: x[0])
        return _day_after_if_yesterday(text, dates, d, f"latest full date in the text, {dm.text!r}")
    # the text's own month-days and weekdays, solved by the story calendar's one solver
    cal = solve_calendar(dates)
    if cal is not None and (near is None or near[0] <= cal.day <= near[1]):
        return cal.day.isoformat(), f"its own dates as one calendar: {cal.evidence}"
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
                    value, _rel = resolve_spec(spec, hi, "either", None)
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


def _near_story(story_dates: list[str] | None) -> tuple[dt.date, dt.date] | None:
    """The days around a story's known dates (None without them)."""
    known = sorted(d for d in (parse_iso(s) for s in story_dates or []) if d is not None)
    if not known:
        return None
    margin = dt.timedelta(days=EVENT_WINDOW_DAYS)
    return known[0] - margin, known[-1] + margin


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
        if not line or len(line) > DATE_LINE_MAX_CHARS:
            continue
        numeric = _numeric_line_date(line, known)
        if numeric is not None:
            return numeric.isoformat(), f"date line {line!r}"
        spec = parse_expression(line)
        if spec is None:
            continue
        if spec.kind == "full":
            value, _rel = resolve_spec(spec, None, "either", None)
        elif spec.kind == "monthday" and known:
            value, _rel = resolve_spec(spec, known[-1], "either", None)
        else:
            continue
        if value is not None:
            return value, f"date line {line!r}"
    return None, "no date line"


_MONTH_WORD = "|".join(MONTH_NAMES)
# a full date ending a short line, its month in capitals or title case even when glued to the
# word before (a related link's headline and stamp: "…Bailout DealJUNE 19, 2012")
_STAMP = re.compile(r"(?:(?P<m1>" + _MONTH_WORD + "|" + _MONTH_WORD.upper() + r")\.?\s+(?P<d1>\d{1,2}),?"
                    r"|(?<!\d)(?P<d2>\d{1,2})\s+(?P<m2>" + _MONTH_WORD + "|" + _MONTH_WORD.upper()
                    + r"),?)\s+(?P<y>(?:19|20)\d{2})\s*$")


def stamp_date(lines: Iterable[str]) -> str | None:
    """The latest full date that ends one of a page's short lines outside its body (its
    headings: a related link's stamp, "Wiggle Room Emerges in Greece’s Bailout DealJUNE 19,
    2012"), as ISO; None when no line ends with one. Not the page's publication date: the
    page was written on or near it, so the year is the page's own."""
    found: list[dt.date] = []
    for line in lines:
        line = line.strip()
        if not line or len(line) > STAMP_LINE_MAX_CHARS:
            continue
        m = _STAMP.search(line)
        if m is None:
            continue
        month = MONTHS[(m.group("m1") or m.group("m2")).lower()]
        d = safe_date(int(m.group("y")), month, int(m.group("d1") or m.group("d2")))
        if d is not None:
            found.append(d)
    return max(found).isoformat() if found else None


_NUMERIC_LINE = re.compile(r"(?<![\d.])(\d{1,4})\s*([/.])\s*(\d{1,2})\s*\2\s*(\d{1,4})(?![\d.])")


def _numeric_line_date(line: str, known: list[dt.date]) -> dt.date | None:
    """A numeric date of a date line, separators spaced or not ("04 / 04 / 2012",
    "2012/04/04", "16.9.2013"). Day and month are read day first unless only the other order
    is a date; when both orders are dates and differ, the one nearer the story's known dates
    wins, and with none known the line says nothing (a wrong day costs more than none)."""
    m = _NUMERIC_LINE.search(line)
    if m is None:
        return None
    a, _sep, b, c = m.groups()
    if len(a) == 4:  # year first: 2012/04/04
        return safe_date(int(a), int(b), int(c))
    if len(c) != 4:
        return None
    year = int(c)
    readings = [d for d in (safe_date(year, int(b), int(a)), safe_date(year, int(a), int(b)))
                if d is not None]
    if not readings:
        return None
    if len(set(readings)) == 1:
        return readings[0]
    if not known:
        return None
    return min(readings, key=lambda d: min(abs((d - k).days) for k in known))


def _nearest_weekday(weekday: int, lo: dt.date, hi: dt.date) -> dt.date:
    """The day with that weekday nearest to the period lo..hi (inside it when one is; ties go
    to the later day). Constant time, whatever the length of the period."""
    last_in = hi - dt.timedelta(days=(hi.weekday() - weekday) % 7)  # latest such day <= hi
    if last_in >= lo:
        return last_in
    after = hi + dt.timedelta(days=(weekday - hi.weekday()) % 7 or 7)  # first such day > hi
    return after if (after - hi).days <= (lo - last_in).days else last_in
