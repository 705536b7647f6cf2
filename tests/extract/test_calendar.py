"""One calendar per story (extract/dates/calendar.py), on invented texts without metadata."""

from __future__ import annotations

from newsprism.extract.dates import solve_calendar
from newsprism.model import Story
from newsprism.timeline import infer_event_date, infer_story_dates

COURT = [
    ("a", "The jury in Leeds convicted the former bank manager of fraud on Tuesday (6 January). "
          "His trial had opened on 4 November 2008 after a two-year inquiry."),
    ("b", "A former bank manager was found guilty of fraud by a jury in Leeds on Tuesday. "
          "He will be sentenced on 20 February."),
    ("c", "The verdict came on January 6, 2009, ten weeks after the trial began. The bank said "
          "it welcomed the decision."),
]


def test_background_full_date_never_anchors_the_story(make_article) -> None:
    arts = [make_article(sid, text, None) for sid, text in COURT]
    cal = solve_calendar(d for a in arts for d in a.dates)
    assert cal is not None
    assert cal.day.isoformat() == "2009-01-06"
    assert cal.support >= 2 and cal.confidence in ("high", "medium")
    story = Story(id="s", articles=arts)
    infer_story_dates(story)
    for a in arts:
        assert a.article.published is not None and a.article.published >= "2009-01-06", a.source_id
        assert a.article.confidence["published"] in ("high", "medium", "low")
    assert infer_event_date(story) == "2009-01-06"
    assert story.event_date_confidence in ("high", "medium")
    assert "2009-01-06" in story.event_date_evidence


SPORT = [
    ("a", "Harbour City won the league title on Saturday, May 14, beating Northgate 3-1. "
          "The club last won the title in 1998."),
    ("b", "Harbour City clinched the championship with a 3-1 win over Northgate on Saturday. "
          "In March 2021 the club had been bottom of the table."),
]


def test_weekday_and_month_day_fix_the_year(make_article) -> None:
    arts = [make_article(sid, text, None) for sid, text in SPORT]
    cal = solve_calendar(d for a in arts for d in a.dates)
    assert cal is not None
    # May 14 is a Saturday in 2022 (the first such year after the years named)
    assert cal.day.isoformat() == "2022-05-14"


def test_a_weekday_that_disagrees_counts_against_a_day(make_article) -> None:
    # 3 March 2015 was a Tuesday; "Friday, March 3" cannot be that day
    arts = [make_article("a", "The factory closed on Friday, March 3, the owners said. It had "
                         "opened on 3 March 2015.", None)]
    cal = solve_calendar(d for a in arts for d in a.dates)
    assert cal is None or cal.day.isoformat() != "2015-03-03"


def test_known_publication_dates_outweigh_text_dates(make_article) -> None:
    arts = [make_article("a", "The storm hit the coast on Monday. In 2019 a similar storm "
                         "struck on 4 October 2019.", "2023-09-12"),
            make_article("b", "The storm hit the coast on Monday, flooding homes.", None)]
    cal = solve_calendar((d for a in arts for d in a.dates), {"a": "2023-09-12"})
    assert cal is not None and "2023-09-05" <= cal.day.isoformat() <= "2023-09-12"
