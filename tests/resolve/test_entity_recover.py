"""Names the tagger missed, recovered story-wide (resolve/entities/recover.py): titles of works
made of common words, on invented culture, business and sport stories."""

from __future__ import annotations

import sys
from pathlib import Path

from newsprism.resolve import NAME_LABEL, recover_names, resolve_entities

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_entities import article  # noqa: E402  (one builder of annotated test articles)


def test_recurring_untagged_title_becomes_a_name() -> None:
    # culture: the novel "Silent Harbor" is never tagged; two reviews name it three times
    a = article("a", "Critics praised the film version of Silent Harbor on Friday. Director "
                     "Ana Ruiz said Silent Harbor took five years.",
                [("Ana Ruiz", "PERSON")])
    b = article("b", "Tickets for The Silent Harbor sold out, and Ana Ruiz thanked the crowd.",
                [("Ana Ruiz", "PERSON")])
    added = recover_names([a, b])
    assert [m.text for m in added] == ["Silent Harbor", "Silent Harbor", "The Silent Harbor"]
    assert all(m.label == NAME_LABEL for m in added)
    for art in (a, b):  # spans are the evidence, mentions stay in offset order
        assert all(art.article.text[m.start : m.end] == m.text for m in art.mentions)
        assert [m.start for m in art.mentions] == sorted(m.start for m in art.mentions)
    ents = resolve_entities([a, b])
    harbor = [e for e in ents if e.name in {"Silent Harbor", "The Silent Harbor"}]
    assert len(harbor) == 1 and len(harbor[0].mentions) == 3


def test_capitals_that_say_nothing_are_not_names() -> None:
    # business: "Shares Fell" opens sentences, a title-case headline repeats "Quarterly Loss",
    # "Board Meeting" is written in one article only, "Mount Hale Lodge" ends a tagged name
    head = "Acme Posts Quarterly Loss As Costs Rise\n"
    a = article("a", head + "Shares Fell after the report. Acme held a Board Meeting on Monday. "
                       "Guests at Mount Hale Lodge left. Acme called a Board Meeting again.",
                [("Acme", "ORG"), ("Acme", "ORG"), ("Mount Hale", "FAC"), ("Acme", "ORG")])
    b = article("b", head + "Shares Fell in early trade. Guests at Mount Hale Lodge stayed. Guests "
                       "at Mount Hale Lodge paid more.",
                [("Mount Hale", "FAC"), ("Mount Hale", "FAC")])
    assert recover_names([a, b]) == []


def test_phrase_the_tagger_names_is_left_to_it() -> None:
    # sport: "Red Valley" is tagged as a place; its untagged uses are not recovered
    a = article("a", "Fans in Red Valley cheered. The team from Red Valley won. Red Valley "
                     "danced, and later Red Valley slept.",
                [("Red Valley", "GPE"), ("Red Valley", "GPE"), ("Red Valley", "GPE"),
                 ("Red Valley", "GPE")])
    b = article("b", "They flew home to Red Valley and to Red Valley fans.", [])
    c = article("c", "Buses from Red Valley were late.", [])
    assert recover_names([a, b, c]) == []
