"""Reconciling counts across sources: ranges, conflicts, notes, the cells of the sources x figures
table (one per source giving the count) and background figures."""

from __future__ import annotations

from pathlib import Path

from newsprism.clean import clean_article
from newsprism.extract.figures import extract_figures
from newsprism.model import Article, CleanArticle, Figure
from newsprism.reconcile import describe, reconcile_figures

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "khan-shaykhun"


def src(sid: str, outlet: str | None, published: str | None = None, text: str = "") -> CleanArticle:
    return CleanArticle(id=sid, raw=text, text=text, outlet=outlet, published=published)


def fig(sid: str, start: int, low, high, qualifier: str, counts: str = "people killed",
        category: str = "killed", about: bool = True, text: str = "", by: str | None = None,
        subset_of: str | None = None) -> Figure:
    return Figure(source_id=sid, start=start, end=start + 2, text=text or str(low), low=low,
                  high=high, qualifier=qualifier, counts=counts, category=category,
                  about_event=about, attributed_to=by, subset_of=subset_of,
                  id=f"{sid}:{start}")


def test_exact_count_with_consistent_lower_bounds() -> None:
    text_b = "The ministry said the death toll had risen to 86 on Wednesday."
    sources = [src("a", "Daily Post"), src("b", None, text=text_b), src("c", "Radio North")]
    figures = [
        fig("a", 0, 24, None, "vague", text="Dozens of people"),
        fig("b", text_b.index("86"), 86, 86, "exact", by="the ministry"),
        fig("c", 5, 70, None, "at_least", text="at least 70 civilians",
            counts="civilians killed"),
    ]
    (r,) = reconcile_figures(figures, sources)
    assert (r.category, r.counts, r.low, r.high, r.conflict) == ("killed", "people killed", 86,
                                                                86, False)
    assert r.display == "86"
    assert sorted(r.figure_ids) == ["a:0", f"b:{text_b.index('86')}", "c:5"]
    # outlets by name, the unknown outlet by its id, the update wording and the attribution
    assert "86 (b, citing the ministry; an update: 'had risen to')" in r.note
    assert "'dozens' (Daily Post)" in r.note and "at least 70 (Radio North)" in r.note
    assert "consistent" in r.note


def test_disjoint_exact_counts_on_the_same_day_conflict() -> None:
    sources = [src("a", "Coastal Wire", "2031-03-13"), src("b", "Capital Times", "2031-03-13")]
    figures = [fig("a", 0, 17, 17, "exact"), fig("b", 0, 9, 9, "exact")]
    (r,) = reconcile_figures(figures, sources)
    assert r.conflict
    assert (r.low, r.high, r.display) == (9, 17, "9–17")
    assert "cannot both be true" in r.note and "Coastal Wire" in r.note


def test_conflicts_are_said_once_per_pair_of_counts() -> None:
    # a stand collapse: five outlets say 12 dead, one says 40, one says 3, all on the same day
    names = ["Sport Daily", "Arena News", "Metro Wire", "Fan Radio", "City Post", "Gazette", "Echo"]
    sources = [src(f"s{i}", name, "2032-05-02") for i, name in enumerate(names)]
    figures = [fig(f"s{i}", 0, 12, 12, "exact") for i in range(5)]
    figures += [fig("s5", 0, 40, 40, "exact"), fig("s6", 0, 3, 3, "exact")]
    (r,) = reconcile_figures(figures, sources)
    assert r.conflict and r.display == "3–40"
    assert r.note.count("cannot both be true") == 1
    conflicts = r.note.split("Counts that cannot both be true: ", 1)[1]
    # grouped by the lower count; each pair of counts once; outlets already named are not repeated
    assert conflicts == "3 vs 12 or 40; 12 vs 40."
    assert "12 (Sport Daily; Arena News; Metro Wire; Fan Radio; City Post)" in r.note
    assert len(r.note) < 200


