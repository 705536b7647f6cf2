"""Timeline and event date (timeline.py), with and without publication metadata."""

from __future__ import annotations

import json
from pathlib import Path

from newsprism.model import Story
from newsprism.timeline import build_timeline, infer_event_date

EXAMPLE_JSONL = (
    Path(__file__).resolve().parents[1] / "examples" / "khan-shaykhun-jsonl" / "articles.jsonl"
)


def _example(make_article, with_dates: bool) -> Story:
    rows = [json.loads(line) for line in EXAMPLE_JSONL.read_text(encoding="utf-8").splitlines()]
    arts = [make_article(r["id"], r["text"], r["published"] if with_dates else None) for r in rows]
    return Story("khan", arts)


def _check_spans(story: Story, entries) -> None:
    texts = {a.source_id: a.article.text for a in story.articles}
    for e in entries:
        assert texts[e.source_id][e.start : e.end] == e.text
        assert e.citations[0].source_id == e.source_id
        for c in e.citations:
            assert 0 <= c.start < c.end <= len(texts[c.source_id])


def test_example_with_metadata(make_article):
    story = _example(make_article, with_dates=True)
    entries = build_timeline(story)
    _check_spans(story, entries)
    assert infer_event_date(story) == "2017-04-04"
    attack = [e for e in entries if e.date == "2017-04-04" and "attack" in e.text and e.about_event]
    assert attack
    # the attack is reported by all three outlets: one merged entry cites them all
    assert max(len({c.source_id for c in e.citations}) for e in attack) == 3
    council = [e for e in entries if e.date == "2017-04-05" and "Security Council" in e.text]
    assert council and council[0].about_event
    old = [e for e in entries if e.date == "2013" and "hundreds of people died" in e.text]
    assert old and not old[0].about_event
    # event entries first in date order, background after
    flags = [e.about_event for e in entries]
    assert flags == sorted(flags, reverse=True)
    event_dates = [e.date for e in entries if e.about_event]
    assert event_dates == sorted(event_dates)
    assert not any(e.inferred for e in entries)


def test_example_bare_texts_infer_and_say_so(make_article):
    story = _example(make_article, with_dates=False)
    entries = build_timeline(story)
    _check_spans(story, entries)
    for a in story.articles:
        assert a.article.published is not None
        assert a.article.inferred.get("published")
    cbc = next(a for a in story.articles if a.source_id == "001_cbc-news")
    assert cbc.article.published == "2017-04-05"
    assert infer_event_date(story) == "2017-04-04"
    council = [e for e in entries if "Security Council held" in e.text]
    assert council and council[0].date == "2017-04-05" and council[0].inferred
    old = [e for e in entries if "hundreds of people died" in e.text]
    assert old and old[0].date == "2013" and not old[0].about_event


def test_other_domain_story_merges_across_outlets(make_article):
    a = make_article("a",
        "The bridge over the river collapsed on Monday during the morning rush hour. "
        "Engineers had warned about corrosion in 2015. The mayor resigned on Wednesday.",
        "2021-09-08",
    )
    b = make_article("b",
        "Monday's collapse of the river bridge killed six drivers. "
        "An inquiry will open on Friday, the transport minister said.",
        "2021-09-07",
    )
    story = Story("bridge", [a, b])
    entries = build_timeline(story)
    _check_spans(story, entries)
    assert infer_event_date(story) == "2021-09-06"
    monday = [e for e in entries if e.date == "2021-09-06"]
    assert len(monday) == 1 and {c.source_id for c in monday[0].citations} == {"a", "b"}
    assert any(
        e.date == "2021-09-10" and "inquiry" in e.text for e in entries
    )  # future "will open"
    assert any(e.date == "2021-09-08" and "mayor" in e.text for e in entries)
    bg = [e for e in entries if e.date == "2015"]
    assert bg and not bg[0].about_event
    assert entries[-1].date == "2015"


def test_no_dates_no_entries(make_article):
    story = Story(
        "x", [make_article("a", "A quiet town held a parade with music and floats.", None)]
    )
    assert build_timeline(story) == []
    assert infer_event_date(story) is None


