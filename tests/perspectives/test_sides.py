"""Sides of a dispute: a denial's embedded claim counts against the claim, a sentence is evidence
for one side at most, a holder stands on one side, holders are names (not fragments)."""

from __future__ import annotations

from newsprism.embed import Embedder
from newsprism.model import Entity
from newsprism.perspectives import build_claims, cues, find_contradictions
from newsprism.perspectives.claims import StatementTable
from newsprism.perspectives.holders import HolderIndex
from newsprism.perspectives.sides import is_holder_name

from .conftest import annotate_texts

MINE = {
    "m1": ("Valley Herald",
           "At least 30 miners were killed in an explosion at the Redstone coal mine on Tuesday, police said. "
           "The mining company said the miners had ignored safety rules by smoking inside the sealed shaft. "
           "The miners' union has disputed claims that workers were smoking inside the shaft, saying the "
           "company had switched off the gas alarms weeks before."),
    "m2": ("Coal Daily",
           "No miners were inside the sealed shaft when the blast happened, the union said. "
           "The company insisted that workers had been smoking inside the sealed shaft. "
           "Some 30 people were killed in the blast, according to police."),
    "m3": ("Region Post",
           "The company said the explosion was caused by workers smoking in the shaft. "
           "The union rejected the company's account and blamed the company for switching off the alarms."),
}


def _run(nlp, embedder, texts):
    arts, ents = annotate_texts(nlp, texts)
    claims = build_claims(arts, ents, embedder)
    return arts, find_contradictions(claims, arts, ents, embedder)


def test_a_disputed_claim_counts_for_the_disputer_disaster(nlp, embedder: Embedder) -> None:
    arts, cs = _run(nlp, embedder, MINE)
    assert cs
    c = cs[0]
    texts = {a.source_id: a.article.text for a in arts}
    evidence = [[texts[sp.source_id][sp.start:sp.end] for sp in s.evidence] for s in c.sides]
    company = next(k for k, s in enumerate(c.sides) if any("company" in h.lower() for h in s.holders))
    union = 1 - company
    # the union's denials argue against the company's claim: never its evidence
    for sent in evidence[company]:
        assert "disputed claims" not in sent and not sent.startswith("No miners"), sent
    assert any("disputed claims" in s for s in evidence[union])
    # a sentence is evidence for one side at most; a holder stands on one side
    assert not set(map(str, c.sides[0].evidence)) & set(map(str, c.sides[1].evidence))
    keys = [{h.lower().removeprefix("the ").split("'")[0] for h in s.holders} for s in c.sides]
    assert not keys[0] & keys[1], keys
    # a side is a claim, not a casualty report; no fragment holders
    for s in c.sides:
        assert "killed" not in s.position
        assert not any("disputed" in h or h.lower() in {"police", "the statement"} for h in s.holders), s.holders
    # one entry per holder ("The union", "the union", "The miners' union" are one)
    assert len([h for h in c.sides[union].holders if "union" in h.lower()]) == 1, c.sides[union].holders


def test_a_negated_claim_does_not_agree_with_the_claim_sport(nlp, embedder: Embedder) -> None:
    _, cs = _run(nlp, embedder, {
        "s1": ("Sport Wire", "The league said the club's players had taken banned substances before the final."),
        "s2": ("Match Daily", "No players had taken banned substances before the final, the club said."),
        "s3": ("Goal Post", "The club denied that its players had taken banned substances."),
    })
    assert len(cs) == 1
    sides = cs[0].sides
    league = next(k for k, s in enumerate(sides) if any("league" in h for h in s.holders))
    assert all("league" not in h for h in sides[1 - league].holders)
    assert all("club" not in h.lower() for h in sides[league].holders), sides[league].holders


def test_holder_names_are_names() -> None:
    for good in ("Paul Ferris (chief executive)", "The union", "Western countries", "Amnesty International",
                 "unnamed officials", "Hasan Haj Ali (commander of the Free Idlib Army rebel group)"):
        assert is_holder_name(good), good
    for bad in ("The miners' union has disputed", "after receiving", "the statement", "Unattributed", "--"):
        assert not is_holder_name(bad), bad


