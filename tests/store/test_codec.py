"""Stored records come back as the same typed records."""

from __future__ import annotations

from newsprism.model import (
    AnnotatedArticle,
    CleanArticle,
    Figure,
    OffsetMap,
    Quote,
    Removed,
    Republication,
)
from newsprism.store import codec
from newsprism.store.dedup import is_near_duplicate, norm_hash, signature


def test_records_round_trip() -> None:
    clean = CleanArticle(
        id="s1", raw="RAW", text="Two dead. He said it.", removed=[Removed("caption", "Photo", 0, 5)],
        paragraphs=[(0, 9), (11, 21)], offsets=OffsetMap([(0, 3, 9)]), inferred={"outlet": "byline"},
        republished_by=[Republication(id="c", kind="near", similarity=0.8)],
    )
    ann = AnnotatedArticle(
        article=clean,
        quotes=[Quote("s1", 13, 20, "said it", "indirect", parts=[(1, 2)], repeats=(3, 4))],
        figures=[Figure("s1", 0, 3, "Two", 2, 2.5, "exact", "people killed", "killed")],
        event_chunks=[("the attack", 4)],
    )
    back = codec.loads(codec.dumps(ann), AnnotatedArticle)
    assert back == ann
    assert back.article.offsets.to_raw(2) == 5  # derived index rebuilt
    assert type(back.figures[0].low) is int and back.quotes[0].repeats == (3, 4)
    assert back.quotes[0].parts == [(1, 2)] and isinstance(back.article.paragraphs[0], tuple)


def test_a_field_missing_from_an_older_row_gets_its_default() -> None:
    data = codec.encode(Figure("s1", 0, 3, "Two", 2, 2, "exact", "dead", "killed"))
    del data["partial"]
    assert codec.decode(data, Figure).partial is False


def test_near_duplicate_measures() -> None:
    base = " ".join(f"word{i} and then another clause number {i}" for i in range(40))
    trimmed = " ".join(f"word{i} and then another clause number {i}" for i in range(25))
    other = " ".join(f"item{i} differs from every line {i}" for i in range(40))
    a, b, c = signature(base), signature(trimmed), signature(other)
    assert a is not None and b is not None and c is not None
    near, sim = is_near_duplicate(a, b, 0.7, 0.9)
    assert near and sim < 0.7  # a trimmed copy: found by containment
    assert not is_near_duplicate(a, c, 0.7, 0.9)[0]
    assert signature("too short to compare") is None
    assert norm_hash("The  Cat, sat.") == norm_hash("the cat sat")
