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


def _recovered(arts: list) -> dict[str, tuple[str, bool]]:
    added = {m.text.removeprefix("The ") for m in recover_names(arts)}
    return {e.name: (e.type, e.type_uncertain) for e in resolve_entities(arts) if e.name in added}


def test_recovered_name_typed_by_the_words_around_it() -> None:
    # business: a charity the tagger never tags, twice written after "the charity"
    a = article("a", "Volunteers from the charity Open Door Kitchen served meals. Donors praised "
                     "Open Door Kitchen on Monday.", [])
    b = article("b", "Last year the charity Open Door Kitchen fed 4,000 people, Jo Lee said.",
                [("Jo Lee", "PERSON")])
    assert _recovered([a, b]) == {"Open Door Kitchen": ("ORG", False)}
    # disasters: a district twice after "the village of" is a place
    a = article("a", "Floods hit the village of Green Bay Heights on Monday. Many homes in Green "
                     "Bay Heights were empty.", [])
    b = article("b", "Water rose in the village of Green Bay Heights overnight.", [])
    assert _recovered([a, b]) == {"Green Bay Heights": ("GPE", False)}


def test_recovered_name_without_clear_context_stays_untyped() -> None:
    # culture: a film one actor "starred in" is no place ("in X" is no cue for a recovered name)
    a = article("a", "Critics loved the film Silent Harbor on Friday. Jo Lee starred in Silent "
                     "Harbor.", [("Jo Lee", "PERSON")])
    b = article("b", "Many fans saw Silent Harbor twice, and Jo Lee waved.", [("Jo Lee", "PERSON")])
    assert _recovered([a, b]) == {"Silent Harbor": ("OTHER", False)}
    # sport: one "the town of" among four mentions is not clear enough to make it a place
    a = article("a", "Fans from the town of Red Cedar Falls cheered. Later Red Cedar Falls won.", [])
    b = article("b", "Coaches said Red Cedar Falls played well. Tickets for Red Cedar Falls sold.", [])
    assert _recovered([a, b]) == {"Red Cedar Falls": ("OTHER", False)}
    # science: "the company" twice, "the village of" twice: no type is clear
    a = article("a", "Rain hit the village of Blue Ridge Labs. Staff at the company Blue Ridge "
                     "Labs left.", [])
    b = article("b", "Roads to the village of Blue Ridge Labs closed, and the company Blue Ridge "
                     "Labs shut.", [])
    assert _recovered([a, b]) == {"Blue Ridge Labs": ("OTHER", False)}
