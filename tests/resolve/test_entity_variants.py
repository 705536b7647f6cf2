"""Name variants (resolve/entities/variants.py and the rules beside it) on invented stories from
sport, business, courts, science, disasters and politics."""

from __future__ import annotations

import sys
from pathlib import Path

from newsprism.model import AnnotatedArticle, Entity
from newsprism.resolve import NAME_LABEL, NOMINAL_LABEL, resolve_entities
from newsprism.resolve.entities.salience import news_sources
from newsprism.resolve.names import initials, name_core, skeleton

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_entities import article  # noqa: E402  (one builder of annotated test articles)


def eid(art: AnnotatedArticle, surface: str, nth: int = 0) -> str:
    ms = [m for m in art.mentions if m.text == surface]
    assert ms[nth].entity_id is not None, surface
    return ms[nth].entity_id


def by_id(entities: list[Entity], art: AnnotatedArticle, surface: str) -> Entity:
    return next(e for e in entities if e.id == eid(art, surface))


def test_initialism_inside_a_name_is_spelled_out_for_its_acronym() -> None:
    assert "uksa" in initials("U.K. Space Agency")
    a = article("a", "The U.K. Space Agency approved the launch on Monday.",
                [("U.K. Space Agency", "ORG")])
    b = article("b", "A UKSA engineer said the rocket was ready. UKSA will fund two more.",
                [("UKSA", "ORG"), ("UKSA", "ORG")])
    resolve_entities([a, b])
    assert eid(a, "U.K. Space Agency") == eid(b, "UKSA")


def test_acronym_meets_expansions_the_qualifier_rule_joined() -> None:
    # science: two spellings of one agency are one candidate for its acronym, not two
    a = article("a", "The United States Forest Service closed the trail.",
                [("United States Forest Service", "ORG")])
    b = article("b", "The U.S. Forest Service said the fire spread. The USFS sent crews.",
                [("U.S. Forest Service", "ORG"), ("USFS", "ORG")])
    resolve_entities([a, b])
    assert eid(a, "United States Forest Service") == eid(b, "U.S. Forest Service") == eid(b, "USFS")


def test_compass_adjective_and_noun_name_one_region_and_a_part_is_not_the_whole() -> None:
    # politics: "Southern Velmar" is "South Velmar"; "North Velmar" is a part of Velmar
    a = article("a", "Fighting spread across Southern Velmar on Friday.", [("Southern Velmar", "GPE")])
    b = article("b", "Aid reached South Velmar. Officials in North Velmar and Velmar disagreed.",
                [("South Velmar", "GPE"), ("North Velmar", "GPE"), ("Velmar", "GPE")])
    resolve_entities([a, b])
    assert eid(a, "Southern Velmar") == eid(b, "South Velmar")
    assert eid(b, "North Velmar") != eid(b, "Velmar")
    assert eid(b, "South Velmar") != eid(b, "Velmar")


def test_feature_word_and_place_type_repaired_across_mentions() -> None:
    # disaster: the tagger calls the island a person; it heads "Koral Island" and is cued
    a = article("a", "A quake struck the island of Koral. Koral has 9,000 people. Koral Island "
                     "lost power, and Koral City was spared.",
                [("Koral", "PERSON"), ("Koral", "PERSON"), ("Koral Island", "GPE"),
                 ("Koral City", "GPE")])
    b = article("b", "Rescuers flew to Koral on Sunday. The Tarn River flooded, and the Tarn rose.",
                [("Koral", "PERSON"), ("Tarn River", "LOC"), ("Tarn", "LOC")])
    ents = resolve_entities([a, b])
    island = by_id(ents, a, "Koral")
    assert island.type == "GPE"
    assert eid(a, "Koral Island") == island.id == eid(b, "Koral")
    assert eid(a, "Koral City") != island.id  # the island's town is another place
    assert eid(b, "Tarn River") == eid(b, "Tarn")


