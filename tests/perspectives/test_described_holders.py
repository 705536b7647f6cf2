"""A holder written as a definite description ("the company in question") stands for the unnamed
one the article has just introduced with that noun, not for a named organisation nearby; a name
the description was resolved to stays when it carries the noun ("director Gary Ross"). Invented
texts: business fraud, film, courts, sport doping, science retraction."""

from __future__ import annotations

from newsprism.perspectives.described import DEFINITE
from newsprism.perspectives.holders import HolderIndex, head_key
from newsprism.perspectives.statements import extract_statements

from .conftest import annotate_texts


def _holders(nlp, text: str, cue: str) -> list[str]:
    arts, ents = annotate_texts(nlp, {"s": ("Wire", text)})
    sts = extract_statements(arts[0], HolderIndex(ents, arts))
    return [h.name for st in sts if cue in text[st.sent_start : st.sent_end] for h in st.holders]


def test_the_company_in_question_is_the_unnamed_company_business(nlp) -> None:
    text = ("A company owned by the mayor's brother withdrew $2 million from Harbor Savings Bank days before the "
            "accounts were frozen, according to a list published on Friday. The company in question has firmly "
            "denied the reports.")
    holders = _holders(nlp, text, "firmly denied")
    assert holders, holders
    assert not any("Harbor" in h for h in holders), holders
    assert any(h.startswith("a company owned by the mayor's brother") for h in holders), holders


def test_the_director_is_the_named_director_film(nlp) -> None:
    """"As a writer and a director, I ..." is the speaker's own words, not a new director."""
    text = ('Director Gary Ross said he would not return. "As a writer and a director, I simply don\'t have the '
            'time I need," Ross said in a statement. The director denied reports that his talks with the studio '
            'hit a snag.')
    holders = _holders(nlp, text, "hit a snag")
    assert holders and all("Ross" in h for h in holders), holders


def test_a_description_of_a_name_is_no_new_party_courts(nlp) -> None:
    text = ("Prosecutors charged Brightline Logistics, a company based in Dover, with fraud on Monday. "
            "The company denied the charges in a statement.")
    holders = _holders(nlp, text, "denied the charges")
    assert holders and not any(h.startswith("a company") for h in holders), holders


def test_the_laboratory_after_an_unnamed_laboratory_science(nlp) -> None:
    text = ("The journal retracted the paper after a laboratory run by a former co-author found the samples had "
            "been contaminated. The laboratory said the original results could not be reproduced.")
    holders = _holders(nlp, text, "could not be reproduced")
    assert holders == ["a laboratory run by a former co-author"], holders


def test_definite_descriptions_and_their_key() -> None:
    for phrase in ("The company in question", "the firm", "this ministry", "the state-owned lender concerned"):
        assert DEFINITE.match(phrase), phrase
    for phrase in ("The Company", "Acme", "the Harbor Savings Bank", "a company", "he"):
        assert not DEFINITE.match(phrase), phrase
    assert head_key("The company in question") == "company"


def test_a_report_as_a_noun_has_its_holder_after_by_sport_politics(nlp) -> None:
    arts, ents = annotate_texts(nlp, {"s": ("Wire", (
        "The ban followed allegations made by the club's former physiotherapist that players had been given "
        "banned substances. The vote was delayed because of concerns expressed by several member states, "
        "notably Denmark, that the budget rules were too loose."))})
    sts = extract_statements(arts[0], HolderIndex(ents, arts))
    got = {st.text.rstrip("."): [h.name for h in st.holders] for st in sts if st.kind == "reported"}
    assert got.get("players had been given banned substances") == ["the club's former physiotherapist"], got
    assert got.get("the budget rules were too loose") == ["Denmark"], got
