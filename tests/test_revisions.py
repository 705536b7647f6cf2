"""Revisions reported inside one article set ("had risen to", "up from"), on invented texts."""

from __future__ import annotations

from typing import Any

from newsprism.changes import reported_revisions, what_changed
from newsprism.revisions import parse_value, revisions


def _fig(fid: str, sid: str, text: str, needle: str, low: float, category: str, counts: str,
         qualifier: str = "exact", attributed_to: str | None = None) -> dict[str, Any]:
    start = text.index(needle)
    return {"id": fid, "source_id": sid, "start": start, "end": start + len(needle), "text": needle,
            "low": low, "high": None if qualifier == "at_least" else low, "qualifier": qualifier,
            "category": category, "counts": counts, "attributed_to": attributed_to}


def _briefing(sources: list[tuple[str, str, str, str]], figures: list[dict[str, Any]]) -> dict[str, Any]:
    rows: dict[tuple[str, str], list[str]] = {}
    for f in figures:
        rows.setdefault((f["category"], f["counts"]), []).append(f["id"])
    return {
        "sources": [{"id": sid, "outlet": outlet, "published": when, "text": text}
                    for sid, outlet, when, text in sources],
        "figures": figures,
        "reconciled_figures": [{"category": c, "counts": k, "figure_ids": ids, "low": None, "high": None}
                               for (c, k), ids in rows.items()],
    }


FLOOD_1 = "Floods swept the valley on Monday. At least 12 people died, the civil protection agency said."
FLOOD_2 = ("Rescuers searched the river banks on Tuesday. The number of dead had risen to 31, the agency "
           "said, and hundreds of homes were under water.")


def test_had_risen_to_takes_the_old_value_from_the_earlier_source() -> None:
    figs = [_fig("f1", "s1", FLOOD_1, "At least 12 people", 12, "killed", "people killed", "at_least"),
            _fig("f2", "s2", FLOOD_2, "31", 31, "killed", "people killed")]
    data = _briefing([("s1", "Valley Post", "2024-09-02", FLOOD_1), ("s2", "River Radio", "2024-09-03", FLOOD_2)],
                     figs)
    (rev,) = revisions(data)
    assert rev["cue"] == "had risen to"
    assert rev["new"]["display"] == "31" and rev["new"]["reported_by"][0]["outlet"] == "River Radio"
    assert rev["old"]["display"] == "at least 12"
    old = rev["old"]["reported_by"][0]
    assert old["outlet"] == "Valley Post" and old["published"] == "2024-09-02"
    assert FLOOD_1[old["start"]:old["end"]] == "At least 12 people"


def test_up_from_names_the_old_value_in_the_same_sentence() -> None:
    text = ("With all precincts reporting, the challenger's count stood at 48,310 votes, up from 47,902 "
            "in the first tally, the county clerk said.")
    data = _briefing([("s1", "County Ledger", "2024-11-06", text)],
                     [_fig("f1", "s1", text, "48,310 votes", 48310, "other", "votes")])
    (rev,) = revisions(data)
    assert rev["old"]["display"] == "47,902" and rev["new"]["display"] == "48,310"
    span = rev["old"]["reported_by"][0]
    assert text[span["start"]:span["end"]] == "47,902"


def test_revised_down_from_to_in_a_business_forecast() -> None:
    text = "The carmaker revised its sales forecast down from 2.1 million to 1.8 million vehicles on Thursday."
    data = _briefing([("s1", "Motor Daily", "2024-07-18", text)],
                     [_fig("f1", "s1", text, "1.8 million vehicles", 1_800_000, "other", "vehicles")])
    (rev,) = revisions(data)
    assert rev["old"]["low"] == 2_100_000 and rev["new"]["low"] == 1_800_000
    assert "revised" in rev["cue"]


def test_no_revision_without_revision_wording() -> None:
    text = "The striker has scored 31 goals this season and the club has 12 matches left."
    data = _briefing([("s1", "Sport Wire", "2024-04-01", text)],
                     [_fig("f1", "s1", text, "31 goals", 31, "other", "goals")])
    assert revisions(data) == []
    assert reported_revisions(data) is None


def test_revision_with_no_earlier_value_is_kept_with_an_unknown_old_value() -> None:
    text = "By nightfall the toll from the mine collapse had climbed to 9, officials said."
    data = _briefing([("s1", "Ridge Courier", "2024-03-03", text)],
                     [_fig("f1", "s1", text, "9", 9, "killed", "miners killed")])
    (rev,) = revisions(data)
    assert rev["old"]["display"] == "?" and rev["old"]["reported_by"] == []


def test_a_comparison_with_another_thing_or_period_is_no_revision() -> None:
    text = ("The new console sold 3 million units in its first quarter, compared with 4 million units of "
            "its predecessor in the same period; revenue was 8 billion, compared to 6 billion earlier.")
    figs = [_fig("f1", "s1", text, "3 million units", 3_000_000, "other", "units"),
            _fig("f2", "s1", text, "8 billion", 8e9, "other", "revenue")]
    data = _briefing([("s1", "Games Weekly", "2024-04-30", text)], figs)
    # "compared with 4 million units of its predecessor" is another product; "6 billion earlier"
    # is the same count told before
    assert [(r["counts"], r["old"]["display"]) for r in revisions(data)] == [("revenue", "6,000,000,000")]


def test_a_background_figure_is_no_revision_of_the_event() -> None:
    text = "Acme's shipments rose 40 percent, while its rival Borel jumped to 5.4 percent of the market."
    fig = _fig("f1", "s1", text, "5.4 percent", 5.4, "other", "percent")
    fig["about_event"] = False
    assert revisions(_briefing([("s1", "Chip Wire", "2024-04-30", text)], [fig])) == []
    fig["about_event"] = True
    assert len(revisions(_briefing([("s1", "Chip Wire", "2024-04-30", text)], [fig]))) == 1


def test_what_changed_lists_a_new_source_revision_once() -> None:
    figs1 = [_fig("f1", "s1", FLOOD_1, "At least 12 people", 12, "killed", "people killed", "at_least")]
    old = _briefing([("s1", "Valley Post", "2024-09-02", FLOOD_1)], figs1)
    new = _briefing([("s1", "Valley Post", "2024-09-02", FLOOD_1), ("s2", "River Radio", "2024-09-03", FLOOD_2)],
                    figs1 + [_fig("f2", "s2", FLOOD_2, "31", 31, "killed", "people killed")])
    ch = what_changed(old, new, {"version": 1})
    assert len(ch["figures_revised"]) == 1 and ch["figures_revised"][0]["new"]["display"] == "31"
    # the same article set again: nothing new
    assert what_changed(new, new, {"version": 2})["figures_revised"] == []


def test_parse_value() -> None:
    assert parse_value("1,400") == 1400 and parse_value("2.5 million") == 2_500_000
    assert parse_value("twenty-one") == 21 and parse_value("dozens") is None
