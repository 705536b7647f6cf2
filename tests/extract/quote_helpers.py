"""Helpers shared by the attribution tests (test_quotes, test_quote_speakers, test_quote_formats,
test_cue_model): extract from a text, pick one quote, check every span round-trips."""

from __future__ import annotations

from newsprism.extract.quotes import extract_quotes
from newsprism.model import Quote, Removed


def quotes_of(nlp, text: str, removed: tuple[Removed, ...] = ()) -> list[Quote]:
    """The quotes of ``text`` parsed by ``nlp`` (source id "t")."""
    return extract_quotes(nlp(text), "t", removed)


def one(quotes: list[Quote], needle: str) -> Quote:
    """The first quote whose text holds ``needle`` (fails, listing the quotes, when none does)."""
    hits = [q for q in quotes if needle in q.text]
    assert hits, f"no quote containing {needle!r} in {[q.text for q in quotes]}"
    return hits[0]


def assert_spans(text: str, quotes: list[Quote]) -> None:
    """Every quote's text, cue, speaker and source span is evidence in ``text``."""
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.cue_start is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
        if q.speaker_start is not None:
            assert q.speaker_end is not None and q.speaker_end > q.speaker_start
        if q.source_start is not None:
            assert q.source_end is not None and q.source_end > q.source_start
