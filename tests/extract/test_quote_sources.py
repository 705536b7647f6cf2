"""Sources of broad-scope (PolNeAR) attributions whose source is not the cue's subject: the
giver of a cue noun ("advice from his lawyers", "won the endorsement of the union"), the one
who feels with a verb of feeling ("the decision angered the fans"). Texts written for the tests
(sport, business, courts, politics, science)."""

from __future__ import annotations

import warnings

import pytest

from newsprism.extract.cue_model import CueModel
from newsprism.extract.quotes import extract_quotes
from newsprism.model import Quote

from .quote_helpers import assert_spans


@pytest.fixture(scope="module")
def cue_model() -> CueModel:
    return CueModel.load()


def _broad(nlp, cue_model: CueModel, text: str) -> list[Quote]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quotes = extract_quotes(nlp(text), "t", broad=True, cue_model=cue_model)
    assert_spans(text, quotes)
    return quotes


def _source(text: str, q: Quote) -> str | None:
    return text[q.source_start : q.source_end] if q.source_start is not None else None


@pytest.mark.parametrize(("text", "cue", "source", "content"), [
    # politics: a verb of receiving; the receiver is what the stance is about
    ("The mayor won the endorsement of the teachers union on Friday.", "endorsement", "the teachers union",
     "The mayor"),
    # courts: "advice from X that ..."
    ("Despite advice from his lawyers that the appeal would fail, the striker went to court.", "advice",
     "his lawyers", "that the appeal would fail"),
    # sport: "criticism from X"
    ("The coach is attracting criticism from fans after the defeat.", "criticism", "fans", "The coach"),
    # business: "a report by X that ..."
    pytest.param("It was a report by the Daily Star that the club would be sold.", "report", "the Daily Star",
                 "that the club would be sold", marks=pytest.mark.xfail(strict=True, reason=(
                     "the retrained cue model (2026-12) scores 'report' here 0.29, under its threshold 0.40 "
                     "(the previous model: 0.35, threshold 0.30); no rule takes this noun cue"))),
])
def test_the_giver_of_a_cue_noun_is_the_source(nlp, cue_model: CueModel, text: str, cue: str, source: str,
                                               content: str) -> None:
    hits = [q for q in _broad(nlp, cue_model, text) if q.cue and cue in q.cue]
    assert hits, f"no attribution at {cue!r}"
    assert _source(text, hits[0]) == source
    assert hits[0].text == content


@pytest.mark.parametrize(("text", "source", "content"), [
    ("The referee's decision angered the home fans.", "the home fans", "The referee's decision"),  # sport
    ("The verdict surprised him.", "him", "The verdict"),  # courts
    ("The merger news cheered investors on Monday.", "investors", "The merger news"),  # business
    ("The senator angered Democrats with the vote.", "Democrats", "The senator"),  # politics
])
def test_with_a_verb_of_feeling_the_one_who_feels_is_the_source(nlp, cue_model: CueModel, text: str,
                                                                source: str, content: str) -> None:
    q = next(q for q in _broad(nlp, cue_model, text) if q.text == content)
    assert _source(text, q) == source


@pytest.mark.parametrize("text", [
    "Fans cheered the team after the win.",  # sport: the fans act
    "The underdog upset the champion in three sets.",  # sport: a defeat, not a feeling
])
def test_a_verb_of_feeling_that_names_an_act_keeps_its_subject(nlp, cue_model: CueModel, text: str) -> None:
    for q in _broad(nlp, cue_model, text):
        assert _source(text, q) not in ("the team", "the champion")
