"""One calendar per story (extract/dates/calendar.py), on invented texts without metadata."""

from __future__ import annotations

from newsprism.extract.dates import solve_calendar
from newsprism.frame import build_frame
from newsprism.model import AnnotatedArticle, Heading, Story
from newsprism.timeline import event_date_mentions, infer_event_date, infer_story_dates

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


def _solve(make_article, items: list[tuple[str, str]]):
    arts = [make_article(sid, text, None) for sid, text in items]
    story = Story(id="s", articles=arts)
    infer_story_dates(story)
    return story, infer_event_date(story)


def test_a_match_report_with_only_weekdays_has_no_date(make_article) -> None:
    story, day = _solve(make_article, [
        ("a", "Northgate beat Harbour City 2-0 on Saturday. Their striker scored twice in the "
              "second half."),
        ("b", "Harbour City lost 2-0 at Northgate on Saturday. The club's last win there came in "
              "1998."),
    ])
    # no source gives a month-day or a year of the match: saying so beats guessing
    assert day is None
    assert all(a.article.published is None for a in story.articles)
    assert "Saturday" in story.event_date_evidence and "no year" in story.event_date_evidence
    # what they do state is kept, with its uncertainty: a Saturday, no date
    stated = story.event_date_stated
    assert stated is not None and stated.weekday == "Saturday"
    assert (stated.year, stated.month, stated.day, stated.iso) == (None, None, None, "")


def test_a_filing_date_years_earlier_never_dates_the_ruling(make_article) -> None:
    story, day = _solve(make_article, [
        ("a", "The appeals court last Tuesday overturned the ban on street vendors. The lawsuit "
              "was filed on 12 June 2019 by a vendors' union."),
        ("b", "Street vendors won their appeal on Tuesday, when the court overturned the ban."),
    ])
    assert day != "2019-06-12"  # the filing, years before; the ruling's year is not given
    assert all(a.article.published != "2019-06-12" for a in story.articles)


def test_the_future_vote_date_is_not_the_event_date(make_article) -> None:
    story, day = _solve(make_article, [
        ("a", "The electoral commission announced on Thursday, September 26, 2030, that the "
              "parliamentary election will be held on December 15, 2030."),
        ("b", "Parliamentary elections, which are planned for December 15, 2030, will be "
              "contested by two parties, the commission said on Thursday."),
    ])
    assert day == "2030-09-26"
    assert all(a.article.published < "2030-12-15" for a in story.articles)
    # with publication dates given, the vote date is still not the event's
    arts = [make_article("a", "The commission said on Thursday that the election will be held "
                         "on December 15, 2030.", "2030-09-26"),
            make_article("b", "The election is scheduled for December 15, 2030, the commission "
                         "announced.", "2030-09-27")]
    story = Story(id="s2", articles=arts)
    infer_story_dates(story)
    assert infer_event_date(story) != "2030-12-15"


def test_an_earlier_quake_date_is_background(make_article) -> None:
    story, day = _solve(make_article, [
        ("a", "A magnitude 6.1 earthquake struck the island on Sunday, Nov. 27, killing ten "
              "people. A far stronger quake on 26 December 2003 killed 26,000 in the south."),
        ("b", "Rescue teams searched collapsed houses after the quake hit on Sunday. The region "
              "last suffered a deadly quake in December 2003."),
        ("c", "Ten villagers died when an earthquake shook the island on Sunday."),
    ])
    assert day != "2003-12-26"
    # Nov. 27 is a Sunday first in 2005 after 2003, the latest year named: a guess, said so
    assert day is None or day == "2005-11-27"
    if day is not None:
        assert story.event_date_confidence == "low"
    assert all(a.article.published != "2003-12-26" for a in story.articles)


def test_a_deadline_or_a_hearing_ahead_never_anchors(make_article) -> None:
    arts = [make_article("a", "The ferry operator said service should be back to normal by "
                         "December 31, 2031. The judge set the next hearing for 4 February 2032.",
                         None)]
    assert all(d.direction == "future" for d in arts[0].dates)
    assert solve_calendar(d for a in arts for d in a.dates) is None


