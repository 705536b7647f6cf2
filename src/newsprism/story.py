"""Story stage helpers: a short label for the event and its main places, built from the sources.

The label is the event noun phrase that most sources use (a noun chunk headed by an event noun,
"suspected chemical weapon attack"), placed at the location most sources name in the same
sentences. Nothing is generated beyond joining two source phrases with "in"."""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter, defaultdict

from .frame import FULL_COVER, title_cover
from .model import AnnotatedArticle, Entity, EventFrame, Story

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|those|its|their|his|her|our|tuesday's|"
                          r"[a-z]+day's|latest|last|new|another)\s+", re.I)


LEAD_SENTENCES = 3  # event phrases are read from the leads, not from background paragraphs
_OTHER = re.compile(r"\b(?:previous|earlier|last|former|another|similar|separate|prior|past)\b",
                    re.I)


def story_id(articles: list[AnnotatedArticle]) -> str:
    digest = hashlib.sha1("\x00".join(sorted(a.source_id for a in articles)).encode()).hexdigest()
    return f"story-{digest[:10]}"


def event_phrase(articles: list[AnnotatedArticle]) -> str | None:
    """The event noun phrase used by the most sources in their leads (ties: most mentions, then
    earliest); phrases marking another event ("a previous arrest") are left out."""
    sources: dict[str, set[str]] = defaultdict(set)
    count: Counter[str] = Counter()
    first: dict[str, int] = {}
    surface: dict[str, Counter[str]] = defaultdict(Counter)
    for art in articles:
        lead_end = art.sentences[LEAD_SENTENCES - 1].end if len(art.sentences) >= LEAD_SENTENCES \
            else len(art.article.text)
        for text, pos in art.event_chunks:
            if pos >= lead_end or _OTHER.search(text):
                continue  # a phrase from a background sentence, or another event's
            phrase = _DETERMINERS.sub("", text.strip())
            while _DETERMINERS.match(phrase):
                phrase = _DETERMINERS.sub("", phrase)
            words = phrase.split()
            if len(words) < 2 or len(words) > 6:
                continue
            key = phrase.lower()
            sources[key].add(art.source_id)
            count[key] += 1
            first.setdefault(key, pos)
            surface[key][phrase] += 1
    if not count:
        return None
    best = max(count, key=lambda k: (len(sources[k]), count[k], -first[k]))
    # an outlet's scare quotes ('"suspicious" fire') are not part of the story's label
    return re.sub(r"[\"“”]", "", surface[best].most_common(1)[0][0]).strip()


def main_places(articles: list[AnnotatedArticle], entities: list[Entity], limit: int = 3) -> list[str]:
    """Places (canonical names) named by the most sources, most mentioned first."""
    ranked: list[tuple[int, int, str]] = []
    for ent in entities:
        if ent.type not in ("GPE", "LOC", "FAC"):
            continue
        srcs = {m.source_id for m in ent.mentions}
        ranked.append((len(srcs), len(ent.mentions), ent.name))
    ranked.sort(reverse=True)
    return [name for _, _, name in ranked[:limit]]


def story_title(story: Story) -> str:
    """A short label for the event built from the sources' own words (``story.title_source``
    says which): the most representative headline when enough articles carry one; else the
    event phrase most sources use, at its place, when its head is the frame's event word; else
    who did what (where) from the most representative lead; else the first title."""
    frame = story.frame
    if frame is not None and frame.headline:
        story.title_source = "headline"
        return frame.headline
    phrase = event_phrase(story.articles)
    head = phrase.split()[-1].lower() if phrase else ""
    lead_ok = frame is not None and bool(frame.lead_title) and len((frame.lead_title or "").split()) >= 3
    framed = frame is None or not frame.triggers or any(
        head.startswith(t[:4]) for t in frame.triggers[:2])
    place = _event_place(story, phrase) if phrase and framed else None
    if phrase and framed and (place or not lead_ok):  # what, where
        label = phrase[0].upper() + phrase[1:]
        label = f"{label} in {place}" if place and place.lower() not in phrase.lower() else label
        lead_key = (title_cover(frame.lead_title, None, frame), _specific(frame.lead_title, frame)) \
            if lead_ok and frame is not None and frame.lead_title else None
        label_key = (title_cover(label, None, frame), _specific(label, frame, place)) \
            if frame is not None else None
        # the phrase from a side clause of the leads ("investors who lost money under an EU
        # bailout deal"): the lead's own main clause, which does not name it, says as much
        aside = lead_key is not None and frame is not None and not re.search(
            rf"\b{re.escape(head[:4])}", frame.lead_title or "", re.I)
        if not (lead_key is not None and label_key is not None and lead_key[0] >= FULL_COVER
                and (lead_key > label_key or (aside and lead_key >= label_key))):
            story.title_source = "event phrase"
            return label
        # who did what, where: a clause that says as much as the phrase and more
    if lead_ok and frame is not None and frame.lead_title:
        story.title_source = "lead"
        return frame.lead_title
    if phrase:
        story.title_source = "event phrase"
        return phrase[0].upper() + phrase[1:]
    titled = [a.article.title for a in story.articles if a.article.title]
    if titled:
        story.title_source = "first title"
        return titled[0]
    story.title_source = "count"
    return f"{len(story.articles)} articles"


