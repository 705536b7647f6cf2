"""Temporal expressions resolved against the publication date (extract/dates.py)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.extract.dates import dateline_date, extract_dates, infer_published, reanchor_dates

EXAMPLE_JSONL = (
    Path(__file__).resolve().parents[2] / "examples" / "khan-shaykhun-jsonl" / "articles.jsonl"
)


def _one(nlp, text: str, published: str | None, expr: str):
    doc = nlp(text)
    found = [d for d in extract_dates(doc, "t", published) if d.text == expr]
    assert found, f"{expr!r} not found in {[d.text for d in extract_dates(doc, 't', published)]}"
    return found[0]


# (sentence, publication date, expression, value, relative)
CASES = [
    # sport
    (
        "United beat City 2-1 on Sunday to go top of the table.",
        "2019-03-13",
        "Sunday",
        "2019-03-10",
        True,
    ),
    (
        "The striker, who joined the club in January, scored twice.",
        "2019-03-13",
        "January",
        "2019-01",
        True,
    ),
    (
        "The coach was sacked in December after a run of defeats.",
        "2019-03-13",
        "December",
        "2018-12",
        True,
    ),
    # business
    (
        "Shares of the retailer fell 8% yesterday after a profit warning.",
        "2021-11-02",
        "yesterday",
        "2021-11-01",
        True,
    ),
    (
        "The company cut 300 jobs last year and closed two plants.",
        "2021-11-02",
        "last year",
        "2020",
        True,
    ),
    (
        "Profits rose sharply in the quarter ended September 30, 2021.",
        "2021-11-02",
        "September 30, 2021",
        "2021-09-30",
        False,
    ),
    # courts
    (
        "The jury will deliver its verdict on Friday, the judge said.",
        "2022-06-14",
        "Friday",
        "2022-06-17",
        True,
    ),
    (
        "The defendant was first charged four years ago.",
        "2022-06-14",
        "four years ago",
        "2018",
        True,
    ),
    (
        "A hearing was held on 3 June 2022 in the High Court.",
        "2022-06-14",
        "3 June 2022",
        "2022-06-03",
        False,
    ),
    # science
    (
        "The probe was launched in 2013 and reached the comet two months ago.",
        "2014-10-20",
        "2013",
        "2013",
        False,
    ),
    (
        "The probe was launched in 2013 and reached the comet two months ago.",
        "2014-10-20",
        "two months ago",
        "2014-08",
        True,
    ),
    (
        "The results were published on Monday in the journal Nature.",
        "2014-10-20",
        "Monday",
        "2014-10-20",
        True,
    ),
    # disasters
    (
        "The earthquake struck at 4 a.m. on Tuesday, killing at least 40 people.",
        "2023-02-09",
        "Tuesday",
        "2023-02-07",
        True,
    ),
    (
        "Rescuers said today that hopes of finding survivors were fading.",
        "2023-02-09",
        "today",
        "2023-02-09",
        True,
    ),
    (
        "The region was hit by a similar quake on March 12, officials recalled.",
        "2023-02-09",
        "March 12",
        "2022-03-12",
        True,
    ),
    (
        "Flood defences built after the storm of December 28 held.",
        "2024-01-03",
        "December 28",
        "2023-12-28",
        True,
    ),
]


@pytest.mark.parametrize(("text", "pub", "expr", "value", "relative"), CASES)
def test_resolution(nlp, text, pub, expr, value, relative):
    dm = _one(nlp, text, pub, expr)
    assert dm.value == value
    assert dm.relative is relative
    assert text[dm.start : dm.end] == dm.text


def test_background_versus_event(nlp):
    text = (
        "Police arrested three men on Saturday after the robbery. "
        "A similar raid in 2009 was never solved."
    )
    dates = {d.text: d for d in extract_dates(nlp(text), "t", "2015-05-04")}
    assert dates["Saturday"].about_event is True
    assert dates["2009"].about_event is False


def test_durations_and_modal_may_are_not_dates(nlp):
    text = "After six years of war, the talks may resume. The council meets every few months."
    assert extract_dates(nlp(text), "t", "2017-04-05") == []


def test_no_publication_date_keeps_relative_unresolved_then_reanchors(nlp):
    text = "The vote took place on Thursday, 12 days after the election of March 3, 2016."
    dates = extract_dates(nlp(text), "t", None)
    by_text = {d.text: d for d in dates}
    assert by_text["Thursday"].value is None
    assert by_text["March 3, 2016"].value == "2016-03-03"
    again = {d.text: d for d in reanchor_dates(dates, "2016-03-18")}
    assert again["Thursday"].value == "2016-03-17"
    assert again["Thursday"].relative is True


def test_event_clause_is_what_happened(nlp):
    text = "Officials said Tuesday's collapse of the bridge in Genoa killed 43 people."
    dm = _one(nlp, text, "2018-08-16", "Tuesday's")
    clause = text[dm.event_start : dm.event_end]
    assert "collapse of the bridge" in clause


def test_event_clause_is_not_cut_to_a_phrase_without_a_verb(nlp):
    # science: the apposition's comma comes before the verb; cut there, the entry says nothing
    text = ("The telescope has imaged every comet since 1986 when the probe's older sister, the "
            "Halley orbiter, was launched.")
    dm = _one(nlp, text, None, "1986")
    clause = text[dm.event_start : dm.event_end]
    assert "was launched" in clause
    # a clause that does say what happened is still cut at the comma after it
    text = "The death toll had risen to 86 on Wednesday, and those killed included 30 children."
    dm = _one(nlp, text, "2017-04-06", "Wednesday")
    assert text[dm.event_start : dm.event_end].endswith("on Wednesday")


def test_infer_published_from_latest_explicit_date(nlp):
    text = "The merger, announced on March 2, 2020, was approved by regulators on April 9, 2020."
    dates = extract_dates(nlp(text), "t", None)
    value, why = infer_published(text, dates)
    assert value == "2020-04-09"
    assert "April 9, 2020" in why


def test_infer_published_weekday_date_agreement(nlp):
    text = "The 1998 final was replayed on Sunday, July 12 in front of a record crowd."
    dates = extract_dates(nlp(text), "t", None)
    value, why = infer_published(text, dates)
    assert value == "1998-07-12"  # 12 July 1998 was a Sunday
    assert "calendar" in why and "Sunday" in why


def test_example_with_metadata(nlp):
    rows = [json.loads(line) for line in EXAMPLE_JSONL.read_text(encoding="utf-8").splitlines()]
    cbc = next(r for r in rows if r["id"] == "001_cbc-news")
    dates = extract_dates(nlp(cbc["text"]), cbc["id"], cbc["published"])
    values = {(d.text, d.value) for d in dates}
    assert ("Tuesday", "2017-04-04") in values
    assert ("Wednesday", "2017-04-05") in values
    assert ("2013", "2013") in values
    assert ("last year", "2016") in values
    background = [d for d in dates if d.value == "2013"]
    assert background and not any(d.about_event for d in background)
    for d in dates:
        assert cbc["text"][d.start : d.end] == d.text


FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("dates_*.jsonl"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_labelled_fixture_accuracy(nlp, path):
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    assert len(rows) >= 25
    wrong = []
    for row in rows:
        text, expr = row["text"], row["expression"]
        start = text.index(expr)
        end = start + len(expr)
        got = next(
            (
                d.value
                for d in extract_dates(nlp(text), "x", row["published"])
                if d.start < end and start < d.end
            ),
            None,
        )
        if got != row["value"]:
            wrong.append((expr, row["value"], got, text))
    accuracy = 1 - len(wrong) / len(rows)
    assert accuracy >= 0.95, wrong


def test_labelled_fixtures_hold_80_expressions():
    total = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in FIXTURES)
    assert total >= 80


@pytest.mark.parametrize(
    ("text", "pub", "expr", "value"),
    [
        (
            "The ferry sails on Saturday, weather permitting.",
            "2020-07-01",
            "Saturday",
            "2020-07-04",
        ),
        (
            "The bridge stays shut until March, engineers said.",
            "2020-01-20",
            "until March",
            "2020-03",
        ),
        (
            "The bridge was shut until March, engineers said.",
            "2020-11-20",
            "until March",
            "2020-03",
        ),
        (
            "The fire started on Christmas Eve in a kitchen.",
            "2020-01-04",
            "Christmas Eve",
            "2019-12-24",
        ),
        (
            "The contract was signed on 28/02/2019 in Oslo.",
            "2019-03-05",
            "28/02/2019",
            "2019-02-28",
        ),
        ("Prices were cut in June last year.", "2020-01-04", "June last year", "2019-06"),
        ("The plant ran between 1950 and 1980.", "2020-01-04", "1980", "1980"),
    ],
)
def test_more_rules(nlp, text, pub, expr, value):
    assert _one(nlp, text, pub, expr).value == value


def test_ambiguous_numeric_date_is_left_unresolved(nlp):
    dates = extract_dates(nlp("The contract was signed on 03/04/2019 in Oslo."), "t", "2019-05-01")
    assert [d.value for d in dates if d.text == "03/04/2019"] == [None]


def test_numbers_that_are_not_years(nlp):
    text = "The firm sold 2015 cars and paid $2013 in fees; 1999.5 tonnes were shipped."
    assert [d.text for d in extract_dates(nlp(text), "t", "2020-01-01")] == []


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_reanchoring_agrees_with_extraction(nlp, path):
    """Re-resolving the mentions against the same publication date changes nothing."""
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        dates = extract_dates(nlp(row["text"]), "x", row["published"])
        again = reanchor_dates(dates, row["published"])
        assert [(d.value, d.relative, d.about_event) for d in dates] == [
            (d.value, d.relative, d.about_event) for d in again
        ], row["text"]


_PIECES = [
    "on Tuesday", "yesterday", "in May", "May", "since 2011", "April 4", "4 April 2017", "last year",
    "two months ago", "31/12/9999", "02/30/2017", "Feb 30", "next Monday", "until June", "the 1990s",
    "0001", "in 1600", "Christmas Eve", "9999", "tomorrow", "at 2:09 a.m.", "7,000", "$2,013",
    "the", "police", "said", "attack", "will", "was", ",", ".", '"', "\n\n",
]  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25),
    published=st.sampled_from([None, "0001-01-01", "9999-12-31", "2017-04-05", "2017", "garbage"]),
)
def test_never_crashes_and_spans_round_trip(nlp, words, published):
    text = " ".join(words)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dates = extract_dates(nlp(text), "fuzz", published)
        reanchor_dates(dates, published)
    for d in dates:
        assert text[d.start : d.end] == d.text
        assert d.value is None or len(d.value) in (4, 7, 10)
        if d.event_start is not None and d.event_end is not None:
            assert 0 <= d.event_start <= d.start < d.end <= d.event_end <= len(text)


def test_dateline_has_no_event_clause(nlp):
    dates = extract_dates(nlp("LONDON, March 3, 2020"), "t", None)
    assert [(d.value, d.event_start) for d in dates] == [("2020-03-03", None)]


def test_dateline_date():
    assert dateline_date(["Mumbai, Nov 11 -"], ["2011-11-12"]) == (
        "2011-11-11",
        "date line 'Mumbai, Nov 11 -'",
    )
    assert dateline_date(["Posted March 14, 2013 at 11:51 AM"])[0] == "2013-03-14"
    assert dateline_date(["Mumbai, Nov 11 -"])[0] is None  # no year and no story dates
    long_caption = "Protesters gathered outside the embassy on Tuesday, April 4, 2017 " * 2
    assert dateline_date([long_caption])[0] is None


def test_infer_published_from_story_dates_nearest_weekday(nlp):
    # other outlets published on Friday 11 and Saturday 12 November 2011; this one says Thursday
    text = "The navy foiled a pirate attack on Thursday and seized six rifles."
    dates = extract_dates(nlp(text), "t", None)
    value, why = infer_published(text, dates, story_dates=["2011-11-11", "2011-11-12"])
    assert value == "2011-11-10"  # the Thursday just before, not the one after
    assert "Thursday" in why


def test_infer_published_day_after_when_the_text_says_yesterday(nlp):
    text = "The navy yesterday foiled a pirate attack. It took place on Thursday morning."
    dates = extract_dates(nlp(text), "t", None)
    value, why = infer_published(text, dates, story_dates=["2011-11-11", "2011-11-12"])
    assert value == "2011-11-11"
    assert "yesterday" in why
    quoted = (
        'The admiral said: "What happened yesterday was a success." The attack came on Thursday.'
    )
    dates = extract_dates(nlp(quoted), "t", None)
    assert infer_published(quoted, dates, story_dates=["2011-11-11"])[0] == "2011-11-10"


@pytest.mark.parametrize(
    ("text", "pub", "expr", "value"),
    [
        ("The abbey was founded in 1132 by monks from Burgundy.", "2020-05-01", "1132", "1132"),
        ("It was the worst slump since the 1929-1933 depression.", "2020-05-01", "1933", "1933"),
        ("The minister said she would resign by March.", "2020-01-15", "March", "2020-03"),
        (
            "The minister said on Monday she would resign by March.",
            "2020-01-15",
            "Monday",
            "2020-01-13",
        ),
        (
            "The treaty would be signed on Friday, if talks went well.",
            "2020-01-15",
            "Friday",
            "2020-01-10",
        ),
    ],
)
def test_years_ranges_and_reported_future(nlp, text, pub, expr, value):
    assert _one(nlp, text, pub, expr).value == value


def test_counts_after_a_preposition_are_not_years(nlp):
    assert (
        extract_dates(
            nlp("Tickets went on sale in 1200 towns across the region."), "t", "2020-01-01"
        )
        == []
    )


def test_numeric_date_lines_spaced_or_year_first():
    # scraped exports space the separators: "04 / 04 / 2031"
    assert dateline_date(["04 / 04 / 2031"])[0] == "2031-04-04"
    assert dateline_date(["2031/04/05"])[0] == "2031-04-05"
    assert dateline_date(["13/04/2031"])[0] == "2031-04-13"  # only one order is a date
    # day-month or month-day: the story's known dates decide, and without them nothing is said
    assert dateline_date(["05 / 04 / 2031"])[0] is None
    assert dateline_date(["05 / 04 / 2031"], ["2031-04-06"])[0] == "2031-04-05"
    assert dateline_date(["05 / 04 / 2031"], ["2031-05-03"])[0] == "2031-05-04"


@pytest.mark.parametrize(
    "text,expr,direction",
    [
        # a date on a noun takes the tense of the verb the noun's phrase hangs from
        ("The union will resume talking with the league about returning at some point on "
         "Monday.", "Monday", "future"),
        ("The striker will be the main subject of Monday night's episode of the show.",
         "Monday night", "future"),
        ("The report on Monday's derailment was published by the regulator.", "Monday's", "past"),
        ("The two sides resumed talking on Monday.", "Monday", "past"),
    ],
)
def test_direction_through_noun_phrases_and_gerunds(nlp, text, expr, direction):
    assert _one(nlp, text, "2031-04-04", expr).direction == direction


# (sentence, expression, is a reference point): bounds of a period and other occasions' days
# never date the story itself; the clause's own day does
REFERENCES = [
    # business: a cutoff
    ("Savers who held deposits prior to March 15 will be repaid, the minister said.", "March 15", True),
    ("Shares bought after 3 June 2019 are not covered by the offer.", "3 June 2019", True),
    ("The company has cut 400 jobs since May 2010.", "May 2010", True),
    ("Staff must apply by Tuesday.", "Tuesday", True),
    # politics: the vote the story is about followed an earlier one
    ("Sunday's vote, which followed an inconclusive ballot on May 6, was seen as crucial.", "May 6", True),
    ("Sunday's vote, which followed an inconclusive ballot on May 6, was seen as crucial.", "Sunday's", False),
    ("Unlike in the May 6 election, the party won a majority this time.", "May 6", True),
    # sport: the previous round
    ("The champions lost 2-0, having beaten the same side in the previous round on March 3.", "March 3", True),
    # the story's own days
    ("Greek voters on Sunday gave a narrow victory to the conservatives.", "Sunday", False),
    ("The court in Leeds convicted the manager on 6 January 2009.", "6 January 2009", False),
    ("A magnitude 6.1 earthquake struck the island on Friday, March 3.", "Friday, March 3", False),
    ("Rescuers searched the rubble after Friday's earthquake.", "Friday's", False),
]


@pytest.mark.parametrize(("text", "expr", "reference"), REFERENCES)
def test_reference_points_are_told_apart_from_the_clause_s_own_day(nlp, text, expr, reference) -> None:
    assert _one(nlp, text, None, expr).reference is reference


def test_a_date_of_the_overturning_itself_is_no_reference(nlp) -> None:
    # courts: the ruling's own day, although the verb sets it against an earlier decision
    assert _one(nlp, "The appeals court last Tuesday overturned the ban on street vendors.", None,
                "last Tuesday").reference is False
    assert _one(nlp, "The appeals court overturned a March 3 ruling on street vendors.", None,
                "March 3").reference is True


@pytest.mark.parametrize(
    "text, years",
    [
        # sizes and amounts the tagger calls dates are no years
        ("The tablet has a 1920 x 1080 screen and went on sale in 2013.", ["2013"]),
        ("The camera's maximum ISO of 3200 beats the old sensor, launched in 2011.", ["2011"]),
        ("The ridge has a maximum elevation of 1850, the survey of 1998 found.", ["1998"]),
        ("The court heard the case of 1000 workers in 2019.", ["2019"]),
        # years after "of" that a time or an event owns stay years
        ("The summer of 1969 and the crash of 2008 are remembered.", ["1969", "2008"]),
    ],
)
def test_sizes_and_amounts_are_not_years(nlp, text, years) -> None:
    out = [d.value for d in extract_dates(nlp(text), "s", "2024-05-01")]
    assert out == years