def test_a_background_date_is_not_the_story_when_a_source_tells_of_later_months(make_article) -> None:
    # the board's first meeting (a full date) and the hiring (a month-day a few days before it)
    # agree with each other and with the weekday; but a source tells, in the past tense, of a
    # warning years later: the sacking is later than both
    story, day = _solve(make_article, [
        ("a", "The club sacked its manager on Monday after a 4-0 defeat. The board first met "
              "him on 1 April 2019 to discuss a contract."),
        ("b", "Northgate dismissed manager Tom Reyes on 9 May, the club said on Monday. He had "
              "been hired on 30 March."),
        ("c", "Reyes had been warned by the board in February 2022, the chairman said on Monday."),
    ])
    assert day != "2019-04-01" and all(a.article.published < "2019" or a.article.published > "2022"
                                       for a in story.articles if a.article.published)
    # 9 May 2022 (the latest year named, a Monday as the sources say): not sure, said so
    assert day == "2022-05-09" and story.event_date_confidence != "high"


def test_the_day_of_the_event_beats_a_day_more_sources_give_to_something_else(make_article, nlp) -> None:
    items = [
        ("a", "The river flooded the town of Marlow on Friday, forcing hundreds from their homes. "
              "The floods reached the town centre on 14 June, residents said."),
        ("b", "The river flooded Marlow on Friday. The town's new defences were opened on 3 March "
              "by the mayor."),
        ("c", "Marlow was flooded on Friday. Its defences, opened on 3 March, gave way, the council "
              "said. A 2016 study had warned of the risk."),
    ]
    # both 14 June 2019 and 3 March 2017 are Fridays after 2016, the latest year named; more
    # sources name 3 March, but only the sentence with 14 June tells of the flood
    arts = [make_article(sid, text, None) for sid, text in items]
    story = Story(id="s", articles=arts)
    story.frame = build_frame(story, nlp)
    assert story.frame.trigger == "flood"
    told = event_date_mentions(story, nlp)
    assert {sid for sid, _ in told} == {"a"}  # the defences' opening is not the flood
    infer_story_dates(story, nlp)
    assert infer_event_date(story) == "2019-06-14"
    # without the event frame, the day more sources give wins: the frame is what decides
    plain = Story(id="p", articles=[make_article(sid, text, None) for sid, text in items])
    infer_story_dates(plain)
    assert infer_event_date(plain) == "2017-03-03"


def test_a_lone_known_report_date_dates_the_story_to_its_day(make_article) -> None:
    # news is written soon after the event: with nothing else to go on, the story's day is the
    # report's own day, not the earliest day of the week before it
    arts = [make_article("a", "The studio is in talks with the director.", "2031-04-04"),
            make_article("b", "The director is negotiating with the studio.", None)]
    cal = solve_calendar((d for a in arts for d in a.dates), {"a": "2031-04-04"})
    assert cal is not None and cal.day.isoformat() == "2031-04-04"


def test_an_articles_own_date_line_bounds_the_event_like_a_given_date(make_article) -> None:
    # a: its date line (read by the cleaner) dates it; b names an earlier film's opening, twelve
    # days before that report: background, not the event's day
    a = make_article("a", "The director is in talks with the studio about the sequel.", None)
    a.article.published = "2031-04-04"
    a.article.inferred["published"] = "date line '04 / 04 / 2031'"
    a.article.confidence["published"] = "high"
    b = make_article("b", "The director is negotiating a return. The first film opened on "
                          "March 23.", None)
    story = Story(id="s", articles=[a, b])
    infer_story_dates(story)
    assert infer_event_date(story) == "2031-04-04"