def test_no_information_and_intentions_are_not_denials_courts(nlp, embedder: Embedder) -> None:
    """'had not been told' says nothing is known yet, and 'would appoint' is an intention:
    neither stands against a statement of fact."""
    _, cs = _run(nlp, embedder, {
        "c1": ("Court Wire", "A spokesman for the prosecutor said his office had not been told whether the "
                             "defendant had hired a lawyer."),
        "c2": ("Law Daily", "The judge said he would appoint a lawyer for the defendant."),
    })
    assert cs == []


def test_a_negation_about_something_else_is_no_dispute_sport(nlp, embedder: Embedder) -> None:
    """'talks weren't so hot' and 'talks were a tough negotiation' say the same: what the
    negation governs ('so hot') is not in the other proposition, so neither denies the other
    (the words after the comma are outside the negation)."""
    _, cs = _run(nlp, embedder, {
        "f1": ("Goal Post", "The paper says that the club's contract talks with the coach weren't so hot either, "
                            "an insider calling the talks a tough negotiation."),
        "f2": ("Match Daily", "Contract talks between the club and the coach were a tough negotiation, says a source "
                              "close to the club."),
    })
    assert cs == []


def test_denied_reports_that_x_argues_against_x_business(nlp, embedder: Embedder) -> None:
    """'denied reports that X': the proposition is X (not 'reports that X'), held against X."""
    arts, ents = annotate_texts(nlp, {
        "b1": ("Market Wire", "The chief executive denied reports that the merger talks with the rival bank had collapsed."),
        "b2": ("Money Daily", "The merger talks with the rival bank have collapsed, the newspaper reported."),
    })
    table = StatementTable.build(arts, ents, embedder)
    denial = next(st for st in table.statements if st.polarity == "deny")
    assert denial.text.startswith("the merger talks"), denial.text
    cs = find_contradictions(build_claims(arts, ents, embedder, table), arts, ents, embedder, table)
    assert len(cs) == 1
    holders = [s.holders for s in cs[0].sides]
    assert any(any("executive" in h for h in hs) for hs in holders), holders
    exec_side = next(k for k, hs in enumerate(holders) if any("executive" in h for h in hs))
    assert not any("newspaper" in h for h in holders[exec_side])


def test_an_indefinite_lead_holder_is_the_person_named_next_courts(nlp, embedder: Embedder) -> None:
    """'A man has denied fraud' then 'Daniel Whitmore, 41, is accused of ...': the denial is
    Whitmore's; 'is accused of' makes him the accused, not an accuser."""
    arts, ents = annotate_texts(nlp, {
        "c1": ("Court News", "A man has denied fraud after thousands of pounds went missing from a charity in Leeds. "
                             "Daniel Whitmore, 41, is accused of taking money from the charity's accounts over three years. "
                             "He was remanded on bail."),
    })
    table = StatementTable.build(arts, ents, embedder)
    denial = next(st for st in table.statements if st.polarity == "deny")
    assert [h.name for h in denial.holders] == ["Daniel Whitmore"], denial.holders
    # nobody in the text accuses him: the passive "is accused" gives no holder
    assert not any(st.family == "blame" for st in table.statements)
    # a lead that names someone else next does not borrow that name
    arts, ents = annotate_texts(nlp, {
        "c2": ("Court News", "A woman has denied fraud at a Leeds charity. Mayor Tom Black said the charity would "
                             "review its accounts."),
    })
    table = StatementTable.build(arts, ents, embedder)
    denial = next(st for st in table.statements if st.polarity == "deny")
    assert all("Black" not in h.name for h in denial.holders), denial.holders