def test_a_single_conflict_is_one_clause() -> None:
    sources = [src("a", "Harbour Times", "2032-01-09"), src("b", "Coast FM", "2032-01-09"),
               src("c", "Bay Herald", "2032-01-09")]
    figures = [fig("a", 0, 4, 4, "exact"), fig("b", 0, 4, 4, "exact"), fig("c", 0, 9, 9, "exact")]
    (r,) = reconcile_figures(figures, sources)
    assert r.note == "4 (Harbour Times; Coast FM) vs 9 (Bay Herald). 4 and 9 cannot both be true."


def test_later_higher_count_is_an_update_not_a_conflict() -> None:
    sources = [src("a", "Northern Ledger", "2031-03-12"), src("b", "Coastal Wire", "2031-03-13")]
    figures = [fig("a", 0, 15, 15, "exact"), fig("b", 0, 17, 17, "exact"),
               fig("a", 9, 12, None, "at_least")]
    (r,) = reconcile_figures(figures, sources)
    assert not r.conflict
    assert (r.low, r.high) == (15, 17)
    assert "later update" in r.note


def test_only_open_bounds_give_the_strongest_lower_bound() -> None:
    sources = [src("a", "A"), src("b", "B")]
    figures = [fig("a", 0, 24, None, "vague", text="dozens"),
               fig("b", 0, 40, None, "at_least")]
    (r,) = reconcile_figures(figures, sources)
    assert (r.low, r.high, r.display, r.conflict) == (40, None, "at least 40", False)


def test_an_upper_bound_below_a_lower_bound_conflicts() -> None:
    sources = [src("a", "A", "2024-01-01"), src("b", "B", "2024-01-01")]
    figures = [fig("a", 0, None, 50, "at_most"), fig("b", 0, 60, None, "at_least")]
    (r,) = reconcile_figures(figures, sources)
    assert r.conflict


def test_groups_categories_background_and_other_are_kept_apart() -> None:
    sources = [src("a", "A"), src("b", "B")]
    figures = [
        fig("a", 0, 86, 86, "exact"),
        fig("a", 10, 30, 30, "exact", counts="children killed", subset_of="a:0"),
        fig("b", 0, 200, None, "vague", counts="people injured", category="injured"),
        fig("b", 10, 800000, 800000, "approx", about=False),
        fig("b", 20, 450, 450, "exact", counts="homes", category="other"),
    ]
    rs = reconcile_figures(figures, sources)
    assert [(r.counts, r.low) for r in rs] == [("people killed", 86), ("children killed", 30),
                                               ("people injured", 200)]
    # a subset is never added to its total
    assert rs[0].figure_ids == ["a:0"]
    assert [c.source_id for c in rs[0].cells] == ["a"] and rs[0].cells[0].text == "86"
    assert [f.id for f in figures if not f.about_event] == ["b:10"]  # background, not reconciled


def test_disagreeing_cell_is_marked() -> None:
    sources = [src("a", "A", "2024-01-01"), src("b", "B", "2024-01-01"),
               src("c", "C", "2024-01-01")]
    figures = [fig("a", 0, 17, 17, "exact"), fig("b", 0, 17, 17, "exact"),
               fig("c", 0, 100, None, "at_least")]
    (r,) = reconcile_figures(figures, sources)
    cells = {c.source_id: c for c in r.cells}
    assert r.conflict and cells["c"].disagrees and not cells["a"].disagrees


def test_describe() -> None:
    assert describe(fig("a", 0, 70, None, "at_least")) == "at least 70"
    assert describe(fig("a", 0, 1400, 1400, "approx")) == "about 1,400"
    assert describe(fig("a", 0, None, 50, "at_most")) == "up to 50"
    assert describe(fig("a", 0, 40, 50, "approx")) == "40–50"
    assert describe(fig("a", 0, 200000, None, "vague",
                        text="hundreds of thousands of people")) == "'hundreds of thousands'"
    assert describe(fig("a", 0, 1_500_000, None, "at_least")) == "at least 1.5 million"


