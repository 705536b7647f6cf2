"""Salience: which entities the story is about, and which capitalised words are no entity at all.

``rank`` orders a story's entities by what a reader would call its participants, not by raw
mention count. Per entity:

- ``lead``: outlets that name it in their first ``LEAD_SENTENCES`` sentences, and ``first``:
  outlets that name it in their very first sentence (the lede says who and where);
- ``title``: outlets whose headline names it;
- ``speaker``: outlets that quote it;
- ``sources``: outlets that name it at all;
- ``mentions``: all its mentions, log-damped, so one long article cannot dominate.

A people or group adjective ("Greek", "Republican": NORP) is context rather than a participant,
and a place is more often the setting than an actor: both are damped (``NORP_FACTOR``,
``PLACE_FACTOR``), as is a spokesperson or press officer, who speaks for a participant rather
than takes part ("hospital spokeswoman Jane Doe": ``VOICE_FACTOR``), a place named mostly as a
landmark to find another by ("a suburb of Detroit", "suburban Detroit", "15 miles north of
Detroit": ``LANDMARK_FACTOR``), and a one-word person
name written once and never quoted ("Astro" in an aside; ``LONE_NAME_FACTOR``): a participant
is introduced by a full name. The weights were
chosen on the development events of ``bench/events.py``.

``plural_acronyms`` finds acronyms the story also writes as a plural common noun ("KO" beside
"KOs", "MPs", "RBIs"): a class of things, never one entity.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from ...model import AnnotatedArticle, Entity

LEAD_SENTENCES = 2
W_SOURCES = 1.0
W_LEAD = 1.0
W_FIRST = 2.0
W_TITLE = 1.0
W_SPEAKER = 1.0
W_MENTIONS = 3.0
NORP_FACTOR = 0.3
NEWS_FACTOR = 0.3  # a news organisation the story only cites as its source
PLACE_FACTOR = 0.6
LONE_NAME_FACTOR = 0.25
VOICE_FACTOR = 0.5  # a spokesperson speaks for a participant
LANDMARK_FACTOR = 0.5  # a place at least half of whose mentions locate another place by it
PLACE_TYPES = frozenset({"GPE", "LOC"})

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# a news organisation cited as the source of a report, not acting in the story
_MEDIA_NOUN = r"(?:news\s+agency|news\s+service|wire\s+service|newspaper|broadcaster|news\s+channel)"
_SOURCE_AFTER = re.compile(
    rf"(?:['’]s)?\s*(?:{_MEDIA_NOUN}\b|,?\s*(?:reported|reports|is\s+reporting|quoted)\b)",
    re.IGNORECASE)
_SOURCE_BEFORE = re.compile(
    rf"(?:{_MEDIA_NOUN},?|\btold|\btelling|\bspeaking\s+to|\btalking\s+to|\bquoted\s+by|"
    r"\breported\s+by|\binterview\s+with|\ba\s+report\s+(?:from|by))\s+(?:the\s+)?$",
    re.IGNORECASE)
# roles of people who speak for a body rather than take part: the body is the participant
_VOICE_ROLE = re.compile(
    r"\bspokes(?:man|woman|person|people|men|women)\b|\bpress\s+(?:secretary|officer|aide)\b|"
    r"\b(?:public\s+information|public\s+affairs|communications|media)\s+officer\b",
    re.IGNORECASE)
# words before a place that use it as a landmark: the setting is somewhere else
_LANDMARK_BEFORE = re.compile(
    r"(?:\bsuburban|\bsuburbs?\s+of|\boutskirts\s+of|"
    r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE)
_CREDIT = re.compile(r"\)\s*[-–—]")  # "(Reuters) -": a dateline credit
_PLURAL_ACRONYM = re.compile(r"\b([A-Z]{2,6})s\b")


def lower_words(articles: list[AnnotatedArticle]) -> frozenset[str]:
    """Words the story writes in lower case somewhere (as common words)."""
    out: set[str] = set()
    for art in articles:
        out.update(w for w in _WORD.findall(art.article.text) if w.islower())
    return frozenset(out)


def _opens_line_or_sentence(art: AnnotatedArticle, start: int, sentence: int) -> bool:
    text = art.article.text
    floor = art.sentences[sentence].start if 0 <= sentence < len(art.sentences) else 0
    line_start = text.rfind("\n", 0, start) + 1
    return not _WORD.search(text[max(floor, line_start) : start])


def is_common_word(
    spots: list[tuple[AnnotatedArticle, int, int, int]], lowered: frozenset[str]
) -> bool:
    """True when every mention (article, start, end, sentence) of a name opens its sentence or
    line, or is a shouted header of several words, and every word of it is written in lower
    case elsewhere in the story: "Videos", "Region", "ON DEADLINE" are common words."""
    if not spots:
        return False
    for art, start, end, sentence in spots:
        words = _WORD.findall(art.article.text[start:end])
        if not words or any(w.lower() not in lowered for w in words):
            return False
        if len(words) > 1 and all(w.isupper() for w in words):
            continue
        if not _opens_line_or_sentence(art, start, sentence):
            return False
    return True


def is_credit(spots: list[tuple[AnnotatedArticle, int, int, int]]) -> bool:
    """True when every mention (article, start, end, sentence) of a name is a dateline credit,
    "(Reuters) -", "(AP) —": the wire that filed the copy, not a party to the story."""
    if not spots:
        return False
    for art, start, end, _ in spots:
        text = art.article.text
        if text[max(0, start - 1) : start] != "(" or not _CREDIT.match(text, end):
            return False
    return True


def plural_acronyms(articles: list[AnnotatedArticle]) -> frozenset[str]:
    """Acronyms the story writes with a plural s ("KOs", "MPs"): common nouns, not names."""
    out: set[str] = set()
    for art in articles:
        out.update(_PLURAL_ACRONYM.findall(art.article.text))
    return frozenset(out)


def news_sources(entities: list[Entity], articles: list[AnnotatedArticle]) -> set[str]:
    """Ids of the entities (not people) that at least half of their mentions cite as the source
    of a report: "IRNA reported", "the Kyodo news agency", "told Reuters", "(Reuters) -",
    "quoted by IRNA". A newspaper the story is about ("The Post was sold") is not one."""
    texts = {a.source_id: a.article.text for a in articles}
    out: set[str] = set()
    for e in entities:
        if e.type == "PERSON" or not e.mentions:
            continue
        cited = 0
        for sp in e.mentions:
            text = texts.get(sp.source_id)
            if text is None:
                continue
            before = text[max(0, sp.start - 40) : sp.start]
            if (_SOURCE_AFTER.match(text, sp.end) or _SOURCE_BEFORE.search(before)
                    or (before.endswith("(") and _CREDIT.match(text, sp.end))):
                cited += 1
        if 2 * cited >= len(e.mentions):
            out.add(e.id)
    return out


def landmarks(entities: list[Entity], articles: list[AnnotatedArticle]) -> set[str]:
    """Ids of the places at least half of whose mentions locate another place by them ("a
    suburb of Detroit", "north of Detroit", "suburban Detroit")."""
    texts = {a.source_id: a.article.text for a in articles}
    out: set[str] = set()
    for e in entities:
        if e.type not in PLACE_TYPES or not e.mentions:
            continue
        used = sum(
            1 for sp in e.mentions
            if (text := texts.get(sp.source_id)) is not None
            and _LANDMARK_BEFORE.search(text[max(0, sp.start - 30) : sp.start])
        )
        if 2 * used >= len(e.mentions):
            out.add(e.id)
    return out


def salience(entities: list[Entity], articles: list[AnnotatedArticle]) -> dict[str, float]:
    """Score per entity id; higher is more central to the story."""
    lead: dict[str, set[str]] = defaultdict(set)
    first: dict[str, set[str]] = defaultdict(set)
    for art in articles:
        for m in art.mentions:
            if m.entity_id is not None and 0 <= m.sentence < LEAD_SENTENCES:
                lead[m.entity_id].add(art.source_id)
                if m.sentence == 0:
                    first[m.entity_id].add(art.source_id)
    speaker: dict[str, set[str]] = defaultdict(set)
    for art in articles:
        for q in art.quotes:
            if q.speaker_entity is not None:
                speaker[q.speaker_entity].add(art.source_id)
    titles = [a.article.title.casefold() for a in articles if a.article.title]
    cited = news_sources(entities, articles)
    landmark = landmarks(entities, articles)
    scores: dict[str, float] = {}
    for e in entities:
        forms = {f.casefold() for f in (e.name, *e.aliases) if len(f) > 2}
        in_title = sum(
            1 for t in titles
            if any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", t) for f in forms)
        )
        score = (
            W_SOURCES * len(e.mention_counts)
            + W_LEAD * len(lead.get(e.id, ()))
            + W_FIRST * len(first.get(e.id, ()))
            + W_TITLE * in_title
            + W_SPEAKER * len(speaker.get(e.id, ()))
            + W_MENTIONS * math.log2(1 + sum(e.mention_counts.values()))
        )
        if (e.type == "PERSON" and len(e.name.split()) == 1 and not e.aliases
                and sum(e.mention_counts.values()) == 1 and e.id not in speaker):
            score *= LONE_NAME_FACTOR  # "Astro" once, in an aside: no full name, never quoted
        if e.type == "PERSON" and e.role is not None and _VOICE_ROLE.search(e.role):
            score *= VOICE_FACTOR  # "hospital spokeswoman Jane Doe": the hospital takes part
        if e.id in cited:
            score *= NEWS_FACTOR
        elif e.type == "NORP":
            score *= NORP_FACTOR
        elif e.type in PLACE_TYPES:
            score *= PLACE_FACTOR * (LANDMARK_FACTOR if e.id in landmark else 1.0)
        scores[e.id] = score
    return scores


def rank(entities: list[Entity], articles: list[AnnotatedArticle]) -> list[Entity]:
    """Entities in salience order (the story's participants first), renumbered e1, e2, ...;
    mentions, quote speakers, ``acts_for`` and ``part_of`` follow the new ids."""
    scores = salience(entities, articles)
    pos = {e.id: i for i, e in enumerate(entities)}
    ranked = sorted(entities, key=lambda e: (-scores.get(e.id, 0.0), pos[e.id]))
    new_id = {e.id: f"e{i}" for i, e in enumerate(ranked, start=1)}
    for e in ranked:
        e.id = new_id[e.id]
        if e.acts_for is not None:
            e.acts_for = new_id.get(e.acts_for, e.acts_for)
        if e.part_of is not None:
            e.part_of = new_id.get(e.part_of, e.part_of)
    for art in articles:
        for m in art.mentions:
            if m.entity_id is not None:
                m.entity_id = new_id.get(m.entity_id, m.entity_id)
        for q in art.quotes:
            if q.speaker_entity is not None:
                q.speaker_entity = new_id.get(q.speaker_entity, q.speaker_entity)
    return ranked
