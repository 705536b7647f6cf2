"""Speakers (issue 14): a description resolved to the name the story gives, honorifics are not
roles, a quotation running over line breaks is kept -- on texts written for the tests."""

from __future__ import annotations

import warnings

from newsprism.extract.quotes import quoted_spans
from newsprism.extract.quotes.marks import quote_paragraphs as paragraph_ranges

from .quote_helpers import one, quotes_of


def test_a_possessive_description_resolves_to_the_defined_person_disaster(nlp) -> None:
    text = (
        "Dr. Ahmed Khalil is the medical director of St. Mary's hospital in Leeds.\n"
        "A fire broke out in the hospital's east wing on Friday.\n"
        "\"We have moved every patient out of the east wing,\" the hospital's medical director told reporters."
    )
    q = one(quotes_of(nlp, text), "moved every patient")
    assert q.speaker == "Ahmed Khalil"
    assert q.speaker_role and "director" in q.speaker_role and "Dr" not in q.speaker_role


def test_a_description_with_no_one_named_stays_a_description_science(nlp) -> None:
    text = (
        "The launch was delayed on Thursday.\n"
        "\"We will not fly until the valve is fixed,\" the agency's chief engineer said."
    )
    q = one(quotes_of(nlp, text), "valve is fixed")
    assert q.speaker == "the agency's chief engineer"


def test_title_descriptions_resolve_politics(nlp) -> None:
    text = (
        "Senator Jane Morrow voted against the budget on Monday. "
        "\"This budget is a disgrace,\" the senator said after the vote. "
        "The presumptive Republican nominee, Dan Carter, also spoke. "
        "\"We will fix it next year,\" said the nominee."
    )
    qs = quotes_of(nlp, text)
    assert one(qs, "disgrace").speaker == "Jane Morrow"
    assert one(qs, "fix it").speaker == "Dan Carter"


def test_an_honorific_is_not_a_role_courts(nlp) -> None:
    text = "Dr. Helen Park said the ruling was unfair. Mr. Omar Said, a juror, said the trial was fair."
    qs = quotes_of(nlp, text)
    assert one(qs, "ruling was unfair").speaker_role in (None, "")
    assert one(qs, "trial was fair").speaker_role == "a juror"


