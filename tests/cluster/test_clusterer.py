"""Incremental story clustering: joins, new stories, time window, merges, splits, state."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta

import numpy as np
import pytest

from newsprism.cluster import ClusterDoc, StoryClusterer
from newsprism.cluster.features import names
from newsprism.options import load_options

DAY0 = datetime(2024, 5, 1, 9, 0)

SPORT = [
    "The Boston Celtics beat the Miami Heat 102-99 in Game 7 as Jayson Tatum scored 40 points.",
    "Jayson Tatum led the Celtics past the Heat in Game 7, scoring 40 points in Boston.",
    "Celtics star Jayson Tatum hit the winning shot against the Miami Heat in Game 7.",
    "Boston advance after Tatum's 40 points sink Miami Heat in a tense Game 7.",
]
FLOOD = [
    "Floods in Valencia killed 200 people after torrential rain, Spanish officials said.",
    "The death toll from the Valencia floods rose to 210, Spanish officials said on Friday.",
    "Rescuers searched flooded garages in Valencia as the floods death toll passed 210.",
    "Spanish officials said torrential rain caused the deadliest floods in Valencia in decades.",
]
COURT = [
    "A federal judge in Delaware sentenced Acme Corp's former chief financial officer to 8 years for fraud.",
    "Acme Corp's former finance chief was sentenced to eight years for fraud by a Delaware judge.",
    "The Delaware fraud sentence for the former Acme Corp finance chief was eight years in prison.",
]


def _docs(prefix: str, texts: list[str], start: datetime = DAY0) -> list[ClusterDoc]:
    return [ClusterDoc(f"{prefix}{i}", t, published=start + timedelta(hours=i))
            for i, t in enumerate(texts)]  # fmt: skip


def _interleave(*groups: list[ClusterDoc]) -> list[ClusterDoc]:
    out = []
    for k in range(max(len(g) for g in groups)):
        out.extend(g[k] for g in groups if k < len(g))
    return out


def _partition(assign: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for doc, story in assign.items():
        groups.setdefault(story, set()).add(doc)
    return {frozenset(g) for g in groups.values()}


def test_articles_on_one_event_share_a_story_and_others_do_not():
    stream = _interleave(_docs("s", SPORT), _docs("f", FLOOD), _docs("c", COURT))
    clusterer = StoryClusterer()
    for k in range(0, len(stream), 2):  # small batches, as a feed would deliver them
        clusterer.add(stream[k : k + 2])
    expected = {frozenset(d.id for d in _docs(p, g)) for p, g in
                (("s", SPORT), ("f", FLOOD), ("c", COURT))}  # fmt: skip
    assert _partition(clusterer.assignments()) == expected


def test_add_returns_only_new_articles_and_skips_repeats():
    clusterer = StoryClusterer()
    first = clusterer.add(_docs("s", SPORT[:2]))
    assert set(first) == {"s0", "s1"}
    again = clusterer.add(_docs("s", SPORT[:3]))
    assert set(again) == {"s2"}
    assert again["s2"] == first["s0"]


def test_a_story_keeps_its_id_as_it_grows():
    clusterer = StoryClusterer()
    sid = clusterer.add(_docs("f", FLOOD[:1]))["f0"]
    for doc in _docs("f", FLOOD)[1:]:
        assert clusterer.add([doc])[doc.id] == sid
    assert set(clusterer.assignments().values()) == {sid}


def test_the_same_event_outside_the_window_starts_a_new_story():
    opts = load_options(cluster_window_days=3.0)
    clusterer = StoryClusterer(opts)
    early = clusterer.add(_docs("a", FLOOD[:2]))
    late = clusterer.add(_docs("b", FLOOD[:2], start=DAY0 + timedelta(days=30)))
    assert set(early.values()).isdisjoint(late.values())
    assert len(set(late.values())) == 1


def test_old_articles_leave_the_index():
    opts = load_options(cluster_window_days=2.0)
    clusterer = StoryClusterer(opts)
    clusterer.add(_docs("f", FLOOD))
    clusterer.add(_docs("s", SPORT, start=DAY0 + timedelta(days=10)))
    assert len(clusterer._index) == len(SPORT)
    assert len(clusterer.assignments()) == len(SPORT) + len(FLOOD)


def test_two_stories_that_meet_the_merge_threshold_merge_into_the_older_id():
    opts = load_options(cluster_join=0.99, cluster_merge=0.2)
    clusterer = StoryClusterer(opts)
    older = clusterer.add(_docs("f", FLOOD[:1]))["f0"]
    second = clusterer.add([ClusterDoc("f9", FLOOD[1], published=DAY0 + timedelta(hours=5))])
    assert second["f9"] == older  # merged right after its batch
    assert set(clusterer.assignments().values()) == {older}


def test_a_story_that_holds_two_events_splits_and_the_older_half_keeps_the_id():
    opts = load_options(cluster_join=0.0, cluster_merge=0.9, cluster_split=0.2)
    clusterer = StoryClusterer(opts)
    flood, court = _docs("f", FLOOD), _docs("c", COURT)
    first = clusterer.add(flood[:1])["f0"]
    clusterer.add(_interleave(court, flood[1:]))  # joins everything (threshold 0), then splits
    parts = _partition(clusterer.assignments())
    assert parts == {frozenset(d.id for d in flood), frozenset(d.id for d in court)}
    assert clusterer.assignments()["f0"] == first
    assert clusterer.assignments()["c0"] != first


def _replay(changes_list) -> dict[str, str]:
    """Assignments rebuilt from take_changes() as the store applies them."""
    out: dict[str, str] = {}
    for ch in changes_list:
        for gone, keep in ch.merged:
            out = {doc: keep if sid == gone else sid for doc, sid in out.items()}
        out.update(ch.assigned)
    return out


@pytest.mark.parametrize("setting", [
    {"cluster_join": 0.99, "cluster_merge": 0.2},  # every batch merges
    {"cluster_join": 0.0, "cluster_merge": 0.9, "cluster_split": 0.2},  # a story splits
    {"cluster_window_days": 2.0},  # articles leave the window
])
def test_changes_replayed_give_the_assignments(setting):
    stream = (_docs("f", FLOOD) + _docs("c", COURT, DAY0 + timedelta(days=1))
              + _docs("s", SPORT, DAY0 + timedelta(days=6)) + _docs("g", FLOOD, DAY0 + timedelta(days=7)))
    full = StoryClusterer(load_options(**setting))
    lean = StoryClusterer(load_options(**setting), remember=False)
    taken = []
    for k in range(0, len(stream), 2):
        full.add(stream[k : k + 2])
        lean.add(stream[k : k + 2])
        taken.append(lean.take_changes())
        lean = StoryClusterer.from_state(lean.to_state(), load_options(**setting), remember=False)
    assert _replay(taken) == full.assignments()
    if "cluster_window_days" in setting:  # the lean one forgot the articles that left the window
        assert set(lean.assignments()) == {d.id for d in stream if d.published >= DAY0 + timedelta(days=5)}


def test_state_round_trip_continues_the_stream_exactly():
    stream = _interleave(_docs("s", SPORT), _docs("f", FLOOD), _docs("c", COURT))
    whole = StoryClusterer()
    whole.add(stream[:5])
    whole.add(stream[5:])
    resumed = StoryClusterer()
    resumed.add(stream[:5])
    resumed = StoryClusterer.from_state(resumed.to_state())
    resumed.add(stream[5:])
    assert resumed.assignments() == whole.assignments()


def test_state_from_another_version_is_refused():
    with np.load(io.BytesIO(StoryClusterer().to_state())) as npz:
        arrays = dict(npz)
    meta = json.loads(arrays["meta"].tobytes())
    meta["version"] += 1
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    with pytest.raises(ValueError, match="version"):
        StoryClusterer.from_state(buf.getvalue())


def test_names_are_capitalised_runs_without_leading_function_words():
    found = names("The Bank of England raised rates. On Monday, Andrew Bailey said so in London.")
    assert "bank of england" in found
    assert "andrew bailey" in found
    assert "london" in found
    assert "monday" not in found and "the" not in found


@pytest.mark.parametrize("kind", ["usearch", "faiss"])
def test_dense_indexes_give_the_same_stories(kind):
    pytest.importorskip(kind)
    stream = _interleave(_docs("s", SPORT), _docs("f", FLOOD), _docs("c", COURT))
    base = StoryClusterer()
    other = StoryClusterer(load_options(cluster_index=kind))
    for k in range(0, len(stream), 3):
        base.add(stream[k : k + 3])
        other.add(stream[k : k + 3])
    assert _partition(other.assignments()) == _partition(base.assignments())


QUAKE_A = [
    "A magnitude 7.1 earthquake struck southern Chile near Valdivia on Monday, killing 12 people. "
    "Interior Minister Carolina Toha said Onemi teams reached Los Rios by helicopter.",
    "Rescuers in Valdivia pulled survivors from a collapsed school after the Chile earthquake, "
    "Carolina Toha told Radio Bio-Bio, as Los Rios counted 12 dead.",
]
QUAKE_B = [
    "A magnitude 6.8 earthquake hit northern Japan near Sendai on Friday, killing 9 people. "
    "Chief Cabinet Secretary Yoshimasa Hayashi said Self-Defense Forces flew into Miyagi.",
    "In Sendai, NHK showed Self-Defense Forces searching a collapsed hospital after the Japan "
    "earthquake; Yoshimasa Hayashi said Miyagi had 9 dead.",
]


def test_two_similar_events_are_two_stories_in_one_group():
    # these short texts share few words (mean article similarity ~0.14, the court case ~0.03)
    clusterer = StoryClusterer(load_options())
    clusterer.add(_interleave(_docs("a", QUAKE_A), _docs("b", QUAKE_B), _docs("c", COURT)))
    assign = clusterer.assignments()
    assert _partition(assign) == {frozenset({"a0", "a1"}), frozenset({"b0", "b1"}),
                                  frozenset({"c0", "c1", "c2"})}  # fmt: skip
    groups = clusterer.groups()
    assert groups[assign["a0"]] == groups[assign["b0"]]
    assert groups[assign["c0"]] != groups[assign["a0"]]


FLOOD_PERU = [
    "Floods in northern Peru killed 23 people after the Piura river burst its banks on Sunday, "
    "Peru's civil defence agency said. Rescuers in boats evacuated families from flooded homes in "
    "Piura and Sullana as heavy rain kept falling.",
    "The death toll from the Piura floods rose to 31 on Monday. Peruvian soldiers carried food to "
    "villages cut off by the flooded river, and President Dina Boluarte flew over Sullana.",
    "Families in Sullana returned to homes filled with mud as the Piura river fell. Peru's civil "
    "defence agency said the floods had destroyed 4,000 homes and more heavy rain was forecast.",
]
FLOOD_KENYA = [
    "Seventeen people drowned in western Kenya when the Nzoia river burst its dykes after days of "
    "heavy rain, the Kenya Red Cross said on Tuesday. Floods swept through homes in Budalangi, where "
    "rescuers used boats to reach stranded villagers.",
    "Kenyan police said the death toll from the Budalangi floods had reached 26 as the Nzoia kept "
    "rising. Interior Minister Kithure Kindiki visited a camp in Busia for families displaced by the "
    "flooding.",
    "In Busia county, schools became shelters for 9,000 people whose homes were flooded, the Kenya Red "
    "Cross said, warning of cholera as more heavy rain was forecast.",
]
FOOTBALL = [
    "Striker Amara Osei scored twice as Northfield Rovers beat Eastbay United 3-1 on Saturday to "
    "reach the cup final. Osei opened the scoring with a header from a corner.",
    "Northfield Rovers are in the cup final after Amara Osei's double sank Eastbay United 3-1; "
    "substitute Leo Brandt sealed the win in stoppage time.",
    "Rovers manager Ines Holm praised Amara Osei after the 3-1 semi-final win over Eastbay United "
    "that takes Northfield Rovers to the cup final next month.",
]


def _group_partition(clusterer: StoryClusterer) -> set[frozenset[str]]:
    groups = clusterer.groups()
    out: dict[str, set[str]] = {}
    for doc, story in clusterer.assignments().items():
        out.setdefault(groups[story], set()).add(doc)
    return {frozenset(v) for v in out.values()}


def test_two_floods_in_two_countries_are_two_stories_in_one_group():
    """The floods share the words of a flood, not one name: separate events, one group; the
    football match that arrives between them is a group of its own."""
    stream = sorted(_docs("p", FLOOD_PERU) + _docs("f", FOOTBALL, DAY0 + timedelta(days=1))
                    + _docs("k", FLOOD_KENYA, DAY0 + timedelta(days=2)),
                    key=lambda d: d.published)  # fmt: skip
    for batch in (1, len(stream)):  # article by article, and all at once
        clusterer = StoryClusterer(load_options())
        for k in range(0, len(stream), batch):
            clusterer.add(stream[k : k + batch])
        peru, kenya, match = ({f"{p}{i}" for i in range(3)} for p in "pkf")
        assert _partition(clusterer.assignments()) == {frozenset(peru), frozenset(kenya), frozenset(match)}
        assert _group_partition(clusterer) == {frozenset(peru | kenya), frozenset(match)}


def test_groups_survive_the_state_round_trip():
    stream = _docs("p", FLOOD_PERU) + _docs("k", FLOOD_KENYA, DAY0 + timedelta(days=2))
    first = StoryClusterer(load_options())
    first.add(stream[:4])
    again = StoryClusterer.from_state(first.to_state(), load_options())
    first.add(stream[4:])
    again.add(stream[4:])
    assert first.groups() == again.groups()
    assert len(set(again.groups().values())) == 1


def test_average_linkage_does_not_chain_two_groups_through_one_story():
    from newsprism.cluster.groups import average_linkage, name_parts

    # a and b alike, c and d alike; x resembles b and c a little: single linkage would chain all
    sims = np.array([
        [1.0, 0.6, 0.0, 0.0, 0.1],
        [0.6, 1.0, 0.0, 0.0, 0.3],
        [0.0, 0.0, 1.0, 0.6, 0.3],
        [0.0, 0.0, 0.6, 1.0, 0.1],
        [0.1, 0.3, 0.3, 0.1, 1.0],
    ])
    labels = average_linkage(sims, 0.25)
    assert labels[0] == labels[1] and labels[2] == labels[3] and labels[0] != labels[2]
    fresh = iter(["g-new1", "g-new2", "g-new3"])
    named = name_parts(["a", "b", "c", "d", "x"], labels, {"a": "g-old", "c": "g-old"}, lambda: next(fresh))
    # both parts had one story in g-old: the tie goes to the larger part, then the older id
    assert len({named["a"], named["c"], named["x"]}) == 3
    assert "g-old" in {named["a"], named["c"]}
    assert named["a"] == named["b"] and named["c"] == named["d"]


def test_spelling_variants_of_a_name_share_a_key():
    from newsprism.cluster.features import spelling_key

    assert spelling_key("Volodymyr Zelensky") == spelling_key("Volodymyr Zelenskyy")
    assert spelling_key("Muhammad") == spelling_key("Mohammed")
    assert spelling_key("Khan Sheikhoun") == spelling_key("Khan Shaykhun")
    assert spelling_key("Mosul") != spelling_key("Basra")


# one earthquake reported three ways, each with much of its own background and a differently
# transliterated town name: alone in a fresh store they must still be one story
QUAKE = [
    "A magnitude 6.1 earthquake struck the mountain town of Kharabulak on Tuesday, killing 14 people "
    "and flattening hundreds of homes, regional governor Aliyev said. Rescue teams dug through the "
    "rubble of collapsed homes. The valley's orchards supply most of the region's apricots, and "
    "farmers feared the harvest would be lost.",
    "Survivors of Tuesday's earthquake in Kharaboulak spent the night outdoors as aftershocks shook "
    "the town. The death toll rose to 19, governor Aliev said, and the collapsed homes left "
    "hundreds without shelter. Engineers warned that the old dam upstream must be inspected before "
    "the spring thaw.",
    "Opinion: the Kharabulak earthquake exposed years of neglected building codes. Homes built "
    "without steel frames collapsed on their sleeping owners, and governor Aliyev had promised "
    "inspections that never came. Lawmakers in the capital spent the decade debating a budget.",
]


def test_a_short_stream_does_not_rate_its_shared_names_below_its_asides():
    """With no IDF prior, the names all three share weigh least of all in a three-article stream;
    with the prior (``cluster_prior_docs``) the articles join one story in any order."""
    import itertools

    for order in itertools.permutations(range(3)):
        clusterer = StoryClusterer(load_options())
        for i in order:
            clusterer.add([ClusterDoc(f"q{i}", QUAKE[i], published=DAY0 + timedelta(hours=i))])
        assert len(clusterer.stories()) == 1, order
    split = 0
    for order in itertools.permutations(range(3)):
        clusterer = StoryClusterer(load_options(cluster_prior_docs=0))
        for i in order:
            clusterer.add([ClusterDoc(f"q{i}", QUAKE[i], published=DAY0 + timedelta(hours=i))])
        split += len(clusterer.stories()) > 1
    assert split  # the rule is what joins them


MERGER = [
    "Halvorsen Foods agreed to buy rival snack maker Crisply for $4.2 billion in cash, creating the "
    "largest snack company in northern Europe. Shareholders of Crisply will receive 38 dollars a share, "
    "and the merger needs approval from competition regulators.",
    "Halvorsen Foods will acquire Crisply in a $4.2 billion deal, the companies said. The merger "
    "combines two snack brands; Halvorsen Foods expects savings of 200 million a year.",
]
LAWSUIT = [
    "Farmers in Iowa sued Halvorsen Foods on Wednesday, accusing the company of breaking potato "
    "supply contracts. The lawsuit, filed in federal court in Des Moines, seeks damages of 90 million.",
    "A group of Iowa potato growers filed a lawsuit against Halvorsen Foods in Des Moines federal court, "
    "saying Halvorsen Foods cut prices in breach of contracts. Halvorsen Foods said the claims lacked merit.",
]


def test_a_merger_and_a_lawsuit_of_one_company_are_two_stories_in_one_group():
    """Different events (a takeover, a court case) share few words but the company: two stories,
    grouped by their actor; an unrelated flood stays a group of its own."""
    stream = (_docs("m", MERGER) + _docs("l", LAWSUIT, DAY0 + timedelta(days=2))
              + _docs("f", FLOOD, DAY0 + timedelta(days=3)))  # fmt: skip
    clusterer = StoryClusterer(load_options())
    clusterer.add(stream)
    merger, lawsuit, flood = ({f"{p}{i}" for i in range(n)} for p, n in (("m", 2), ("l", 2), ("f", 4)))
    assert _partition(clusterer.assignments()) == {frozenset(merger), frozenset(lawsuit), frozenset(flood)}
    assert _group_partition(clusterer) == {frozenset(merger | lawsuit), frozenset(flood)}


def test_stories_are_as_similar_as_the_mean_of_their_articles_on_whole_texts_or_leads():
    from scipy import sparse

    from newsprism.cluster.features import FEATURES, WORD_FEATURES
    from newsprism.cluster.groups import group_similarities

    def row(cols: dict[int, float], width: int) -> sparse.csr_matrix:
        return sparse.csr_matrix((list(cols.values()), ([0] * len(cols), list(cols))), shape=(1, width))

    name = WORD_FEATURES + 7
    # story 0: two articles (unit rows), one sharing a name with story 2's one article, one not;
    # story 1: one article sharing nothing in its body with story 0 but its lead ("died")
    a1, a2 = row({1: 0.6, name: 0.8}, FEATURES), row({4: 1.0}, FEATURES)
    b1, c1 = row({2: 1.0}, FEATURES), row({5: 0.6, name: 0.8}, FEATURES)
    totals = sparse.vstack([a1 + a2, b1, c1], format="csr")
    lead_a1, lead_a2, lead_b1 = row({3: 1.0}, WORD_FEATURES), row({6: 1.0}, WORD_FEATURES), row({3: 1.0}, WORD_FEATURES)
    leads = sparse.vstack([lead_a1 + lead_a2, lead_b1, row({5: 1.0}, WORD_FEATURES)], format="csr")
    sims = group_similarities(totals, leads, np.array([2, 1, 1]))
    assert sims[0, 2] == pytest.approx((0.64 + 0.0) / 2)  # mean over the pairs (a1, c1), (a2, c1)
    assert sims[0, 1] == pytest.approx((1.0 + 0.0) / 2)  # the leads' mean: the bodies share nothing
    assert sims[1, 2] == pytest.approx(0.0)


def test_a_large_story_is_not_pulled_into_a_group_through_one_small_story():
    from newsprism.cluster.groups import average_linkage

    # story 0 (10 articles) resembles story 1 (one article); story 2 (one article) resembles only 1
    sims = np.array([[1.0, 0.8, 0.0], [0.8, 1.0, 0.7], [0.0, 0.7, 1.0]])
    by_article = average_linkage(sims, 0.3, np.array([10, 1, 1]))
    assert by_article[0] == by_article[1] != by_article[2]  # (10 * 0.0 + 1 * 0.7) / 11 < 0.3
    by_story = average_linkage(sims, 0.3)
    assert len(set(by_story)) == 1  # each story weighing one: (0.0 + 0.7) / 2 >= 0.3


def test_a_version_2_state_without_leads_still_continues():
    stream = _docs("p", FLOOD_PERU) + _docs("k", FLOOD_KENYA, DAY0 + timedelta(days=2))
    first = StoryClusterer(load_options())
    first.add(stream[:4])
    with np.load(io.BytesIO(first.to_state())) as npz:
        arrays = {k: v for k, v in npz.items() if "lead" not in k}
    meta = json.loads(arrays["meta"].tobytes())
    meta["version"] = 2
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    again = StoryClusterer.from_state(buf.getvalue(), load_options())
    again.add(stream[4:])
    first.add(stream[4:])
    assert again.assignments() == first.assignments()
    assert len(set(again.groups().values())) == 1
