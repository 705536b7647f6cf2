"""The shared language data (newsprism.language) and the stages that read it: one table of
months, weekdays, number words, stop words and denial verbs."""

from __future__ import annotations

import pytest

from newsprism.extract.dates import extract_dates
from newsprism.extract.lexicon import NEGATING_CUES
from newsprism.language import (
    DENIAL_VERBS,
    MONTH_NAMES,
    MONTHS,
    NUMBER_WORDS,
    STOP_WORDS,
    WEEKDAY_NAMES,
    WEEKDAYS,
)
from newsprism.metadata import parse_full_date
from newsprism.perspectives import cues


def test_month_and_weekday_tables_agree() -> None:
    assert len(MONTH_NAMES) == 12 and len(WEEKDAY_NAMES) == 7
    for i, name in enumerate(MONTH_NAMES, start=1):
        assert MONTHS[name.lower()] == i
        assert MONTHS[name.lower()[:3]] == i  # every month has a three-letter abbreviation
    assert MONTHS["sept"] == 9
    assert [WEEKDAYS[d.lower()] for d in WEEKDAY_NAMES] == list(range(7))


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The merger closed on 4 Sept 2017 after a long review.", "2017-09-04"),
        ("Kick-off was moved to Dec. 26, 2021 because of snow.", "2021-12-26"),
        ("The court sat on 1 May 2019.", "2019-05-01"),
    ],
)
def test_metadata_reads_every_month_spelling(text: str, iso: str) -> None:
    assert parse_full_date(text) == iso


def test_number_words_reach_ninety_in_relative_dates(nlp) -> None:
    # one table of number words: dates count with the same words as figures ("sixty" was
    # missing from the dates' own copy, so "sixty years ago" went unresolved)
    assert NUMBER_WORDS["sixty"] == 60 and NUMBER_WORDS["ninety"] == 90
    found = extract_dates(nlp("The stadium was built sixty years ago, the club said."), "t", "2022-06-14")
    assert [(d.text, d.value) for d in found] == [("sixty years ago", "1962")]


def test_denial_verbs_are_one_list_for_attribution_and_stance() -> None:
    assert NEGATING_CUES == frozenset(DENIAL_VERBS)
    deny = next(p for family, p in cues.CUE_PATTERNS if family == cues.DENY)
    for lemma, forms in DENIAL_VERBS.items():
        for form in (lemma, *forms):
            assert deny.search(f"The club {form} the report."), form
    # "rebut" was missing from the stance cues while the attribution rules had it
    assert deny.search("The regulator rebutted the claim that the plant leaked.")
    assert not deny.search("The Rebuttal Hour aired on Sunday.")  # lower case only, whole words


def test_stop_words_are_spacy_plus_reporting_forms() -> None:
    from spacy.lang.en.stop_words import STOP_WORDS as SPACY

    assert SPACY <= STOP_WORDS
    assert {"said", "says", "told"} <= STOP_WORDS
    assert not {"attack", "vote", "merger", "verdict"} & STOP_WORDS


def test_reporting_verbs_of_stance_cues_are_attribution_cues() -> None:
    from newsprism.extract.lexicon import BELIEF_VERBS, SPEECH_VERBS
    from newsprism.language import REPORTING_VERBS

    assert set(REPORTING_VERBS) <= SPEECH_VERBS | BELIEF_VERBS
    report = next(p for family, p in cues.CUE_PATTERNS if family == cues.REPORT)
    for forms in REPORTING_VERBS.values():
        for form in forms:
            assert report.search(f"The coach {form} that the team was ready."), form
    assert not report.search("The state of the economy")  # a noun form is not a cue


def test_entity_number_words_come_from_the_shared_table() -> None:
    from newsprism.resolve import names

    assert set(NUMBER_WORDS) <= names.NUMBER_WORDS  # "sixty people" is counted like "fifty people"
    assert {"hundreds", "dozen"} <= names.NUMBER_WORDS
