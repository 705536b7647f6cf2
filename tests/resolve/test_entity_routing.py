"""Common nouns linked to the organisation a story is about (resolve/entities/routing.py), on
invented sport, business and court stories."""

from __future__ import annotations

import sys
from pathlib import Path

from newsprism.resolve import NAME_LABEL, NOMINAL_LABEL, PRONOUN_LABEL, resolve_entities

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_entities import article, entity_of  # noqa: E402  (one builder of annotated test articles)


def _heads(*arts) -> None:
    for art in arts:
        for m in art.mentions:
            if m.label == NOMINAL_LABEL:
                m.head = m.text.split()[-1].lower().removesuffix("'s")


def test_the_team_is_the_club_its_article_is_about_possessive_included() -> None:
    # sport: "the team's coach" is the Hawks' coach; the team is the club named twice
    a = article("a", "The Harbor City Hawks won again. The Hawks lead the league, and the "
                     "team's coach was pleased.",
                [("Harbor City Hawks", "ORG"), ("Hawks", "ORG"), ("team's", NOMINAL_LABEL)])
    _heads(a)
    entities = resolve_entities([a])
    assert entity_of(entities, a, "team's") is entity_of(entities, a, "Hawks")


def test_the_team_named_once_per_article_across_the_story() -> None:
    # sport: each report names the club once; "the team" in three of them is that club, not
    # the league each names too, nor the rival named in one
    texts = [("a", "Vale Rovers signed a striker, the league said. The team paid a record fee."),
             ("b", "The league approved the deal for Vale Rovers. The team will unveil him today."),
             ("c", "Vale Rovers beat Kent United, the league said, and the team celebrated.")]
    arts = []
    for sid, text in texts:
        mentions = [("Vale Rovers", "ORG")]
        if "Kent United" in text:
            mentions.append(("Kent United", "ORG"))
        mentions.append(("team", NOMINAL_LABEL))
        arts.append(article(sid, text, mentions))
    _heads(*arts)
    entities = resolve_entities(arts)
    rovers = entity_of(entities, arts[0], "Vale Rovers")
    assert all(entity_of(entities, art, "team") is rovers for art in arts)
    assert entity_of(entities, arts[2], "Kent United") is not rovers


def test_someone_elses_team_is_not_the_organisation_of_the_article() -> None:
    # courts: "the Baxter team" and "the defendant's legal team" belong to a person, not to
    # the firm the article is about; business: "the firm" still is it
    a = article("a", "Orbit Cargo sued its founder. Orbit Cargo said the Baxter team lied, and "
                     "the defendant's legal team denied it. The firm wants damages.",
                [("Orbit Cargo", "ORG"), ("Orbit Cargo", "ORG"), ("Baxter team", NOMINAL_LABEL),
                 ("defendant's legal team", NOMINAL_LABEL), ("firm", NOMINAL_LABEL)])
    _heads(a)
    entities = resolve_entities([a])
    orbit = entity_of(entities, a, "Orbit Cargo")
    assert entity_of(entities, a, "firm") is orbit
    assert entity_of(entities, a, "Baxter team") is not orbit
    assert entity_of(entities, a, "defendant's legal team") is not orbit


def test_a_role_written_before_a_name_is_that_person_whatever_the_word() -> None:
    # sport: "defensive tackle" is no listed person noun; written before the name it is his role
    a = article("a", "The Chargers released defensive tackle Jamal Okafor on Monday. The tackle "
                     "had played nine seasons, and the tackles of the league praised him.",
                [("Jamal Okafor", "PERSON"), ("tackle", NOMINAL_LABEL), ("tackles", NOMINAL_LABEL)])
    # science: a role in an apposition after the name
    b = article("b", "Mira Sohn, the lead geneticist, led the study. The geneticist said the "
                     "results were clear.",
                [("Mira Sohn", "PERSON"), ("geneticist", NOMINAL_LABEL)])
    _heads(a, b)
    entities = resolve_entities([a, b])
    okafor = entity_of(entities, a, "Jamal Okafor")
    assert entity_of(entities, a, "tackle") is okafor
    assert entity_of(entities, a, "tackles") is not okafor  # a plural is not one person
    sohn = entity_of(entities, b, "Mira Sohn")
    assert entity_of(entities, b, "geneticist") is sohn