def test_a_person_with_a_full_name_is_not_a_place() -> None:
    # sport: "Jordan" is a player's surname; "Jordan Park" stays a place
    a = article("a", "Mike Jordan scored twice at Jordan Park. Jordan was tired, the coach said.",
                [("Mike Jordan", "PERSON"), ("Jordan Park", "LOC"), ("Jordan", "PERSON")])
    ents = resolve_entities([a])
    assert by_id(ents, a, "Jordan").type == "PERSON"
    assert eid(a, "Jordan") == eid(a, "Mike Jordan")


def test_qualifier_named_once_and_common_word_qualifiers() -> None:
    # courts: "Ontario Provincial Police" / "Provincial Police"; "Free Velmar Army" is not
    # "Velmar Army", and a first word the story writes in lower case qualifies nothing
    a = article("a", "Ontario Provincial Police charged the driver. The Provincial Police said "
                     "the car was stolen. The Free Velmar Army and the Velmar Army clashed.",
                [("Ontario Provincial Police", "ORG"), ("Provincial Police", "ORG"),
                 ("Free Velmar Army", "ORG"), ("Velmar Army", "ORG")])
    b = article("b", "A central bank rule applies. The Central Savings Board met the Savings Board.",
                [("Central Savings Board", "ORG"), ("Savings Board", "ORG")])
    resolve_entities([a, b])
    assert eid(a, "Ontario Provincial Police") == eid(a, "Provincial Police")
    assert eid(a, "Free Velmar Army") != eid(a, "Velmar Army")
    assert eid(b, "Central Savings Board") != eid(b, "Savings Board")


def test_organisation_short_forms_first_word_and_inner_words() -> None:
    # business: "Halden" is "Halden Telecom"; "Marlow Bank" is "Marlow Savings Bank";
    # "Sudan Army" never meets "Sudan People's Army" (a country first)
    a = article("a", "Halden Telecom bought Orvik. Halden said the deal closed. Marlow Savings Bank "
                     "lent the money.",
                [("Halden Telecom", "ORG"), ("Orvik", "ORG"), ("Halden", "ORG"),
                 ("Marlow Savings Bank", "ORG")])
    b = article("b", "Marlow Bank confirmed the loan. Sudan People's Army and Sudan Army met.",
                [("Marlow Bank", "ORG"), ("Sudan People's Army", "ORG"), ("Sudan Army", "ORG")])
    resolve_entities([a, b])
    assert eid(a, "Halden") == eid(a, "Halden Telecom")
    assert eid(a, "Orvik") != eid(a, "Halden")
    assert eid(a, "Marlow Savings Bank") == eid(b, "Marlow Bank")
    assert eid(b, "Sudan People's Army") != eid(b, "Sudan Army")


def test_codes_written_with_initials() -> None:
    # disaster: a road and its code
    a = article("a", "A truck overturned on Interstate 40 near the bridge.", [("Interstate 40", "LOC")])
    b = article("b", "Traffic on I-40 was stopped. I-80 stayed open.", [("I-40", "LOC"), ("I-80", "LOC")])
    resolve_entities([a, b])
    assert eid(a, "Interstate 40") == eid(b, "I-40")
    assert eid(b, "I-80") != eid(b, "I-40")


def test_people_variants_glued_particle_short_given_name_and_two_given_names() -> None:
    # courts and sport
    a = article("a", "Judge Ellen Pratt heard Anthony DeMarco. Anthony Marco pleaded not guilty. "
                     "Nikolai Orlov won; Niko smiled. Charlie Varga and Charlene Varga testified.",
                [("Ellen Pratt", "PERSON"), ("Anthony DeMarco", "PERSON"),
                 ("Anthony Marco", "PERSON"), ("Nikolai Orlov", "PERSON"), ("Niko", "PERSON"),
                 ("Charlie Varga", "PERSON"), ("Charlene Varga", "PERSON")])
    resolve_entities([a])
    assert eid(a, "Anthony DeMarco") == eid(a, "Anthony Marco")
    assert eid(a, "Niko") == eid(a, "Nikolai Orlov")
    assert eid(a, "Charlie Varga") != eid(a, "Charlene Varga")


