"""A description speaker ("the bank said") is the one body of that kind the story names."""

from __future__ import annotations

from newsprism.annotate import annotate
from newsprism.clean import clean_article
from newsprism.model import Article
from newsprism.resolve import resolve_entities


def _speakers(nlp, options, texts: list[str]) -> dict[str, str | None]:
    arts = [Article(id=f"s{i}", text=t) for i, t in enumerate(texts)]
    annotated = list(annotate([clean_article(a) for a in arts], nlp, options))
    resolve_entities(annotated)
    return {q.text: q.speaker for a in annotated for q in a.quotes}


def test_the_bank_is_the_one_bank_the_story_names(nlp, options) -> None:
    # courts: "the bank" in one article is Harrowgate Bank, named in another
    out = _speakers(nlp, options, [
        "A former manager at Harrowgate Bank was convicted of fraud on Friday. Harrowgate Bank "
        "said it had repaid all the victims.",
        "A former bank manager who stole from his customers has been convicted. The bank said "
        "he acted alone."])
    assert out["he acted alone"] == "Harrowgate Bank", out


def test_an_unnamed_body_the_article_introduced_stays_a_description(nlp, options) -> None:
    # business: "a bank in Lyon" is introduced unnamed, so "the bank" is that one, not Orbis Bank
    out = _speakers(nlp, options, [
        "Orbis Bank said on Tuesday it would close 40 branches.",
        "A bank in Lyon lent the firm 2 million euros. The bank said the loan was repaid."])
    assert out["the loan was repaid"] != "Orbis Bank", out


def test_a_person_named_after_a_description_is_not_the_body(nlp, options) -> None:
    # sport: "a former club captain said Otto ..." does not make Otto "the club"
    out = _speakers(nlp, options, [
        "Harlow Rovers Football Club sacked its coach Ben Otto on Monday. Harlow Rovers Football "
        "Club said the decision was taken by the board.",
        "A former club captain said Otto was treated badly. The club said Otto had been paid "
        "in full."])
    assert out["Otto had been paid in full"] != "Ben Otto", out
