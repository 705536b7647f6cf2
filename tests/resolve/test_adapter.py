"""annotate_spans: labels and heads of mentions given as character spans (gold spans of a
coreference corpus), on sentences written for the test."""

from __future__ import annotations

from newsprism.resolve import NOMINAL_LABEL, annotate_spans


def _heads(nlp, text: str, spans: list[str]) -> dict[str, str]:
    offsets = []
    for sp in spans:
        start = text.index(sp)
        offsets.append((start, start + len(sp)))
    art = annotate_spans("x", nlp(text), offsets)
    return {m.text: m.head for m in art.mentions}


def test_a_place_phrase_after_the_noun_does_not_head_the_span(nlp) -> None:
    # courts, sport, business: "in X" attached to the verb made the preposition the head
    text = ("The judge sent Cole Baxter to the federal prison in Springfield on Monday. "
            "The striker joined the club in Leeds last summer. "
            "The bank sold its branch in Lyon to a rival.")
    heads = _heads(nlp, text, ["the federal prison in Springfield", "the club in Leeds",
                               "its branch in Lyon"])
    assert heads == {"the federal prison in Springfield": "prison",
                     "the club in Leeds": "club", "its branch in Lyon": "branch"}


def test_a_time_phrase_and_a_trailing_full_stop(nlp) -> None:
    # disasters: no noun before the preposition, so the noun after it heads the span; a full
    # stop a corpus put inside a span is not its head
    heads = _heads(nlp, "The fire broke out just after 9 p.m. on Sunday.", ["just after 9 p.m."])
    assert heads["just after 9 p.m."] in {"p.m.", "9"}
    text = "Rescuers reached the village at dawn, said the fire chief ."
    start = text.index("the fire chief .")
    art = annotate_spans("y", nlp(text), [(start, len(text))])
    assert art.mentions[0].head == "chief"
    assert art.mentions[0].label == NOMINAL_LABEL
