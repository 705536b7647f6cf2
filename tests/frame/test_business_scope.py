"""Whose figure is it, in business stories and a few others (issue 13), on invented texts.

Every story carries a gold label per figure, following the event gold's convention
(bench/data/events/README.md): a figure is the event's only when its clause is about THIS
event (a deal's value and terms, the jobs a layoff cuts, the vehicles a recall covers, the
profit an earnings report reports, the crowd of that game). Market moves around the event are
background, like "market moves around a riot" in the gold, also on the deal's own day: the
target's share jump is the market's reaction to the deal, not one of its terms. So are a
company's standing size ("employs 40,000", "operates 1,100 stores"), what it has done over
years ("has sold 2 million since 2010"), analysts' forecasts and expectations, a rival's
figures and earlier deals, and index moves.
"""

from __future__ import annotations

from newsprism.model import Story

Items = list[tuple[str, str, str | None]]


def verdicts(story: Story) -> dict[str, list[bool]]:
    out: dict[str, list[bool]] = {}
    for a in story.articles:
        for f in a.figures:
            out.setdefault(f.text, []).append(f.about_event)
    return out


# ---------------------------------------------------------------------------- the stories
# (items, gold): gold maps a figure's text to True (the event's) or False (background)

ACQUISITION = ([
    ("a", "Norvik Foods agreed on Monday to buy the snack maker Calder Brands for $3.2 billion "
          "in cash, the companies said.\n\n"
          "Calder's shares jumped 18 percent on Monday.\n\n"
          "Norvik, which had revenue of $12 billion last year, employs 40,000 people.\n\n"
          "Analysts expect the deal to save $150 million a year.\n\n"
          "Calder holds 12 percent of the US snack market.\n\n"
          "Last year rival Hollin Group paid $2.1 billion for the crisp maker Tamsin.\n\n"
          "The S&P 500 index rose 0.4 percent on Monday.", "2025-03-04"),
    ("b", "Norvik Foods is buying Calder Brands in a $3.2 billion deal, the companies announced "
          "on Monday.\n\n"
          "Norvik will pay $41 a share, a 25 percent premium to Calder's closing price on "
          "Friday.\n\n"
          "Calder has sold more than 2 billion bags of crisps since 2010.\n\n"
          "Norvik will cut 600 jobs after the deal closes, it said.", "2025-03-04"),
], {"$3.2 billion": True, "18 percent": False, "$12 billion": False, "40,000 people": False,
    "$150 million": False, "12 percent": False, "$2.1 billion": False, "0.4 percent": False,
    "$41": True, "25 percent": True, "600 jobs": True})

LAUNCH = ([
    ("a", "Tessel unveiled its first electric pickup, the Ridge, in Detroit on Tuesday.\n\n"
          "The Ridge will cost $52,000 and go on sale in 12 states in June.\n\n"
          "Tessel has sold 300,000 cars since 2018.\n\n"
          "Analysts at Brenton Research forecast sales of 40,000 pickups next year.\n\n"
          "Electric vehicles made up 8 percent of US car sales last year.\n\n"
          "Rival Vantor's pickup sells for $61,000.", "2025-05-07"),
    ("b", "Tessel launched the Ridge electric pickup on Tuesday at a price of $52,000.\n\n"
          "The company said it had taken 20,000 orders for the truck.\n\n"
          "Tessel shares fell 3 percent on Tuesday.\n\n"
          "The company employs 9,000 people.", "2025-05-07"),
], {"$52,000": True, "12 states": True, "300,000 cars": False, "40,000 pickups": False,
    "8 percent": False, "$61,000": False, "20,000 orders": True, "3 percent": False,
    "9,000 people": False})

EARNINGS = ([
    ("a", "Morrow Retail reported a quarterly profit of $410 million on Thursday, up from $350 "
          "million a year earlier.\n\n"
          "Sales rose 6 percent to $8.2 billion in the quarter.\n\n"
          "Analysts had expected a profit of $390 million, according to FactSet.\n\n"
          "The company, which operates 1,100 stores, is based in Ohio.\n\n"
          "Its shares rose 5 percent in early trading.", "2025-08-15"),
    ("b", "Morrow Retail's profit rose to $410 million in the second quarter, the retailer said "
          "on Thursday.\n\n"
          "Online sales grew 15 percent.\n\n"
          "Rival Denholm reported a 2 percent fall in sales last week.", "2025-08-15"),
], {"$410 million": True, "$350 million": False, "6 percent": True, "$8.2 billion": True,
    "$390 million": False, "1,100 stores": False, "5 percent": False, "15 percent": True,
    "2 percent": False})

RECALL = ([
    ("a", "Carvell Motors is recalling 120,000 SUVs in the US because of a faulty fuel pump, "
          "the company said on Wednesday.\n\n"
          "The fault has caused 14 fires, according to regulators.\n\n"
          "Carvell recalled 300,000 sedans in 2021 over faulty airbags.\n\n"
          "The company sold 2.4 million vehicles last year.", "2025-01-16"),
    ("b", "Carvell Motors will recall about 120,000 sport utility vehicles, it said on "
          "Wednesday.\n\n"
          "Carvell has 6,000 dealers around the world.", "2025-01-16"),
], {"120,000 SUVs": True, "14 fires": True, "300,000 sedans": False,
    "2.4 million vehicles": False, "about 120,000 sport utility vehicles": True,
    "6,000 dealers": False})

