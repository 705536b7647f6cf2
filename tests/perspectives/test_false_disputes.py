"""What makes a false dispute, on stories written for the test with no real dispute (a storm, a
product launch, a cup final, a robbery) and what a real one keeps (a verdict, a science result
questioned): an answer that only describes the perpetrator contradicts no one, "X was to blame"
names the culprit and not someone who blames, a rejection word on a thing ("fake identity
papers") rejects no report, a side needs a holder, and a document or an anaphor holds nothing."""

from __future__ import annotations

from newsprism.embed import Embedder
from newsprism.perspectives import build_claims, cues, find_contradictions
from newsprism.perspectives.claims import content_words
from newsprism.perspectives.contradictions import _negates
from newsprism.perspectives.holders import HolderIndex
from newsprism.perspectives.sides import is_holder_name
from newsprism.perspectives.statements import extract_statements

from .conftest import annotate_texts


def _run(nlp, embedder, texts):
    arts, ents = annotate_texts(nlp, texts)
    claims = build_claims(arts, ents, embedder)
    return arts, find_contradictions(claims, arts, ents, embedder)


def _statements(nlp, text: str):
    arts, ents = annotate_texts(nlp, {"s": ("Wire", text)})
    return extract_statements(arts[0], HolderIndex(ents, arts))


def test_a_description_of_the_perpetrator_answers_no_one() -> None:
    for generic in ("a person", "All the attackers", "eight gunmen and suicide bombers", "two men",
                    "those responsible", "an unknown assailant"):
        assert cues.generic_answer(generic), generic
    for answer in ("arsonists", "an electrical fault", "the Syrian government", "the driver", "rebels",
                   "the league"):
        assert not cues.generic_answer(answer), answer


def test_a_description_of_the_owner_contradicts_no_name_business(nlp, embedder: Embedder) -> None:
    """"a person who had been registered in Zurich" and "a French businessman" may be one man."""
    _, cs = _run(nlp, embedder, {
        "b1": ("Money Wire", "The frozen account belonged to a person who had been registered at a branch in "
                             "Zurich, bank spokesman Peter Wolf said on Monday."),
        "b2": ("Finance Daily", "A Swiss prosecutor says the account belonged to a French businessman who passed "
                                "through Geneva."),
    })
    assert cs == [], [(c.kind, [s.holders for s in c.sides]) for c in cs]


def test_incompatible_causes_stay_a_dispute_disaster(nlp, embedder: Embedder) -> None:
    _, cs = _run(nlp, embedder, {
        "d1": ("Coast News", "Fire investigators said the blaze was started by an electrical fault in the kitchen."),
        "d2": ("Harbour Post", "The landlord's lawyer said the blaze was started by arsonists who broke in overnight."),
    })
    assert len(cs) == 1 and cs[0].kind == "incompatible"


def test_to_blame_names_the_culprit_not_a_holder_sport(nlp) -> None:
    sts = _statements(nlp, "The defeat, and the possibility that Acme Corporation was to blame, angered the fans. "
                           "Rovers manager Tom Hale blamed the pitch for the defeat.")
    blamers = [h.name for st in sts if st.family == cues.BLAME for h in st.holders]
    assert not any("Acme" in h for h in blamers), blamers
    assert any("Hale" in h for h in blamers), blamers


def test_to_blame_after_likely_keeps_the_holder_politics(nlp) -> None:
    sts = _statements(nlp, "The opposition leader is likely to blame the government for the budget shortfall.")
    assert any(st.family == cues.BLAME and any("leader" in h.name for h in st.holders) for st in sts), \
        [(st.family, st.holder_names) for st in sts]


def test_a_false_thing_is_no_rejection_of_a_report() -> None:
    for thing in ("A police official said they had stopped men carrying fake identity papers",
                  "the alarm was a false alarm", "they used false passports", "a false start in the final"):
        assert not cues.rejection(thing), thing
    for rejection in ("the reports were fake", "it was fake news", "false and misleading claims",
                      "the case was built on fabricated maintenance logs", "the story is a hoax",
                      "a pack of lies"):
        assert cues.rejection(rejection), rejection


def test_fake_tickets_are_not_a_counter_claim_sport(nlp) -> None:
    sts = _statements(nlp, "Stewards said they had stopped fans carrying fake tickets at the gates.")
    assert sts and all(st.family != cues.COUNTER for st in sts), [(st.family, st.text) for st in sts]


def test_documents_and_anaphors_hold_nothing() -> None:
    for bad in ("A study", "the survey", "These citizens both", "those men", "the report"):
        assert not is_holder_name(bad), bad
    for good in ("A source close to the club", "Dr. Raj Patel", "The union", "Western countries"):
        assert is_holder_name(good), good