def test_bundled_example_table(nlp) -> None:
    arts = [clean_article(Article(id=p.stem, text=p.read_text(encoding="utf-8")))
            for p in sorted(EXAMPLE.glob("*.txt"))]
    figures: list[Figure] = []
    for a in arts:
        figures += extract_figures(nlp(a.text), a.id, a.published)
    rs = reconcile_figures(figures, arts)
    killed = rs[0]
    assert killed.counts == "people killed" and not killed.conflict
    assert (killed.low, killed.high) == (86, 86)
    for outlet in ("The Conversation", "CBC News", "TRT World"):
        assert outlet in killed.note
    ids = [a.id for a in arts]

    def row_cells(r) -> list[str | None]:
        by_source = {c.source_id: c.text for c in r.cells}
        return [by_source.get(sid) for sid in ids]

    texts = [t or "" for t in row_cells(killed)]
    assert "'dozens'" in texts[0] and "'scores'" in texts[1] and "86" in texts[1]
    assert "at least 70" in texts[2]
    kids = next(r for r in rs if r.counts == "children killed")
    assert [t.split(" (")[0] if t else None for t in row_cells(kids)] == ["at least 11", "30", None]
    injured = next(r for r in rs if r.category == "injured")
    assert row_cells(injured)[2] is not None and injured.display == "at least 200"
    back = " | ".join(describe(f) for f in figures if not f.about_event)
    for value in ("'hundreds'", "'hundreds of thousands'", "800,000", "1,400"):
        assert value in back


def test_top_level_specific_group_joins_the_people_row() -> None:
    sources = [src("a", "Mine Post", "2024-05-15", text="killing at least 9 workers. The death "
                                                         "toll later rose to 12."),
               src("b", "Radio Coal", "2024-05-15")]
    figures = [
        fig("a", 0, 9, None, "at_least", counts="workers killed"),
        fig("a", 40, 12, 12, "exact"),
        fig("b", 0, 12, 12, "exact", counts="miners killed"),
    ]
    figures[0].sentence, figures[1].sentence, figures[2].sentence = 0, 1, 0
    rs = reconcile_figures(figures, sources)
    assert [(r.counts, r.display) for r in rs] == [("people killed", "12")]
    cells = {c.source_id: c.text for c in rs[0].cells}
    assert cells["a"] == "at least 9 workers; 12" and cells["b"] == "12 miners"


def test_groups_counted_apart_in_one_sentence_stay_apart() -> None:
    sources = [src("a", "A")]
    figures = [fig("a", 0, 12, 12, "exact", counts="soldiers killed"),
               fig("a", 20, 40, 40, "exact", counts="civilians killed")]
    for f in figures:
        f.sentence = 3
    rs = reconcile_figures(figures, sources)
    assert sorted((r.counts, r.low) for r in rs) == [("people killed", 40),
                                                     ("soldiers killed", 12)]


def test_partial_counts_are_not_totals_and_agreement_is_said_once() -> None:
    sources = [src("a", "A", "2024-05-15"), src("b", "B", "2024-05-15")]
    part = fig("a", 30, 3, 3, "exact")  # "three of the injured died"
    part.partial = True
    figures = [fig("a", 0, 14, 14, "exact"), part, fig("b", 0, 14, 14, "exact")]
    (r,) = reconcile_figures(figures, sources)
    assert "a:30" not in r.figure_ids
    assert r.note.startswith("The sources agree: 14 (A; B)")


def test_lower_counts_from_the_same_source_are_named() -> None:
    sources = [src("a", "A", "2024-05-15"), src("b", "B", "2024-05-15")]
    figures = [fig("a", 0, 12, 12, "exact"), fig("b", 0, 12, 12, "exact"),
               fig("b", 50, 9, 9, "exact")]
    (r,) = reconcile_figures(figures, sources)
    assert not r.conflict and "9 (B) is an earlier or lower count" in r.note