def test_transliterations_with_b_and_v_and_a_capital_spelled_two_ways() -> None:
    assert skeleton("Alishbandi") == skeleton("Alishvandi")
    a = article("a", "Governor Heydar Alishbandi said ten died. The talks were held in Bern.",
                [("Heydar Alishbandi", "PERSON"), ("Bern", "GPE")])
    b = article("b", "Heydar Alishvandi, the governor, visited. Delegates met in Berne.",
                [("Heydar Alishvandi", "PERSON"), ("Berne", "GPE")])
    ents = resolve_entities([a, b])
    assert eid(a, "Heydar Alishbandi") == eid(b, "Heydar Alishvandi")
    assert eid(a, "Bern") == eid(b, "Berne")
    bern = by_id(ents, a, "Bern")
    assert bern.acts_for is not None  # still the seat of its country


def test_written_forms_the_in_a_name_and_web_address() -> None:
    # business press: "The Daily Ledger" (TDL), its website, "Ostra province"
    a = article("a", "Shares fell, according to The Daily Ledger. The TDL report cited Ostra province.",
                [("The Daily Ledger", "ORG"), ("TDL", "ORG"), ("Ostra province", "GPE")])
    b = article("b", "As dailyledger.com first reported, the Daily Ledger spoke to officials in "
                     "Ostra Province.",
                [("dailyledger.com", "ORG"), ("the Daily Ledger", "ORG"), ("Ostra Province", "GPE")])
    ents = resolve_entities([a, b])
    ledger = by_id(ents, a, "The Daily Ledger")
    assert "The Daily Ledger" in ledger.aliases or ledger.name == "The Daily Ledger"
    assert eid(a, "TDL") == ledger.id == eid(b, "dailyledger.com") == eid(b, "the Daily Ledger")
    ostra = by_id(ents, a, "Ostra province")
    assert eid(b, "Ostra Province") == ostra.id
    assert "Ostra province" in ostra.aliases


def test_plural_acronym_is_a_common_noun_not_an_entity() -> None:
    # sport: "KO" beside "KOs"; a league acronym stays an entity
    a = article("a", "Dana Kell won by KO in the NBL final. She has 20 KOs now.",
                [("Dana Kell", "PERSON"), ("KO", "PERSON"), ("NBL", "ORG")])
    ents = resolve_entities([a])
    ko = next(m for m in a.mentions if m.text == "KO")
    assert ko.entity_id is None
    assert all(e.name != "KO" for e in ents)
    assert eid(a, "NBL") is not None


def test_part_of_links_a_region_to_its_whole() -> None:
    # disaster: "North Velmar" is a part of Velmar, never the same entity
    a = article("a", "Floods hit North Velmar. Velmar declared an emergency.",
                [("North Velmar", "GPE"), ("Velmar", "GPE")])
    ents = resolve_entities([a])
    north, whole = by_id(ents, a, "North Velmar"), by_id(ents, a, "Velmar")
    assert north.id != whole.id
    assert north.part_of == whole.id
    assert whole.part_of is None


def test_type_uncertain_when_mentions_disagree() -> None:
    # science: the tagger calls a probe a person twice and an organisation twice
    a = article("a", "Orla sent data. Orla reached orbit. Orla lost power. Orla was fixed. "
                     "Dr Ines Faro, the lead scientist, spoke.",
                [("Orla", "PERSON"), ("Orla", "ORG"), ("Orla", "PERSON"), ("Orla", "ORG"),
                 ("Ines Faro", "PERSON")])
    ents = resolve_entities([a])
    assert by_id(ents, a, "Orla").type_uncertain
    assert not by_id(ents, a, "Ines Faro").type_uncertain


