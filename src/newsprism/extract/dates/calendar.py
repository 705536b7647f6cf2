"""One calendar per story: the day the story's articles were written, solved from the dates
of all its articles together (issue 13).

Every full date, month-day (with or without a weekday) and publication date known proposes
candidate days; each candidate is scored by how many sources have a date that falls within the
event window just before it (a weekday that agrees with its month-day counts double, one that
disagrees counts against it, a past-tense date after it counts against it). Dates far from the
winning day are background (a war's start, an earlier trial): they never anchor the story,
because they are supported by one source's background paragraph, not by the story's sources
together. Ties go to the earliest day (the event precedes its reports).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ...model import DateMention
from .anchoring import parse_iso, safe_date
from .expressions import EVENT_WINDOW_DAYS, Spec, parse_expression

NEAR_DAYS = 7  # a date this many days before the story's day is the story's own
EVENT_WEIGHT = 2.0  # a date whose sentence tells of the story's event (when any does)...
OTHER_WEIGHT = 0.5  # ...and one whose sentence tells of something else ("registered on 3 October")
REPORTED_AFTER_DAYS = 31  # a past-tense date this long after a candidate day: the story is later
PUBLISHED_DECAY = 0.25  # a known publication date's support lost per day before it
PRINTED_WEIGHT = 1.5  # a date the page prints outside its body (a related link's stamp)...
PRINTED_YEARS = 1  # ...and a year from the weekday cycle alone is at most this far from its year
_TELLS_A_DAY = frozenset({"weekday", "deictic", "ago"})  # days told relative to the writing
LEDE_SENTENCES = 3  # an event's date counts EVENT_WEIGHT in an article's first sentences only


@dataclass(slots=True)
class Calendar:
    day: dt.date  # the story's day: its main reported day, its reports on or after it
    confidence: str  # high | medium | low
    evidence: str
    support: int  # sources with a date that agrees
    guessed: bool = False  # the year rests on the weekday cycle alone (no date gives it)


def _invert(weekdays: dict[str, set[int]]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for sid, days in weekdays.items():
        for wd in days:
            out.setdefault(wd, set()).add(sid)
    return out


@dataclass(slots=True)
class _Dated:
    source_id: str
    text: str
    spec: Spec
    direction: str
    weight: float = 1.0  # EVENT_WEIGHT when its sentence tells of the story's event, less when not
    # may take its year from the weekday cycle: it tells of the event, stands in a lede ("the
    # strike called for the 5th of May"), is a stamp (no clause: "Dec. 18-11:14 pm et"), or what
    # tells of the event is not known
    guessable: bool = True


def _nearest_on_or_before(spec: Spec, day: dt.date) -> dt.date | None:
    """The month-day (no year) on or before ``day`` + 1, nearest to it."""
    for year in (day.year, day.year - 1):
        d = safe_date(year, spec.month or 1, spec.day or 1)
        if d is not None and d <= day + dt.timedelta(days=1):
            return d
    return None


def _score(day: dt.date, items: list[_Dated], known: dict[str, dt.date],
           later_years: dict[str, int], weekdays: dict[str, set[int]],
           ahead: dict[str, list[dt.date]] | None = None,
           happened: dict[str, set[int]] | None = None,
           reported_after: dict[str, dt.date] | None = None,
           stamps: dict[str, dt.date] | None = None) -> tuple[float, int, str]:
    """(score, supporting sources, example) of a candidate story day; ``later_years``: the
    latest year each source names in a past or undecided tense; ``ahead``: the full dates each
    source puts ahead of it ("will be announced on October 5, 2013"): the story's day is not
    after them; ``happened``: the weekdays each source says something happened on ("on
    Tuesday", "last Tuesday"): a day on none of them counts against; ``reported_after``: the
    latest day (a month-year: its first day) each source tells of in the past tense;
    ``stamps``: the date each page prints outside its body (a weaker publication date)."""
    best: dict[str, float] = {}
    penalty = 0.0
    example = ""
    for days in (ahead or {}).values():
        if any((day - d).days > 1 for d in days):
            penalty += 1.0
    for days in (happened or {}).values():
        if not days & {day.weekday(), (day.weekday() + 1) % 7}:
            # a source says it happened on a Tuesday: not a Thursday (a report the day after
            # may name only that day: "the statement released on Friday")
            penalty += 0.5
    for sid, pub in known.items():  # a given publication date is the strongest evidence,
        # the more so the nearer the day: news is written soon after the event, so a day a
        # week before a report needs more than one source's date to win over the report's own
        if 0 <= (pub - day).days <= NEAR_DAYS:
            best[sid] = max(best.get(sid, 0.0), 3.0 - PUBLISHED_DECAY * (pub - day).days)
        elif pub < day:
            penalty += 3.0
    for sid, stamp in (stamps or {}).items():
        if 0 <= (stamp - day).days <= NEAR_DAYS:
            best[sid] = max(best.get(sid, 0.0), PRINTED_WEIGHT)  # near it, not on it
    for it in items:
        s = it.spec
        value: dt.date | None = None
        if s.kind == "full" and s.year and s.month and s.day:
            value = safe_date(s.year, s.month, s.day)
        elif s.kind == "monthday" and s.month and s.day:
            value = _nearest_on_or_before(s, day)
        if value is None:
            continue
        gap = (day - value).days
        if gap < -1:
            if it.direction == "past" and s.kind == "full":
                penalty += 0.5  # a past-tense date after the story's day
            continue
        if gap > NEAR_DAYS:
            continue  # background: neither for nor against
        weight = it.weight
        if s.weekday is not None:
            if value.weekday() != s.weekday:
                penalty += 1.0  # "Friday, March 3" cannot be a Tuesday
                continue
            weight *= 2.0
        if weight > best.get(it.source_id, 0.0):
            best[it.source_id] = weight
            example = example or it.text
    for sid, days in weekdays.items():  # "on Wednesday": the story's day is a Wednesday
        if day.weekday() in days:
            best[sid] = best.get(sid, 0.0) + 1.0
    for reported in (reported_after or {}).values():
        if (reported - day).days > REPORTED_AFTER_DAYS:
            # a source tells, in the past tense, of a month or day long after this one ("was
            # notified in June 2015"): it was written after that, and a report's day is near
            # when it was written; this day is a background date of it
            penalty += 1.5
    for year in later_years.values():  # a past-tense text names no year after its own
        if year > day.year:
            penalty += 0.5
    if later_years:  # nor is it written long after every year it names
        penalty += 0.25 * max(0, day.year - max(later_years.values()) - 1)
    support = sum(1 for v in best.values() if v > 0)
    return sum(best.values()) - penalty, support, example


def telling_sources(mentions: Iterable[DateMention]) -> set[str]:
    """The sources that tell of a day relative to when they were written: a weekday, "today",
    "three days ago" (not ahead, not a bound): pages written in the week of what they tell."""
    out: set[str] = set()
    for dm in mentions:
        if dm.reference or dm.direction == "future" or dm.source_id in out:
            continue
        spec = parse_expression(dm.text)
        if spec is not None and spec.kind in _TELLS_A_DAY:
            out.add(dm.source_id)
    return out


def solve_calendar(mentions: Iterable[DateMention],
                   known: dict[str, str] | None = None,
                   event_mentions: set[tuple[str, int]] | None = None,
                   printed: dict[str, str] | None = None) -> Calendar | None:
    """The story's day from all its articles' dates (and the publication dates ``known``,
    source id -> ISO). None when no date in any article can place the story.
    ``event_mentions``: (source id, start) of the dates whose sentence tells of the story's
    main event (:func:`newsprism.timeline.event_date_mentions`); when there are any, those
    count ``EVENT_WEIGHT`` and the other full dates and month-days ``OTHER_WEIGHT``, and a
    month-day of the event in an undecided tense proposes its day as a past one does; a
    month-day takes a year from the weekday cycle only when it tells of the event, stands in
    a lede or is a stamp (``event_mentions`` None: not known, any may).
    ``printed``: source id -> the latest full date its page prints outside the body (a related
    link's stamp, "…Bailout Deal JUNE 19, 2012"): the page was written near it, so it supports
    the days of the week before it, and its year is one the texts print: a year that only
    the weekday cycle gives is never more than ``PRINTED_YEARS`` from it (nor from a known
    publication date's)."""
    items: list[_Dated] = []
    years: set[int] = set()
    dated_years: set[int] = set()  # years of full dates and of month-years not ahead
    latest: dict[str, int] = {}
    weekdays: dict[str, set[int]] = {}
    happened: dict[str, set[int]] = {}  # weekdays in past-tense clauses
    ahead: dict[str, list[dt.date]] = {}
    reported: dict[str, dt.date] = {}  # the latest day each source tells of as past
    mentions_of: Counter[int] = Counter()
    for dm in mentions:
        spec = parse_expression(dm.text)
        if spec is None:
            continue
        if (dm.direction == "past" and spec.kind in ("full", "monthyear") and spec.year
                and (d := safe_date(spec.year, spec.month or 1, spec.day or 1)) is not None
                and d > reported.get(dm.source_id, dt.date.min)):
            reported[dm.source_id] = d
        if spec.year is not None:
            years.add(spec.year)
            if dm.direction != "future":
                latest[dm.source_id] = max(latest.get(dm.source_id, spec.year), spec.year)
                if spec.kind in ("full", "monthyear"):
                    dated_years.add(spec.year)
        if spec.kind == "full" and spec.year is not None:
            dated_years.add(spec.year)  # a plan's full date ("planned for December 15, 2013")
        if dm.reference:
            continue  # a bound or another occasion's day ("prior to March 15") places nothing
        if dm.direction == "future":
            # a date ahead never anchors the story; a full one bounds it ("planned for
            # December 15, 2013": the story was written before)
            if spec.kind == "full" and spec.year and (
                    d := safe_date(spec.year, spec.month or 1, spec.day or 1)) is not None:
                ahead.setdefault(dm.source_id, []).append(d)
            continue
        if spec.kind in ("full", "monthday"):
            told = (dm.source_id, dm.start) in (event_mentions or set())
            lede = dm.sentence is not None and dm.sentence < LEDE_SENTENCES
            # a date of the event's kind deep in a text is as often an earlier one's ("the May 6
            # vote, where he came second", below a lede on "Sunday's vote"): only a lede's counts more
            weight = 1.0 if not event_mentions else (EVENT_WEIGHT if lede else 1.0) if told \
                else OTHER_WEIGHT
            items.append(_Dated(dm.source_id, dm.text, spec, "past" if told and dm.direction == "either"
                                else dm.direction, weight,
                                told or lede or event_mentions is None or dm.event_start is None))
        elif spec.kind == "weekday" and spec.weekday is not None:
            if dm.direction == "past" and spec.modifier in ("", "on", "last"):
                happened.setdefault(dm.source_id, set()).add(spec.weekday)
            if spec.modifier not in ("", "on"):
                continue
            weekdays.setdefault(dm.source_id, set()).add(spec.weekday)
            if dm.direction == "past":  # what happened that day, not a plan or a show's slot
                mentions_of[spec.weekday] += 1
    pubs = {sid: d for sid, v in (known or {}).items() if (d := parse_iso(v)) is not None}
    stamps = {sid: d for sid, v in (printed or {}).items()
              if (d := parse_iso(v)) is not None and sid not in pubs}
    for sid, d in stamps.items():  # the page's year is one its text names
        latest[sid] = max(latest.get(sid, d.year), d.year)
        if d > reported.get(sid, dt.date.min):
            reported[sid] = d
    page_years = {d.year for d in [*pubs.values(), *stamps.values()]}
    candidates: set[dt.date] = set()
    for d in [*pubs.values(), *stamps.values()]:
        candidates.update(d - dt.timedelta(days=k) for k in range(0, NEAR_DAYS + 1))
    for it in items:
        s = it.spec
        if s.kind == "full" and s.year:
            d = safe_date(s.year, s.month or 1, s.day or 1)
            if d is not None:
                candidates.add(d)
        elif s.kind == "monthday" and s.month and s.day and it.direction == "past":
            # a month-day of something that happened (one in an undecided clause only
            # supports a day others propose) alone takes the year of a date the texts give
            # with its year (a year alone, "in 2003", is another time's); with its weekday,
            # the year around the years named in which they agree
            near = ({y + k for y in years for k in (-1, 0, 1)} if s.weekday is not None
                    else dated_years)
            for y in near | {p.year for p in pubs.values()}:
                d = safe_date(y, s.month, s.day)
                if d is not None and (s.weekday is None or d.weekday() == s.weekday):
                    candidates.add(d)
    # the weekday most sources name (ties: most mentions in past-tense clauses), when at least
    # two do, one says something happened then, and no other weekday is named as often, with
    # each month-day: the first year, from
    # the latest year the texts name in the past, in which they agree ("Nov. 30" and "Monday",
    # latest year named 1999: 2009). A text rarely names its own year.
    named = Counter({wd: len(srcs) for wd, srcs in _invert(weekdays).items()
                     if mentions_of[wd]})
    sure = set(candidates)
    guessed: dict[dt.date, str] = {}  # days whose year only the weekday cycle gives
    ranked_wd = sorted(((n, mentions_of[wd]) for wd, n in named.items()), reverse=True)
    if latest and ranked_wd and ranked_wd[0][0] >= 2 and ranked_wd[0] > [*ranked_wd, (0, 0)][1]:
        top = max(named, key=lambda wd: (named[wd], mentions_of[wd]))
        for it in items:
            s = it.spec
            if not (s.kind == "monthday" and s.month and s.day and s.weekday in (None, top)
                    and it.guessable):
                continue  # "the April 28 shooting" in a story of an arrest: another day's
            for start in set(latest.values()):
                for y in range(start, start + 29):
                    d = safe_date(y, s.month, s.day)
                    if page_years and min(abs(y - p) for p in page_years) > PRINTED_YEARS:
                        continue  # a year the pages print beats one from the weekday cycle
                    if d is not None and d.weekday() == top:
                        candidates.add(d)
                        if d not in sure:
                            guessed.setdefault(d, (
                                f"the year is a guess: the first from {start} (the latest year "
                                f"a source names) in which {calendar.month_name[s.month]} "
                                f"{s.day} is a {calendar.day_name[top]}"))
                        break
    if not candidates:
        return None
    scored = [(_score(d, items, pubs, latest, weekdays, ahead, happened, reported, stamps), d)
              for d in candidates]
    # ties: the latest year (a month-day fits every year alike), then its earliest day
    (score, support, example), day = max(
        scored, key=lambda x: (x[0][0], x[0][1], x[1].year, -x[1].toordinal()))
    if support == 0 or score <= 0:
        return None
    runner = max((s for (s, _n, _e), d in scored if abs((d - day).days) > EVENT_WINDOW_DAYS),
                 default=0.0)
    confidence = "high" if support >= 2 and score >= 2 * max(runner, 1.0) else \
        "medium" if support >= 2 or score > runner else "low"
    if day in guessed:
        confidence = "low"
    why = (f"{support} source{'s' if support != 1 else ''} date the story to "
           f"{calendar.day_name[day.weekday()]} {day.isoformat()} or just before"
           + (f" (e.g. {example!r})" if example else "")
           + (f"; {guessed[day]}" if day in guessed else ""))
    return Calendar(day, confidence, why, support, guessed=day in guessed)
