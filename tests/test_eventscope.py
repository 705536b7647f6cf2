"""Figures judged against the story's event frame, on invented stories."""

from __future__ import annotations

from newsprism.annotate import annotate
from newsprism.clean import clean_article
from newsprism.eventscope import judge_figures
from newsprism.frame import build_frame
from newsprism.model import Article, Story
from newsprism.resolve import resolve_entities
from newsprism.story import main_places
from newsprism.timeline import infer_event_date, infer_story_dates


def _judged(nlp, options, items: list[tuple[str, str, str | None]]) -> Story:
    arts = [Article(id=sid, text=text, published=pub) for sid, text, pub in items]
    annotated = list(annotate([clean_article(a) for a in arts], nlp, options))
    story = Story(id="s", articles=annotated)
    infer_story_dates(story)
    story.entities = resolve_entities(annotated)
    story.frame = build_frame(story, nlp)
    story.locations = main_places(annotated, story.entities)
    story.event_date = infer_event_date(story)
    story.title = str(judge_figures(story, nlp))  # the number of figures moved, for the tests
    return story


def _about(story: Story) -> dict[str, bool]:
    return {f.text: f.about_event for a in story.articles for f in a.figures}


FLOOD = [
    ("a", "Floods in the river town of Melby killed 14 people on Monday, officials said.\n\n"
          "Rescuers searched for the missing.\n\n"
          "Melby, a town of 40,000 people, was last flooded in a storm that killed 60 people.",
     "2024-03-05"),
    ("b", "At least 14 people died when floods swept through Melby on Monday.\n\n"
          "The regional union, the 5,000-member farmers' association, asked for help.\n\n"
          "Three people were injured in the floods.", "2024-03-05"),
]


def test_background_counts_keep_their_reason(nlp, options) -> None:
    story = _judged(nlp, options, FLOOD)
    assert int(story.title) >= 1  # the frame moved what the article's own rules kept
    about = _about(story)
    assert about["14 people"] is True
    assert about["Three people"] is True
    assert about.get("40,000 people") is not True
    assert about.get("60 people") is not True
    reasons = {f.text: f.scope for a in story.articles for f in a.figures if not f.about_event}
    assert all(reasons.values()), reasons


def test_the_lead_is_never_judged_away(nlp, options) -> None:
    # the lead introduces the event with an indefinite noun: it is still the story's event
    items = [("a", "A bus crash near Tarvin killed nine passengers on Friday. Police closed the "
                   "road.", "2023-06-02"),
             ("b", "Nine passengers died in a bus crash near Tarvin on Friday, police said.",
              "2023-06-02")]
    story = _judged(nlp, options, items)
    assert all(f.about_event for a in story.articles for f in a.figures if "nine" in f.text.lower())


# issue 13: amounts that belong to someone the story does not report on
BIDS = [
    ("a", "The Rovers have offered striker Tom Baxter a five-year contract worth 40m euros, the "
          "club said on Tuesday.\n\nBaxter scored 20 goals for United.\n\n"
          "In other news, Paul Ames was fined 10,000 euros by the league for a late tackle.", "2024-07-02"),
    ("b", "Tom Baxter has been offered a five-year deal by the Rovers, the club confirmed on "
          "Tuesday.\n\nThe Rovers' offer is worth 40m euros.\n\n"
          "Other clubs in the race are the Wanderers (four years, 30m euros) and the Athletic.",
     "2024-07-02"),
]


def test_amounts_of_others_are_not_the_event(nlp, options) -> None:
    story = _judged(nlp, options, BIDS)
    about = _about(story)
    assert about["40m euros"] is True  # the Rovers' offer (the story's participants)
    assert about["five-year contract"] is True
    assert about["10,000 euros"] is False  # a fine of another club's player
    reasons = {f.text: f.scope for a in story.articles for f in a.figures if not f.about_event}
    assert "Ames" in reasons["10,000 euros"], reasons
    assert about["30m euros"] is False  # the amount in a parenthesis is the Wanderers' bid
