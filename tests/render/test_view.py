"""Render helpers: quote grouping, dates, Markdown cells."""

from __future__ import annotations

from newsprism.render.view import fmt_date, md_cell, quote_groups


def _q(i: int, sid: str, speaker: str | None, text: str, **kw) -> dict:
    return {"id": f"q{i}", "source_id": sid, "start": i * 10, "end": i * 10 + 5, "text": text,
            "speaker": speaker, "kind": "direct", "cue": "said", **kw}


def test_quote_groups_merge_copies_and_order_by_statements() -> None:
    quotes = [
        _q(1, "a", "Ana Ruiz", "We flagged the cracks."),
        _q(2, "b", "Ana Ruiz", "we flagged the cracks. "),  # same wording, another outlet
        _q(3, "a", "Mira Osei", "Every family will be housed.", same_as=["q5"]),
        _q(4, "c", "Ana Ruiz", "Nobody answered.", speaker_role="union chair"),
        _q(5, "d", "Mira Osei", "All families will have homes by Friday."),  # linked by same_as
        _q(6, "a", None, "It was chaos."),
        _q(7, "a", "Ana Ruiz", "We flagged the cracks.", repeats="q1"),  # a pull-quote copy
    ]
    groups = quote_groups(quotes)
    assert [g["speaker"] for g in groups] == ["Ana Ruiz", "Mira Osei", "Unattributed"]
    ana, mira, _ = groups
    assert ana["n"] == 3 and ana["outlets"] == 3 and ana["roles"] == ["union chair"]
    assert [e["carried"] for e in ana["entries"]] == [["a", "b"], ["c"]]
    assert len(mira["entries"]) == 1 and mira["entries"][0]["carried"] == ["a", "d"]


def test_formatting_helpers() -> None:
    assert fmt_date("2017-04-04") == "4 April 2017"
    assert fmt_date("2017-04") == "April 2017"
    assert fmt_date(None) == "date unknown"
    assert md_cell("a | b\nc") == "a \\| b c"