def test_salience_puts_the_lead_and_quoted_participants_before_repeated_background() -> None:
    # courts: the defendant and the judge lead three articles; a city is named often in one
    texts = [
        ("a", "Mara Quell was sentenced by Judge Tom Ruiz on Monday. Quell appealed. "
              "Dunmore police, Dunmore schools, Dunmore roads and Dunmore parks were cited. "
              "Dunmore residents watched. Dunmore was quiet.",
         [("Mara Quell", "PERSON"), ("Tom Ruiz", "PERSON"), ("Quell", "PERSON"),
          ("Dunmore", "GPE"), ("Dunmore", "GPE"), ("Dunmore", "GPE"), ("Dunmore", "GPE"),
          ("Dunmore", "GPE"), ("Dunmore", "GPE")]),
        ("b", "Judge Tom Ruiz sentenced Mara Quell. Greek observers attended.",
         [("Tom Ruiz", "PERSON"), ("Mara Quell", "PERSON"), ("Greek", "NORP")]),
        ("c", "Mara Quell will appeal, her lawyer said. Ruiz declined to comment.",
         [("Mara Quell", "PERSON"), ("Ruiz", "PERSON")]),
    ]
    arts = [article(s, t, m) for s, t, m in texts]
    ents = resolve_entities(arts)
    names = [e.name for e in ents]
    assert names[:2] == ["Mara Quell", "Tom Ruiz"]
    assert names.index("Dunmore") > names.index("Tom Ruiz")
    assert [e.id for e in ents] == [f"e{i}" for i in range(1, len(ents) + 1)]
    # mentions follow the renumbered ids
    assert eid(arts[0], "Mara Quell") == "e1"


def test_capitalised_common_words_opening_sentences_are_no_entities() -> None:
    # disaster: "Videos" and "Region" open sentences and are written in lower case elsewhere
    a = article("a", "Videos showed the flood. Region officials said the videos were real. "
                     "The region of Tarsa was hit. Tarsa lost power.",
                [("Videos", "ORG"), ("Region", "LOC"), ("Tarsa", "GPE"), ("Tarsa", "GPE")])
    ents = resolve_entities([a])
    assert [m.entity_id for m in a.mentions[:2]] == [None, None]
    assert [e.name for e in ents] == ["Tarsa"]


def test_organisation_is_not_a_person_by_a_first_name() -> None:
    # sport: "Chargers" (a team) never joins "Charger Jamal Williams" (a player)
    a = article("a", "The Chargers won. Charger Jamal Williams made the tackle. Chargers fans "
                     "cheered Williams.",
                [("Chargers", "ORG"), ("Charger Jamal Williams", "PERSON"), ("Chargers", "ORG"),
                 ("Williams", "PERSON")])
    resolve_entities([a])
    assert eid(a, "Chargers") != eid(a, "Charger Jamal Williams")
    assert eid(a, "Williams") == eid(a, "Charger Jamal Williams")


def test_a_person_noun_in_an_article_about_one_person_is_that_person() -> None:
    # courts, with common nouns as an annotator gives them: "the defendant" is the one
    # person the article is about; in an article about two people it stays unresolved
    text = ("Lena Brack was convicted on Monday. Brack wept as the defendant heard the verdict. "
            "Lena Brack will appeal.")
    a = article("a", text, [("Lena Brack", "PERSON"), ("Brack", "PERSON"),
                            ("the defendant", "NOMINAL"), ("Lena Brack", "PERSON")])
    a.mentions[2].head = "defendant"
    text2 = "Omar Tell and Rita Voss met the witness. Tell and Voss left."
    b = article("b", text2, [("Omar Tell", "PERSON"), ("Rita Voss", "PERSON"),
                             ("the witness", "NOMINAL"), ("Tell", "PERSON"), ("Voss", "PERSON")])
    b.mentions[2].head = "witness"
    resolve_entities([a, b])
    assert eid(a, "the defendant") == eid(a, "Lena Brack")
    assert eid(b, "the witness") not in {eid(b, "Omar Tell"), eid(b, "Rita Voss")}


