"""Mention repairs with story-wide evidence (resolve/entities/repair.py), the bare surname of an
article naming two namesakes, spokespeople in the salience order, dateline credits and "she"
between two people; invented stories from disasters, business, sport, courts and science."""

from __future__ import annotations

import sys
from pathlib import Path

from newsprism.model import AnnotatedArticle, Entity, Quote
from newsprism.resolve import PRONOUN_LABEL, resolve_entities

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_entities import article  # noqa: E402  (one builder of annotated test articles)


def eid(art: AnnotatedArticle, surface: str, nth: int = 0) -> str:
    ms = [m for m in art.mentions if m.text == surface]
    assert ms[nth].entity_id is not None, surface
    return ms[nth].entity_id


def names(entities: list[Entity]) -> list[str]:
    return [e.name for e in entities]


def test_body_of_two_places_always_written_with_both_is_one_name() -> None:
    # disaster: the tagger splits "Avon and Wessex Fire Service" into a place and a body
    a = article("a", "Crews from Avon and Wessex Fire Service fought the blaze in Wessex.",
                [("Avon", "GPE"), ("Wessex Fire Service", "ORG"), ("Wessex", "GPE")])
    b = article("b", "Avon and Wessex Fire Service said the mill in Avon was lost.",
                [("Avon", "GPE"), ("Wessex Fire Service", "ORG"), ("Avon", "GPE")])
    ents = resolve_entities([a, b])
    assert "Avon and Wessex Fire Service" in names(ents)
    assert "Wessex Fire Service" not in names(ents)
    joined = [m for m in a.mentions if m.text == "Avon and Wessex Fire Service"]
    assert len(joined) == 1 and a.article.text[joined[0].start : joined[0].end] == joined[0].text
    avon = next(m for m in a.mentions if m.text == "Avon")
    assert avon.entity_id is None  # part of the name there
    # the places themselves stay entities where they are written alone
    assert {"Avon", "Wessex"} <= set(names(ents))


def test_two_bodies_joined_by_and_stay_two() -> None:
    # business: "the EU and IMF" are two lenders; a body written once after "X and" stays
    a = article("a", "The loan from the EU and IMF arrived. The EU and IMF set terms.",
                [("EU", "ORG"), ("IMF", "ORG"), ("EU", "ORG"), ("IMF", "ORG")])
    b = article("b", "Norland and Kestrel Water Board raised prices in Kestrel.",
                [("Norland", "GPE"), ("Kestrel Water Board", "ORG"), ("Kestrel", "GPE")])
    ents = resolve_entities([a, b])
    assert {"EU", "IMF", "Kestrel Water Board", "Norland"} <= set(names(ents))
    # a body also written without the place before it stays as tagged
    c = article("c", "Avon and Wessex Fire Service came. Wessex Fire Service left at noon.",
                [("Avon", "GPE"), ("Wessex Fire Service", "ORG"), ("Wessex Fire Service", "ORG")])
    d = article("d", "Wessex is wet.", [("Wessex", "GPE")])
    ents = resolve_entities([c, d])
    assert "Wessex Fire Service" in names(ents) and "Avon" in names(ents)


def test_capitalised_person_noun_opening_a_name_is_the_role_of_that_person() -> None:
    # courts: "Receptionist Dana Holt" opens a sentence and is tagged as an organisation
    a = article("a", "Dana Holt was hurt at the clinic. Receptionist Dana Holt had called 911.",
                [("Dana Holt", "PERSON"), ("Receptionist Dana Holt", "ORG")])
    ents = resolve_entities([a])
    assert eid(a, "Dana Holt") == eid(a, "Receptionist Dana Holt")
    holt = next(e for e in ents if e.id == eid(a, "Dana Holt"))
    assert holt.type == "PERSON"
    # with no such person in the story the name stays whole ("Judge Baker Center")
    b = article("b", "Judge Baker Center opened a wing. Baker Center staff cheered.",
                [("Judge Baker Center", "ORG"), ("Baker Center", "ORG")])
    ents = resolve_entities([b])
    assert "Judge Baker Center" in names(ents)


def test_bare_surname_in_an_article_naming_two_namesakes_is_the_story_one() -> None:
    # sport: the story is about Lena Varga; her relatives are named in full in one article
    a = article("a", "Lena Varga won the final in Rome.", [("Lena Varga", "PERSON")])
    b = article("b", "Lena Varga lifted the cup.", [("Lena Varga", "PERSON")])
    c = article("c", "Varga, 24, cried. Her sister Mia Varga hugged her. Her brother Tom Varga "
                     "cheered. Varga then thanked the crowd.",
                [("Varga", "PERSON"), ("Mia Varga", "PERSON"), ("Tom Varga", "PERSON"),
                 ("Varga", "PERSON")])
    resolve_entities([a, b, c])
    lena = eid(a, "Lena Varga")
    assert eid(c, "Varga", 0) == lena and eid(c, "Varga", 1) == lena
    assert eid(c, "Mia Varga") != lena and eid(c, "Tom Varga") != lena
    # one namesake in the article: the nearest full name still wins there
    d = article("d", "Mia Varga spoke. Varga said she was proud.",
                [("Mia Varga", "PERSON"), ("Varga", "PERSON")])
    e = article("e", "Lena Varga won again.", [("Lena Varga", "PERSON")])
    resolve_entities([d, e])
    assert eid(d, "Varga") == eid(d, "Mia Varga")


