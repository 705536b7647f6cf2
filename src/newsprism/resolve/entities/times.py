"""Time mentions from other annotators (a coreference corpus marks "Friday", "on Friday morning",
"last night" as entities; the NER's names are left alone): one time per day named within an
event group.

- a mention naming one weekday ("Friday", "early Friday morning", "about 11am on Friday") is
  that day of its event group: "Friday" of one event is not "Friday" of another;
- a mention naming a month and a day ("Feb. 22", "on 10 Nov", "Sunday, February 22, 2009")
  is that date of its group, and the weekday written with it is the same day.
- a relative day ("yesterday", "early yesterday", "last night") in an article that names no
  weekday or date of its own is the day its event group names: the one weekday that
  ``DOMINANT_DAY`` of the group's weekday mentions name (the article was written the day
  after, or on, the event the others date). Elsewhere it is left to the common-noun rules.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ...language import MONTHS, WEEKDAYS
from .mentions import NAME_LABEL, NOMINAL_LABEL, Item

DOMINANT_DAY = 2 / 3  # share of an event group's weekday mentions that must name one day
_RELATIVE_DAY = re.compile(
    r"^(?:(?:on|in|at|since|from|until)\s+)?(?:(?:early|late)\s+)?(?:yesterday|today|tonight|"
    r"last\s+night|this\s+(?:morning|afternoon|evening))"
    r"(?:\s+(?:morning|afternoon|evening|night))?\W*$", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z]+\.?|\d{1,2}(?:st|nd|rd|th)?\b")


def _day_words(text: str) -> tuple[str | None, str | None]:
    """(weekday, "month-day") named in a time mention."""
    toks = [t.rstrip(".").lower() for t in _TOKEN.findall(text)]
    days = {t for t in toks if t in WEEKDAYS}
    weekday = next(iter(days)) if len(days) == 1 else None
    date = None
    for k, t in enumerate(toks):
        if t in MONTHS:
            num = next((re.sub(r"\D", "", x) for x in toks[k + 1 : k + 2] + toks[max(0, k - 1) : k]
                        if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", x)), None)
            if num:
                date = f"{MONTHS[t]}-{int(num)}"
                break
    return weekday, date


def time_keys(items: list[Item], groups: dict[str, int]) -> list[tuple[str, str]]:
    """Give the time mentions among ``items`` one key per day of their event group; returns
    the pairs of keys that are one day (a weekday written with its date)."""
    bridges: list[tuple[str, str]] = []
    dated: set[str] = set()  # sources that name a weekday or a date
    weekdays: dict[int, Counter[str]] = defaultdict(Counter)  # group -> weekday keys named
    relative: list[Item] = []
    for it in items:
        if it.mention.label not in {NAME_LABEL, NOMINAL_LABEL}:
            continue  # a tagged name ("The Sunday Times", "September 11 attacks") is no time
        weekday, date = _day_words(it.mention.text)
        group = groups.get(it.mention.source_id, 0)
        keys = [f"time:{weekday}:g{group}"] if weekday else []
        keys += [f"time:{date}:g{group}"] if date else []
        if not keys:
            if _RELATIVE_DAY.match(it.mention.text.strip()):
                relative.append(it)
            continue
        dated.add(it.mention.source_id)
        if weekday:
            weekdays[group][keys[0]] += 1
        if len(keys) == 2:
            bridges.append((keys[0], keys[1]))
        it.kind, it.key = "nominal", keys[0]
    for it in relative:
        if it.mention.source_id in dated:
            continue  # "yesterday" beside "Friday" in one article is another day
        named = weekdays.get(groups.get(it.mention.source_id, 0), Counter())
        ranked = named.most_common(1)
        if ranked and ranked[0][1] >= DOMINANT_DAY * named.total():
            it.kind, it.key = "nominal", ranked[0][0]
    return bridges
