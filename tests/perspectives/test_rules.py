"""One test per stance rule, on sentences written for the test (science, courts, politics,
engineering, diplomacy)."""

from __future__ import annotations

from newsprism.embed import Embedder
from newsprism.perspectives import build_claims, find_contradictions
from newsprism.perspectives.holders import HolderIndex
from newsprism.perspectives.statements import extract_statements

from .conftest import annotate_texts


def _sides(cs, arts):
    texts = {a.source_id: a.article.text for a in arts}
    return [
        (s.holders, " ".join(texts[sp.source_id][sp.start : sp.end] for sp in s.evidence)) for s in cs[0].sides
    ]


def test_elliptic_rebuttal_and_anaphoric_proof(nlp, embedder: Embedder) -> None:
    text = (
        "Delta Chemicals denies that its factory is polluting the river. But the factory is. "
        "This has been confirmed in repeated tests by the Environment Agency."
    )
    arts, ents = annotate_texts(nlp, {"sci": ("River Monitor", text)})
    claims = build_claims(arts, ents, embedder)
    own = [c for c in claims if any("River Monitor (own reporting)" in h for h in c.holders)]
    assert own and own[0].polarity == "assert" and own[0].text == "its factory is polluting the river"
    assert any("Environment Agency" in h for h in own[0].holders)  # "This has been confirmed by"
    cs = find_contradictions(claims, arts, ents, embedder)
    assert len(cs) == 1
    holders = [" ".join(h) for h, _ in _sides(cs, arts)]
    deny_side = next(k for k, h in enumerate(holders) if "Delta Chemicals" in h)
    assert "Environment Agency" in holders[1 - deny_side]


def test_alternative_explanation_is_a_counter_claim(nlp, embedder: Embedder) -> None:
    text = (
        "Prosecutors said the warehouse fire was set deliberately by the defendant. "
        "But the defence offered an alternative explanation: that the fire was started by a faulty heater."
    )
    arts, ents = annotate_texts(nlp, {"court": ("Court Wire", text)})
    claims = build_claims(arts, ents, embedder)
    alt = [c for c in claims if c.text.startswith("the fire was started by a faulty heater")]
    assert alt and alt[0].holders == ["the defence"]
    cs = find_contradictions(claims, arts, ents, embedder)
    assert len(cs) == 1
    sides = _sides(cs, arts)
    assert {tuple(h) for h, _ in sides} == {("Prosecutors",), ("the defence",)}


def test_rejecting_the_allegations_targets_the_accusation(nlp, embedder: Embedder) -> None:
    text = (
        "The opposition accused the governing party of rigging the vote in the capital. "
        "Turnout was high across the country. "
        "The governing party rejected the allegations."
    )
    arts, ents = annotate_texts(nlp, {"pol": ("Capital Times", text)})
    claims = build_claims(arts, ents, embedder)
    cs = find_contradictions(claims, arts, ents, embedder)
    assert len(cs) == 1
    sides = _sides(cs, arts)
    assert any("rejected the allegations" in ev for _, ev in sides)
    assert any("accused the governing party of rigging" in ev for _, ev in sides)
    assert cs[0].kind == "counter"


def test_according_to_puts_the_holder_after_the_cue(nlp, embedder: Embedder) -> None:
    arts, ents = annotate_texts(nlp, {
        "eng": ("Builder Weekly", "The footbridge collapsed because of corroded cables, according to the city engineers."),
    })
    claims = build_claims(arts, ents, embedder)
    c = next(c for c in claims if "footbridge collapsed" in c.text)
    assert c.holders == ["the city engineers"]
    assert "according" not in c.text


def test_title_demonym_links_a_person_to_a_country(nlp) -> None:
    text = (
        "French Foreign Minister Jean Dupont said that talks will resume. "
        "France has many ministers. Paris said that the talks will resume in May."
    )
    arts, ents = annotate_texts(nlp, {"dip": ("Diplomat", text)})
    index = HolderIndex(ents, arts)
    sts = [s for s in extract_statements(arts[0], index) if s.kind == "reported"]
    camps = {s.holders[0].camp for s in sts if s.holders}
    names = {s.holders[0].name for s in sts if s.holders}
    assert any("Jean Dupont" in n for n in names)
    assert len(camps) == 1  # the minister and Paris speak for France


def test_a_broken_quote_is_skipped_with_a_warning_and_the_rest_kept(nlp, embedder: Embedder) -> None:
    import warnings

    from newsprism.model import Quote

    text = "The minister said that the school will reopen in May. Parents denied that the school was unsafe."
    arts, ents = annotate_texts(nlp, {"edu": ("Town Crier", text)})
    # a quote pointing at a sentence index that does not exist (an extractor bug) is skipped
    arts[0].quotes.append(Quote("edu", 0, 10, text[:10], "indirect", sentence=99, cue="said"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        claims = build_claims(arts, ents, embedder)
    assert any("skipped" in str(w.message) for w in caught)
    assert any("school will reopen in May" in c.text for c in claims)


def test_calling_reports_fabricated_rejects_the_accusation(nlp, embedder: Embedder) -> None:
    text = (
        "Regulators accused the airline of skipping engine inspections on its regional fleet. "
        "The weather was mild. "
        "The airline said the regulators' case was built on fabricated maintenance logs."
    )
    arts, ents = annotate_texts(nlp, {"air": ("Aviation Daily", text)})
    claims = build_claims(arts, ents, embedder)
    cs = find_contradictions(claims, arts, ents, embedder)
    assert len(cs) == 1
    holders = [" ".join(h) for h, _ in _sides(cs, arts)]
    assert sorted(h.lower() for h in holders) == ["regulators", "the airline"]
