"""Event groups (resolve/entities/groups.py) and times (times.py): a story that mixes reports of two
events keeps the common nouns and days of each event apart; invented stories from disasters,
sport, courts and business."""

from __future__ import annotations

import sys
from pathlib import Path

from newsprism.model import AnnotatedArticle
from newsprism.resolve import NAME_LABEL, NOMINAL_LABEL, resolve_entities
from newsprism.resolve.entities.groups import event_groups

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_entities import article  # noqa: E402  (one builder of annotated test articles)

FIRE = [
    "A fire tore through the Harlow paper mill in Brenton overnight.",
    "Firefighters from three counties fought the blaze at the mill until dawn.",
    "The night shift escaped on Friday, but the engineer was taken to hospital with burns.",
    "Smoke from the burning pulp drifted over Brenton and schools stayed shut.",
    "Investigators said a dryer motor may have sparked the fire.",
    "The mill employs 400 people and its owner promised to rebuild.",
    "Residents of Brenton described flames rising above the warehouse roof.",
]
FINAL = [
    "Dunmore Athletic won the cup final 3-1 against Portvale at Larch Park.",
    "Striker Ivo Brandt scored twice in the second half for Dunmore.",
    "The engineer who rebuilt the Larch Park pitch watched from the stands on Friday.",
    "Portvale's goalkeeper saved a penalty before the break.",
    "Thousands of supporters sang in the rain as the trophy was lifted.",
    "It was Dunmore's first cup since the club was promoted.",
    "The manager praised the defence and the crowd at Larch Park.",
]


def _articles(prefix: str, pool: list[str], n: int) -> list[AnnotatedArticle]:
    """n articles, each telling the event in four of the pool's sentences, one of them the
    sentence with "the engineer" and "Friday"."""
    out = []
    for k in range(n):
        picks = {(k + j) % len(pool) for j in range(4)} | {2}
        text = " ".join(pool[j] for j in sorted(picks))
        order = sorted(["engineer", "Friday"], key=pool[2].index)
        art = article(f"{prefix}{k}", text, [
            (w, NOMINAL_LABEL if w == "engineer" else NAME_LABEL) for w in order])
        for m in art.mentions:
            m.head = m.text.lower()
        out.append(art)
    return out


def _entity(art: AnnotatedArticle, surface: str) -> str | None:
    return next(m.entity_id for m in art.mentions if m.text == surface)


def test_two_events_in_one_story_keep_their_common_nouns_apart() -> None:
    fire, final = _articles("fire", FIRE, 6), _articles("final", FINAL, 6)
    story = [a for pair in zip(fire, final, strict=True) for a in pair]  # interleaved
    groups = event_groups(story)
    assert len({groups[a.source_id] for a in fire}) == 1
    assert len({groups[a.source_id] for a in final}) == 1
    assert groups[fire[0].source_id] != groups[final[0].source_id]
    resolve_entities(story)
    for surface in ("engineer", "Friday"):
        fire_ids = {_entity(a, surface) for a in fire}
        final_ids = {_entity(a, surface) for a in final}
        assert len(fire_ids) == 1 and len(final_ids) == 1  # one engineer, one Friday per event
        assert fire_ids != final_ids  # ... and two of each in the story


def test_one_event_is_one_group() -> None:
    story = _articles("fire", FIRE, 12)
    assert set(event_groups(story).values()) == {0}
    resolve_entities(story)
    assert len({_entity(a, "engineer") for a in story}) == 1
    assert len({_entity(a, "Friday") for a in story}) == 1


def test_small_story_is_never_split() -> None:
    story = _articles("fire", FIRE, 4) + _articles("final", FINAL, 4)
    assert set(event_groups(story).values()) == {0}
    resolve_entities(story)
    assert len({_entity(a, "engineer") for a in story}) == 1  # nothing to tell them apart


def test_one_day_written_several_ways_is_one_time() -> None:
    a = article("a", "The jury retired early Friday morning. On Friday the judge thanked them. "
                     "The verdict came on Saturday. Sentencing is set for Tuesday, March 8; "
                     "until March 8 the defendant stays in custody. Shares fell on 8 March.",
                [("early Friday morning", NOMINAL_LABEL), ("On Friday", NAME_LABEL),
                 ("on Saturday", NAME_LABEL), ("Tuesday, March 8", NAME_LABEL),
                 ("March 8", NOMINAL_LABEL), ("8 March", NAME_LABEL)])
    for m in a.mentions:
        m.head = m.text.split()[-1].lower()
    resolve_entities([a])
    ids = [m.entity_id for m in a.mentions]
    assert None not in ids
    assert ids[0] == ids[1]  # Friday, however written
    assert ids[2] != ids[0]  # Saturday is another day
    assert ids[3] == ids[4] == ids[5]  # the date, with its weekday or day first
    assert ids[3] not in (ids[0], ids[2])