def test_with_no_year_anywhere_the_stated_day_keeps_its_uncertainty(make_article) -> None:
    story, day = _solve(make_article, [
        ("a", "Fire badly damaged the supermarket in the town centre this morning (July 21). A "
              "man will appear in court on 19 August."),
        ("b", "Firefighters were called to the supermarket on Sunday morning. The store employs "
              "90 people. Its manager praised the crews. The store was refitted after a flood on "
              "Aug. 29."),
        ("c", "The blaze broke out on Sunday. Police arrested a man on Monday. The suspect lives "
              "nearby. He had been questioned about a flood at the store on Aug. 29."),
    ])
    assert day is None  # no year anywhere: none is invented
    stated = story.event_date_stated
    assert stated is not None and (stated.year, stated.month, stated.day) == (None, 7, 21)
    assert stated.weekday == "Sunday"  # the arrest on Monday is what followed
    assert stated.iso == "--07-21" and "no year" in stated.label  # not the flood's, further down
    assert stated.sources >= 2
    # no source writes "Sunday, July 21": the label says both, never as one date
    assert stated.label == "July 21 (no year stated; a Sunday is also named)"


def test_a_weekday_written_with_the_month_day_is_one_date(make_article) -> None:
    story, day = _solve(make_article, [
        ("a", "The ferry ran aground on Friday, March 12, off the north coast. All 40 "
              "passengers were rescued."),
        ("b", "Coastguards said the ferry ran aground on Friday after its engine failed."),
    ])
    stated = story.event_date_stated
    assert day is None and stated is not None
    assert stated.label == "Friday, March 12 (no year stated)"


def test_a_full_event_date_states_nothing_apart(make_article) -> None:
    story, day = _solve(make_article, COURT)
    assert day == "2009-01-06" and story.event_date_stated is None


def test_the_previous_round_s_date_never_dates_the_match(make_article) -> None:
    # sport: the second leg is the story; the first leg's date (in a "followed ... on" clause,
    # or "the previous round on") is another occasion, and no source gives the match's year
    story, day = _solve(make_article, [
        ("a", "Harbour City reached the final on Saturday, beating Northgate 2-1 in the second "
              "leg. Saturday's win, which followed a goalless first leg on March 3, was their "
              "first at home since 2019."),
        ("b", "Northgate went out of the cup on Saturday. They had drawn the previous round on "
              "March 3 as well."),
        ("c", "Harbour City won 2-1 on Saturday to reach the final."),
    ])
    assert day is None or not day.endswith("-03-03")
    assert all(a.article.published is None or not a.article.published.endswith("-03-03")
               for a in story.articles)


def test_a_cutoff_date_never_anchors_the_story(make_article) -> None:
    # business: "prior to March 15" bounds who is covered; the announcement is on Sunday, and
    # the only year named is that of a request months before
    story, day = _solve(make_article, [
        ("a", "Acme will refund customers who bought tickets prior to March 15, its chief "
              "executive said on Sunday. The refunds were first requested in June 2030."),
        ("b", "Customers who booked before 15 March will get their money back, Acme said on "
              "Sunday."),
    ])
    assert day is None or not day.endswith("-03-15")
    assert all(a.article.published is None for a in story.articles)


def test_a_year_the_page_prints_beats_a_year_from_the_weekday_cycle(make_article) -> None:
    # business: no body gives the year of the vote; one page prints a related link's stamp
    # (glued to its headline), one text names a year ahead as a bound, another a past year
    items = [
        ("a", "Shareholders of Acme approved the merger with Birch on Monday. The vote, which "
              "followed a failed ballot on May 4, was close. The plant will stay open until 2041."),
        ("b", "Acme investors backed the Birch deal at a meeting on Monday. Acme's chief "
              "executive joined the company in 2015."),
        ("c", "On Monday, Acme's shareholders voted for the merger. The May 4 ballot had failed "
              "by a few votes, after the chairman fell ill."),
    ]
    arts = [make_article(sid, text, None) for sid, text in items]
    arts[2].article.headings = [Heading("Acme chief warns on the cost of the mergerJUNE 9, 2021", 0, 0, 0)]
    story = Story(id="s", articles=arts)
    infer_story_dates(story)
    day = infer_event_date(story)
    # 7 June 2021, the Monday before the stamp; not the earlier ballot's 4 May (a Monday in
    # 2020, the first such year after 2015), nor a year after the bound "until 2041"
    assert day == "2021-06-07"
    assert all(a.article.published and a.article.published.startswith("2021-06")
               for a in story.articles)
    # without the stamp only the weekday cycle gives a year: a guess, and said to be one
    plain = [make_article(sid, text, None) for sid, text in items]
    story = Story(id="p", articles=plain)
    infer_story_dates(story)
    day = infer_event_date(story)
    assert day is None or story.event_date_confidence == "low"