def test_a_quotation_over_line_breaks_is_kept_sport(nlp) -> None:
    text = (
        "Coach Tom Baker was pleased after the match.\n"
        "\"The team played very well today.\n"
        "We deserved the win and the fans were fantastic,\" Baker said.\n"
        "The striker, Luis Mendes, scored twice."
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "quotation never closed" warning
        spans = quoted_spans(text)
    assert len(spans) == 1 and spans[0].start == text.index("The team")
    q = one(quotes_of(nlp, text), "played very well")
    assert "deserved the win" in q.text and q.speaker == "Tom Baker"
    # the lines of the quotation are one paragraph; the others stay lines of their own
    assert len(paragraph_ranges(text)) == 3


def test_a_blank_line_still_ends_an_unclosed_quotation(nlp) -> None:
    text = "\"This never closes.\n\nA new paragraph starts here.\" And more."
    assert len(paragraph_ranges(text)) == 2


def test_a_mark_that_can_only_open_ends_a_runaway_quotation_disaster(nlp) -> None:
    """Lines joined into one paragraph lose the convention that an unclosed quotation runs on
    into the next paragraph: '... the hull. "We have ...' opens a new quotation; both carry on
    the speaker of the paragraph before, whose quotation the paragraph opens with."""
    text = (
        'Lena Ortiz, from the coastguard, said: "It would appear the boat capsized near the harbour wall. "\n\n'
        '"It then drifted onto the rocks so there is a lot of damage to the hull. "We have been able to stop '
        'the fuel leaking. " Divers were sent to inspect the wreck. A spokesman for the port said: "Nobody was '
        'on board. " An inquiry has begun.'
    )
    spans = [text[q.start:q.end] for q in quoted_spans(text)]
    assert spans[1].startswith("It then drifted") and spans[1].endswith("hull.")
    assert spans[2] == "We have been able to stop the fuel leaking."
    assert spans[3] == "Nobody was on board."
    quotes = quotes_of(nlp, text)
    assert one(quotes, "drifted onto the rocks").speaker == "Lena Ortiz"
    assert one(quotes, "stop the fuel").speaker == "Lena Ortiz"
    assert one(quotes, "Nobody was on board").speaker != "Lena Ortiz"


def test_a_statement_announced_before_its_paragraph_sport(nlp) -> None:
    text = (
        "The striker was arrested on Monday night.\n\n"
        "Marco Pelle released a statement through the club on Tuesday.\n\n"
        '"I was stopped by an officer. I do not think any charges will be filed."'
    )
    assert one(quotes_of(nlp, text), "stopped by an officer").speaker == "Marco Pelle"


def test_a_name_after_the_closing_mark_speaks_even_when_parsed_as_an_object_sport(nlp) -> None:
    text = ('"We are aware of the issue involving Vincent," team general manager A.J. Smith said in a '
            "statement.")
    q = one(quotes_of(nlp, text), "aware of the issue")
    assert q.speaker == "A.J. Smith"
    assert q.speaker_role == "team general manager"


def test_an_abbreviated_title_cut_from_its_name_courts(nlp) -> None:
    text = ("Police said the gunman targeted two managers.\n\n"
            '"There is a suspicion that he was seeking a third official," said Troy police Lt. Gerry Scherlinck.')
    q = one(quotes_of(nlp, text), "suspicion")
    assert q.speaker == "Gerry Scherlinck"


def test_a_pronoun_follows_the_newest_subject_not_the_last_speaker_business(nlp) -> None:
    """'X said. A professor, Y, stayed home. But he cycled in. "...," he said': Y, not X; and a
    name the tagger took for an organisation is a person when an age follows it."""
    text = (
        '"We are shocked by the losses," Mr Carter said.\n\n'
        "A professor of economics at the University of Leeds, Yanis Brook, did not go to work today.\n\n"
        "But he rode his bicycle into the city to see the damage.\n\n"
        '"What I saw was a battlefield after the troops had left," he said.\n\n'
        "Apostolos Kolokythopoulos, a 70-year old pensioner, said the walkouts were needed.\n\n"
        '"I agree with the strikes," he said.'
    )
    quotes = quotes_of(nlp, text)
    assert one(quotes, "battlefield").speaker == "Yanis Brook"
    assert one(quotes, "agree with the strikes").speaker == "Apostolos Kolokythopoulos"


def test_a_description_resolves_to_the_organisation_the_text_called_so_disaster(nlp) -> None:
    """"the agency" is the news agency named just before ("news agency Tanjug"), not a
    description left as written; with no organisation so described it stays as written."""
    text = (
        "The main hospital on the island was struggling with the number of injured, the "
        "country's official news agency Tanjug said.\n"
        "It is \"full of wounded,\" the agency reported."
    )
    assert one(quotes_of(nlp, text), "full of wounded").speaker == "Tanjug"
    text = (
        "Flood defences along the river held overnight, the mayor of Lessen, Ruth Kell, said.\n"
        "The water is \"still rising slowly,\" the agency reported."
    )
    assert one(quotes_of(nlp, text), "still rising").speaker == "the agency"


def test_an_infinitive_after_an_object_has_that_object_for_its_speaker_business(nlp) -> None:
    """"pressed the chief executive to admit that ...": the chief executive admits (object
    control), not the senator; "promised the fans to ..." keeps the subject."""
    text = ("Senator Ada Price pressed the bank's chief executive, Tom Reyes, to admit that no senior "
            "managers had been punished for the fake accounts.")
    q = one(quotes_of(nlp, text), "no senior managers")
    assert q.speaker == "Tom Reyes", (q.speaker, q.cue)
    text = "The losing finalists led their coach Mara Lind to warn that the club would be relegated."
    q = one(quotes_of(nlp, text), "club would be relegated")
    assert q.speaker == "Mara Lind", (q.speaker, q.cue)


def test_a_description_qualified_by_a_name_goes_to_the_person_tied_to_it_sport(nlp) -> None:
    text = (
        "Maria Lopez, the Falcons coach, praised her players after the match.\n\n"
        "Later she met Tom Reed, whose Eagles team lost on Sunday.\n\n"
        "\"We need more time to rebuild,\" the Eagles coach told reporters after the meeting."
    )
    q = one(quotes_of(nlp, text), "more time to rebuild")
    assert q.speaker == "Tom Reed"  # not the other coach named first


def test_a_party_leader_is_not_the_leader_of_another_party_politics(nlp) -> None:
    text = (
        "Mr Samaras later met Evangelos Venizelos, whose socialist Pasok party came third.\n\n"
        "Earlier, Syriza leader Alexis Tsipras said he would not join.\n\n"
        "\"The country needs a government right away,\" the Pasok leader told reporters after the meeting."
    )
    q = one(quotes_of(nlp, text), "needs a government")
    assert q.speaker == "Evangelos Venizelos"


def test_a_qualified_description_no_one_is_tied_to_stays_a_description_business(nlp) -> None:
    text = (
        "Acme chairman Paul Hart said the plant would reopen.\n\n"
        "\"This deal is dead,\" the Zenith chairman said on Monday."
    )
    q = one(quotes_of(nlp, text), "deal is dead")
    assert q.speaker != "Paul Hart"


def test_a_qualified_description_skips_a_person_of_another_office_courts(nlp) -> None:
    text = (
        "Judge Ann Price of the Ohio court heard the case first.\n\n"
        "Mark Bell, whose Texas court ruled in May, disagreed with her.\n\n"
        "Texas clerk Joan Hill filed the papers.\n\n"
        "\"The law is clear,\" the Texas judge said in a statement."
    )
    q = one(quotes_of(nlp, text), "law is clear")
    assert q.speaker == "Mark Bell"


def test_the_statement_speaks_for_who_issued_it_sport(nlp) -> None:
    text = (
        "The Football Association issued a statement on Monday after the final.\n\n"
        "\"The behaviour of some fans was unacceptable,\" the statement said."
    )
    q = one(quotes_of(nlp, text), "unacceptable")
    assert q.speaker == "Football Association"
    assert text[q.source_start : q.source_end] == "the statement"  # the source as written


def test_a_statement_said_in_goes_to_the_company_business(nlp) -> None:
    text = (
        "Acme Corp said in a statement that profits fell.\n\n"
        "\"We expect a better second half,\" the statement added."
    )
    assert one(quotes_of(nlp, text), "better second half").speaker == "Acme Corp"


def test_a_statement_nobody_is_named_issuing_stays_the_statement_courts(nlp) -> None:
    text = (
        "Senator Jane Ruiz spoke to reporters before the hearing.\n\n"
        "A statement was read outside the court.\n\n"
        "\"Justice has been done,\" the statement said."
    )
    assert one(quotes_of(nlp, text), "Justice has been done").speaker != "Jane Ruiz"


def test_a_nation_in_a_description_skips_the_other_nations_envoy_politics(nlp) -> None:
    text = (
        "British ambassador Matthew Rycroft spoke first at the council. "
        "Later, Russian ambassador Vassily Nebenzia answered him.\n\n"
        "\"This attack was a war crime,\" the British ambassador said."
    )
    assert one(quotes_of(nlp, text), "war crime").speaker == "Matthew Rycroft"  # not the nearer envoy


def test_a_name_ending_at_the_colon_before_a_quotation_is_its_speaker_sport(nlp) -> None:
    text = (
        "The fans had one view of the final, summed up by their captain Maria Lopez:\n\n"
        "\"We were robbed in the last minute and everybody in the stadium saw it.\"\n\n"
        "The league has not commented."
    )
    q = one(quotes_of(nlp, text), "robbed in the last minute")
    assert q.speaker == "Maria Lopez"
    assert q.cue == ":"


def test_a_colon_without_a_name_before_it_gives_no_speaker_business(nlp) -> None:
    text = "The agenda of the board listed three items: \"budget\", \"staffing\" and \"security\"."
    assert not [q for q in quotes_of(nlp, text) if q.speaker]


def test_a_document_from_a_named_body_speaks_for_it_business(nlp) -> None:
    text = (
        "A statement from Acme Corp said the recall covered 40,000 cars.\n"
        "\"We regret the inconvenience,\" the statement said."
    )
    qs = quotes_of(nlp, text)
    assert one(qs, "recall covered").speaker == "Acme Corp"
    assert one(qs, "regret the inconvenience").speaker == "Acme Corp"


def test_according_to_a_document_obtained_by_a_named_source_politics(nlp) -> None:
    qs = quotes_of(nlp, "According to information acquired by Enet.gr, the loans were written off in 2009.")
    assert one(qs, "loans were written off").speaker == "Enet.gr"
    qs = quotes_of(nlp, "The striker will miss the final, according to a medical report released by Juventus.")
    assert one(qs, "striker will miss").speaker == "Juventus"


def test_a_document_of_an_unnamed_author_stays_as_written_courts(nlp) -> None:
    q = one(quotes_of(nlp, "A report by the jury foreman said the verdict was unanimous."), "verdict was unanimous")
    assert q.speaker == "A report by the jury foreman"


def test_a_paragraph_opening_with_a_quotation_and_a_verbless_tail_keeps_the_speaker_disasters(nlp) -> None:
    text = (
        "Prime Minister Ana Ruiz spoke on television on Friday night.\n\n"
        "\"I am confident that we will overcome this disaster,\" she said.\n\n"
        "\"And I promise that my Cabinet will devote all of our energy\" to rebuilding the region.\n\n"
        "Coach Tom Baker spoke after the match.\n\n"
        "\"We played well,\" he said.\n\n"
        "\"Never give up\" was the motto of the club for decades."
    )
    qs = quotes_of(nlp, text)
    assert one(qs, "devote all of our energy").speaker == "Ana Ruiz"
    assert not [q for q in qs if "Never give up" in q.text and q.speaker]


def test_a_name_inside_the_quotation_is_not_its_pronoun_speaker_sport(nlp) -> None:
    text = (
        "Tom Baines scored twice for the visitors on Saturday.\n"
        "\u201cIt\u2019s a special feeling to beat players like Marco Silva, people I watched as a kid,\u201d he said."
    )
    q = one(quotes_of(nlp, text), "special feeling")
    assert q.speaker == "Tom Baines"


def test_a_name_inside_the_quotation_is_not_its_pronoun_speaker_courts(nlp) -> None:
    text = (
        "Defence lawyer Maria Costa spoke outside the court on Monday.\n"
        "\"My client never met Judge Helen Ward before the trial,\" she said."
    )
    q = one(quotes_of(nlp, text), "never met")
    assert q.speaker == "Maria Costa"


def test_notified_is_a_reporting_verb_business(nlp) -> None:
    text = (
        "\"We will make no further payments on the loan until we move,\" Karen Olson, president of "
        "Valley Mills, notified the lenders on Aug. 1."
    )
    q = one(quotes_of(nlp, text), "no further payments")
    assert q.speaker == "Karen Olson"


def test_a_participle_after_a_reported_call_goes_to_the_caller_courts(nlp) -> None:
    text = (
        "Ana Ruiz, a court clerk, told reporters that the defendant called the judge, "
        "saying \"I will not come back\" and adding that he was ill."
    )
    q = one(quotes_of(nlp, text), "will not come back")
    assert q.speaker == "the defendant"


def test_a_participle_after_a_reported_call_goes_to_the_caller_disaster(nlp) -> None:
    text = (
        "Sgt. Paul Mercer told reporters on Sunday that Nora Bell phoned the fire station, "
        "saying \"the whole barn is on fire\" before the line went dead."
    )
    q = one(quotes_of(nlp, text), "whole barn")
    assert q.speaker == "Nora Bell"


def test_a_participle_after_another_reported_clause_stays_with_the_reporter_sport(nlp) -> None:
    text = (
        "Coach Dan Hale told reporters that the team had played badly, saying \"we were asleep\" "
        "in the first half."
    )
    q = one(quotes_of(nlp, text), "we were asleep")
    assert q.speaker == "Dan Hale"


def test_a_paragraph_hands_on_its_quoted_speaker_not_its_record_courts(nlp) -> None:
    text = (
        "The jury heard from Paul Greer, who admitted taking the money.\n"
        "\"I don't regret anything,\" Greer said, according to the transcript.\n"
        "\"I just wish people would accept me for who I am.\"\n"
        "Greer was held on bail."
    )
    q = one(quotes_of(nlp, text), "just wish")
    assert q.speaker == "Paul Greer"


def test_titles_coordinated_before_a_name_are_that_persons_business(nlp) -> None:
    text = "\"We lost every sale in July,\" said Denver businessman and blogger Mark Tully, a critic of the owner."
    q = one(quotes_of(nlp, text), "every sale")
    assert q.speaker == "Mark Tully"


def test_a_second_speaker_after_while_has_an_attribution_of_its_own_courts(nlp) -> None:
    text = (
        "Police chief Ray Dunn told the Daily Herald there was \u201c nothing to suggest that the arrest "
        "broke the rules \u201d while Jane Cole, a former inspector at the force, said \"it looks like a "
        "lawful arrest \u201d under the circumstances."
    )
    qs = quotes_of(nlp, text)
    assert one(qs, "nothing to suggest").speaker == "Ray Dunn"
    assert one(qs, "lawful arrest").speaker == "Jane Cole"
    assert "lawful arrest" not in one(qs, "nothing to suggest").text


def test_a_second_speaker_after_while_has_an_attribution_of_its_own_politics(nlp) -> None:
    text = (
        "Finance minister Omar Haddad said the budget would balance next year, while opposition "
        "leader Lena Park said \"the numbers do not add up.\""
    )
    qs = quotes_of(nlp, text)
    assert one(qs, "budget would balance").speaker == "Omar Haddad"
    assert one(qs, "numbers do not add up").speaker == "Lena Park"


def test_a_single_mark_after_a_comma_and_a_space_closes_a_quotation_disaster(nlp) -> None:
    text = (
        "Lt. Gerry Marsh of the county police said officers were searching the flooded area.\n"
        "'We're actively looking for him and the car, ' he said shortly before noon."
    )
    q = one(quotes_of(nlp, text), "actively looking")
    assert q.text == "We're actively looking for him and the car"
    assert q.speaker == "Gerry Marsh"


def test_a_single_mark_after_a_comma_and_a_space_closes_a_quotation_business(nlp) -> None:
    text = "The players' union met on Monday. 'It's a fair deal for everyone, ' union chief Ana Ruiz said."
    assert [text[q.start : q.end] for q in quoted_spans(text)] == ["It's a fair deal for everyone"]


def test_a_straight_mark_closed_by_a_curly_one_does_not_run_on_courts(nlp) -> None:
    text = (
        "After he \"reached into his coat and kept walking toward them, \u201d officials say the officers "
        "drew their guns. A knife was found at the scene. Police chief Ray Dunn told the Times there was "
        "\u201c nothing to suggest that the arrest broke the rules \u201d while Jane Cole said \"it looks like "
        "a lawful arrest \u201d under the circumstances."
    )
    got = [text[q.start : q.end] for q in quoted_spans(text)]
    assert got == ["reached into his coat and kept walking toward them",
                   "nothing to suggest that the arrest broke the rules", "it looks like a lawful arrest"]
    qs = quotes_of(nlp, text)
    assert one(qs, "nothing to suggest").speaker == "Ray Dunn"
