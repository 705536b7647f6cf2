"""find_contradictions (sides and the sources carrying each) on sentences from several domains and on
the example."""

from __future__ import annotations

from newsprism.embed import Embedder
from newsprism.perspectives import build_claims, find_contradictions

from .conftest import annotate_texts


def _run(nlp, embedder, texts):
    arts, ents = annotate_texts(nlp, texts)
    claims = build_claims(arts, ents, embedder)
    return arts, claims, find_contradictions(claims, arts, ents, embedder)


def _side_of(contradiction, holder_part: str) -> int:
    hits = [k for k, s in enumerate(contradiction.sides) if any(holder_part in h for h in s.holders)]
    assert len(hits) == 1, (holder_part, [s.holders for s in contradiction.sides])
    return hits[0]


def _carried(contradiction, source_id: str) -> list[int]:
    """The sides of a contradiction that a source carries."""
    return [k for k, side in enumerate(contradiction.sides) if source_id in side.sources]


def test_denial_of_an_accusation_business(nlp, embedder: Embedder) -> None:
    arts, claims, cs = _run(nlp, embedder, {
        "fin1": ("Market Times", "Shareholders accused the chief executive of hiding losses from the board."),
        "fin2": ("City Wire", "The company denied that its chief executive had hidden losses from the board."),
    })
    assert len(cs) == 1
    c = cs[0]
    assert len(c.sides) == 2
    assert _side_of(c, "Shareholders") != _side_of(c, "company")
    # the topic is the denied clause, from the source
    assert c.topic == "Is it true that its chief executive had hidden losses from the board?", c.topic
    texts = {a.source_id: a.article.text for a in arts}
    for side in c.sides:
        assert side.claim_ids and side.evidence
        for sp in side.evidence:
            assert texts[sp.source_id][sp.start : sp.end].strip()
        # the position is a verbatim piece of a source
        assert any(side.position in t for t in texts.values())
    # each outlet carries one side (the report's coverage line reads Side.sources)
    assert _carried(c, "fin1") == [_side_of(c, "Shareholders")]
    assert _carried(c, "fin2") == [_side_of(c, "company")]


def test_incompatible_answers_disaster(nlp, embedder: Embedder) -> None:
    _, _, cs = _run(nlp, embedder, {
        "d1": ("Coast News", "Fire investigators said the blaze was started by an electrical fault in the kitchen."),
        "d2": ("Harbour Post", "The landlord's lawyer said the blaze was started by arsonists who broke in overnight."),
    })
    assert len(cs) == 1
    assert cs[0].kind == "incompatible"
    assert cs[0].topic.startswith("Who is responsible")


def test_same_claim_twice_is_no_dispute(nlp, embedder: Embedder) -> None:
    _, _, cs = _run(nlp, embedder, {
        "p1": ("Court Wire", "The judge said that the trial will resume on Monday."),
        "p2": ("Law Daily", "The trial will resume on Monday, the judge said. The striker scored twice on Sunday."),
    })
    assert cs == []


def test_called_a_lie_and_negated_content_sport(nlp, embedder: Embedder) -> None:
    _, _, cs = _run(nlp, embedder, {
        "f1": (
            "Sport Wire",
            "The league blamed the club's fans for the crowd trouble at the stadium. "
            "The club's chairman called the league's blame of the fans a \"lie\" and said the fans did not start the trouble.",
        ),
    })
    assert len(cs) == 1
    c = cs[0]
    assert _side_of(c, "league") != _side_of(c, "chairman")


def test_example_main_dispute(example, embedder: Embedder) -> None:
    arts, ents = example
    claims = build_claims(arts, ents, embedder)
    cs = find_contradictions(claims, arts, ents, embedder)
    assert cs, "no dispute found in the example"
    main = cs[0]
    assert main.topic.startswith("Who is responsible")
    russia = _side_of(main, "Russia")
    west = 1 - russia
    held_west = " | ".join(main.sides[west].holders)
    for holder in ("United States", "Western countries", "Amnesty International", "Hasan Haj Ali", "The Conversation"):
        assert holder in held_west, holder
    assert "Russia" not in held_west
    assert any("Safronkov" in h for h in main.sides[russia].holders)
    ids = {a.source_id: a for a in arts}
    texts = {sid: a.article.text for sid, a in ids.items()}
    west_ev = " ".join(texts[sp.source_id][sp.start : sp.end] for sp in main.sides[west].evidence)
    russia_ev = " ".join(texts[sp.source_id][sp.start : sp.end] for sp in main.sides[russia].evidence)
    assert "sarin nerve gas dropped by Syrian aircraft" in west_ev
    assert "Amnesty International has gathered evidence" in west_ev
    assert "blame of the rebels a \"lie\"" in west_ev  # the rebel commander's rejection
    assert "leaked from an insurgent weapons depot" in russia_ev
    assert "Russia strongly denies that the Syrian air force is using chlorine" in russia_ev
    # every outlet carries the first side's evidence; the analysis piece and CBC carry both
    by_outlet = {a.article.outlet: _carried(main, a.source_id) for a in arts}
    assert by_outlet["CBC News"] == [0, 1]
    assert by_outlet["The Conversation"] == [0, 1]
    assert by_outlet["TRT World"] == [west]


def test_example_main_dispute_with_the_tfidf_fallback(example, options) -> None:
    from newsprism.embed import load_embedder

    arts, ents = example
    tfidf = load_embedder(options.with_overrides(embeddings="tfidf"))
    claims = build_claims(arts, ents, tfidf)
    cs = find_contradictions(claims, arts, ents, tfidf)
    assert cs and cs[0].topic.startswith("Who is responsible")
    russia = _side_of(cs[0], "Russia")
    assert any("United States" in h for h in cs[0].sides[1 - russia].holders)


def test_one_shared_statement_table_gives_the_same_result(example, options, embedder: Embedder) -> None:
    """brief builds the statement table once for claims and contradictions; each function
    building its own gives the same claims and disputes (MiniLM and TF-IDF)."""
    from newsprism.embed import load_embedder
    from newsprism.perspectives.claims import StatementTable

    arts, ents = example
    for emb in (embedder, load_embedder(options.with_overrides(embeddings="tfidf"))):
        own = build_claims(arts, ents, emb)
        own_cs = find_contradictions(own, arts, ents, emb)
        table = StatementTable.build(arts, ents, emb)
        shared = build_claims(arts, ents, emb, table=table)
        assert shared == own
        assert find_contradictions(shared, arts, ents, emb, table=table) == own_cs


def test_responsible_filled_later_is_the_same(example) -> None:
    """StatementTable fills Statement.responsible only for the statements it keeps: for any
    statement the result is the one extract_statements gives in one go."""
    from newsprism.perspectives.holders import HolderIndex
    from newsprism.perspectives.statements import extract_statements, fill_responsible

    arts, ents = example
    index = HolderIndex(ents, arts)
    answered = 0
    for art in arts:
        whole = extract_statements(art, index)
        later = extract_statements(art, index, responsible=False)
        assert not any(st.responsible for st in later)
        for st in later:
            fill_responsible(st, art, index)
        assert later == whole
        answered += sum(bool(st.responsible) for st in whole)
    assert answered > 0
