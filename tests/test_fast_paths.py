"""The quicker forms of hot loops give the results of the plain forms they replaced: sparse
TF-IDF rows, the sparse LexRank walk, vectorised timeline links, one-pass source highlighting,
the coverage line, leaf-sharing asdict and the dict-first Jinja attribute lookup."""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pytest
from jinja2 import StrictUndefined, UndefinedError
from markupsafe import Markup, escape

from newsprism.embed import Embedder, centroids, cosine_matrix, gram
from newsprism.model import Claim, DateMention, Quote, Span
from newsprism.perspectives.claims import calibrated, calibrated_cosines
from newsprism.render.html import marked_text, text_pieces
from newsprism.render.view import DataEnvironment, View, anchor_id, md_cell
from newsprism.sections.plain import asdict as _asdict
from newsprism.summarize import _lexrank
from newsprism.timeline import MERGE_CONTAINMENT, _contained

TEXTS = [
    "Flood waters rose in the valley overnight and reached the old bridge.",
    "The river flooded the valley overnight, officials said.",
    "Shares of the carmaker fell after the recall was announced.",
    "",
    "The recall covers 40,000 cars built last year.",
    "Officials said the bridge would stay closed until the waters fall.",
]


@pytest.fixture(scope="module")
def tfidf() -> Embedder:
    return Embedder("tfidf").fit(TEXTS)


def test_sparse_tfidf_rows_are_the_dense_rows(tfidf: Embedder) -> None:
    dense, rows = tfidf.embed(TEXTS), tfidf.vectors(TEXTS)
    assert rows.shape == dense.shape and np.array_equal(rows.toarray(), dense)
    assert np.array_equal(cosine_matrix(rows, "tfidf"), cosine_matrix(dense, "tfidf"))
    assert np.allclose(gram(rows), dense @ dense.T, atol=1e-6)
    assert tfidf.vectors([]).shape == (0, tfidf.dim)


def test_centroids_sparse_and_dense_agree(tfidf: Embedder) -> None:
    groups = [[0, 1], [2], [], [3, 4, 5], [1, 5]]
    dense = centroids(tfidf.embed(TEXTS), groups)
    sparse_rows = centroids(tfidf.vectors(TEXTS), groups)
    assert np.allclose(sparse_rows.toarray(), dense, atol=1e-6)
    assert not dense[2].any()  # an empty group is a zero row


def test_calibrated_cosines_calibrate_only_what_is_not_zero(tfidf: Embedder) -> None:
    rows = tfidf.vectors(TEXTS)
    assert np.array_equal(calibrated_cosines(rows, "tfidf"), calibrated(cosine_matrix(rows, "tfidf"), "tfidf"))
    dense = np.eye(3, dtype=np.float32)
    assert np.array_equal(calibrated_cosines(dense, "minilm"), dense @ dense.T)


def _lexrank_dense(sim: np.ndarray, threshold: float = 0.1, damping: float = 0.85) -> np.ndarray:
    adj = (sim >= threshold).astype(float)
    np.fill_diagonal(adj, 0.0)
    deg = adj.sum(axis=1, keepdims=True)
    deg[deg == 0] = 1.0
    trans = adj / deg
    n = sim.shape[0]
    r = np.full(n, 1.0 / n)
    for _ in range(100):
        nr = (1 - damping) / n + damping * trans.T @ r
        if np.abs(nr - r).sum() < 1e-8:
            r = nr
            break
        r = nr
    return r / r.max() if r.max() > 0 else r


@pytest.mark.parametrize("density", [0.0, 0.02, 0.3, 1.0])
def test_sparse_lexrank_walk_is_the_dense_walk(density: float) -> None:
    rng = np.random.default_rng(7)
    x = rng.random((60, 60))
    sim = np.where(rng.random((60, 60)) < density, (x + x.T) / 2, 0.0)
    assert np.allclose(_lexrank(sim), _lexrank_dense(sim), rtol=1e-9, atol=1e-12)


def test_contained_is_the_pairwise_containment_rule() -> None:
    words = [{"quake", "sonoma", "rattled"}, {"quake", "sonoma"}, set(), {"storm", "coast", "power", "outage"},
             {"storm", "coast"}, {"quake"}, {"rattled", "homes", "sonoma", "county", "quake"}]

    def same(a: set[str], b: set[str]) -> bool:
        small, big = (a, b) if len(a) <= len(b) else (b, a)
        return bool(small) and len(small & big) / len(small) >= MERGE_CONTAINMENT

    got = _contained(words)
    for i, a in enumerate(words):
        for j, b in enumerate(words):
            assert bool(got[i, j]) == same(a, b), (i, j)
    assert _contained([set(), set()]).sum() == 0