def test_a_person_noun_in_a_place_phrase_is_no_person() -> None:
    # courts: "in the judge's chambers" (it opens with "in") is not the judge
    a = article("a", "Police arrested Dana Cole on Friday. The judge, Omar Reyes, heard it in "
                     "the judge's chambers.",
                [("Dana Cole", "PERSON"), ("Omar Reyes", "PERSON"),
                 ("in the judge's chambers", NOMINAL_LABEL)])
    _heads(a)
    a.mentions[2].head = "judge"
    entities = resolve_entities([a])
    assert entity_of(entities, a, "in the judge's chambers") is not entity_of(entities, a, "Omar Reyes")


def test_where_and_there_are_the_place_before_them() -> None:
    # disasters: "where" is the farm of its sentence, not the man or the time between them
    a = article("a", "Rescuers reached the farm near Oakdale on Sunday where the farmer, John "
                     "Hale, was trapped. Crews stayed there for hours.",
                [("the farm near Oakdale", NOMINAL_LABEL), ("Sunday", NAME_LABEL),
                 ("where", NOMINAL_LABEL), ("John Hale", "PERSON"), ("there", NOMINAL_LABEL)])
    # sport: "there" is the stadium of the sentence before, not the coach named in it
    b = article("b", "The Hawks played at Kell Stadium, coach Ivo Mraz said. Fans waited there "
                     "all night.",
                [("Kell Stadium", "FAC"), ("Ivo Mraz", "PERSON"), ("there", NOMINAL_LABEL)])
    _heads(a, b)
    a.mentions[0].head = "farm"
    entities = resolve_entities([a, b])
    farm = entity_of(entities, a, "the farm near Oakdale")
    assert entity_of(entities, a, "where") is farm
    assert entity_of(entities, a, "there") is farm  # past the man and the "where"
    assert entity_of(entities, b, "there") is entity_of(entities, b, "Kell Stadium")
    # two "there"s of two articles are not one place by their word alone
    assert entity_of(entities, a, "there") is not entity_of(entities, b, "there")


def test_a_relative_pronoun_is_the_noun_a_place_or_owner_hangs_on() -> None:
    # business: "that" is the flaw, not the software company named in its prepositional phrase
    a = article("a", "Auditors found a flaw in Ledgerly that exposed 4,000 accounts.",
                [("flaw", NOMINAL_LABEL), ("Ledgerly", "ORG"), ("that", PRONOUN_LABEL)])
    # sport: "which" cannot be the coach, so it stays the club after "of"
    b = article("b", "Fans cheered the coach of Vale Rovers, which fired him a year later.",
                [("coach", NOMINAL_LABEL), ("Vale Rovers", "ORG"), ("which", PRONOUN_LABEL)])
    _heads(a, b)
    entities = resolve_entities([a, b])
    assert entity_of(entities, a, "that") is entity_of(entities, a, "flaw")
    assert entity_of(entities, b, "which") is entity_of(entities, b, "Vale Rovers")


def test_a_relational_noun_is_not_the_person_the_article_is_about() -> None:
    # courts: an article about one defendant; "the lawyer" is someone else, "the defendant" her
    a = article("a", "Nora Vance appeared in court. Nora Vance denied fraud. The lawyer said "
                     "the defendant would appeal.",
                [("Nora Vance", "PERSON"), ("Nora Vance", "PERSON"), ("lawyer", NOMINAL_LABEL),
                 ("defendant", NOMINAL_LABEL)])
    _heads(a)
    entities = resolve_entities([a])
    vance = entity_of(entities, a, "Nora Vance")
    assert entity_of(entities, a, "defendant") is vance
    assert entity_of(entities, a, "lawyer") is not vance


def test_a_gendered_noun_is_no_person_of_the_other_gender() -> None:
    # disasters: "the woman" is not the man the story calls "him"; "the man" is
    a = article("a", "Firefighters pulled Tomas Brenner from the river and took him to "
                     "hospital. Tomas Brenner recovered. The woman thanked them, and "
                     "the man waved.",
                [("Tomas Brenner", "PERSON"), ("him", PRONOUN_LABEL), ("Tomas Brenner", "PERSON"),
                 ("woman", NOMINAL_LABEL), ("man", NOMINAL_LABEL)])
    _heads(a)
    entities = resolve_entities([a])
    brenner = entity_of(entities, a, "Tomas Brenner")
    assert entity_of(entities, a, "man") is brenner
    assert entity_of(entities, a, "woman") is not brenner
