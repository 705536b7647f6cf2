"""Rival explanations: two parties give different causes of the story's own event (its frame);
a cause of another event of the story, or the same cause in other words, is no dispute. Stories
written for the test (courts, sport, business, a storm)."""

from __future__ import annotations

from newsprism.embed import Embedder
from newsprism.model import EventFrame
from newsprism.perspectives import build_claims, cues, find_contradictions

from .conftest import annotate_texts


def _run(nlp, embedder, texts, lead_title: str):
    arts, ents = annotate_texts(nlp, texts)
    claims = build_claims(arts, ents, embedder)
    return find_contradictions(claims, arts, ents, embedder, frame=EventFrame(lead_title=lead_title))


def _holders(cs) -> list[str]:
    return [" ".join(s.holders) for c in cs for s in c.sides]


def test_defence_and_prosecution_explain_a_theft_differently_courts(nlp, embedder: Embedder) -> None:
    cs = _run(nlp, embedder, {
        "c1": ("Court Wire", "Defence lawyer Mark Feld argued Stone's gambling addiction was to blame."),
        "c2": ("Law Daily", "Prosecutor Diane Walsh said the clerk stole the money from the charity because he "
                            "wanted a bigger house."),
    }, "Clerk stole money from the charity")
    assert len(cs) == 1 and cs[0].kind == "rival" and cs[0].confidence == "high", [(c.kind, c.sides) for c in cs]
    assert all(sum(n in h for h in _holders(cs)) == 1 for n in ("Feld", "Walsh")), _holders(cs)


def test_coach_and_pundit_give_different_causes_sport(nlp, embedder: Embedder) -> None:
    cs = _run(nlp, embedder, {
        "s1": ("Sport Wire", "Rovers coach Tom Hale said the team was beaten in the final because half the squad was injured."),
        "s2": ("Match Daily", "Television pundit Leo Brandt said Rovers were beaten because their manager picked the wrong tactics."),
    }, "Rovers were beaten in the cup final")
    assert len(cs) == 1 and cs[0].kind == "rival", [(c.kind, _holders([c])) for c in cs]


def test_the_same_cause_in_other_words_is_no_dispute_sport(nlp, embedder: Embedder) -> None:
    cs = _run(nlp, embedder, {
        "s1": ("Sport Wire", "The league said the match was abandoned because of heavy rain on the pitch."),
        "s2": ("Match Daily", "Club spokesman Peter Wolf said the match was abandoned due to the rain."),
    }, "Match abandoned at Rovers ground")
    assert cs == [], [(c.kind, _holders([c])) for c in cs]


def test_a_cause_of_another_event_is_no_rival_business(nlp, embedder: Embedder) -> None:
    """The chief was fired because of poor results; the fraud is the story's event."""
    cs = _run(nlp, embedder, {
        "b1": ("Money Wire", "Acme said its chief executive was dismissed last year because of poor results."),
        "b2": ("Finance Daily", "Auditor Grant Hollis said the accounts were falsified because bonuses depended "
                                "on profit targets."),
    }, "Acme accounts falsified for three years")
    assert not any(c.kind == "rival" for c in cs), [(c.kind, _holders([c])) for c in cs]


def test_a_storm_with_its_causes_agreed_is_no_dispute_disaster(nlp, embedder: Embedder) -> None:
    cs = _run(nlp, embedder, {
        "d1": ("Coast Daily", "The fire spread quickly because of strong winds, fire chief Ann Lowe said."),
        "d2": ("Valley Wire", "Investigators said the warehouse fire was started by a faulty heater."),
    }, "Fire destroys warehouse in Port Alder")
    assert not any(c.kind == "rival" for c in cs), [(c.kind, _holders([c])) for c in cs]


def test_a_possessor_is_not_the_answer_the_thing_is() -> None:
    assert cues.cause_phrase("Smith's history of mental illness", [(0, 5)])
    assert cues.cause_phrase("the pilots' fatigue", [(4, 10)])
    assert not cues.cause_phrase("Smith", [(0, 5)])
    assert not cues.cause_phrase("Acme and its partners", [(0, 4)])
    assert cues.cause_phrase("an electrical fault", [])
    assert not cues.cause_phrase("the attackers", [])


def test_two_people_of_one_club_are_one_camp_sport(nlp, embedder: Embedder) -> None:
    """A coach and a captain of the same club give two reasons: the club's, no dispute."""
    cs = _run(nlp, embedder, {
        "s1": ("Sport Wire", "Rovers coach Tom Hale said the team lost the final because half the squad was injured."),
        "s2": ("Match Daily", "Rovers captain Leo Brandt said the team lost the final because of poor refereeing."),
    }, "Rovers lost the cup final")
    assert cs == [], [(c.kind, _holders([c])) for c in cs]


def test_too_early_to_link_gives_no_cause_disaster(nlp, embedder: Embedder) -> None:
    """"It was too early to link the fire to X" asserts no cause: no rival to "arson is to blame"."""
    cs = _run(nlp, embedder, {
        "d1": ("Coast Daily", "Investigators said they suspect arson is to blame for the fire at the Harbour Street "
                              "warehouse."),
        "d2": ("Valley Wire", "Fire chief Ann Lowe said it was too early to link the fire at the warehouse to the "
                              "attention it received as a result of the owner's court case."),
    }, "Fire destroys Harbour Street warehouse")
    assert not any(c.kind == "rival" for c in cs), [(c.kind, _holders([c])) for c in cs]
