"""What changed between two briefings of a story: revised, new and unchanged items."""

from __future__ import annotations

import copy

from newsprism.changes import what_changed


def _briefing() -> dict:
    src = [{"id": "s1", "outlet": "Valley Herald", "published": "2024-06-01", "title": "Fire at mill"}]
    return {
        "sources": src,
        "figures": [{"id": "f1", "source_id": "s1", "start": 10, "end": 20, "text": "12 workers", "low": 12,
                     "high": 12, "attributed_to": "fire officials"},
                    {"id": "f2", "source_id": "s1", "start": 30, "end": 40, "text": "40 injured", "low": 40,
                     "high": 40, "attributed_to": None}],
        "reconciled_figures": [
            {"category": "killed", "counts": "workers killed", "low": 12, "high": 12, "display": "12",
             "figure_ids": ["f1"]},
            {"category": "injured", "counts": "people injured", "low": 40, "high": 40, "display": "40",
             "figure_ids": ["f2"]}],
        "quotes": [{"id": "q1", "source_id": "s1", "start": 50, "end": 90, "speaker": "Mayor Ana Ortiz",
                    "text": "the mill had passed every inspection", "key": "the mill had passed every inspection"}],
        "claims": [{"id": "c1", "text": "the owners ignored warnings about the wiring", "holders": ["the union"],
                    "polarity": "assert", "evidence": [{"source_id": "s1", "start": 100, "end": 140}]}],
        "contradictions": [{"topic": "What caused the mill fire?", "sides": [
            {"position": "faulty wiring the owners ignored", "holders": ["the union"], "sources": ["s1"],
             "evidence": [{"source_id": "s1", "start": 100, "end": 140}]}]}],
        "timeline": [{"date": "2024-05-31", "text": "the fire broke out at the mill", "source_id": "s1",
                      "start": 0, "end": 30}],
    }


def test_nothing_changed_when_only_wording_differs() -> None:
    old = _briefing()
    new = copy.deepcopy(old)
    new["quotes"][0]["text"] = new["quotes"][0]["key"] = "The mill had passed every single inspection"
    new["claims"][0]["text"] = "The owners ignored the warnings about the wiring"
    ch = what_changed(old, new, {"version": 1})
    assert all(not v for k, v in ch.items() if k != "since"), ch


def test_revised_new_and_unchanged_items() -> None:
    old = _briefing()
    new = copy.deepcopy(old)
    new["sources"].append({"id": "s2", "outlet": "Mill Town Radio", "published": "2024-06-02", "title": "Toll rises"})
    new["figures"].append({"id": "f3", "source_id": "s2", "start": 5, "end": 25, "text": "had risen to 19",
                           "low": 19, "high": 19, "attributed_to": "the coroner"})
    new["figures"].append({"id": "f4", "source_id": "s2", "start": 60, "end": 70, "text": "3 missing",
                           "low": 3, "high": 3, "attributed_to": None})
    new["reconciled_figures"][0].update(low=19, high=19, display="19", figure_ids=["f3"])
    new["reconciled_figures"].append({"category": "missing", "counts": "people missing", "low": 3, "high": 3,
                                      "display": "3", "figure_ids": ["f4"]})
    new["quotes"].append({"id": "q2", "source_id": "s2", "start": 80, "end": 120, "speaker": "Owner Ben Cole",
                          "text": "we never received a warning", "key": "we never received a warning"})
    new["claims"].append({"id": "c2", "text": "the owners ignored warnings about the wiring", "holders": ["Ben Cole"],
                          "polarity": "deny", "evidence": [{"source_id": "s2", "start": 80, "end": 120}]})
    sides = new["contradictions"][0]["sides"]
    sides[0]["holders"].append("fire officials")
    sides.append({"position": "no warning was ever given to the owners", "holders": ["Ben Cole"], "sources": ["s2"],
                  "evidence": [{"source_id": "s2", "start": 80, "end": 120}]})
    new["timeline"].append({"date": "2024-06-02", "text": "the coroner raised the toll", "source_id": "s2",
                            "start": 5, "end": 25})
    ch = what_changed(old, new, {"version": 1})
    (rev,) = ch["figures_revised"]
    assert (rev["counts"], rev["old"]["display"], rev["new"]["display"]) == ("workers killed", "12", "19")
    assert rev["old"]["reported_by"][0]["outlet"] == "Valley Herald"
    assert rev["new"]["reported_by"][0] == {
        "source_id": "s2", "start": 5, "end": 25, "text": "had risen to 19", "low": 19, "high": 19,
        "attributed_to": "the coroner", "outlet": "Mill Town Radio", "published": "2024-06-02"}
    assert [f["counts"] for f in ch["figures_new"]] == ["people missing"]  # injured: unchanged
    assert [q["id"] for q in ch["quotes_new"]] == ["q2"] and ch["speakers_new"] == ["Owner Ben Cole"]
    assert [c["id"] for c in ch["claims_now_denied"]] == ["c2"] and not ch["claims_new"]
    assert [s["position"] for s in ch["sides_new"]] == ["no warning was ever given to the owners"]
    assert ch["sides_changed"][0]["gained"] == ["fire officials"] and not ch["sides_changed"][0]["lost"]
    (src,) = ch["sources_new"]
    assert src["source_id"] == "s2" and src["new_outlet"]
    assert [x["position"] for x in src["sides"]] == ["no warning was ever given to the owners"]
    assert [t["text"] for t in ch["timeline_new"]] == ["the coroner raised the toll"]