def test_records_and_clause_fragments_hold_nothing_but_names_do() -> None:
    # courts, science, disorder: a record is not a party (its author is); a clause cut from a
    # sentence ("some in the town don't") is no one; a proper name is someone even when one of
    # its words is a record noun or a verb ("Anne Records", "Do Kwon")
    for bad in ("The indictment", "an autopsy report", "police accounts", "a court filing",
                "the lab's records", "some in the town don't", "Residents who did not"):
        assert not is_holder_name(bad), bad
    # (a bare "A woman" or "Many in the town" names nobody: test_holder_stance.py; with a role
    # they are labelled: "A woman (witness)")
    for good in ("Anne Records", "Do Kwon", "the Accounts Commission", "police sources",
                 "A woman (witness)", "Many residents", "Coroner Ellen Marsh (medical examiner)"):
        assert is_holder_name(good), good


STORM = {
    "a1": ("Coast Daily",
           "Storm Hester made landfall near Port Alder on Tuesday evening, bringing winds of up to 110 mph, "
           "officials said. Governor Maria Delgado said the state had opened 40 shelters. Coastal Power said "
           "about 85,000 customers were without electricity on Tuesday night. No deaths had been reported by "
           "late Tuesday, according to the state emergency management agency."),
    "a2": ("Valley Wire",
           "Two people died when a tree fell on their car in Milbrook County on Wednesday morning, Sheriff Tom "
           "Baines said. Coastal Power said power had been restored to about half of the 85,000 customers who "
           "lost it. Governor Maria Delgado said the city's bridges had not been damaged."),
    "a3": ("Harbour Post",
           "The state emergency management agency said the death toll had risen to three. Coastal Power said "
           "fewer than 10,000 customers remained without power. Mayor Ken Osei said about 300 homes had been "
           "damaged and 20 destroyed."),
}


def test_updates_from_officials_are_no_dispute_disaster(nlp, embedder: Embedder) -> None:
    _, cs = _run(nlp, embedder, STORM)
    assert cs == [], [(c.kind, [s.holders for s in c.sides]) for c in cs]


def test_a_verdict_and_the_defence_are_a_dispute_courts(nlp, embedder: Embedder) -> None:
    _, cs = _run(nlp, embedder, {
        "v1": ("Court Wire", "Prosecutor Diane Walsh said the evidence showed Richard Stone had taken more than "
                             "$200,000 in cash from the builder."),
        "v2": ("Law Daily", "Defence lawyer Mark Feld denied that Stone had taken any money from the builder."),
    })
    assert len(cs) == 1
    holders = [" ".join(s.holders) for s in cs[0].sides]
    assert sorted("Walsh" in h for h in holders) == [False, True], holders
    assert sorted("Feld" in h for h in holders) == [False, True], holders


def test_a_toll_report_holds_no_side_of_who_is_to_blame_disaster(nlp, embedder: Embedder) -> None:
    """"Flooding in Riverton killed four people, officials said" names no culprit (a flood, a
    place): the officials hold neither side of the mayor's blame and the authority's answer."""
    _, cs = _run(nlp, embedder, {
        "f1": ("River News", "Flooding in Riverton killed four people on Sunday after the Alder dam overflowed, "
                             "officials said. Mayor Tom Brandt blamed the regional water authority for failing "
                             "to open the spillways in time."),
        "f2": ("Valley Post", "The regional water authority rejected the mayor's claim and said the flooding was "
                              "caused by record rainfall."),
    })
    assert len(cs) == 1, [(c.kind, [s.holders for s in c.sides]) for c in cs]
    holders = [h for s in cs[0].sides for h in s.holders]
    assert not any("official" in h.lower() for h in holders), holders
    assert any("Brandt" in h for h in holders) and any("authority" in h.lower() for h in holders), holders


def test_an_event_or_a_place_did_nothing(nlp) -> None:
    sts = _statements(nlp, "The storm destroyed 300 homes in Port Alder, the governor said. "
                           "Fighters in Aleppo shelled the market on Friday, witnesses said.")
    answers = {st.text.split()[1]: [r.name for r in st.responsible] for st in sts}
    assert answers.get("storm") == [], answers
    assert "Aleppo" not in answers.get("in", []), answers  # the fighters there, not the city


def test_a_shared_frame_before_a_negation_is_not_its_subject_local(nlp) -> None:
    # local politics after a flood: "The problem is there is no relationship with the council"
    # does not deny "The problem is, people still don't want to go to the council": the words
    # the two share before the negation ("problem") are the frame, not the negated clause's
    # subject; a subject they share still counts (conflict: "Rebels did not have the gas")
    (complaint,) = _statements(nlp, "“The problem is there is no relationship with the council,” "
                                    "said Ana Ruiz, who runs a residents' group.")
    other = content_words("The problem is, people still don't want to go to the council")
    assert not _negates([complaint], other)
    (denial,) = _statements(nlp, "Rebels did not have the capability to produce nerve gas, "
                                 "the minister said.")
    assert _negates([denial], content_words("The poison gas belonged to rebels"))