def test_both_sides_of_a_two_way_conflict_are_marked() -> None:
    sources = [src("a", "A", "2031-03-13"), src("b", "B", "2031-03-13"), src("c", "C")]
    figures = [fig("a", 0, 17, 17, "exact"), fig("b", 0, 9, 9, "exact"),
               fig("c", 0, 5, None, "at_least")]
    (r,) = reconcile_figures(figures, sources)
    cells = {c.source_id: c.disagrees for c in r.cells}
    assert r.conflict and cells == {"a": True, "b": True, "c": False}


# --------------------------------------------------------------------------- rendering


def _briefing_dict(figures: list[Figure], sources: list[CleanArticle]) -> dict:
    from dataclasses import asdict

    rs = reconcile_figures(figures, sources)
    return {
        "sources": [{"id": a.id, "outlet": a.outlet, "title": None, "published": a.published,
                     "text": a.text} for a in sources],
        "figures": [asdict(f) for f in figures],
        "reconciled_figures": [asdict(r) for r in rs],
    }


def _render(data: dict, html: bool) -> str:
    from newsprism.render.view import View, bind, environment

    env = environment(html=html)
    bind(env, View(data, html=html))
    return env.get_template(("html" if html else "md") + "/figures.j2").render(b=data)


def test_figures_partials_show_table_conflicts_and_background() -> None:
    text = "x" * 200
    sources = [src("a", "Coastal Wire", "2031-03-13", text), src("b", "Capital Times",
                                                                 "2031-03-13", text)]
    background = fig("b", 100, 230, 230, "exact", about=False, text="230 people")
    background.scope = "dated 1998"
    figures = [fig("a", 0, 17, 17, "exact", by="police"), fig("b", 0, 9, 9, "exact"),
               fig("a", 50, 200, None, "vague", counts="people injured", category="injured",
                   text="hundreds"),
               background]
    data = _briefing_dict(figures, sources)
    md = _render(data, html=False)
    assert "| counted | Coastal Wire, 13 March 2031 [1] | Capital Times, 13 March 2031 [2] |" in md
    row = next(line for line in md.splitlines() if line.startswith("| people killed"))
    assert "⚠ **17 (police)**" in row and "⚠ **9**" in row
    assert "**9–17** ⚠ sources conflict (note 1)" in row
    assert any(line.startswith("- note 1, people killed:") and "cannot both be true" in line
               for line in md.splitlines())  # how it was reconciled: a note under the table
    injured = next(line for line in md.splitlines() if line.startswith("| people injured"))
    assert "'hundreds'" in injured and "**at least 200**" in injured and "| — |" in injured
    assert 'Not about this event:\n\n- "230 people" killed — dated 1998 (*Capital Times* [2])' in md
    html = _render(data, html=True)
    assert html.count('class="conflict"') == 2 and "sources conflict" in html
    assert 'href="#a-a-0-2"' in html  # each figure links to its span
    assert "“230 people” killed, dated 1998" in html


def test_figures_partials_without_counts() -> None:
    data = _briefing_dict([], [src("a", "A", None, "text")])
    assert "No counts of casualties about this event were found." in _render(data, False)
    assert "No counts of casualties about this event were found." in _render(data, True)


def test_other_counts_line_is_capped() -> None:
    sources = [src("a", "A", None, "y" * 400)]
    figures = [fig("a", 20 * k, 10 + k, 10 + k, "exact", counts="workers", category="other",
                   text=f"{10 + k} workers") for k in range(13)]
    md = _render(_briefing_dict(figures, sources), html=False)
    line = next(x for x in md.splitlines() if x.startswith("Other counts of people"))
    assert line.count("workers") == 10 and line.endswith("; and 3 more.")


