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

from .assembly import extract_figures
from .counted import group_of, is_person_noun
from .lexicon import GENERAL_GROUPS

__all__ = [
    "GENERAL_GROUPS",
    "extract_figures",
    "group_of",
    "is_person_noun",
]