def test_spokesperson_comes_after_the_participants() -> None:
    # science: a lab spokeswoman is quoted in every article; the scientists are the story
    texts = []
    for i in range(3):
        text = (f"Ada Brook found the particle. Brook led the team. Institute spokeswoman "
                f"Kay Dunn said the data were checked. Dunn said more would follow. Dunn said "
                f"tests ran for a year. Omar Vey built the detector{'.' * (i + 1)}")
        texts.append(article(f"s{i}", text, [("Ada Brook", "PERSON"), ("Brook", "PERSON"),
                                             ("Kay Dunn", "PERSON"), ("Dunn", "PERSON"),
                                             ("Dunn", "PERSON"), ("Omar Vey", "PERSON")]))
    for art in texts:
        dunn = next(m for m in art.mentions if m.text == "Kay Dunn")
        art.quotes.append(Quote(art.source_id, 0, 10, art.article.text[:10], "indirect",
                                speaker="Kay Dunn", speaker_start=dunn.start))
    ents = resolve_entities(texts)
    order = names(ents)
    assert order.index("Kay Dunn") > order.index("Omar Vey")
    assert next(e for e in ents if e.name == "Kay Dunn").role is not None


def test_dateline_credit_is_no_entity() -> None:
    # business: "(Reuters) -" opens the copy; "Dana Bank" is the story; a wire also cited in
    # the text ("AP reported") stays an entity
    a = article("a", "LONDON (Reuters) - Dana Bank cut rates. Dana Bank said it would lend more.",
                [("Reuters", "ORG"), ("Dana Bank", "ORG"), ("Dana Bank", "ORG")])
    b = article("b", "PARIS (AP) — Dana Bank shares rose, AP reported.",
                [("AP", "ORG"), ("Dana Bank", "ORG"), ("AP", "ORG")])
    ents = resolve_entities([a, b])
    assert a.mentions[0].entity_id is None
    assert "Reuters" not in names(ents)
    assert "AP" in names(ents) and names(ents)[0] == "Dana Bank"


def test_she_with_two_people_near_is_the_one_the_article_names_most() -> None:
    # courts: the defendant is named twice, her lawyer once, nearer to "she"
    a = article("a", "Ann Lee, a mother of two, was charged on Monday. Lee appeared in court. "
                     "Lawyer Kim Park said that she would plead not guilty.",
                [("Ann Lee", "PERSON"), ("Lee", "PERSON"), ("Kim Park", "PERSON"),
                 ("she", PRONOUN_LABEL)])
    resolve_entities([a])
    assert eid(a, "she") == eid(a, "Ann Lee") != eid(a, "Kim Park")


def test_name_before_a_title_and_a_name_is_the_place_or_body_of_the_title() -> None:
    # courts: the tagger calls "Kestrel" and "Kestrel Police" people in "Kestrel police Lt.
    # Dana Moor" and "Kestrel Police Chief Ann Frey"; the town is named as a place elsewhere
    a = article("a", "A jury in Kestrel convicted the driver. Kestrel police Lt. Dana Moor said "
                     "the car was stolen. Kestrel Police Chief Ann Frey thanked the jury.",
                [("Kestrel", "GPE"), ("Kestrel", "PERSON"), ("Dana Moor", "PERSON"),
                 ("Kestrel Police", "PERSON"), ("Ann Frey", "PERSON")])
    b = article("b", "Kestrel police Lt. Dana Moor said the driver fled.",
                [("Kestrel", "PERSON"), ("Dana Moor", "PERSON")])
    ents = resolve_entities([a, b])
    town = next(e for e in ents if e.name == "Kestrel")
    assert town.type == "GPE" and eid(b, "Kestrel") == town.id
    body = next(e for e in ents if e.name == "Kestrel Police")
    assert body.type == "ORG" and body.id != eid(a, "Ann Frey")
    assert "Kestrel" not in body.aliases


def test_person_before_a_title_keeps_the_type_the_story_gives_it() -> None:
    # politics: "Marlow spokesman Ivo Tan": the senator is a person everywhere else;
    # "Sandoval defense attorney Ray Kim" is the defendant's attorney, not a place's
    a = article("a", "Senator Jo Marlow resigned. Marlow spokesman Ivo Tan said Marlow was "
                     "tired. Sandoval defense attorney Ray Kim said Sandoval was calm.",
                [("Jo Marlow", "PERSON"), ("Marlow", "PERSON"), ("Ivo Tan", "PERSON"),
                 ("Marlow", "PERSON"), ("Sandoval", "PERSON"), ("Ray Kim", "PERSON"),
                 ("Sandoval", "PERSON")])
    ents = resolve_entities([a])
    marlow = next(e for e in ents if e.name == "Jo Marlow")
    assert marlow.type == "PERSON" and eid(a, "Marlow", 0) == marlow.id
    assert next(e for e in ents if e.id == eid(a, "Sandoval")).type == "PERSON"


