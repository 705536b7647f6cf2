"""Anchoring: a parsed expression resolved to a calendar date from the publication date, and
whether it falls in the event window."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .expressions import EVENT_WINDOW_DAYS, Spec

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


def safe_date(year: int, month: int, day: int) -> dt.date | None:
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
    return safe_date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def precision_of(value: str) -> str:
    """year | month | day for an ISO date string."""
    return {4: "year", 7: "month"}.get(len(value), "day")


def resolve_spec(
    spec: Spec, pub: dt.date | None, direction: str, context_year: int | None
) -> tuple[str | None, bool]:
    """(ISO value or None, relative) for a parsed expression; None outside years 1-9999."""
    value, relative = _resolve_unchecked(spec, pub, direction, context_year)
    if value is not None and not re.fullmatch(r"(?!0000)\d{4}(?:-\d{2}(?:-\d{2})?)?", value):
        return None, False
    return value, relative


def _resolve_unchecked(
    spec: Spec, pub: dt.date | None, direction: str, context_year: int | None
) -> tuple[str | None, bool]:
    future = direction == "future"
    if spec.kind == "full":
        assert spec.year is not None and spec.month is not None and spec.day is not None
        d = safe_date(spec.year, spec.month, spec.day)
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
            years = (context_year, context_year + 1, context_year - 1)
            if spec.weekday is not None:  # "Tuesday (6 January)": the year its weekday agrees
                years = tuple(y for y in years if (w := safe_date(y, spec.month, spec.day))
                              and w.weekday() == spec.weekday) or years[:1]
            d = safe_date(years[0], spec.month, spec.day)
            return (d.isoformat() if d else None), False
        best: tuple[float, dt.date] | None = None
        for year in (pub.year - 1, pub.year, pub.year + 1):
            d = safe_date(year, spec.month, spec.day)
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


def in_event_window(value: str | None, pub: dt.date | None, spec: Spec) -> bool:
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
