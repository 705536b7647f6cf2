"""Broad scope: an attribution inside a relative or adverbial clause of another one's content
is its own attribution; relative clauses report their clause; parse slips around inverted and
interrupted cues keep their source."""

from __future__ import annotations

from spacy.tokens import Doc

from newsprism.extract.quotes import extract_quotes
from newsprism.extract.quotes.subjects import subject_of

from .quote_helpers import assert_spans, one


def test_relative_clause_attribution_is_separate_from_the_outer_content(nlp) -> None:
    text = ("The minister said the steel plant would reopen in March, which the unions called "
            "a reckless gamble.")
    broad = extract_quotes(nlp(text), "t", broad=True)
    assert_spans(text, broad)
    outer = one(broad, "the steel plant would reopen")
    assert outer.speaker == "The minister" and "gamble" not in outer.text
    inner = one(broad, "a reckless gamble")
    assert inner.cue == "called" and inner.speaker == "the unions"


def test_contrast_clause_with_its_own_speaker(nlp) -> None:
    text = ("Several analysts said the bank's profits had peaked, while other analysts said "
            "the slowdown would pass by the summer.")
    broad = extract_quotes(nlp(text), "t", broad=True)
    assert_spans(text, broad)
    first = one(broad, "profits had peaked")
    assert "slowdown" not in first.text and first.speaker == "Several analysts"
    second = one(broad, "the slowdown would pass")
    assert second.speaker == "other analysts"


def test_relative_pronoun_subject_of_the_reported_clause(nlp) -> None:
    text = ("The court heard about a contract, which the auditors said was signed after the deadline. "
            "The jury met on Monday.")
    broad = extract_quotes(nlp(text), "t", broad=True)
    assert_spans(text, broad)
    signed = one(broad, "was signed after the deadline")
    assert signed.speaker == "the auditors"
    which = text.index("which")
    assert signed.parts == [(which, which + len("which"))]


def test_agent_of_an_asked_phrase_is_the_source(nlp) -> None:
    text = ("Asked by the judge to explain the delay, the defence lawyer blamed the courier. "
            "The hearing resumed at noon.")
    broad = extract_quotes(nlp(text), "t", broad=True)
    assert_spans(text, broad)
    asked = one(broad, "to explain the delay")
    assert asked.cue == "Asked" and asked.speaker == "the judge"


def _parsed(nlp, words: list[str], heads: list[int], deps: list[str], pos: list[str],
            ents: list[str]) -> Doc:
    """A hand-built parse (the parser's slips are what these rules repair)."""
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_inverted_cue_with_an_unattached_name_after_it(nlp) -> None:
    # '"We will appeal," said Inspector Ana Ruiz.' with the name left hanging off the verb
    words = ["“", "We", "will", "appeal", ",", "”", "said", "Inspector", "Ana", "Ruiz", "."]
    heads = [6, 3, 3, 6, 6, 6, 6, 9, 9, 6, 6]
    deps = ["punct", "nsubj", "aux", "ccomp", "punct", "punct", "ROOT", "compound", "compound", "npadvmod", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT"]
    ents = ["O", "O", "O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"]
    doc = _parsed(nlp, words, heads, deps, pos, ents)
    assert subject_of(doc[6], broad=True) is not None and subject_of(doc[6], broad=True).text in ("Ana", "Ruiz")
    assert subject_of(doc[6]) is None  # the default scope keeps to the parse


def test_name_opening_the_sentence_before_an_aside(nlp) -> None:
    # "Okafor, meanwhile, who has no sponsor, said ...": the name parsed as the aside's subject
    words = ["Okafor", ",", "meanwhile", ",", "who", "has", "no", "sponsor", ",", "said", "it", "was", "fine", "."]
    heads = [5, 9, 9, 9, 5, 9, 7, 5, 9, 9, 11, 9, 11, 9]
    deps = ["nsubj", "punct", "advmod", "punct", "nsubj", "ccomp", "det", "dobj", "punct", "ROOT", "nsubj",
            "ccomp", "acomp", "punct"]
    pos = ["PROPN", "PUNCT", "ADV", "PUNCT", "PRON", "VERB", "DET", "NOUN", "PUNCT", "VERB", "PRON", "AUX",
           "ADJ", "PUNCT"]
    ents = ["O"] * 14  # a name the tagger missed
    doc = _parsed(nlp, words, heads, deps, pos, ents)
    subj = subject_of(doc[9], broad=True)
    assert subj is not None and subj.text == "Okafor"
    assert subject_of(doc[9]) is None  # the default scope keeps to the parse


def test_name_misread_as_a_modifier_of_the_cue_is_its_subject(nlp) -> None:
    # '"The reactor is safe," Lindqvist said.' with the name parsed as an adverb of the verb
    words = ["“", "The", "reactor", "is", "safe", ",", "”", "Lindqvist", "said", "."]
    heads = [8, 2, 3, 8, 3, 8, 8, 8, 8, 8]
    deps = ["punct", "det", "nsubj", "ccomp", "acomp", "punct", "punct", "advmod", "ROOT", "punct"]
    pos = ["PUNCT", "DET", "NOUN", "AUX", "ADJ", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"]
    lemmas = ["“", "the", "reactor", "be", "safe", ",", "”", "Lindqvist", "say", "."]
    # a name the tagger missed
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=["O"] * 10)
    for broad in (True, False):
        subj = subject_of(doc[8], broad=broad)
        assert subj is not None and subj.text == "Lindqvist"
    quotes = extract_quotes(doc, "t", broad=True)
    q = one(quotes, "The reactor is safe")
    assert q.cue == "said" and q.speaker == "Lindqvist"  # the name is not part of the cue
    pos[7] = "ADP"  # an unknown surname may even be tagged as a preposition
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=["O"] * 10)
    subj = subject_of(doc[8])
    assert subj is not None and subj.text == "Lindqvist"


def test_date_modifier_of_a_subjectless_cue_is_not_its_subject(nlp) -> None:
    # "Tuesday said the match was off" (a headline-like clause with no subject)
    words = ["Tuesday", "said", "the", "match", "was", "off", "."]
    heads = [1, 1, 3, 4, 1, 4, 1]
    deps = ["npadvmod", "ROOT", "det", "nsubj", "ccomp", "acomp", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "AUX", "ADV", "PUNCT"]
    ents = ["B-DATE", "O", "O", "O", "O", "O", "O"]
    doc = _parsed(nlp, words, heads, deps, pos, ents)
    assert subject_of(doc[1], broad=True) is None