def test_description_an_article_gives_an_acronym_is_an_alias() -> None:
    # politics and business: "the UN refugee agency (UNHCR)", "WFP, the food aid agency,"
    a = article("a", "Aid came from the UN refugee agency (UNHCR) on Monday. UNHCR said 900 fled.",
                [("UN", "ORG"), ("UNHCR", "ORG"), ("UNHCR", "ORG")])
    b = article("b", "The WFP, the food aid agency, sent trucks. WFP staff stayed.",
                [("WFP", "ORG"), ("WFP", "ORG")])
    ents = resolve_entities([a, b])
    assert by_id(ents, a, "UNHCR").aliases == ["UN refugee agency"]
    assert by_id(ents, b, "WFP").aliases == ["food aid agency"]
    assert eid(a, "UN") != eid(a, "UNHCR")


def test_pet_form_of_a_given_name_is_that_person() -> None:
    """Courts and sport: "Maddie" is Madeline Kafre, the only Madeline; "Tommy" is no one when
    two given names start with "Tom"."""
    a = article("a", "Madeline Kafre, 63, was shot at her desk. Friends called Maddie the heart "
                     "of the firm. Her brother Paul Kafre spoke.",
                [("Madeline Kafre", "PERSON"), ("Maddie", "PERSON"), ("Paul Kafre", "PERSON")])
    b = article("b", "Tomas Berg and Tomasz Wolny scored. Tommy celebrated with the fans.",
                [("Tomas Berg", "PERSON"), ("Tomasz Wolny", "PERSON"), ("Tommy", "PERSON")])
    resolve_entities([a])
    assert eid(a, "Maddie") == eid(a, "Madeline Kafre") != eid(a, "Paul Kafre")
    resolve_entities([b])
    assert eid(b, "Tommy") not in (eid(b, "Tomas Berg"), eid(b, "Tomasz Wolny"))


def test_lone_one_word_name_ranks_after_places_and_full_names() -> None:
    """Science: a pet named once in an aside ("Laika") is no participant; the researcher named
    once in full and the city named once come first."""
    a = article("a", "Dr Ines Arnaud of Lyon led the trial. (Remember Laika?) The probe "
                     "launched on time.",
                [("Ines Arnaud", "PERSON"), ("Lyon", "GPE"), ("Laika", "PERSON")])
    names = [e.name for e in resolve_entities([a])]
    assert names.index("Laika") > names.index("Lyon") > names.index("Ines Arnaud")


def test_british_and_american_spellings_of_a_long_name_meet_across_types() -> None:
    # science / disasters: one centre spelled two ways, typed differently by the tagger
    a = article("a", "The National Hurricane Research Centre issued a warning on Monday.",
                [("National Hurricane Research Centre", "EVENT")])
    b = article("b", "Forecasters at the National Hurricane Research Center said the storm grew.",
                [("National Hurricane Research Center", "ORG")])
    # two theatres of one city whose names differ by one real word stay apart
    c = article("c", "The North Bay Civic Theatre and the South Bay Civic Theater both closed.",
                [("North Bay Civic Theatre", "FAC"), ("South Bay Civic Theater", "FAC")])
    resolve_entities([a, b, c])
    assert a.mentions[0].entity_id == b.mentions[0].entity_id
    assert c.mentions[0].entity_id != c.mentions[1].entity_id
    assert skeleton("Centre") == skeleton("Center")