def test_design_mock_scenario(nlp) -> None:
    """The invented Velmora dam failure of the design mock, written as four short reports."""
    reports = [
        ("nl", "Northern Ledger", "2031-03-12",
         "The Velmora dam failed early on Wednesday, killing at least 12 people. Dozens of "
         "people are missing and 3,000 residents have been evacuated."),
        ("cw", "Coastal Wire", "2031-03-13",
         "Police said on Thursday that the death toll had risen to 17, with 40 people still "
         "missing. About 3,500 people have been displaced.\n\nThe town's last great flood, in "
         "1998, killed 230 people."),
        ("ct", "Capital Times", "2031-03-13",
         "Fifteen people died when the dam failed. About 2 million people live downstream of "
         "the dam."),
        ("vp", "Valley Post", "2031-03-13",
         "More than a dozen people were killed in the flood, and 3,000 residents were forced "
         "from their homes."),
    ]
    arts = [CleanArticle(id=i, raw=t, text=t, outlet=o, published=p) for i, o, p, t in reports]
    figures: list[Figure] = []
    for a in arts:
        figures += extract_figures(nlp(a.text), a.id, a.published)
    rows = {r.counts: r for r in reconcile_figures(figures, arts)}
    killed, missing = rows["people killed"], rows["people missing"]
    assert (killed.low, killed.high, killed.conflict) == (15, 17, False)
    assert "later update" in killed.note and "Coastal Wire" in killed.note
    assert (missing.low, missing.high) == (40, 40)  # "dozens" is consistent with 40
    displaced = [r for r in rows.values() if r.category == "displaced"]
    assert [(r.low, r.high, r.conflict) for r in displaced] == [(3000, 3500, False)]
    assert "citing police" in killed.note
    back = " | ".join(describe(f) for f in figures if not f.about_event)
    assert "230" in back and "2 million" in back


def test_round_counts_are_approximate() -> None:
    sources = [src("a", "A", "2024-01-01"), src("b", "B", "2024-01-01")]
    close = [fig("a", 0, 3000, 3000, "exact"), fig("b", 0, 3200, 3200, "exact")]
    assert not reconcile_figures(close, sources)[0].conflict
    far = [fig("a", 0, 3000, 3000, "exact"), fig("b", 0, 3750, 3750, "exact")]
    assert reconcile_figures(far, sources)[0].conflict
    small = [fig("a", 0, 12, 12, "exact"), fig("b", 0, 13, 13, "exact")]
    assert reconcile_figures(small, sources)[0].conflict


# --------------------------------------------------------------------------- amounts (issue 13)


def amount(sid: str, start: int, low, high, kind: str, unit: str | None, counts: str,
           qualifier: str = "exact", text: str = "") -> Figure:
    f = fig(sid, start, low, high, qualifier, counts=counts, category="other", text=text)
    f.kind, f.unit = kind, unit
    return f


def test_amounts_of_the_same_thing_are_set_side_by_side_never_in_conflict() -> None:
    sources = [src("a", "Cable Daily", "2031-03-13"), src("b", "Net Wire", "2031-03-13"),
               src("c", "Tech Post", "2031-03-13")]
    figures = [
        amount("a", 0, 3, 3, "thing", "cable", "undersea cables"),
        amount("b", 0, 2, 2, "thing", "cable", "cables"),
        amount("c", 0, 3, 3, "thing", "cable", "cables"),
        # disasters: damage in one currency from two sources
        amount("a", 9, 1_000_000, 1_000_000, "money", "$", "damage"),
        amount("b", 9, 1_000_000, None, "money", "$", "damage", qualifier="at_least"),
        # the same sum in another currency is another row, a bare 'money' none
        amount("c", 9, 1_520_000, 1_520_000, "money", "A$", "damage"),
        amount("c", 20, 5_000, 5_000, "money", "$", "money"),
        # one source only: no row
        amount("a", 30, 52, 52, "percent", "%", "percent of traffic"),
        # a casualty count still reconciles as before
        fig("a", 40, 2, 2, "exact", counts="people injured", category="injured"),
        fig("b", 40, 2, 2, "exact", counts="people injured", category="injured"),
    ]
    rows = reconcile_figures(figures, sources)
    assert [r.counts for r in rows] == ["people injured", "cable", "damage ($)"]
    cables = rows[1]
    assert (cables.category, cables.low, cables.high, cables.conflict) == ("other", 2, 3, False)
    assert cables.display == "2–3" and "differ" in cables.note
    damage = rows[2]
    assert (damage.display, damage.conflict) == ("$1 million", False)
    assert sorted(damage.figure_ids) == ["a:9", "b:9"]