def _specific(title: str, frame: EventFrame, place: str | None = None) -> int:
    """How specific the most specific frame place a title names is: the frame lists places
    most widely named first, so a town comes after its country, a building after its town
    (-1: none named). ``place``, the event's own place (:func:`_event_place`, the most
    specific of those the event's sentences name), counts as more specific than them all."""
    low = title.lower()
    if place and not any(place.lower() in p.lower() for p in frame.places):
        return len(frame.places)
    return max((i for i, p in enumerate(frame.places)
                if p.lower().removeprefix("the ") in low), default=-1)


def _event_place(story: Story, phrase: str | None) -> str | None:
    """The place the sources name in the sentences that report the event: sentences with the
    event phrase's head noun, leaving out those that carry a background date or figure (another
    attack years earlier). Of the places (nearly) as widely reported as the top one, the most
    specific wins; ties go to the place named earliest in the articles (the lede)."""
    places = [e for e in story.entities if e.type in PLACE_LABELS]
    if not places:
        return None
    if not phrase:
        return main_places(story.articles, story.entities, 1)[0]
    head = phrase.split()[-1].lower()
    event_sents: set[tuple[str, int]] = set()
    for art in story.articles:
        background = {r.sentence for r in (*art.dates, *art.figures) if not r.about_event}
        for i, s in enumerate(art.sentences):
            if i not in background and re.search(rf"\b{re.escape(head)}", s.text, re.I):
                event_sents.add((art.source_id, i))
    starts = {a.source_id: [s.start for s in a.sentences] for a in story.articles}
    sources: dict[str, set[str]] = defaultdict(set)
    first: dict[str, float] = {}
    for ent in places:
        for m in ent.mentions:
            idx = bisect.bisect_right(starts.get(m.source_id, []), m.start) - 1
            if (m.source_id, idx) in event_sents:
                sources[ent.id].add(m.source_id)
                rel = idx / max(1, len(starts[m.source_id]))
                first[ent.id] = min(first.get(ent.id, 1.0), rel)
    if not sources:
        return None
    by_id = {e.id: e for e in places}
    # a place the sources' leads share, when they share one (in any spelling: "Khan Shaykhun",
    # "Khan Sheikhoun"): a place only later sentences name ("elections in the CIS") does not
    # place the story
    in_leads: dict[str, set[str]] = defaultdict(set)
    for ent in places:
        for m in ent.mentions:
            idx = bisect.bisect_right(starts.get(m.source_id, []), m.start) - 1
            if 0 <= idx < LEAD_SENTENCES:
                in_leads[ent.id].add(m.source_id)
    shared = {eid for eid in sources if len(in_leads[eid]) >= min(2, len(story.articles))}
    if shared:
        sources = {eid: v for eid, v in sources.items() if eid in shared}
    # among the places nearly as widely reported as the top one, the one named least often
    # overall is the most specific (a town is named less often than its country)
    top = max(len(v) for v in sources.values())
    floor = max(min(2, len(story.articles)), top - 1)  # a place one source mentions is no label
    close = [eid for eid in sources if len(sources[eid]) >= floor] or [
        eid for eid in sources if len(sources[eid]) == top
    ]
    best = min(close, key=lambda eid: (len(by_id[eid].mentions), first[eid]))
    return by_id[best].name
