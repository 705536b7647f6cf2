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

from .anchoring import parse_iso, precision_of
from .assembly import extract_dates, reanchor_dates
from .calendar import Calendar, solve_calendar, telling_sources
from .expressions import EVENT_WINDOW_DAYS, parse_expression
from .published import dateline_date, infer_published, stamp_date

__all__ = [
    "Calendar",
    "EVENT_WINDOW_DAYS",
    "dateline_date",
    "extract_dates",
    "infer_published",
    "parse_expression",
    "parse_iso",
    "precision_of",
    "reanchor_dates",
    "solve_calendar",
    "telling_sources",
    "stamp_date",
]