def test_money_and_percentages_are_described_with_their_unit() -> None:
    assert describe(amount("a", 0, 160_000_000, None, "money", "$", "offer",
                           qualifier="at_least")) == "at least $160 million"
    assert describe(amount("a", 0, 45_000_000, 45_000_000, "money", "€", "fee")) == "€45 million"
    assert describe(amount("a", 0, 70, 70, "percent", "%", "percent of lines")) == "70%"
    assert describe(amount("a", 0, 12, 12, "money", "peso", "fine")) == "12 peso"


def test_figures_partials_show_amounts_in_rows_or_one_compact_table() -> None:
    sources = [src("a", "Cable Daily", "2031-03-13", "z" * 300),
               src("b", "Net Wire", "2031-03-13", "z" * 300)]
    figures = [
        amount("a", 0, 3, 3, "thing", "cable", "undersea cables", text="three undersea cables"),
        amount("b", 0, 3, 3, "thing", "cable", "cables", text="three cables"),
        amount("a", 40, 52, 52, "percent", "%", "percent of traffic", text="52 percent"),
        amount("b", 80, 2_000_000, 2_000_000, "money", "$", "repair", text="$2 million"),
    ]
    md = _render(_briefing_dict(figures, sources), html=False)
    row = next(line for line in md.splitlines() if line.startswith("| cable"))
    assert "among people" not in row and "**3**" in row
    assert "Other counts of people" not in md
    table = md[md.index("Other amounts about this event:"):]
    assert "| 52 percent | percent of traffic | *Cable Daily* [1] |" in table
    assert "| $2 million | repair | *Net Wire* [2] |" in table
    assert "three cables" not in table  # shown in its row already
    html = _render(_briefing_dict(figures, sources), html=True)
    assert "Other amounts about this event" in html and ">repair</td>" in html


def test_a_count_coordinated_with_another_is_its_own_group() -> None:
    # accidents: "One Australian and one English climber have died" is not a toll of one
    text_a = "One Australian and one English climber have fallen to their deaths."
    sources = [src("a", "Alpine News", "2031-09-15", text_a), src("b", "Peak Post", "2031-09-15")]
    figures = [fig("a", 0, 1, 1, "exact", counts="Australian killed", text="One Australian"),
               fig("b", 0, 2, 2, "exact", text="two deaths")]
    figures[0].end = len("One Australian")
    rows = reconcile_figures(figures, sources)
    assert [(r.counts, r.conflict) for r in rows] == [("people killed", False),
                                                      ("australian killed", False)]


# issue 13: a conflict needs two sources giving incompatible values for the same count
def test_a_part_of_a_group_is_not_a_conflicting_total() -> None:
    # two climbers died; one outlet reports the death of "one of the party" (a part)
    sources = [src("a", "Alpine News"), src("b", "Valley Radio")]
    figures = [fig("a", 0, 2, 2, "exact", text="two deaths"),
               fig("b", 0, 1, 1, "exact", text="one of the party")]
    (r,) = reconcile_figures(figures, sources)
    assert r.conflict is False


def test_a_count_its_own_source_calls_a_floor_is_not_a_conflict() -> None:
    # an early report: "at least three dead ... three people were killed"; later 10
    sources = [src("a", "Gulf Wire"), src("b", "Coast Times")]
    figures = [fig("a", 0, 3, None, "at_least", text="at least three people"),
               fig("a", 40, 3, 3, "exact", text="three people"),
               fig("b", 0, 10, 10, "exact", text="10 people")]
    (r,) = reconcile_figures(figures, sources)
    assert r.conflict is False
    # without the floor, 3 and 10 on the same day do conflict
    (r,) = reconcile_figures([figures[1], figures[2]], sources)
    assert r.conflict is True