LAYOFF = ([
    ("a", "Brightwave Media said on Monday it will cut 1,500 jobs, or 9 percent of its "
          "workforce.\n\n"
          "The company employs about 16,000 people.\n\n"
          "Brightwave cut 700 jobs in 2023.\n\n"
          "Analysts estimate the cuts will save $200 million a year.\n\n"
          "Brightwave's shares rose 4 percent.", "2025-06-03"),
    ("b", "Brightwave Media is laying off 1,500 workers, the company said on Monday.\n\n"
          "The cuts will cost $90 million in severance, it said.\n\n"
          "Rival Stellane laid off 2,000 people last month.", "2025-06-03"),
], {"1,500 jobs": True, "9 percent": True, "about 16,000 people": False, "700 jobs": False,
    "$200 million": False, "4 percent": False, "1,500 workers": True, "$90 million": True,
    "2,000 people": False})

MATCH = ([
    ("a", "Corran United beat Aldway 3-1 on Saturday in front of 41,000 fans.\n\n"
          "Two Aldway players were sent off.\n\n"
          "Striker Leo Varga has scored 87 goals since joining the club in 2019.\n\n"
          "The stadium holds 45,000 people.", "2025-02-16"),
    ("b", "Corran United defeated Aldway 3-1 on Saturday before a crowd of 41,000.\n\n"
          "Corran have won 12 of their last 15 games.", "2025-02-16"),
], {"41,000 fans": True, "Two Aldway players": True, "87 goals": False, "45,000 people": False,
    "12 of their last 15 games": False})

VERDICT = ([
    ("a", "A federal jury in Brennard on Friday ordered the drugmaker Olvex to pay $310 million "
          "to 40 patients.\n\n"
          "Olvex, which makes 200 medicines, earned $4 billion last year.\n\n"
          "Legal analysts expect the award to be cut on appeal to about $100 million.", "2025-10-11"),
    ("b", "Olvex was ordered to pay $310 million on Friday, lawyers for the patients said.\n\n"
          "The company sells its drugs in 60 countries.", "2025-10-11"),
], {"$310 million": True, "40 patients": True, "200 medicines": False, "$4 billion": False,
    "about $100 million": False, "60 countries": False})

STORIES = {"acquisition": ACQUISITION, "launch": LAUNCH, "earnings": EARNINGS,
           "recall": RECALL, "layoff": LAYOFF, "match": MATCH, "verdict": VERDICT}


def _misjudged(story: Story, gold: dict[str, bool]) -> list[str]:
    got = verdicts(story)
    assert set(gold) <= set(got), sorted(set(gold) - set(got))  # every labelled figure is found
    return [f"{t}: gold {g}, got {got[t]}" for t, g in gold.items() if any(x != g for x in got[t])]


def test_an_acquisition_keeps_its_terms_and_drops_the_market(judge_story) -> None:
    items, gold = ACQUISITION
    assert _misjudged(judge_story(items)[0], gold) == []


def test_a_launch_keeps_its_price_and_drops_forecasts_and_rivals(judge_story) -> None:
    items, gold = LAUNCH
    story = judge_story(items)[0]
    assert _misjudged(story, gold) == []
    # "will go on sale in 12 states in June": a clause to come is not dated before the launch
    assert all(f.scope is None or "dated" not in f.scope for a in story.articles
               for f in a.figures if f.text == "12 states")


def test_an_earnings_report_drops_last_years_value_and_its_share_move(judge_story) -> None:
    items, gold = EARNINGS
    story = judge_story(items)[0]
    assert _misjudged(story, gold) == []
    # in the lead too: "up from $350 million" is the value before the change
    assert any("before a change" in (f.scope or "") for a in story.articles for f in a.figures
               if f.text == "$350 million")


def test_a_recall_drops_the_earlier_recall_and_the_dealers(judge_story) -> None:
    items, gold = RECALL
    assert _misjudged(judge_story(items)[0], gold) == []


def test_a_layoff_drops_the_workforce_and_the_analysts(judge_story) -> None:
    items, gold = LAYOFF
    assert _misjudged(judge_story(items)[0], gold) == []


def test_a_match_drops_career_and_recent_records(judge_story) -> None:
    items, gold = MATCH
    assert _misjudged(judge_story(items)[0], gold) == []


def test_a_verdict_drops_the_companys_habits_and_the_analysts(judge_story) -> None:
    items, gold = VERDICT
    assert _misjudged(judge_story(items)[0], gold) == []


# a story about a market move keeps the move as its own; help sent by a country named once is
# still the event's (a possessive owns amounts, not the people it sends)
CRASH = ([
    ("a", "Stocks plunged across Asia on Monday as fears of a bank failure spread.\n\n"
          "The Nikkei index fell 7 percent, its worst day since 2011.", "2025-11-04"),
    ("b", "Stocks tumbled on Monday after Ferro Bank said it could not pay its debts.\n\n"
          "The Nikkei fell 7 percent by the close.", "2025-11-04"),
], {"7 percent": True})

QUAKE_HELP = ([
    ("a", "An earthquake struck the island of Varosa on Sunday, killing 12 people.\n\n"
          "Neighbouring Kelmet's army sent 200 soldiers to dig through the rubble.\n\n"
          "Rival island Tesk's airport handles 3 million passengers.", "2021-10-04"),
    ("b", "A strong earthquake hit Varosa on Sunday, killing 12 people, officials said.",
     "2021-10-04"),
], {"12 people": True, "200 soldiers": True})


def test_a_market_story_keeps_its_move(judge_story) -> None:
    items, gold = CRASH
    assert _misjudged(judge_story(items)[0], gold) == []


def test_help_sent_by_a_country_named_once_stays(judge_story) -> None:
    items, gold = QUAKE_HELP
    assert _misjudged(judge_story(items)[0], gold) == []
