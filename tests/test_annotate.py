"""Annotation: one odd construction never fails a document; its warning is kept as a line."""

from __future__ import annotations

import warnings

from newsprism.annotate import annotate
from newsprism.clean import clean_article
from newsprism.model import Article


def test_unbalanced_quote_is_skipped_with_a_warning(nlp, options) -> None:
    text = (
        "The mayor said we will rebuild\u201d the bridge by spring.\n\n"
        '"The river rose faster than anyone expected," a fire chief told reporters.\n\n'
        "Crews worked through the night, officials said, and 3 people were injured."
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing may escape as a Python warning
        (ann,) = list(annotate([clean_article(Article(id="odd", text=text))], nlp, options))
    assert any("no opening mark" in w for w in ann.warnings)
    assert all(w.startswith("odd: ") for w in ann.warnings)
    assert any("river rose faster" in q.text for q in ann.quotes)
    assert any(f.low == 3 and f.category == "injured" for f in ann.figures)
    assert len(ann.sentences) >= 3


def test_paragraph_breaks_end_sentences(nlp, options) -> None:
    text = "Rain fell all day. The river kept rising in the valley\n\nschools closed early on Friday."
    (ann,) = list(annotate([clean_article(Article(id="p", text=text))], nlp, options))
    paras = ann.article.paragraphs
    assert len(paras) == 2
    for s in ann.sentences:  # no sentence runs across a paragraph break
        p0, p1 = paras[s.paragraph]
        assert p0 <= s.start < s.end <= p1
    assert ann.sentences[-1].text == "schools closed early on Friday."
    assert ann.sentences[-1].start == paras[1][0]


def test_an_article_in_another_language_is_reported(nlp, options) -> None:
    """Option ``language`` names the language the pipeline and word lists are for; an article
    declared in another one is still analysed, with a line saying so."""
    text = "The league fined the club after the match on Sunday, officials said."
    arts = [clean_article(Article(id=sid, text=text, language=lang))
            for sid, lang in (("de", "de"), ("gb", "en-GB"), ("none", None))]
    by_id = {a.source_id: a.warnings for a in annotate(arts, nlp, options)}
    assert by_id["de"] == ["de: written in 'de', analysed with the 'en' pipeline and word lists (option language)"]
    assert by_id["gb"] == [] and by_id["none"] == []
    (fr,) = list(annotate(arts[:1], nlp, options.with_overrides(language="de")))
    assert fr.warnings == []


def test_a_wire_dateline_is_not_part_of_the_first_sentence(nlp, options) -> None:
    # science and sport: the sentence a summary quotes starts after "CITY (Agency) - "
    text = ("GENEVA (Reuters) - Physicists at the Halden lab said on Monday they had measured "
            "the decay twice.\n\nROME — The club sacked its coach after a fifth defeat.\n\n"
            "AIDS researchers met in Oslo. U.S. - China talks resumed.")
    (ann,) = list(annotate([clean_article(Article(id="w", text=text))], nlp, options))
    firsts = [s.text for s in ann.sentences]
    assert firsts[0].startswith("Physicists at the Halden lab"), firsts
    assert firsts[1].startswith("The club sacked"), firsts
    assert "AIDS researchers met in Oslo." in firsts, firsts
    for s in ann.sentences:
        assert ann.article.text[s.start:s.end] == s.text
    # where the story was filed is no place of the event
    assert not any(m.text in ("GENEVA", "ROME", "Reuters") for m in ann.mentions), ann.mentions