def test_a_total_of_victims_is_not_a_conflicting_injured_count() -> None:
    # "shot three people" (all victims) vs "two wounded men", one person killed
    sources = [src("a", "Metro Daily"), src("b", "City Radio")]
    figures = [fig("a", 0, 3, 3, "exact", counts="people injured", category="injured",
                   text="three people"),
               fig("b", 0, 2, 2, "exact", counts="people injured", category="injured",
                   text="two wounded men"),
               fig("b", 30, 1, 1, "exact", text="one person")]
    injured = next(r for r in reconcile_figures(figures, sources) if r.category == "injured")
    assert injured.conflict is False
    # with no killed count to explain the difference, 3 and 2 conflict
    injured = next(r for r in reconcile_figures(figures[:2], sources) if r.category == "injured")
    assert injured.conflict is True


def test_a_noun_one_source_gives_several_values_for_is_no_row() -> None:
    # an election: seats of three parties in each report; a range over them would mix parties
    sources = [src("a", "Vote Daily", "2031-05-02"), src("b", "Poll Wire", "2031-05-02")]
    seats = [
        amount("a", 0, 128, 128, "thing", "seat", "seats", text="128 seats"),
        amount("a", 20, 72, 72, "thing", "seat", "seats", text="72 seats"),
        amount("b", 0, 129, 129, "thing", "seat", "seats", text="129 seats"),
        amount("b", 20, 300, 300, "thing", "seat", "seats", text="300 seats"),
    ]
    assert reconcile_figures(seats, sources) == []
    # a match report: each source gives the winner's goals once, as a count and as a floor
    goals = [
        amount("a", 0, 3, 3, "thing", "goal", "goals", text="three goals"),
        amount("a", 30, 3, None, "thing", "goal", "goals", qualifier="at_least",
               text="at least three goals"),
        amount("b", 0, 3, 3, "thing", "goal", "goals", text="3 goals"),
    ]
    rows = reconcile_figures(goals, sources)
    assert [(r.counts, r.display) for r in rows] == [("goal", "3")]


def test_a_count_and_a_percentage_of_the_same_noun_are_two_rows() -> None:
    # "two parties" (a count) and "12% for the party" (a share) share the noun 'party'
    sources = [src("a", "Vote Daily", "2031-05-02"), src("b", "Poll Wire", "2031-05-02")]
    figures = [
        amount("a", 0, 2, 2, "thing", "party", "parties", text="two parties"),
        amount("b", 0, 2, 2, "thing", "party", "parties", text="two parties"),
        amount("a", 40, 12, 12, "percent", "%", "party", text="12 per cent"),
        amount("b", 40, 12.3, 12.3, "percent", "%", "party", text="12.3%"),
    ]
    rows = {r.counts: r for r in reconcile_figures(figures, sources)}
    assert set(rows) == {"party", "party (percent)"}
    assert (rows["party"].low, rows["party"].high) == (2, 2)
    assert (rows["party (percent)"].low, rows["party (percent)"].high) == (12, 12.3)


def test_the_missing_fall_in_a_later_report_not_a_conflict() -> None:
    # disasters: an undated later report (its death toll "rose to") gives fewer missing
    text_a = "Nine climbers were still missing on Sunday evening."
    text_b = "The death toll rose to 11 on Monday. Four climbers remain missing."
    sources = [src("a", None, text=text_a), src("b", None, text=text_b)]
    figures = [
        fig("a", 0, 9, 9, "exact", counts="climbers missing", category="missing"),
        fig("b", text_b.index("11"), 11, 11, "exact"),
        fig("b", text_b.index("Four"), 4, 4, "exact", counts="climbers missing",
            category="missing"),
    ]
    missing = next(r for r in reconcile_figures(figures, sources) if r.category == "missing")
    assert not missing.conflict
    assert "later report" in missing.note
    # with no sign of which report is later, the two counts still cannot both be true
    plain = [src("a", None, text=text_a), src("b", None, text="Four climbers remain missing.")]
    figs2 = [figures[0], fig("b", 0, 4, 4, "exact", counts="climbers missing", category="missing")]
    (r,) = reconcile_figures(figs2, plain)
    assert r.conflict
