"""Stance of a claim embedded under a denial, a plea, a doubt or a rejection of reports: the
embedded claim counts against X for the one who denies it (issue 14). Texts written for the
tests, from sport, business, courts, politics and science."""

from __future__ import annotations

from newsprism.embed import Embedder
from newsprism.perspectives import build_claims, cues, find_contradictions
from newsprism.perspectives.claims import StatementTable

from .conftest import annotate_texts


def _table(nlp, embedder, texts):
    arts, ents = annotate_texts(nlp, texts)
    table = StatementTable.build(arts, ents, embedder)
    return arts, ents, table


def _sides(nlp, embedder, texts):
    arts, ents, table = _table(nlp, embedder, texts)
    cs = find_contradictions(build_claims(arts, ents, embedder, table), arts, ents, embedder, table)
    texts_of = {a.source_id: a.article.text for a in arts}
    return cs, texts_of


def test_no_evidence_that_x_denies_x_politics(nlp, embedder: Embedder) -> None:
    """'there is no evidence that X' said by the ministry: the ministry denies X."""
    _, _, table = _table(nlp, embedder, {
        "p1": ("Capital Post", 'The interior ministry said there was no evidence that the army had shelled the market.'),
    })
    st = next(s for s in table.statements if s.kind == "reported")
    assert st.text.startswith("the army had shelled the market"), st.text
    assert st.polarity == "deny" and st.family == cues.DENY
    # "it is not true that X" is the same construction
    assert cues.EMBEDDED_DENIAL.match("It is not true that the coach resigned")
    assert not cues.EMBEDDED_DENIAL.match("There is evidence that the coach resigned")


def test_a_club_denying_a_transfer_report_is_on_the_other_side_sport(nlp, embedder: Embedder) -> None:
    """'Contrary to what has been reported, X' answers the reports: the club holds X, against
    the paper's claim, and neither's sentence is cited for the other."""
    cs, texts = _sides(nlp, embedder, {
        "t1": ("Sport Wire", "The Evening Star reported that the striker had agreed a move to a rival club for a record fee."),
        "t2": ("Goal Daily", '"Contrary to what has been reported, the striker has not agreed any move," the club said in a statement.'),
    })
    assert len(cs) == 1
    club = next(k for k, s in enumerate(cs[0].sides) if any("club" in h.lower() for h in s.holders))
    star = 1 - club
    assert any("Star" in h for h in cs[0].sides[star].holders), cs[0].sides
    assert not any("Star" in h for h in cs[0].sides[club].holders)
    for sp in cs[0].sides[star].evidence:
        assert "Contrary" not in texts[sp.source_id][sp.start:sp.end]


def test_a_defendant_pleading_not_guilty_disputes_the_charge_courts(nlp, embedder: Embedder) -> None:
    """'pleaded not guilty' rejects what was said of the pleader: it stands against the earlier
    claim that names them, however differently worded, and the prosecutor stays on the other side."""
    cs, texts = _sides(nlp, embedder, {
        "c1": ("Court News", "Prosecutor Helen Marsh said Daniel Okoro had taken 40,000 pounds from the charity's accounts. "
                             "Okoro pleaded not guilty at Leeds Crown Court on Monday."),
    })
    assert len(cs) == 1
    okoro = next(k for k, s in enumerate(cs[0].sides) if any("Okoro" in h for h in s.holders))
    assert any("Marsh" in h for h in cs[0].sides[1 - okoro].holders), cs[0].sides
    assert not any("Marsh" in h for h in cs[0].sides[okoro].holders)
    assert any("not guilty" in texts[sp.source_id][sp.start:sp.end] for sp in cs[0].sides[okoro].evidence)
    # a plea with nobody named before it answers nothing
    cs, _ = _sides(nlp, embedder, {
        "c2": ("Court News", "The weather in Leeds was cold on Monday morning. "
                             "A woman pleaded not guilty at Leeds Crown Court on Monday."),
    })
    assert cs == []


def test_a_scientist_doubting_a_study_is_against_it_science(nlp, embedder: Embedder) -> None:
    """'expressed scepticism about their conclusion' doubts what the study's authors said just
    before: the doubter is on the other side."""
    cs, _ = _sides(nlp, embedder, {
        "s1": ("Science Today", "The authors said the new drug cut heart attacks by half in older patients. "
                                "Professor Amy Lund expressed scepticism about their conclusion, noting the trial was small."),
    })
    assert len(cs) == 1
    lund = next(k for k, s in enumerate(cs[0].sides) if any("Lund" in h for h in s.holders))
    assert any("authors" in h for h in cs[0].sides[1 - lund].holders), cs[0].sides
    assert cues.DOUBT.search("Fans refused to believe it")
    assert not cues.DOUBT.search("The club refused to accept the offer")  # an offer is no claim


def test_a_company_rejecting_a_regulator_finding_business(nlp, embedder: Embedder) -> None:
    """'rejected reports that X' aims at what another holder reported, even in other words."""
    cs, _ = _sides(nlp, embedder, {
        "b1": ("Market Wire", "The regulator found that the airline had overcharged passengers on hundreds of routes."),
        "b2": ("Money Daily", "The airline rejected claims that it had overcharged its customers."),
    })
    assert len(cs) == 1
    airline = next(k for k, s in enumerate(cs[0].sides) if any("airline" in h.lower() for h in s.holders))
    assert not any("regulator" in h.lower() for h in cs[0].sides[airline].holders), cs[0].sides


def test_lies_the_verb_rejects_nothing_business() -> None:
    """'lies in' is where something is, not a rejection; 'a pack of lies' rejects; 'not telling
    the truth' accuses the other side of lying."""
    assert not cues.REJECTION.search("The future of both firms lies in this merger, the chairman said.")
    assert not cues.REJECTION.search("The answer lies with the board.")
    assert cues.REJECTION.search("The union called the report a pack of lies.")
    assert cues.REJECTION.search("The ministry is not telling the truth, the families said.")