def _marked_reference(source: dict[str, Any], spans: list[dict[str, Any]]) -> Markup:
    """The highlighting as first written: every span tested against every piece."""
    text, cuts, headings, starts = text_pieces(source, spans)
    parts: list[Markup] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for h in headings.get(a, []):
            parts.append(Markup('<span class="h">{}</span>').format(h))
        for aid in starts.get(a, []):
            parts.append(Markup('<a class="anchor" id="{}"></a>').format(aid))
        covering = sorted({(anchor_id(sp), sp["kind"]) for sp in spans if sp["start"] <= a and b <= sp["end"]})
        chunk = escape(text[a:b])
        if covering:
            ids = " ".join(i for i, _ in covering)
            kinds = " ".join(sorted({k for _, k in covering}))
            parts.append(Markup('<span class="hl {}" data-a="{}">{}</span>').format(kinds, ids, chunk))
        else:
            parts.append(chunk)
    for h in headings.get(len(text), []):
        parts.append(Markup('<span class="h">{}</span>').format(h))
    return Markup("").join(parts)


def test_one_pass_highlighting_matches_the_reference() -> None:
    text = 'Mayor <b>Ana</b> said: "We will rebuild & reopen." Police said 12 people were hurt.\n\nMore.'
    rng = np.random.default_rng(3)
    kinds = ["quotes", "figures", "timeline", "summary", "claims"]
    for trial in range(60):
        spans = []
        for _ in range(int(rng.integers(0, 12))):
            a, b = sorted(int(x) for x in rng.integers(-3, len(text) + 4, size=2))
            spans.append({"source_id": "s 1", "start": a, "end": b, "kind": kinds[trial % 5]})
        spans += spans[: trial % 3]  # the same span cited twice
        heads = [{"offset": int(rng.integers(0, len(text) + 1)), "text": "Sub <head>"} for _ in range(trial % 3)]
        source = {"id": "s 1", "text": text, "headings": heads}
        assert marked_text(source, spans) == _marked_reference(source, spans)


def _view_data() -> dict[str, Any]:
    sources = [{"id": f"s{i}", "outlet": name, "title": None, "text": "x"}
               for i, name in enumerate(["A & B News", "C|D Post", "E", "F", "G", "H", "I"])]
    sides = [{"sources": ["s0", "s2"]}, {"sources": ["s0", "s1"]}]
    many = [{"sources": ["s0"]}, {"sources": ["s0", "s1"]}, {}, {"sources": ["s3"]}, {"sources": ["s3"]},
            {"sources": ["s3", "s0"]}]
    return {"sources": sources, "contradictions": [{"sides": sides}, {"sides": many}, {"sides": []}]}


def _coverage_reference(data: dict[str, Any], con: dict[str, Any], html: bool) -> str:
    """The coverage line as the templates wrote it (sources x sides)."""
    ordinal = ["first", "second", "third", "fourth", "fifth"]
    view = View(data, html=html)
    n = len(con["sides"])
    parts = []
    for src in data["sources"]:
        idx = [k for k, side in enumerate(con["sides"]) if src["id"] in side.get("sources", [])]
        name = f"<em>{escape(view.outlet(src['id']))}</em>" if html else f"*{md_cell(view.outlet(src['id']))}*"
        if len(idx) == n:
            phrase = "reports " + ("both sides" if n == 2 else "all sides")
        elif not idx:
            phrase = "reports " + ("neither side" if n == 2 else "none of the sides")
        else:
            phrase = "reports only the " + " and ".join(ordinal[k] if k < 5 else f"{k + 1}th" for k in idx) + " side"
        parts.append(f"{name} {phrase}")
    return "; ".join(parts) + "."


@pytest.mark.parametrize("html", [False, True])
def test_coverage_line_is_the_templates_line(html: bool) -> None:
    data = _view_data()
    view = View(data, html=html)
    for con in data["contradictions"]:
        line = view.coverage_line(con)
        assert str(line) == _coverage_reference(data, con, html)
        assert isinstance(line, Markup) == html


def test_dict_fields_resolve_as_jinja_would() -> None:
    env = DataEnvironment(undefined=StrictUndefined)
    data = {"items": [1, 2], "name": "x", "nested": {"get": "field"}}
    tpl = env.from_string("{{ d.name }}|{{ d.items() | list | length }}|{{ d['items'] }}|{{ d.nested.get('get') }}")
    assert tpl.render(d=data) == "x|3|[1, 2]|field"  # dict methods stay methods, as before
    with pytest.raises(UndefinedError):
        env.from_string("{{ d.missing }}").render(d=data)
    assert env.from_string("{{ d.missing is defined }}").render(d=data) == "False"


def test_asdict_without_leaf_copies_is_asdict() -> None:
    records = [
        Quote(source_id="a", start=1, end=9, text="We will rebuild.", kind="direct", speaker="Ana", same_as=["q2"]),
        DateMention(source_id="a", start=3, end=8, text="Monday", value="2020-01-06"),
        Claim(id="c1", text="t", holders=["h"], evidence=[Span("a", 0, 4)], polarity="assert",
              support_by_source={"a": 2}),
    ]
    for rec in records:
        assert _asdict(rec) == dataclasses.asdict(rec)