def test_news_agency_cited_as_source_ranks_after_the_participants() -> None:
    # business: the agency reports the merger in every article; the companies and the city act
    texts = [
        ("a", "(Novapress) - Harlow Mills agreed to buy Denton Foods, Novapress reported. "
              "Harlow Mills is based in Tarvik.",
         [("Novapress", "ORG"), ("Harlow Mills", "ORG"), ("Denton Foods", "ORG"),
          ("Novapress", "ORG"), ("Harlow Mills", "ORG"), ("Tarvik", "GPE")]),
        ("b", "Denton Foods told Novapress the deal was fair. Harlow Mills declined to comment.",
         [("Denton Foods", "ORG"), ("Novapress", "ORG"), ("Harlow Mills", "ORG")]),
        ("c", "The Novapress news agency said Denton Foods shares rose.",
         [("Novapress", "ORG"), ("Denton Foods", "ORG")]),
    ]
    arts = [article(s, t, m) for s, t, m in texts]
    ents = resolve_entities(arts)
    assert {e.name for e in ents[:2]} == {"Harlow Mills", "Denton Foods"}
    assert {e.name for e in ents if e.id in news_sources(ents, arts)} == {"Novapress"}
    # a newspaper the story is about is a participant, not a cited source
    d = article("d", "The Dunmore Ledger was sold on Friday. The Dunmore Ledger will close. "
                     "Ann Vale bought it.",
                [("Dunmore Ledger", "ORG"), ("Dunmore Ledger", "ORG"), ("Ann Vale", "PERSON")])
    assert resolve_entities([d])[0].name == "Dunmore Ledger"


def test_a_place_the_text_cues_as_a_place_is_not_a_person() -> None:
    # disasters: the tagger calls the port a person and the village an organisation
    a = article("a", "The quake struck 40 miles southwest of Port Alvar. Rescuers reached the "
                     "port city of Port Alvar by noon. Port Alvar hospitals filled. The village "
                     "of Kesrin was flattened. Kesrin lost its school.",
                [("Port Alvar", "PERSON"), ("Port Alvar", "PERSON"), ("Port Alvar", "PERSON"),
                 ("Kesrin", "ORG"), ("Kesrin", "ORG")])
    # courts: a person written "in" a sentence twice is still a person when titled once
    b = article("b", "Judge Rhea Tamm ruled. Faith in Rhea Tamm is high. Rhea Tamm left.",
                [("Rhea Tamm", "PERSON"), ("Rhea Tamm", "PERSON"), ("Rhea Tamm", "PERSON")])
    ents = resolve_entities([a])
    assert by_id(ents, a, "Port Alvar").type == "GPE"
    assert by_id(ents, a, "Kesrin").type == "GPE"
    ents = resolve_entities([b])
    assert by_id(ents, b, "Rhea Tamm").type == "PERSON"


def test_role_nouns_of_crime_sport_and_work_are_the_article_s_one_person() -> None:
    # courts: "the inmate" in an article about one escaped prisoner is that prisoner
    a = article("a", "Dale Ruck escaped on Monday. Guards said Dale Ruck hid in a van. "
                     "The inmate was caught.",
                [("Dale Ruck", "PERSON"), ("Dale Ruck", "PERSON"), ("inmate", NOMINAL_LABEL)])
    # sport: "the swimmer" in a profile of one athlete
    b = article("b", "Lena Voss won gold. Lena Voss broke the record. The swimmer cried.",
                [("Lena Voss", "PERSON"), ("Lena Voss", "PERSON"), ("swimmer", NOMINAL_LABEL)])
    a.mentions[2].head, b.mentions[2].head = "inmate", "swimmer"
    resolve_entities([a])
    assert eid(a, "inmate") == eid(a, "Dale Ruck")
    resolve_entities([b])
    assert eid(b, "swimmer") == eid(b, "Lena Voss")


def test_an_institution_named_with_its_place_is_the_institution() -> None:
    # courts / business: "the Hale Street Courthouse in Tarvik" is the courthouse; a band whose
    # name holds "in" keeps its name
    a = article("a", "The hearing moved to the Hale Street Courthouse in Tarvik. Fans of Cats "
                     "in Boots waited.",
                [("the Hale Street Courthouse in Tarvik", NAME_LABEL), ("Cats in Boots", "ORG")])
    b = article("b", "The Hale Street Courthouse closed early.",
                [("Hale Street Courthouse", "FAC")])
    resolve_entities([a, b])
    assert eid(a, "the Hale Street Courthouse in Tarvik") == eid(b, "Hale Street Courthouse")
    assert name_core("Cats in Boots", person=False).name == "Cats in Boots"


