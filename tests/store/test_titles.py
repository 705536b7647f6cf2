"""Story titles from headlines: kickers and outlet names off, the most representative one."""

from __future__ import annotations

import pytest

from newsprism.store.titles import clean_headline, representative


@pytest.mark.parametrize("title, outlets, expected", [
    ("LIVE: Storm Ida floods New York subway - BBC News", (), "Storm Ida floods New York subway"),
    ("UPDATE 2-Tesla recalls 2 million cars over autopilot", (), "Tesla recalls 2 million cars over autopilot"),
    ("Opinion | The rate rise came too late", (), "The rate rise came too late"),
    ("Court jails former mayor for bribery | Lakeport Courier", ("Lakeport Courier",), "Court jails former mayor for bribery"),
    ("Celtics win Game 7 in Boston — nytimes.com", (), "Celtics win Game 7 in Boston"),
    # a place or a speaker before a colon is the headline's subject, not a kicker
    ("UN: famine declared in two regions", (), "UN: famine declared in two regions"),
    ("Spain: floods kill 200 in Valencia", (), "Spain: floods kill 200 in Valencia"),
    # too little would be left: kept whole
    ("Watch: highlights", (), "Watch: highlights"),
])
def test_clean_headline(title: str, outlets: tuple[str, ...], expected: str) -> None:
    assert clean_headline(title, outlets) == expected


def test_representative_is_the_headline_most_alike_the_others() -> None:
    titles = [
        "Markets cheer as central bank holds rates",
        "Central bank holds interest rates steady - Daily Ledger",
        "BREAKING: Central bank holds rates at 4.5%",
        "What the decision means for your mortgage",
    ]
    assert representative(titles) == "Central bank holds rates at 4.5%"


def test_no_usable_headline() -> None:
    assert representative(["", "   "]) is None