def test_another_event_s_month_day_deep_in_a_roundup_takes_no_year_from_the_weekdays(
        make_article, nlp) -> None:
    # sport and courts: every source dates the arrest to Tuesday; one roundup names, far down,
    # "the April 28 ceremony" (another club, another occasion): a Tuesday in some year, but
    # nothing says it is this story's day
    items = [
        ("a", "Harbour City striker Tom Reyes was arrested on Tuesday on suspicion of drunk driving. "
              "Police stopped his car near the stadium. The club said it was aware of the arrest. "
              "Reyes had scored twice in the cup. He joined the club in 2019. In other news, "
              "Northgate opened its new stand in the April 28 ceremony, the club said."),
        ("b", "Police arrested Tom Reyes, the Harbour City striker, on Tuesday for drunk driving."),
        ("c", "Tom Reyes was arrested early on Tuesday after failing a breath test, police said."),
    ]
    arts = [make_article(sid, text, None) for sid, text in items]
    story = Story(id="s", articles=arts)
    story.frame = build_frame(story, nlp)
    infer_story_dates(story, nlp)
    day = infer_event_date(story)
    assert day is None or not day.endswith("-04-28")


def test_a_dated_comment_that_tells_no_day_never_places_the_others_weekdays(make_article) -> None:
    # business and courts: three reports say the mill burned "on Tuesday" and carry no date;
    # the only dated page is a comment, weeks later, that never says when the fire was. Its date
    # says when it was written, not which Tuesday the others mean: no day rather than a wrong one
    def page(text: str, genre: str) -> AnnotatedArticle:
        a = make_article("a", text, None)
        a.article.published = "2031-11-18"
        a.article.inferred["published"] = "date line 'November 18, 2031'"
        a.article.confidence["published"] = "high"
        a.article.genre = genre
        return a

    reports = [("b", "The old Carrow mill burned to the ground early on Tuesday, firefighters "
                     "said."),
               ("c", "Fire destroyed the Carrow mill on Tuesday. Nobody was hurt."),
               ("d", "Investigators on Tuesday began searching the ruins of the mill.")]
    comment = "Is there a pattern? Three old mills in the valley have now burned, and nobody " \
              "has been charged."
    others = [make_article(sid, text, None) for sid, text in reports]
    story = Story(id="s", articles=[page(comment, "opinion"), *others])
    infer_story_dates(story)
    assert infer_event_date(story) is None
    assert all(o.article.published is None for o in others)
    assert story.event_date_stated is not None and story.event_date_stated.weekday == "Tuesday"
    # the same comment telling of the fire's day ("on Tuesday") was written that week: it dates it
    told = "Is there a pattern? The Carrow mill burned on Tuesday, the third old mill to burn."
    story = Story(id="t", articles=[page(told, "opinion"),
                                    *[make_article(sid, text, None) for sid, text in reports]])
    infer_story_dates(story)
    assert infer_event_date(story) == "2031-11-18"
    # and a dated news report, even one that names no day, is written near the event it reports
    story = Story(id="u", articles=[page("The Carrow mill was destroyed by fire.", "news"),
                                    *[make_article(sid, text, None) for sid, text in reports]])
    infer_story_dates(story)
    assert infer_event_date(story) == "2031-11-18"