def test_short_form_of_a_given_name_with_the_same_surname_is_one_person() -> None:
    # courts: "Bill Okafor" is "William Okafor"; "Robert Okafor" is someone else
    a = article("a", "Defense attorney William Okafor asked for a delay. Robert Okafor, his "
                "brother, testified.", [("William Okafor", "PERSON"), ("Robert Okafor", "PERSON")])
    b = article("b", "Bill Okafor told the judge the files were late.", [("Bill Okafor", "PERSON")])
    resolve_entities([a, b])
    assert eid(a, "William Okafor") == eid(b, "Bill Okafor")
    assert eid(a, "Robert Okafor") != eid(b, "Bill Okafor")


def test_an_organisations_site_is_the_organisation_and_its_first_word_still_joins() -> None:
    # business: "the Dunmore plant" is Dunmore's; "Dunmore" alone is Dunmore Mills
    a = article("a", "Dunmore Mills cut 200 jobs. Workers at the Dunmore Plant walked out.",
                [("Dunmore Mills", "ORG"), ("Dunmore Plant", "ORG")])
    b = article("b", "Dunmore said the cuts were final.", [("Dunmore", "ORG")])
    resolve_entities([a, b])
    assert eid(a, "Dunmore Mills") == eid(b, "Dunmore") == eid(a, "Dunmore Plant")


def test_a_building_is_one_thing_whatever_type_the_tagger_gave_it() -> None:
    # sport: the stadium tagged as a place once and as a body once; a person never joins
    a = article("a", "Fans filled the Harlow Memorial Stadium on Sunday.",
                [("Harlow Memorial Stadium", "ORG")])
    b = article("b", "The Harlow Stadium roof leaked. Keeper Harlow Smith saved twice.",
                [("Harlow Stadium", "LOC"), ("Harlow Smith", "PERSON")])
    resolve_entities([a, b])
    assert eid(a, "Harlow Memorial Stadium") == eid(b, "Harlow Stadium")
    assert eid(b, "Harlow Smith") != eid(b, "Harlow Stadium")


def test_a_name_written_with_a_company_designator_is_not_a_qualified_names_short_form() -> None:
    # business: "the Brewery Corporation" is a company of its own, not "Halden Brewery"
    a = article("a", "Halden Brewery closed its doors on Friday.", [("Halden Brewery", "ORG")])
    b = article("b", "The Brewery Corporation bought the Halden Brewery site.",
                [("Brewery Corporation", "ORG"), ("Halden Brewery", "ORG")])
    resolve_entities([a, b])
    assert eid(a, "Halden Brewery") == eid(b, "Halden Brewery")
    assert eid(b, "Brewery Corporation") != eid(a, "Halden Brewery")


def test_a_title_word_that_is_a_persons_surname_in_the_story_is_that_person() -> None:
    # sport: "Bishop" is the striker Dana Bishop; with no such person it stays a title noun
    a = article("a", "Striker Dana Bishop scored twice on Saturday.", [("Dana Bishop", "PERSON")])
    b = article("b", "Bishop said the second goal was luck.", [("Bishop", "PERSON")])
    resolve_entities([a, b])
    assert eid(a, "Dana Bishop") == eid(b, "Bishop")
    c = article("c", "The Bishop said the service would go ahead.", [("Bishop", "PERSON")])
    d = article("d", "Striker Dana Moss scored twice.", [("Dana Moss", "PERSON")])
    resolve_entities([c, d])
    assert eid(c, "Bishop") != eid(d, "Dana Moss")
