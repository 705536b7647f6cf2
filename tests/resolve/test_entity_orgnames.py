"""Organisation names the tagger split or called a person (resolve/entities/orgnames.py) and a
person's body (resolve/entities/bodies.py), on invented stories from other domains."""

from __future__ import annotations

import sys
from pathlib import Path

from newsprism.resolve import NOMINAL_LABEL, PRONOUN_LABEL, resolve_entities

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_entities import article, entity_of  # noqa: E402  (one builder of annotated test articles)


def _heads(*arts) -> None:
    for art in arts:
        for m in art.mentions:
            if m.label == NOMINAL_LABEL:
                m.head = m.text.split()[-1].lower().removesuffix("'s")


def test_a_person_tagged_name_that_org_words_extend_is_that_organisation() -> None:
    # disasters: "Harwick Fire" is the fire service of "Harwick Fire Department" and
    # "Harwick Fire & Rescue"; the tagger called it a person, the entity is a body
    a = article("a", "Crews from Harwick Fire Department reached the mill at dawn.",
                [("Harwick Fire Department", "ORG")])
    b = article("b", "Harwick Fire & Rescue said the roof fell in.", [("Harwick Fire & Rescue", "ORG")])
    c = article("c", "Harwick Fire sent four engines. Harwick Fire asked people to stay away.",
                [("Harwick Fire", "PERSON"), ("Harwick Fire", "PERSON")])
    entities = resolve_entities([a, b, c])
    ent = entity_of(entities, c, "Harwick Fire")
    assert ent is entity_of(entities, a, "Harwick Fire Department")
    assert ent is entity_of(entities, b, "Harwick Fire & Rescue")
    assert ent.type == "ORG"


def test_a_person_with_a_title_is_not_the_organisation_named_after_them() -> None:
    # science: Dr. Lena Ostrow is a person; the Lena Ostrow Institute is her namesake
    a = article("a", "The Lena Ostrow Institute opened a new lab.", [("Lena Ostrow Institute", "ORG")])
    b = article("b", "Dr. Lena Ostrow said the lab would study corals.", [("Dr. Lena Ostrow", "PERSON")])
    entities = resolve_entities([a, b])
    assert entity_of(entities, a, "Lena Ostrow Institute") is not entity_of(entities, b, "Dr. Lena Ostrow")


def test_a_clipped_word_names_the_one_organisation_it_starts() -> None:
    # business: "Ven Foods" is the headline's clipped "Venterra Foods"; the tagger called it a
    # person. "Dan Reyes" and "Daniela Reyes" are two people.
    a = article("a", "Venterra Foods closed its bakery on Monday.", [("Venterra Foods", "ORG")])
    b = article("b", "Ven Foods workers protested. Ven Foods said the bakery lost money.",
                [("Ven Foods", "PERSON"), ("Ven Foods", "PERSON")])
    c = article("c", "Dan Reyes and Daniela Reyes both testified.",
                [("Dan Reyes", "PERSON"), ("Daniela Reyes", "PERSON")])
    entities = resolve_entities([a, b, c])
    ent = entity_of(entities, b, "Ven Foods")
    assert ent is entity_of(entities, a, "Venterra Foods")
    assert ent.type == "ORG"
    assert entity_of(entities, c, "Dan Reyes") is not entity_of(entities, c, "Daniela Reyes")


def test_his_body_and_a_named_persons_body_are_that_person() -> None:
    # courts: the body of the man the story names is that man, whoever else is named
    a = article("a", "Marco Delane vanished in May. Judge Ruth Amell said she feared the worst. "
                     "His body was found in June.",
                [("Marco Delane", "PERSON"), ("Ruth Amell", "PERSON"), ("she", PRONOUN_LABEL),
                 ("His body", NOMINAL_LABEL)])
    b = article("b", "Police said Delane's body was in the river.", [("Delane's body", NOMINAL_LABEL)])
    c = article("c", "Marco Delane was 41.", [("Marco Delane", "PERSON")])
    _heads(a, b)
    entities = resolve_entities([a, b, c])
    delane = entity_of(entities, a, "Marco Delane")
    assert entity_of(entities, a, "His body") is delane
    assert entity_of(entities, b, "Delane's body") is delane
    assert entity_of(entities, a, "Ruth Amell") is not delane


def test_a_name_written_with_a_company_designator_is_an_organisation() -> None:
    # business: the tagger calls the shipping firm a person in most mentions; "Corp." in one
    # of them, and its first word used alone, are the company's
    a = article("a", "Halvorsen Shipping Corp. sold two tankers.", [("Halvorsen Shipping Corp.", "PERSON")])
    b = article("b", "Halvorsen Shipping lost money. Halvorsen said prices fell.",
                [("Halvorsen Shipping", "PERSON"), ("Halvorsen", "PERSON")])
    entities = resolve_entities([a, b])
    ent = entity_of(entities, b, "Halvorsen Shipping")
    assert ent is entity_of(entities, a, "Halvorsen Shipping Corp.")
    assert ent.type == "ORG"


def test_a_body_named_by_organisation_words_only_is_the_one_acronym_that_ends_with_them() -> None:
    # disasters: "the Fire Department" in a story about the LAFD is the LAFD, which keeps its
    # name; beside two such acronyms it stays apart
    a = article("a", "The LAFD sent 200 firefighters to the blaze.", [("LAFD", "ORG")])
    b = article("b", "The Fire Department said the wind had dropped.", [("Fire Department", "ORG")])
    entities = resolve_entities([a, b])
    ent = entity_of(entities, b, "Fire Department")
    assert ent is entity_of(entities, a, "LAFD")
    assert ent.name == "LAFD"
    c = article("c", "The LAFD and the SDFD sent crews. The Fire Department said the wind dropped.",
                [("LAFD", "ORG"), ("SDFD", "ORG"), ("Fire Department", "ORG")])
    entities = resolve_entities([c])
    assert entity_of(entities, c, "Fire Department") is not entity_of(entities, c, "LAFD")


def test_an_organisation_with_the_noun_for_its_kind_after_it_is_that_organisation() -> None:
    # business: "Halden Ales Brewery" is Halden Ales when the story calls it "the brewery";
    # "Tarrow Mills Holdings" stays apart from Tarrow Mills: the story never writes "the holdings"
    a = article("a", "Halden Ales cut 40 jobs on Monday, and the brewery may close.",
                [("Halden Ales", "ORG")])
    b = article("b", "Halden Ales Brewery was founded in 1890.", [("Halden Ales Brewery", "ORG")])
    entities = resolve_entities([a, b])
    assert entity_of(entities, a, "Halden Ales") is entity_of(entities, b, "Halden Ales Brewery")
    c = article("c", "Tarrow Mills cut jobs. Tarrow Mills Holdings bought it.",
                [("Tarrow Mills", "ORG"), ("Tarrow Mills Holdings", "ORG")])
    entities = resolve_entities([c])
    assert entity_of(entities, c, "Tarrow Mills") is not entity_of(entities, c, "Tarrow Mills Holdings")
