"""Figures that say how things usually are or are expected to be (extract/figures/habits.py),
on invented sentences from several domains."""

from __future__ import annotations

import pytest

from newsprism.extract.figures.habits import forecast, habitual, span_record


def _tok(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(("text", "word"), [
    ("Legal analysts expect the award to be cut on appeal to about $100 million.", "million"),
    ("Pollsters expect turnout of 60 percent in the runoff.", "percent"),
    ("Economists had forecast growth of 2 percent for the quarter.", "percent"),
    ("The result beat analysts' forecasts of 12 goals for the season.", "goals"),
    ("Analysts at Brenton Research forecast sales of 40,000 pickups next year.", "pickups"),
])
def test_forecasters_expectations_are_background(nlp, text: str, word: str) -> None:
    assert "expectation" in forecast(_tok(nlp, text, word))


@pytest.mark.parametrize(("text", "word"), [
    ("The company expects to hire 300 engineers in the new plant.", "engineers"),
    ("Analysts said 40 people were arrested after the match.", "people"),
    ("Scientists expect the probe to send 300 images a day.", "images"),
    ("The storm killed 12 people, more than forecasters expected.", "people"),
])
def test_other_expectations_and_reports_stay(nlp, text: str, word: str) -> None:
    assert forecast(_tok(nlp, text, word)) == ""


@pytest.mark.parametrize(("text", "word"), [
    ("Olvex, which makes 200 medicines, earned $4 billion last year.", "medicines"),
    ("The company sells its drugs in 60 countries.", "countries"),
    ("The university offers 300 courses to foreign students.", "courses"),
    ("The utility supplies 2 million homes across the north.", "homes"),
])
def test_a_bodys_habits_in_the_present_are_background(nlp, text: str, word: str) -> None:
    assert "habit" in habitual(_tok(nlp, text, word))


@pytest.mark.parametrize(("text", "word"), [
    ("The vote was held under a rule that gives the leading party 50 extra seats.", "seats"),
    ("In the league, the scoring system gives a winning team three points.", "points"),
])
def test_what_a_rule_gives_is_background(nlp, text: str, word: str) -> None:
    assert habitual(_tok(nlp, text, word)).startswith("what a ")


def test_what_a_new_rule_did_stays(nlp) -> None:
    # the past: what the rule gave in this event
    assert habitual(_tok(nlp, "The rule gave the leading party 50 extra seats.", "seats")) == ""


@pytest.mark.parametrize(("text", "word"), [
    ("The company sold 5,000 tickets for the final.", "tickets"),  # past: what happened
    ("The club sells 5,000 tickets on Friday.", "tickets"),  # a time: that day's sale
    ("The strike closes 40 schools across the region.", "schools"),  # not a body's habit
    ("The company is recalling 120,000 cars.", "cars"),  # progressive: going on
    ("The hospital treats 30 patients from the fire.", "patients"),  # people
])
def test_events_in_the_present_stay(nlp, text: str, word: str) -> None:
    assert habitual(_tok(nlp, text, word)) == ""


@pytest.mark.parametrize(("text", "word"), [
    ("Corran have won 12 of their last 15 games.", "games"),
    ("The party has lost three of the past five elections.", "elections"),
    ("Revenue grew in each of the last four quarters.", "quarters"),
])
def test_records_over_earlier_spans_are_background(nlp, text: str, word: str) -> None:
    assert "record over" in span_record(_tok(nlp, text, word))


@pytest.mark.parametrize(("text", "word"), [
    ("The last 12 passengers were pulled from the wreck on Monday.", "passengers"),
    ("Rescuers reached the last three villages by boat.", "villages"),
    ("The jury heard 15 witnesses in the last week of the trial.", "witnesses"),
])
def test_the_events_own_last_ones_stay(nlp, text: str, word: str) -> None:
    assert span_record(_tok(nlp, text, word)) == ""
