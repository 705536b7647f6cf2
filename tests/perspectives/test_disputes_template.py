"""The "What is disputed" partials (md and html): one evidence sentence per source and side,
and the per-outlet coverage line."""

from __future__ import annotations

from typing import Any

from newsprism.render.view import View, bind, environment

TEXT_A = "The union said inspectors warned of cracks in January. The operator denied any warning."
TEXT_B = "HydroNorth denied that it had received any warning."


def _data() -> dict[str, Any]:
    def sp(sid: str, text: str, piece: str) -> dict[str, Any]:
        start = text.index(piece)
        return {"source_id": sid, "start": start, "end": start + len(piece)}

    return {
        "sources": [
            {"id": "a", "outlet": "Coastal Wire", "title": None, "text": TEXT_A},
            {"id": "b", "outlet": "Capital Times", "title": None, "text": TEXT_B},
            {"id": "c", "outlet": "Valley Post", "title": None, "text": "Rain fell all day."},
        ],
        "contradictions": [
            {
                "topic": "Did the operator ignore warnings?",
                "sides": [
                    {
                        "position": "inspectors warned of cracks in January",
                        "holders": ["Water Workers' Union"],
                        "claim_ids": ["c1"],
                        "evidence": [sp("a", TEXT_A, "The union said inspectors warned of cracks in January.")],
                        "sources": ["a"],
                    },
                    {
                        "position": "denied that it had received any warning",
                        "holders": ["HydroNorth"],
                        "claim_ids": ["c2"],
                        "evidence": [
                            sp("b", TEXT_B, TEXT_B),
                            sp("a", TEXT_A, "The operator denied any warning."),
                            sp("b", TEXT_B, "it had received any warning"),
                        ],
                        "sources": ["b", "a"],
                    },
                ],
            }
        ],
    }


def _render(kind: str) -> str:
    data = _data()
    env = environment(html=kind == "html")
    bind(env, View(data, html=kind == "html"))
    return env.get_template(f"{kind}/disputes.j2").render(b=data)


def test_markdown_disputes_table_and_coverage() -> None:
    md = _render("md")
    assert "**Did the operator ignore warnings?**" in md
    assert "| inspectors warned of cracks in January | Water Workers' Union |" in md
    # one sentence per source on the second side, the third span (same source again) left out
    row = next(line for line in md.splitlines() if line.startswith("| denied that"))
    assert row.count("HydroNorth denied that it had received any warning.") == 1
    assert "The operator denied any warning." in row and "*Capital Times* [2]" in row
    assert (
        "Coverage: *Coastal Wire* reports both sides; *Capital Times* reports only the second side; "
        "*Valley Post* reports neither side." in md
    )


def test_html_disputes_escapes_and_has_coverage() -> None:
    html = _render("html")
    assert "<h3>Did the operator ignore warnings?</h3>" in html
    assert "Water Workers&#39; Union" in html
    assert "<em>Capital Times</em> reports only the second side" in html
    assert html.count("<blockquote>") == 3


def _with_unsure() -> dict[str, Any]:
    data = _data()
    sure = data["contradictions"][0]
    unsure = {**sure, "topic": "Was the dam inspected?", "confidence": "low",
              "confidence_reason": "a side no named party holds"}
    data["contradictions"] = [unsure, {**sure, "confidence": "high", "confidence_reason": None}]
    return data


def test_low_confidence_disputes_come_apart_after_the_others() -> None:
    for kind in ("md", "html"):
        data = _with_unsure()
        env = environment(html=kind == "html")
        bind(env, View(data, html=kind == "html"))
        out = env.get_template(f"{kind}/disputes.j2").render(b=data)
        sure_at, apart_at, unsure_at = (out.index("Did the operator ignore warnings?"), out.index("Less certain"),
                                        out.index("Was the dam inspected?"))
        assert sure_at < apart_at < unsure_at, kind
        assert out.count("Less certain") == 1
        assert "a side no named party holds" in out[unsure_at:]
        assert "low confidence" in out.lower()


def test_no_less_certain_heading_when_every_dispute_is_sure() -> None:
    assert "Less certain" not in _render("md") and "Less certain" not in _render("html")