def test_nouns_numbers_and_questions_are_not_denials_sport(nlp, embedder: Embedder) -> None:
    """'the contest was over' (a noun, not 'to contest'), 'the No. 5 seed' (a number, not a
    negation) and 'declined to say whether X' (an open question) deny nothing."""
    assert not cues.NEGATION.search("helping the club secure the No. 5 seed in the playoffs")
    assert cues.NEGATION.search("No players were hurt")
    arts, ents = annotate_texts(nlp, {
        "s1": ("Ring Post", "The contest was over when the champion hit the canvas again in the sixth round. "
                            "The coach declined to say whether the champion had been injured before the bout."),
        "s2": ("Fight Daily", '"The champion is very hard to hit," his trainer said. '
                              "The champion had been injured before the bout, his promoter said."),
    })
    table = StatementTable.build(arts, ents, embedder)
    assert not any(st.polarity == "deny" for st in table.statements), [st.text for st in table.statements]
    assert not any(st.text.lower().startswith("whether") for st in table.statements)
    assert find_contradictions(build_claims(arts, ents, embedder, table), arts, ents, embedder, table) == []


def test_two_outlets_own_sentences_are_no_dispute_disasters(nlp, embedder: Embedder) -> None:
    """Outlets that differ in their own words, with no party asserting either side, make no
    dispute of holders."""
    _, cs = _run(nlp, embedder, {
        "w1": ("Harbour News", "Nobody was inside the warehouse when the roof collapsed on Monday night."),
        "w2": ("Port Daily", "Nobody was inside the warehouse when the roof collapsed on Monday evening."),
        "w3": ("Coast Wire", "Night workers were inside the warehouse when the roof collapsed on Monday."),
        "w4": ("Bay Times", "Night workers were inside the warehouse when its roof collapsed on Monday."),
    })
    assert cs == []


def test_honorifics_are_not_roles() -> None:
    index = HolderIndex([Entity(id="e1", name="Anna Berg", type="PERSON", role="Mrs"),
                         Entity(id="e2", name="Tom Hale", type="PERSON", role="head coach")], [])
    assert index.actor_for_entity(index.by_id["e1"]).name == "Anna Berg"
    assert index.actor_for_entity(index.by_id["e1"], "Mr.").name == "Anna Berg"
    assert index.actor_for_entity(index.by_id["e2"]).name == "Tom Hale (head coach)"


def test_the_press_relays_a_side_a_party_holds_business(nlp, embedder: Embedder) -> None:
    """'..., the Evening Chronicle is reporting' and 'according to the Valley Gazette' relay
    the inspectors' finding: the inspectors hold that side, the papers do not."""
    _, cs = _run(nlp, embedder, {
        "b1": ("Market Wire", "Safety inspectors said the bottling plant had broken fire regulations for years, "
                              "the Evening Chronicle is reporting."),
        "b2": ("City Wire", "According to the Valley Gazette, inspectors found that the bottling plant had broken "
                            "fire regulations for years."),
        "b3": ("Metro Money", "The drinks company rejected the finding that its bottling plant had broken fire "
                              "regulations."),
    })
    assert len(cs) == 1
    holders = [h for s in cs[0].sides for h in s.holders]
    assert any("inspectors" in h for h in holders), holders
    assert any("company" in h for h in holders), holders
    assert not any("Chronicle" in h or "Gazette" in h for h in holders), holders


def test_an_outlet_with_its_own_scoop_holds_it_sport(nlp, embedder: Embedder) -> None:
    """A paper that is the only source of a claim holds it ('The Evening Chronicle says the
    club has agreed a fee'), against the club's denial."""
    _, cs = _run(nlp, embedder, {
        "s1": ("Goal Wire", "The Evening Chronicle says Rovers have agreed a record fee with Athletic for their "
                            "striker."),
        "s2": ("Match Daily", "Rovers denied that they had agreed a record fee with Athletic for the striker."),
    })
    assert len(cs) == 1
    holders = [s.holders for s in cs[0].sides]
    assert any(any("Chronicle" in h for h in hs) for hs in holders), holders
    assert any(any("Rovers" in h for h in hs) for hs in holders), holders