def test_bare_surname_tagged_as_an_organisation_takes_the_full_name_type() -> None:
    # disaster: "Sheriff Rita Vance" once, then "Vance said" twice, tagged ORG each time
    a = article("a", "Sheriff Rita Vance closed the road. The river rose, Vance said. "
                     "Nobody was hurt, Vance said.",
                [("Rita Vance", "PERSON"), ("Vance", "ORG"), ("Vance", "ORG")])
    b = article("b", "Rita Vance said the levee held. Vance said crews worked all night.",
                [("Rita Vance", "PERSON"), ("Vance", "ORG")])
    ents = resolve_entities([a, b])
    vance = next(e for e in ents if e.name == "Rita Vance")
    assert vance.type == "PERSON" and not vance.type_uncertain
    assert eid(a, "Vance", 1) == vance.id == eid(b, "Vance")
    # an organisation named like a person is not made one: "Vance" alone, no full name
    c = article("c", "Vance Refrigeration cut jobs. Vance said sales fell.",
                [("Vance Refrigeration", "ORG"), ("Vance", "ORG")])
    ents = resolve_entities([c])
    assert next(e for e in ents if e.id == eid(c, "Vance")).type == "ORG"


def test_place_named_as_a_landmark_ranks_after_the_setting() -> None:
    # disaster: the flood is in Brookfield; Lakeport only locates it ("a suburb of Lakeport",
    # "north of Lakeport"), however often it is written
    arts = []
    for i in range(3):
        text = (f"Floods hit Brookfield, a suburb of Lakeport, on Monday. The river rose 20 "
                f"miles north of Lakeport. Crews in suburban Lakeport helped. Mayor Ida Cole "
                f"said Brookfield would rebuild{'.' * (i + 1)}")
        arts.append(article(f"f{i}", text, [("Brookfield", "GPE"), ("Lakeport", "GPE"),
                                            ("Lakeport", "GPE"), ("Lakeport", "GPE"),
                                            ("Ida Cole", "PERSON"), ("Brookfield", "GPE")]))
    order = names(resolve_entities(arts))
    assert order.index("Brookfield") < order.index("Lakeport")
    # a place the story is set in is no landmark because one mention locates something by it
    b = article("b", "Fire swept Lakeport. Lakeport lost a school. Smoke rose north of Lakeport.",
                [("Lakeport", "GPE"), ("Lakeport", "GPE"), ("Lakeport", "GPE")])
    c = article("c", "Ida Cole left Lakeport. Cole spoke.", [("Ida Cole", "PERSON"),
                                                            ("Lakeport", "GPE"),
                                                            ("Cole", "PERSON")])
    assert names(resolve_entities([b, c]))[0] == "Lakeport"


def test_acronym_tagged_as_a_person_is_an_organisation() -> None:
    # politics: the tagger calls the union "FTW" a person twice, an organisation once
    a = article("a", "Strikes spread, said Ola Berg, head of FTW. FTW called more strikes.",
                [("Ola Berg", "PERSON"), ("FTW", "PERSON"), ("FTW", "PERSON")])
    b = article("b", "The FTW union marched.", [("FTW", "ORG")])
    ents = resolve_entities([a, b])
    ftw = next(e for e in ents if e.name == "FTW")
    assert ftw.type == "ORG" and not ftw.type_uncertain
    assert next(e for e in ents if e.name == "Ola Berg").type == "PERSON"


def test_name_written_before_party_is_a_body_not_a_place() -> None:
    # politics: the tagger calls one party a place and another a person; "the Verdant party"
    # and "the Cobra party" say what they are
    a = article("a", "The Verdant party won 40 seats. Verdant officials met Cobra leaders, and "
                     "voters in Norland backed Verdant.",
                [("The Verdant party", "ORG"), ("Verdant", "GPE"), ("Cobra", "PERSON"),
                 ("Norland", "GPE"), ("Verdant", "GPE")])
    b = article("b", "Verdant came first and the Cobra party third, in Norland.",
                [("Verdant", "GPE"), ("Cobra", "PERSON"), ("Norland", "GPE")])
    entities = resolve_entities([a, b])
    types = {e.id: e.type for e in entities}
    assert types[eid(a, "Verdant")] == types[eid(b, "Verdant")] == "ORG"
    assert types[eid(b, "Cobra")] == "ORG"
    assert types[eid(a, "Norland")] == "GPE"


def test_place_or_person_before_party_keeps_its_type() -> None:
    # politics: a state the story puts things in, and a president with a title, stay what
    # they are beside "the Texas party delegation" and "the Obama coalition"
    a = article("a", "Delegates from the Texas party delegation arrived in Texas. President "
                     "Obama spoke; the Obama coalition held.",
                [("Texas", "GPE"), ("Texas", "GPE"), ("Obama", "PERSON"), ("Obama", "PERSON")])
    entities = resolve_entities([a])
    types = {e.id: e.type for e in entities}
    assert types[eid(a, "Texas")] == "GPE"
    assert types[eid(a, "Obama")] == "PERSON"
