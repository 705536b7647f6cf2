"""Coverage matrix, outlet groups and blindspots on hand-built briefings from other domains
(a football transfer row, a factory closure), and on the bundled example."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.coverage import ABSENT, ATTRIBUTED, REPORTED, build_coverage
from newsprism.model import (
    AnnotatedArticle,
    Briefing,
    Claim,
    CleanArticle,
    Contradiction,
    Entity,
    Figure,
    Quote,
    ReconciledFigure,
    Side,
    Span,
    Story,
)
from newsprism.outlet_groups import UNGROUPED, load_outlet_groups, normalise, parse_outlet_groups

ROOT = Path(__file__).resolve().parents[1]

TEXTS = {
    "a": ("Daily Sport", "https://www.dailysport.co.uk/x",
          "The club said the striker had asked to leave. His agent denied that he asked to leave. "
          "The fee was 40 million euros."),
    "b": ("Gazzetta", "https://gazzetta.it/y",
          "The striker asked to leave, the club said. The fee was 45 million euros."),
    "c": ("Marca", None, "Fans protested outside the stadium on Sunday."),
}


def _sp(sid: str, phrase: str) -> Span:
    text = TEXTS[sid][2]
    i = text.index(phrase)
    return Span(sid, i, i + len(phrase))


def _briefing() -> Briefing:
    arts = [AnnotatedArticle(CleanArticle(id=sid, raw=t, text=t, outlet=o, url=u)) for sid, (o, u, t) in TEXTS.items()]
    quotes = [
        Quote("a", *_se("a", "the striker had asked to leave"), "the striker had asked to leave", "indirect",
              speaker="the club", cue="said", id="q1"),
        Quote("a", *_se("a", "that he asked to leave"), "that he asked to leave", "indirect",
              speaker="Marco Rossi", speaker_entity="e1", cue="denied", negated=True, id="q2"),
        Quote("b", *_se("b", "The striker asked to leave"), "The striker asked to leave", "indirect",
              speaker="the club", cue="said", id="q3"),
    ]
    figures = [
        Figure("a", *_se("a", "40 million euros"), "40 million euros", 40e6, 40e6, "exact", "fee", "other", id="f1"),
        Figure("b", *_se("b", "45 million euros"), "45 million euros", 45e6, 45e6, "exact", "fee", "other",
               attributed_to="the club", id="f2"),
    ]
    claims = [
        Claim("c1", "the striker asked to leave", holders=["the club"],
              evidence=[_sp("a", "The club said the striker had asked to leave."), _sp("b", "The striker asked to leave, the club said.")]),
        Claim("c2", "he did not ask to leave", holders=["Marco Rossi"], polarity="deny",
              evidence=[_sp("a", "His agent denied that he asked to leave.")]),
        Claim("c3", "fans protested", kind="own", evidence=[_sp("c", "Fans protested outside the stadium on Sunday.")]),
    ]
    con = Contradiction("Did the striker ask to leave?", id="d1", sides=[
        Side("the striker asked to leave", holders=["the club"], claim_ids=["c1"], evidence=claims[0].evidence),
        Side("he did not ask to leave", holders=["Marco Rossi"], claim_ids=["c2"], evidence=claims[1].evidence),
    ])
    rf = ReconciledFigure("other", "fee", 40e6, 45e6, figure_ids=["f1", "f2"], conflict=True, display="40–45 million")
    rossi = Entity("e1", "Marco Rossi", "PERSON", mentions=[_sp("a", "His agent"), _sp("c", "Fans")])
    story = Story(id="s", articles=arts, entities=[rossi])
    return Briefing(story=story, quotes=quotes, figures=figures, reconciled_figures=[rf], claims=claims,
                    contradictions=[con])


def _se(sid: str, phrase: str) -> tuple[int, int]:
    sp = _sp(sid, phrase)
    return sp.start, sp.end


def _row(matrix, kind: str, ref: str):
    return next(it for it in matrix.items if it.kind == kind and it.ref == ref)


def test_matrix_marks_attributed_reported_and_absent_per_outlet():
    m = build_coverage(_briefing())
    assert [o.name for o in m.outlets] == ["Daily Sport", "Gazzetta", "Marca"]
    side1 = _row(m, "side", "d1.s1")
    assert [c.status for c in side1.cells] == [ATTRIBUTED, ATTRIBUTED, ABSENT]
    side2 = _row(m, "side", "d1.s2")
    assert [c.status for c in side2.cells] == [ATTRIBUTED, ABSENT, ABSENT]
    fee = _row(m, "figure", "r1")
    # Daily Sport gives the fee in its own voice, Gazzetta attributes it to the club
    assert [c.status for c in fee.cells] == [REPORTED, ATTRIBUTED, ABSENT]
    rossi = _row(m, "speaker", "e1")
    # quoted by Daily Sport; Marca only names him: reported, not attributed
    assert [c.status for c in rossi.cells] == [ATTRIBUTED, ABSENT, REPORTED]
    for item in m.items:  # every non-absent cell cites spans of that outlet's own sources
        for cell in item.cells:
            assert (cell.status == ABSENT) == (not cell.spans)
            sources = next(o.source_ids for o in m.outlets if o.name == cell.outlet)
            assert all(sp.source_id in sources for sp in cell.spans)


def test_sides_keep_their_order_and_uneven_rows_come_first():
    m = build_coverage(_briefing())
    assert [it.ref for it in m.items if it.kind == "side"] == ["d1.s1", "d1.s2"]
    kinds = [it.kind for it in m.items]
    assert kinds == sorted(kinds, key=["side", "figure", "speaker", "claim"].index)


GROUPS = """
[outlet_groups.country]
"United Kingdom" = ["Daily Sport", "dailysport.co.uk"]
Italy = ["gazzetta.it"]
Spain = ["MARCA"]
Portugal = ["Record"]
"""


def test_groups_match_aliases_domains_and_case():
    groups = parse_outlet_groups(__import__("tomllib").loads(GROUPS))
    m = build_coverage(_briefing(), groups)
    assert {o.name: o.groups["country"] for o in m.outlets} == {
        "Daily Sport": "United Kingdom", "Gazzetta": "Italy", "Marca": "Spain"}
    assert "country: no outlet of Portugal in this story" in m.notes


def test_blindspots_say_which_group_alone_reports_or_misses_an_item():
    groups = parse_outlet_groups(__import__("tomllib").loads(GROUPS))
    m = build_coverage(_briefing(), groups)
    only = [b for b in m.blindspots if b.kind == "only" and b.ref == "d1.s2"]
    assert len(only) == 1 and only[0].group == "United Kingdom"
    assert only[0].missing == ["Italy", "Spain"]
    assert "Only United Kingdom (Daily Sport) reports side" in only[0].text
    assert only[0].spans and all(sp.source_id == "a" for sp in only[0].spans)
    missed = [b for b in m.blindspots if b.kind == "missed" and b.ref == "d1.s1"]
    assert len(missed) == 1 and missed[0].group == "Spain" and "Marca" in missed[0].text
    assert _row(m, "side", "d1.s1").groups["country"] == ["Italy", "United Kingdom"]


def test_unknown_outlet_is_in_no_group_and_never_in_a_blindspot():
    groups = parse_outlet_groups({"outlet_groups": {"country": {"Italy": ["Gazzetta"], "UK": ["Daily Sport"]}}})
    m = build_coverage(_briefing(), groups)
    marca = next(o for o in m.outlets if o.name == "Marca")
    assert marca.groups["country"] == UNGROUPED
    assert "country: Marca in no group" in m.notes
    assert all(b.group != UNGROUPED and UNGROUPED not in b.missing for b in m.blindspots)


def test_empty_group_and_single_group_give_no_blindspot():
    groups = parse_outlet_groups({"outlet_groups": {"lean": {"Left": ["Daily Sport", "Gazzetta", "Marca"], "Right": []}}})
    m = build_coverage(_briefing(), groups)
    assert m.blindspots == []
    assert "lean: no outlet of Right in this story" in m.notes


def test_story_with_one_outlet():
    b = _briefing()
    b.story.articles = b.story.articles[:1]
    m = build_coverage(b, parse_outlet_groups({"country": {"UK": ["Daily Sport"]}}))
    assert [o.name for o in m.outlets] == ["Daily Sport"]
    assert all(len(it.cells) == 1 for it in m.items)
    assert m.blindspots == []


@pytest.mark.parametrize("bad, message", [
    ({"outlet_groups": {"country": ["x"]}}, "must be a table"),
    ({"outlet_groups": {"country": {"UK": [1]}}}, "must be a list of outlet names"),
    ({"outlet_groups": {"country": {"UK": ["BBC"], "US": ["bbc"]}}}, "is in two groups"),
])
def test_bad_group_files_are_refused_with_the_entry_named(bad, message):
    with pytest.raises(ValueError, match=message):
        parse_outlet_groups(bad)


def test_group_file_errors_name_the_file(tmp_path):
    bad = tmp_path / "groups.toml"
    bad.write_text("[outlet_groups.country\n")
    with pytest.raises(ValueError, match="groups.toml: not valid TOML"):
        load_outlet_groups(bad)
    with pytest.raises(ValueError, match="cannot read outlet groups"):
        load_outlet_groups(tmp_path / "missing.toml")


def test_normalise():
    assert normalise("https://www.CBC.ca/") == normalise("cbc.ca") == "cbc ca"
    assert normalise("CBC  News") == "cbc news"


def test_the_example_groups_file_loads():
    groups = load_outlet_groups(ROOT / "examples" / "outlet-groups.toml")
    assert [g.name for g in groups.groupings] == ["country", "funding"]


@pytest.fixture(scope="module")
def example_data(nlp, options) -> dict:
    from newsprism.briefing import build_briefing
    from newsprism.ingest import read_inputs
    from newsprism.render.json_out import to_dict

    opts = options.with_overrides(outlet_groups=str(ROOT / "examples" / "outlet-groups.toml"))
    arts = read_inputs([str(ROOT / "examples" / "khan-shaykhun-jsonl")], opts).articles
    return to_dict(build_briefing(arts, opts, nlp=nlp), opts.model)


def test_example_trt_reports_only_the_first_side_and_the_blindspot_says_so(example_data):
    from newsprism.render.json_out import validate

    validate(example_data)
    cov = example_data["coverage"]
    sides = [it for it in cov["items"] if it["kind"] == "side"]
    assert len(sides) == 2
    trt = [o["name"] for o in cov["outlets"]].index("TRT World")
    assert sides[0]["cells"][trt]["status"] != "absent"
    assert sides[1]["cells"][trt]["status"] == "absent"
    assert all(c["status"] != "absent" for k, c in enumerate(sides[1]["cells"]) if k != trt)
    spots = [s for s in cov["blindspots"] if s["grouping"] == "country" and s["ref"] == sides[1]["ref"]]
    assert len(spots) == 1 and spots[0]["group"] == "Turkey" and spots[0]["kind"] == "missed"
    texts = {s["id"]: s["text"] for s in example_data["sources"]}
    for it in cov["items"]:
        for c in it["cells"]:
            for sp in c["spans"]:
                assert 0 <= sp["start"] < sp["end"] <= len(texts[sp["source_id"]])


def test_example_coverage_in_markdown_and_html(example_data):
    from newsprism.render.html import render_html
    from newsprism.render.markdown import render_markdown

    md = render_markdown(example_data)
    assert "## Who covers what" in md and "Blindspots (country):" in md
    assert "- Turkey (TRT World) does not report side" in md
    html = render_html(example_data)
    assert '<section id="coverage">' in html and 'href="#coverage"' in html
    assert "Blindspots by country" in html


def test_cli_refuses_a_bad_groups_file_before_any_analysis(tmp_path):
    from typer.testing import CliRunner

    from newsprism.cli import app

    bad = tmp_path / "groups.toml"
    bad.write_text('[outlet_groups.country]\nUK = ["BBC"]\nUS = ["bbc"]\n')
    res = CliRunner().invoke(app, ["brief", str(ROOT / "examples" / "khan-shaykhun"), "-o", str(tmp_path / "o"),
                                   "--outlet-groups", str(bad)])
    assert res.exit_code == 2 and "is in two groups" in res.output
    assert not (tmp_path / "o").exists()


def test_a_settings_file_with_groups_sets_the_option(tmp_path):
    from newsprism.options import load_options

    cfg = tmp_path / "settings.toml"
    cfg.write_text('[newsprism]\nsummary_words = 90\n\n[outlet_groups.wire]\nWire = ["Reuters", "AP"]\n')
    opts = load_options(cfg)
    assert opts.outlet_groups == str(cfg) and opts.summary_words == 90
    assert [g.name for g in load_outlet_groups(opts.outlet_groups).groupings] == ["wire"]


def test_blindspot_lines_list_many_groups_in_plain_english():
    groups = parse_outlet_groups({"country": {"UK": ["Daily Sport"], "Italy": ["Gazzetta"], "Spain": ["Marca"]}})
    b = _briefing()
    m = build_coverage(b, groups)
    only = next(s for s in m.blindspots if s.ref == "d1.s2")
    assert only.text.endswith("; Italy and Spain do not.")
    b.story.articles.append(AnnotatedArticle(CleanArticle(id="d", raw="x", text="x", outlet="Record")))
    groups.groupings[0].groups["Portugal"] = ["Record"]
    only = next(s for s in build_coverage(b, groups).blindspots if s.ref == "d1.s2")
    assert only.text.endswith("; Italy, Portugal and Spain do not.")