def test_news_outlets_by_name_and_by_citation() -> None:
    index = HolderIndex([Entity(id="e1", name="Valley Gazette", type="ORG"),
                         Entity(id="e2", name="Royal Mail", type="ORG"),
                         Entity(id="e3", name="Jo Post", type="PERSON"),
                         Entity(id="e4", name="Environment Agency", type="ORG")], [])
    outlet = [index.is_outlet(index.actor_for_entity(index.by_id[e])) for e in ("e1", "e2", "e3", "e4")]
    assert outlet == [True, False, False, False]
    for name in ("10News in San Diego", "the Post", "Kyodo", "Channel 9 News", "The Daily Courier"):
        assert index.is_outlet(index.actor_by_name(name)), name
    for name in ("the Post Office", "the press secretary", "the news conference", "unnamed officials"):
        assert not index.is_outlet(index.actor_by_name(name)), name


def test_an_officer_titled_by_an_organisation_speaks_for_it_courts(nlp) -> None:
    """'Greenfield Police Sergeant Mark Dean' and 'The Acme Corporation spokeswoman Lisa Grant'
    act for the organisation their title names: their camp is that organisation, so they stand
    on one side with it."""
    arts, ents = annotate_texts(nlp, {
        "c1": ("Court Wire", "Greenfield Police Sergeant Mark Dean said the driver failed a breath test. "
                             "The Acme Corporation spokeswoman Lisa Grant declined to comment. "
                             "Greenfield Police said the driver was charged on Tuesday."),
    })
    index = HolderIndex(ents, arts)
    dean = next(e for e in ents if e.type == "PERSON" and "Dean" in e.name)
    police = next(e for e in ents if e.type == "ORG" and "Greenfield Police" in e.name)
    assert index.root(dean).id == police.id
    grant = next(e for e in ents if e.type == "PERSON" and "Grant" in e.name)
    acme = next(e for e in ents if e.type == "ORG" and "Acme" in e.name)
    assert index.root(grant).id == acme.id


def test_an_outlet_vouches_for_its_unnamed_source_sport(nlp, embedder: Embedder) -> None:
    """A paper's scoop and an unnamed source saying the same: both hold the side (nobody
    named holds it, so the paper is not a mere relay)."""
    _, cs = _run(nlp, embedder, {
        "s1": ("Goal Wire", "The Evening Chronicle says Rovers have agreed a record fee with Athletic for their "
                            "striker."),
        "s2": ("Match Daily", "Rovers denied that they had agreed a record fee with Athletic for the striker."),
        "s3": ("Kick Post", "A source close to the club said Rovers have agreed a record fee with Athletic for "
                            "their striker."),
    })
    assert len(cs) == 1
    scoop = next(s for s in cs[0].sides if not any("Rovers" in h for h in s.holders))
    assert any("Chronicle" in h for h in scoop.holders), scoop.holders
    assert any("source" in h for h in scoop.holders), scoop.holders


def test_two_disputes_between_the_same_parties_are_one_courts(nlp, embedder: Embedder) -> None:
    """Prosecutors accuse a defendant of two things and he denies both: one dispute between
    the two parties, each denial on the defendant's side."""
    arts, cs = _run(nlp, embedder, {
        "c1": ("Court Wire", "Prosecutors said the defendant had taken bribes from the property developer."),
        "c2": ("Law Daily", "The defendant denied that he had taken bribes from the property developer."),
        "c3": ("Court Wire", "Prosecutors said the defendant had lied to investigators about his offshore bank "
                             "accounts."),
        "c4": ("Law Daily", "The defendant denied that he had lied to investigators about his offshore bank "
                            "accounts."),
    })
    assert len(cs) == 1, [(c.topic, [s.holders for s in c.sides]) for c in cs]
    texts = {a.source_id: a.article.text for a in arts}
    side = next(s for s in cs[0].sides if any("defendant" in h for h in s.holders))
    evidence = [texts[sp.source_id][sp.start:sp.end] for sp in side.evidence]
    assert sum("denied" in e for e in evidence) == 2, evidence
    other = next(s for s in cs[0].sides if s is not side)
    assert all("Prosecutors" in h for h in other.holders), other.holders
