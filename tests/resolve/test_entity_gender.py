"""Pronouns agree with the gender the story shows for a person, and with number."""

from __future__ import annotations

import sys
from pathlib import Path

from newsprism.resolve import NOMINAL_LABEL, PRONOUN_LABEL, resolve_entities
from newsprism.resolve.entities.gender import item_gender, word_gender
from newsprism.resolve.entities.mentions import prepare
from newsprism.resolve.gazetteer import load_gazetteer
from newsprism.resolve.names import fold

sys.path.insert(0, str(Path(__file__).parent))
from test_entities import article, entity_of  # noqa: E402  (one builder of test articles)


def test_gender_from_the_pronouns_after_a_name_steers_she_and_he() -> None:
    # science: the nearest person before "She" is the man the story calls "his"
    a = article("a", "Anna Berg presented her findings on Monday. Tom Reyes checked his data. "
                     "She said the results held.",
                [("Anna Berg", "PERSON"), ("her", PRONOUN_LABEL), ("Tom Reyes", "PERSON"),
                 ("his", PRONOUN_LABEL), ("She", PRONOUN_LABEL)])
    entities = resolve_entities([a])
    berg = entity_of(entities, a, "Anna Berg")
    assert entity_of(entities, a, "She") is berg
    assert entity_of(entities, a, "his") is entity_of(entities, a, "Tom Reyes")


def test_gendered_nouns_and_number_in_a_court_story() -> None:
    # courts: "the mother" is not "he"; "the jurors" are not "he"
    a = article("a", "The defendant shot at the mother. The jurors heard that he fled. "
                     "The mother said she forgave him.",
                [("defendant", NOMINAL_LABEL), ("mother", NOMINAL_LABEL),
                 ("jurors", NOMINAL_LABEL), ("he", PRONOUN_LABEL), ("mother", NOMINAL_LABEL),
                 ("she", PRONOUN_LABEL), ("him", PRONOUN_LABEL)])
    for m, head in zip(a.mentions[:3], ["defendant", "mother", "juror"], strict=True):
        m.head = head
    a.mentions[4].head = "mother"
    entities = resolve_entities([a])
    defendant = entity_of(entities, a, "defendant")
    assert entity_of(entities, a, "he") is defendant
    assert entity_of(entities, a, "she") is entity_of(entities, a, "mother")
    assert entity_of(entities, a, "him") is defendant


def test_two_people_in_one_sentence_give_no_gender_evidence() -> None:
    # sport: "his" after two names could be either player's: no vote for the last one named
    a = article("a", "Mia Long passed to Ken Ito before his goal. She smiled.",
                [("Mia Long", "PERSON"), ("Ken Ito", "PERSON"), ("his", PRONOUN_LABEL),
                 ("She", PRONOUN_LABEL)])
    entities = resolve_entities([a])
    # Ken Ito has no gender from this text, so "She" may still take the nearest person
    assert entity_of(entities, a, "She") is entity_of(entities, a, "Ken Ito")


def test_word_gender() -> None:
    assert word_gender({"grandmother"}) == "f"
    assert word_gender({"mr", "spokesman"}) == "m"
    assert word_gender({"man", "woman"}) is None
    assert word_gender({"driver"}) is None
    a = article("a", "Mrs. Ada Holt spoke.", [("Mrs. Ada Holt", "PERSON")])
    entities = resolve_entities([a])
    assert entities[0].name == "Ada Holt"
    items = prepare([a], load_gazetteer(fold))
    assert item_gender(items[0]) == "f"


def test_she_prefers_the_woman_the_story_shows_and_falls_back_to_the_article_s_person() -> None:
    # politics: "She" after a name of unknown gender goes to the senator the story calls "her"
    a = article("a", "Senator Ruth Olsen filed her bill. Aides to Kim Park watched. "
                     "She said the vote was close.",
                [("Ruth Olsen", "PERSON"), ("her", PRONOUN_LABEL), ("Kim Park", "PERSON"),
                 ("She", PRONOUN_LABEL)])
    entities = resolve_entities([a])
    assert entity_of(entities, a, "She") is entity_of(entities, a, "Ruth Olsen")
    # science: "he" far from any name, in an article about one researcher, is that researcher
    b = article("b", "Omar Haddad found the comet. Omar Haddad named it. The sky was clear. "
                     "The dome was cold. Clouds came late. Then he went home.",
                [("Omar Haddad", "PERSON"), ("Omar Haddad", "PERSON"), ("he", PRONOUN_LABEL)])
    entities = resolve_entities([b])
    assert entity_of(entities, b, "he") is entity_of(entities, b, "Omar Haddad")
