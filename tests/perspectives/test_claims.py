"""build_claims: statements from quotes, cues, evidence and own voice; grouping; holders; spans."""

from __future__ import annotations

from newsprism.embed import Embedder
from newsprism.perspectives import build_claims

from .conftest import annotate_texts


def _round_trip(arts, claims) -> None:
    texts = {a.source_id: a.article.text for a in arts}
    for c in claims:
        assert c.evidence and c.content
        for sp in c.evidence + c.content:
            assert 0 <= sp.start < sp.end <= len(texts[sp.source_id])
        # the claim text is one of its content spans, verbatim
        assert any(texts[sp.source_id][sp.start : sp.end] == c.text for sp in c.content)


def test_same_claim_in_two_outlets_is_one_claim_with_support(nlp, embedder: Embedder) -> None:
    arts, ents = annotate_texts(nlp, {
        "a": ("Daily Ledger", "The mayor said that the bridge will reopen on Monday. Traffic was light."),
        "b": ("Valley Post", "The bridge will reopen on Monday, the mayor said. Shops stayed shut."),
    })
    claims = build_claims(arts, ents, embedder)
    _round_trip(arts, claims)
    bridge = [c for c in claims if "bridge will reopen" in c.text]
    assert len(bridge) == 1
    c = bridge[0]
    assert c.sources == ["a", "b"] and c.support == 2
    assert c.support_by_source == {"a": 1, "b": 1}
    assert [c.id for c in claims] == [f"c{k}" for k in range(1, len(claims) + 1)]


def test_evidence_statement_and_denial(nlp, embedder: Embedder) -> None:
    arts, ents = annotate_texts(nlp, {
        "x": (
            "Court Wire",
            "Human Rights Watch has gathered evidence that the police fired live rounds at the crowd. "
            "The interior ministry denied that officers had used live ammunition.",
        ),
    })
    claims = build_claims(arts, ents, embedder)
    _round_trip(arts, claims)
    ev = [c for c in claims if c.text.startswith("the police fired live rounds")]
    assert ev and ev[0].kind == "evidence" and ev[0].polarity == "assert"
    assert any("Human Rights Watch" in h for h in ev[0].holders)
    deny = [c for c in claims if c.polarity == "deny"]
    assert deny and "officers had used live ammunition" in deny[0].text


def test_holder_normalised_through_acts_for(nlp, embedder: Embedder) -> None:
    arts, ents = annotate_texts(nlp, {
        "r": ("Wire", "Moscow said that the pipeline would be repaired within a week. Russia has many pipelines."),
    })
    claims = build_claims(arts, ents, embedder)
    pipe = [c for c in claims if "pipeline would be repaired" in c.text]
    assert pipe and pipe[0].holders == ["Russia"]


def test_hypothetical_and_noun_cues_are_not_claims(nlp, embedder: Embedder) -> None:
    arts, ents = annotate_texts(nlp, {
        "h": (
            "Science Daily",
            "If the agency says that the vaccine works, shares will rise. "
            "There have been reports that the trial was paused.",
        ),
    })
    claims = build_claims(arts, ents, embedder)
    assert not any("vaccine works" in c.text for c in claims)
    assert not any(c.holders and c.holders[0].lower().startswith("there") for c in claims)


def test_different_claims_are_not_grouped(nlp, embedder: Embedder) -> None:
    arts, ents = annotate_texts(nlp, {
        "s1": ("Sports Desk", "The coach said that the striker will miss the final with a knee injury."),
        "s2": ("Sports Desk 2", "The coach said that the goalkeeper signed a new three-year contract."),
    })
    claims = build_claims(arts, ents, embedder)
    assert len([c for c in claims if c.support >= 2]) == 0


def test_example_claims(example, embedder: Embedder) -> None:
    arts, ents = example
    claims = build_claims(arts, ents, embedder)
    _round_trip(arts, claims)
    texts = " | ".join(c.text for c in claims)
    assert "nerve agent, possibly sarin, was deployed from the air" in texts  # Amnesty's evidence
    amnesty = next(c for c in claims if "deployed from the air" in c.text)
    assert amnesty.kind == "evidence" and "Amnesty International" in amnesty.holders
    moscow = next(c for c in claims if "belonged to rebels" in c.text)
    assert moscow.holders == ["Russia"]  # "Moscow offered an alternative explanation"