def test_relative_day_in_an_undated_article_is_the_day_the_others_name() -> None:
    """Disasters: two reports date the flood Tuesday; one written the day after says
    "yesterday" and names no day; one that names Monday keeps its "yesterday" apart."""
    a = article("a", "The river burst its banks on Tuesday.", [("on Tuesday", NAME_LABEL)])
    b = article("b", "Early Tuesday the levee failed.", [("Early Tuesday", NOMINAL_LABEL)])
    c = article("c", "The river burst its banks early yesterday.",
                [("early yesterday", NOMINAL_LABEL)])
    d = article("d", "Crews arrived yesterday; the warning came on Monday.",
                [("yesterday", NOMINAL_LABEL), ("on Monday", NAME_LABEL)])
    for art in (a, b, c, d):
        for m in art.mentions:
            m.head = m.text.split()[-1].lower()
    resolve_entities([a, b, c, d])
    tuesday = a.mentions[0].entity_id
    assert tuesday is not None
    assert b.mentions[0].entity_id == c.mentions[0].entity_id == tuesday
    assert d.mentions[0].entity_id != tuesday


def _heads(art: AnnotatedArticle) -> AnnotatedArticle:
    for m in art.mentions:
        if m.label == NOMINAL_LABEL:
            word = m.text.split()[-1].lower()
            m.head = word[:-1] if word.endswith("s") else word
    return art


def test_person_noun_is_the_person_its_articles_name() -> None:
    """Business: "the founder" is never written beside her name, but the articles that say
    "the founder" name her, and the analyst only once."""
    a = _heads(article("a", "Mara Quist sold Kelvo to a rival on Monday. The founder kept a seat "
                            "on the board.", [("Mara Quist", "PERSON"), ("founder", NOMINAL_LABEL)]))
    b = _heads(article("b", "The founder will stay for a year, said Mara Quist. Analyst Tom Ruel "
                            "called the price high.",
                       [("founder", NOMINAL_LABEL), ("Mara Quist", "PERSON"),
                        ("Tom Ruel", "PERSON")]))
    c = _heads(article("c", "Shares rose after the founder spoke.", [("founder", NOMINAL_LABEL)]))
    d = _heads(article("d", "Mara Quist started Kelvo in a garage; the founders of two rivals "
                            "bid too.", [("Mara Quist", "PERSON"), ("founders", NOMINAL_LABEL)]))
    resolve_entities([a, b, c, d])
    quist = _entity(a, "Mara Quist")
    assert _entity(a, "founder") == _entity(b, "founder") == _entity(c, "founder") == quist
    assert _entity(d, "founders") != quist  # the plural is other people


def test_person_noun_beside_two_people_is_not_guessed() -> None:
    """Courts: the articles that say "the witness" name the judge and the defendant as often."""
    a = _heads(article("a", "Judge Ola Brink heard Pia Santos. The witness wept.",
                       [("Ola Brink", "PERSON"), ("Pia Santos", "PERSON"), ("witness", NOMINAL_LABEL)]))
    b = _heads(article("b", "The witness left before Ola Brink adjourned and Pia Santos spoke.",
                       [("witness", NOMINAL_LABEL), ("Ola Brink", "PERSON"), ("Pia Santos", "PERSON")]))
    resolve_entities([a, b])
    assert _entity(a, "witness") == _entity(b, "witness")
    assert _entity(a, "witness") not in (_entity(a, "Ola Brink"), _entity(a, "Pia Santos"))


def test_singular_and_plural_common_nouns_stay_apart() -> None:
    """Disasters: "the climber" who fell is not "the climbers" who found him."""
    a = _heads(article("a", "The climber fell on Monday. The climbers with him called for help. "
                            "Rescuers reached the climber at dawn.",
                       [("climber", NOMINAL_LABEL), ("climbers", NOMINAL_LABEL),
                        ("climber", NOMINAL_LABEL)]))
    resolve_entities([a])
    ids = [m.entity_id for m in a.mentions]
    assert ids[0] == ids[2] != ids[1]