def test_dates_inside_quotations_do_not_make_entries(make_article):
    text = (
        'The striker was sent off on Saturday. "What happened yesterday was a disgrace," '
        "the coach told reporters on Monday."
    )
    story = Story("match", [make_article("a", text, "2022-03-07")])
    entries = build_timeline(story)
    _check_spans(story, entries)
    dates = {e.date for e in entries}
    assert "2022-03-05" in dates  # Saturday: sent off
    assert "2022-03-07" in dates  # Monday: the coach spoke
    assert "2022-03-06" not in dates  # "yesterday" is the coach's word, inside the quotation


def test_story_anchor_from_weekday_and_date_across_articles(make_article):
    a = make_article("a", "The ferry sank on March 3 off the coast, a year after the 2019 storm.", None
    )
    b = make_article("b",
        "Divers searched on Wednesday for the crew of the ferry that sank on Tuesday.",
        None,
    )
    # one source's weekdays (Tuesday and Wednesday alike) cannot give the year: nothing guessed
    story = Story("ferry", [a, b])
    build_timeline(story)
    assert a.article.published is None and b.article.published is None
    assert infer_event_date(story) is None
    a = make_article("a", "The ferry sank on March 3 off the coast, a year after the 2019 storm.", None
    )
    b = make_article("b",
        "Divers searched on Wednesday for the crew of the ferry that sank on Tuesday.",
        None,
    )
    c = make_article("c", "The ferry that sank on Tuesday carried forty passengers.", None)
    story = Story("ferry", [a, b, c])
    build_timeline(story)
    # 3 March is a Tuesday first in 2020 (on or after 2019, the latest year mentioned), and two
    # sources say the ferry sank on a Tuesday
    assert a.article.published == "2020-03-03"
    assert b.article.published == "2020-03-04"
    assert "story dated by" in b.article.inferred["published"]
    assert a.article.confidence["published"] == "low"  # the year is a guess, and says so
    assert "guess" in b.article.inferred["published"]
    assert infer_event_date(story) == "2020-03-03"


def test_late_follow_up_still_dates_the_event(make_article):
    first = make_article("a", "The factory exploded on Monday, killing four workers.", "2019-06-04"
    )
    later = make_article("b",
        "Inspectors published their report on the explosion of June 3 at the factory on Friday.",
        "2019-07-20",
    )
    story = Story("blast", [first, later])
    entries = build_timeline(story)
    _check_spans(story, entries)
    june3 = [e for e in entries if e.date == "2019-06-03"]
    assert june3 and all(e.about_event for e in june3)
    # both sources carry the explosion of 3 June, six weeks apart
    assert {c.source_id for e in june3 for c in e.citations} == {"a", "b"}


def test_days_between_event_and_last_report_are_about_the_event(make_article):
    first = make_article("a", "The factory exploded on Monday, killing four workers.", "2019-06-04"
    )
    later = make_article("c", "A second blast on June 5 damaged the warehouse next door.", "2019-07-20"
    )
    old = make_article("d", "The plant had a smaller fire on May 2, 2018, officials said.", "2019-07-20"
    )
    story = Story("blast", [first, later, old])
    entries = {e.date: e for e in build_timeline(story)}
    assert entries["2019-06-05"].about_event  # 45 days before its article, but in the story window
    assert not entries["2018-05-02"].about_event


def test_with_an_embedder_merges_no_less(make_article):
    from newsprism.embed import Embedder

    texts = {
        "a": "A magnitude 4.6 earthquake struck Northern California on Thursday morning.",
        "b": "An earthquake measuring 4.6 rattled Sonoma and Lake counties early Thursday.",
        "c": "The county fair opened on Thursday with a parade of vintage tractors.",
    }

    def story() -> Story:
        return Story("quake", [make_article(k, v, "2013-03-15") for k, v in texts.items()])

    plain = build_timeline(story())
    s = story()
    embedded = build_timeline(s, Embedder("tfidf"))
    _check_spans(s, embedded)
    assert len(embedded) <= len(plain)
    fair = [e for e in embedded if "fair" in e.text]
    assert fair and {c.source_id for c in fair[0].citations} == {"c"}  # a different happening
